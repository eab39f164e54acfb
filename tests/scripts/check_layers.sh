#!/usr/bin/env bash
# Layer rules (docs/architecture.md), checked on sources and built binaries.
set -u
src=$1 build=$2 fail=0
complain() { echo "LAYER VIOLATION: $*"; fail=1; }

# Direct dependencies only: Debian's libtorch itself needs libopencv_highgui,
# which Debian builds against Qt5, so ldd's transitive list shows Qt5 arriving
# through that package. Our own link line must name no Qt library.
if readelf -d "$build/bin/clipflow-engine" | grep NEEDED | grep -qi 'libQt'; then complain "the CLI (and so clipflow_core) links Qt"; fi
# What `clipflow` answers itself must not wait for libraries (app/cli/main.cpp):
# the dispatcher links only the C++ runtime (and a sanitizer's, in those builds),
# the inspecting commands no LibTorch.
extra=$(readelf -d "$build/bin/clipflow" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | grep -vE '^(libstdc\+\+|libm|libgcc_s|libc|ld-linux.*|lib[aut]san|libubsan)\.so' || true)
[ -z "$extra" ] || complain "clipflow (the dispatcher) links more than the C++ runtime: $extra"
for p in clipflow-inspect clipflow-intake; do
  if readelf -d "$build/bin/$p" | grep NEEDED | grep -qiE 'libtorch|libc10'; then complain "$p links LibTorch"; fi
done
grep -rnE '^\s*#\s*include\s*[<"]Q[A-Za-z]*[>"/]' "$src/core" && complain "core includes Qt headers"
grep -rnE '^\s*#\s*include\s*[<"](torch|ATen|c10)/' "$src/widgets" && complain "widgets include torch headers"
grep -rnE '^\s*#\s*include\s*[<"]clipflow/[a-z_]+\.h' "$src/widgets" && complain "widgets include core headers (feed them plain data)"
grep -rnE '^\s*#\s*include\s*[<"](torch|ATen|c10)/' "$src/core/include" && complain "a public core header includes torch (keep it in .cpp files)"
grep -rnE '^\s*#\s*include\s*[<"]Q[A-Za-z]*[>"/]' "$src/app/cli" && complain "the CLI includes Qt headers"
[ $fail = 0 ] && echo "layers ok: core and CLI link no Qt; clipflow links only the C++ runtime, clipflow-inspect and -intake no LibTorch; widgets see no torch or core; torch stays out of public headers"
exit $fail
