#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-fuzz/ and runs
# each for SECONDS (default 600), two at a time. New inputs that add coverage
# are merged into tests/fuzz/corpus/<target> (replayed by CTest); crashes land
# in build-fuzz/fuzz/artifacts/. Logs with execution counts: build-fuzz/fuzz/<target>.log
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(intake heif safetensors modelmeta casefile scoremap provenance c2pa xmp)
build=$root/build-fuzz
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCLIPFLOW_FUZZ=ON -DCLIPFLOW_SANITIZE=address,undefined \
  -DCLIPFLOW_BUILD_GUI=OFF -DCLIPFLOW_BUILD_TESTS=OFF -DCLIPFLOW_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" --target "${targets[@]/#/fuzz_}"
out=$build/fuzz
mkdir -p "$out/artifacts"
run() {
  local t=$1 work=$out/corpus-$1
  mkdir -p "$work"
  # Leaks in Exiv2/OpenCV globals are not ours to fix; everything else aborts.
  ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$out/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3072 -max_len=262144 \
      -print_final_stats=1 -artifact_prefix="$out/artifacts/$t-" "$work" "$root/tests/fuzz/corpus/$t" \
      >"$out/$t.log" 2>&1 || echo "fuzz_$t stopped with a finding: see $out/$t.log"
  # Keep only inputs that add coverage, and only small ones, in the repository.
  ASAN_OPTIONS=detect_leaks=0 "$out/fuzz_$t" -merge=1 -max_len=16384 -artifact_prefix="$out/artifacts/merge-$t-" \
    "$root/tests/fuzz/corpus/$t" "$work" >>"$out/$t.log" 2>&1 || true
  echo "$t: $(grep -m1 'stat::number_of_executed_units' "$out/$t.log" || echo 'no stats') ($(ls "$root/tests/fuzz/corpus/$t" | wc -l) corpus files)"
}
pids=()
for t in "${targets[@]}"; do
  run "$t" &
  pids+=($!)
  if [ ${#pids[@]} -ge 2 ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
done
wait
ls "$out/artifacts" 2>/dev/null | grep -q . && { echo "findings:"; ls -l "$out/artifacts"; exit 1; }
echo "no findings"
