#!/usr/bin/env bash
# Without a display the desktop app must still answer --help and --version,
# and otherwise say what to do instead (not Qt's message about the xcb plugin).
set -u
app=$1
run() { env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM timeout 30 "$app" "$@"; }
fail() { echo "FAIL: $*"; exit 1; }

out=$(run --help 2>&1); rc=$?
[ "$rc" -eq 0 ] || fail "--help exited $rc: $out"
grep -q -- '--screenshot' <<<"$out" || fail "--help does not list the options: $out"

out=$(run --version 2>&1); rc=$?
[ "$rc" -eq 0 ] || fail "--version exited $rc: $out"
grep -q '^ClipFlow Forensics [0-9]' <<<"$out" || fail "--version printed: $out"

out=$(run --help --no-such-option 2>&1); rc=$?
[ "$rc" -ne 0 ] || fail "an unknown option was accepted"
grep -q 'no-such-option' <<<"$out" || fail "the unknown option is not named: $out"

out=$(run picture.png 2>&1); rc=$?
[ "$rc" -ne 0 ] && [ "$rc" -lt 124 ] || fail "without a display it exited $rc (expected a plain failure): $out"
grep -q 'no display' <<<"$out" || fail "the message does not say what is missing: $out"
grep -q 'clipflow score' <<<"$out" || fail "the message does not point to the command-line tool: $out"
if grep -q 'xcb' <<<"$out"; then fail "Qt's platform-plugin message leaked through: $out"; fi
echo "ok: --help, --version and a clear message without a display"
