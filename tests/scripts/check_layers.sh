#!/usr/bin/env bash
# Layer rules (docs/architecture.md), checked on sources and built binaries.
set -u
src=$1 build=$2 fail=0
complain() { echo "LAYER VIOLATION: $*"; fail=1; }

if ldd "$build/bin/clipflow" | grep -qi 'libQt'; then complain "the CLI (and so clipflow_core) links Qt"; fi
grep -rnE '^\s*#\s*include\s*[<"]Q[A-Za-z]*[>"/]' "$src/core" && complain "core includes Qt headers"
grep -rnE '^\s*#\s*include\s*[<"](torch|ATen|c10)/' "$src/widgets" && complain "widgets include torch headers"
grep -rnE '^\s*#\s*include\s*[<"]clipflow/[a-z_]+\.h' "$src/widgets" && complain "widgets include core headers (feed them plain data)"
grep -rnE '^\s*#\s*include\s*[<"](torch|ATen|c10)/' "$src/core/include" && complain "a public core header includes torch (keep it in .cpp files)"
grep -rnE '^\s*#\s*include\s*[<"]Q[A-Za-z]*[>"/]' "$src/app/cli" && complain "the CLI includes Qt headers"
[ $fail = 0 ] && echo "layers ok: core and CLI link no Qt; widgets see no torch or core; torch stays out of public headers"
exit $fail
