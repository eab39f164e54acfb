#!/usr/bin/env bash
# Proves that the .deb installs and works on a machine with only Debian 12's
# base packages: a fresh debootstrap (minbase) chroot, then
#   apt-get install ./clipflow-forensics_*.deb
# which must pull every dependency by itself; then each program runs there.
#
#   sudo scripts/test_deb_install.sh build/clipflow-forensics_0.1.0_amd64.deb [MIRROR]
#
# Needs root, debootstrap and network access to a Debian mirror; about 10
# minutes and 2 GB of disk. Not part of CI (see docs/packaging.md).
set -euo pipefail
deb=$(readlink -f "${1:?usage: $0 PACKAGE.deb [MIRROR]}")
mirror=${2:-http://deb.debian.org/debian}
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(mktemp -d /var/tmp/clipflow-chroot.XXXXXX)
cleanup() {
  umount "$root/proc" 2>/dev/null || true
  rm -rf "$root"
}
trap cleanup EXIT
step() { echo "== $* ($(date +%T))"; }

step "debootstrap --variant=minbase bookworm"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.log" 2>&1 || { tail -20 "$root.log"; exit 1; }
rm -f "$root.log"
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/"
cp "$here/tests/data/formats/rgb.png" "$root/tmp/evidence.png"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

step "apt-get install ./$(basename "$deb")"
in_root apt-get -q update
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "/tmp/$(basename "$deb")"

step "the programs run"
in_root clipflow --version
in_root clipflow score --detector all --json /tmp/evidence.png | tee "$root/tmp/score.json"
grep -q '"sha256"' "$root/tmp/score.json"
in_root env QT_QPA_PLATFORM=offscreen clipflow-forensics --version
in_root env QT_QPA_PLATFORM=offscreen clipflow report /tmp/evidence.png --out /tmp/report.pdf --title "Install test"
head -c 5 "$root/tmp/report.pdf" | grep -q '%PDF-'
in_root man -w clipflow >/dev/null 2>&1 || test -f "$root/usr/share/man/man1/clipflow.1.gz"
for f in usr/share/applications/clipflow-forensics.desktop usr/share/metainfo/org.clipflow.Forensics.metainfo.xml \
         usr/share/mime/packages/clipflow-forensics.xml usr/share/icons/hicolor/256x256/apps/clipflow-forensics.png \
         usr/share/clipflow/models/clipflow-default.safetensors usr/share/clipflow/translations/clipflow_fr.qm; do
  test -s "$root/$f" || { echo "missing: /$f"; exit 1; }
done

step "apt-get remove leaves nothing of ours"
in_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -q clipflow-forensics
test ! -e "$root/usr/bin/clipflow" && test ! -e "$root/usr/share/clipflow"
step "PASS: the package installs, runs and removes on a minimal Debian 12"
