#!/usr/bin/env bash
# ClipFlow Forensics on a fresh Debian 12 machine:
#   ./run.sh          install what is missing, build (Release, build/), start the app
#   ./run.sh test     the same, then the whole test suite
#   ./run.sh bench    the same, then the benchmarks against the Python references
set -euo pipefail
cd "$(dirname "$0")"
mode=${1:-run}
[ $# -gt 0 ] && shift

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n qt6-svg-dev
  libqcustomplot-dev libqcustomplot2.1-qt6
  libtorch-dev libgloo-dev libopenblas0-pthread
  libopencv-dev libjpeg-dev libfftw3-dev libssl-dev libgif-dev zlib1g-dev nlohmann-json3-dev libexiv2-dev libheif-dev libwebp-dev
  libbenchmark-dev xvfb xauth poppler-utils clang-format doxygen
  dpkg-dev lintian desktop-file-utils appstream
  python3 python3-torch python3-numpy python3-pil
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "run.sh: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"
fi

jobs=$(nproc)
# The benchmark programs (two LibTorch translation units among them) are built
# for ./run.sh bench only: nothing else runs them, and CI's cold build is timed.
bench=OFF
[ "$mode" = bench ] && bench=ON
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCLIPFLOW_BUILD_BENCH=$bench ${CLIPFLOW_CMAKE_ARGS:-}
cmake --build build --parallel "$jobs"

case "$mode" in
  run)
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      echo "run.sh: no display found; starting the app under Xvfb is pointless. Try: xvfb-run ./run.sh, or use build/bin/clipflow." >&2
      exit 1
    fi
    exec build/bin/clipflow-forensics "$@"
    ;;
  test)
    # All output shown; the data-labelled tests skip cleanly without ../shared/data.
    # Two at a time (tests that measure time, memory or ports run alone: tests/CMakeLists.txt).
    ctest --test-dir build --output-on-failure --verbose --timeout 1200 --parallel "$jobs" "$@"
    ;;
  bench)
    exec scripts/run_benchmarks.sh "$@"
    ;;
  *)
    echo "usage: ./run.sh [run|test|bench]" >&2
    exit 2
    ;;
esac
