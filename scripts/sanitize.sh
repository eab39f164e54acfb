#!/usr/bin/env bash
# Sanitizer runs of the test suite (CI runs both; see docs/hardening.md):
#   scripts/sanitize.sh asan   ASan + UBSan build in build-asan/, core's and the CLI's unit tests (not slow; see asan_skip)
#   scripts/sanitize.sh tsan   TSan build in build-tsan/, the worker and job tests
# Both build core (and ASan the CLI) and their tests only (no GUI, no benchmarks): the
# Qt layers above are Debian's uninstrumented Qt plus our views, and building
# them twice more would push a cold CI run past its time limit. Debug info is
# line tables only (-g1) at -O1: enough for symbolised reports, a fraction of the
# compile time of -g on the LibTorch translation units.
# Extra arguments go to ctest (e.g. -R tst_casefile).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
kind=${1:-asan}
shift || true
# tst_supervised is not among them: its threads are the feature stage's, which
# tst_clipflowtraining runs, and its training under TSan took 188 s of a cold CI run.
# (None of them starts the CLI, so it is not built: casewriter is tst_crashsafety's.)
tsan_tests=(tst_batchrunner tst_flowtrainer tst_clipflowtraining tst_fftplancache tst_spectrum tst_jpegforensics tst_crashsafety
  tst_workerprocess)
# Under ASan, not the two training-loop tests (230 s of a cold CI run): their
# memory is LibTorch's tensors; the kernels they train through are checked by
# tst_winogradconv and tst_directconv, scoring through them by tst_detector,
# their files by tst_safetensors and the fuzzers, and tst_clipflowtraining runs
# a training job end to end.
asan_skip='^(tst_learnedbackbone|tst_supervised)$'
case $kind in
  asan) build=$root/build-asan sanitize=address,undefined targets=(all) select=(-L unit -LE slow -E "$asan_skip") ;;
  tsan) build=$root/build-tsan sanitize=thread targets=("${tsan_tests[@]}" casewriter)
        select=(-R "^($(IFS='|'; echo "${tsan_tests[*]}"))\$") ;;
  *) echo "usage: $0 asan|tsan [ctest args]"; exit 2 ;;
esac
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLIPFLOW_SANITIZE=$sanitize \
  -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
  -DCLIPFLOW_BUILD_GUI=OFF -DCLIPFLOW_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" --target "${targets[@]}"
# Leaks inside Qt, Exiv2 and LibTorch globals at exit are not ours; every other report fails the test.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Sanitized code runs 5-20x slower than Qt Test's 5-minute limit per function expects.
export QTEST_FUNCTION_TIMEOUT=1800000
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$root/scripts/tsan.supp"
ctest --test-dir "$build" --output-on-failure --timeout 1800 --parallel "$(nproc)" "${select[@]}" "$@"
