#!/usr/bin/env bash
# Sanitizer runs of the test suite (CI runs both; see docs/hardening.md):
#   scripts/sanitize.sh asan   ASan + UBSan build in build-asan/, unit tests (not slow)
#   scripts/sanitize.sh tsan   TSan build in build-tsan/, the worker and job tests
# Extra arguments go to ctest (e.g. -R tst_casefile).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
kind=${1:-asan}
shift || true
case $kind in
  asan) build=$root/build-asan sanitize=address,undefined select=(-L unit -LE slow) ;;
  tsan) build=$root/build-tsan sanitize=thread
        select=(-R 'tst_(flowtrainer|clipflowtraining|supervised|fftplancache|spectrum|mainwindow|trainingdialog|crashsafety|workerprocess)$') ;;
  *) echo "usage: $0 asan|tsan [ctest args]"; exit 2 ;;
esac
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLIPFLOW_SANITIZE=$sanitize \
  -DCLIPFLOW_BUILD_BENCH=OFF >/dev/null
cmake --build "$build"
# Leaks inside Qt, Exiv2 and LibTorch globals at exit are not ours; every other report fails the test.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Sanitized code runs 5-20x slower than Qt Test's 5-minute limit per function expects.
export QTEST_FUNCTION_TIMEOUT=1800000
# ...and tst_trainingdialog's cancel-and-resume run needs only enough epochs to be cancelled mid-run.
export CLIPFLOW_TEST_LONG_EPOCHS=60
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$root/scripts/tsan.supp"
ctest --test-dir "$build" --output-on-failure --timeout 1800 "${select[@]}" "$@"
