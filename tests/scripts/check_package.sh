#!/usr/bin/env bash
# Builds the .deb from this build tree and checks it: the files users need are
# in it, the desktop entry and AppStream metainfo validate, dependencies were
# derived (dpkg-shlibdeps), and lintian --pedantic reports no error, warning or
# pedantic tag.
#   check_package.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" >"$out/cpack.log" 2>&1 || { cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/*.deb)
echo "package: $(basename "$deb") ($(du -k "$deb" | cut -f1) kB)"
dpkg-deb -c "$deb" | awk '{print $6}' >"$out/files"
for f in usr/bin/clipflow usr/bin/clipflow-inspect usr/bin/clipflow-engine usr/bin/clipflow-intake usr/bin/clipflow-forensics usr/bin/clipflow-report \
         usr/share/clipflow/models/clipflow-default.safetensors usr/share/clipflow/models/clipflow-supervised.safetensors \
         usr/share/clipflow/models/forensic-v2.safetensors \
         usr/share/clipflow/translations/clipflow_fr.qm usr/share/clipflow/translations/clipflow_zh_CN.qm \
         usr/share/applications/clipflow-forensics.desktop usr/share/metainfo/org.clipflow.Forensics.metainfo.xml \
         usr/share/mime/packages/clipflow-forensics.xml usr/share/icons/hicolor/scalable/apps/clipflow-forensics.svg \
         usr/share/icons/hicolor/16x16/apps/clipflow-forensics.png usr/share/icons/hicolor/512x512/apps/clipflow-forensics.png \
         usr/share/man/man1/clipflow.1.gz usr/share/doc/clipflow-forensics/copyright \
         usr/share/doc/clipflow-forensics/changelog.gz usr/share/doc/clipflow-forensics/user-guide.md; do
  grep -qx "./$f" "$out/files" || { echo "missing from the package: /$f"; exit 1; }
done
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libtorch libqt6widgets6 libopencv-core libfftw3-single3 libexiv2 qt6-qpa-plugins; do
  grep -q "$lib" <<<"$depends" || { echo "Depends lacks $lib: $depends"; exit 1; }
done
echo "depends: $depends"
recommends=$(dpkg-deb -f "$deb" Recommends) # fast BLAS; a CJK font for zh_CN and CJK file names
for pkg in libopenblas0-pthread fonts-noto-cjk; do
  grep -q "$pkg" <<<"$recommends" || { echo "Recommends lacks $pkg: $recommends"; exit 1; }
done
echo "recommends: $recommends"
desktop-file-validate "$src/resources/desktop/clipflow-forensics.desktop"
appstreamcli validate --no-net "$src/resources/desktop/org.clipflow.Forensics.metainfo.xml"
lintian --pedantic --no-tag-display-limit "$deb" | tee "$out/lintian"
if grep -E '^[EWP]:' "$out/lintian"; then
  echo "lintian is not clean"
  exit 1
fi
echo "lintian --pedantic: no errors, warnings or pedantic tags"
