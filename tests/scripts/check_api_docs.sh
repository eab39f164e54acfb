#!/usr/bin/env bash
# Builds the core API reference (docs/Doxyfile) and fails on any Doxygen
# warning, or when the declarations lost their /// comments.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$root"
{ cat docs/Doxyfile; echo "OUTPUT_DIRECTORY = $out"; echo "WARN_LOGFILE = $out/warnings.log"; } | doxygen - >/dev/null
if [ -s "$out/warnings.log" ]; then
  echo "Doxygen warnings:"; cat "$out/warnings.log"; exit 1
fi
# A few declarations every API reader needs must carry their descriptions.
# grep reads the whole page (no -q): with pipefail, grep -q stopping at the
# first match made sed die of SIGPIPE on long pages and failed the check.
page() { sed -e 's/<[^>]*>//g' "$out/html/$1"; }
has() { page "$1" | grep -c "$2" >/dev/null; }
has evidence_8h.html "Reads, hashes and decodes one file" || { echo "load_evidence undocumented"; exit 1; }
has classclipflow_1_1WorkerProcess.html "Starts the child" || { echo "WorkerProcess::start undocumented"; exit 1; }
has structclipflow_1_1EvidenceInfo.html "lowercase hex of the exact file bytes" || { echo "EvidenceInfo::sha256 undocumented"; exit 1; }
echo "API reference: $(ls "$out/html" | wc -l) files, no warnings"
