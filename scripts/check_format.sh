#!/usr/bin/env bash
# clang-format in CI, as nomacs does: every C++ file we own must be formatted.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "check_format: clang-format not installed, skipping"; exit 0; }
files=$(git ls-files '*.cpp' '*.h' 2>/dev/null || find app core widgets tests bench -name '*.cpp' -o -name '*.h')
if ! clang-format --dry-run --Werror $files; then
  echo "check_format: run 'clang-format -i' on the files above (scripts/format.sh)" >&2
  exit 1
fi
echo "check_format: $(echo "$files" | wc -w) files formatted"
