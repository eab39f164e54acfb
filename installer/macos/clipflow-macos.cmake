# macOS: ClipFlow Forensics.app in a drag-and-drop .dmg, with `clipflow`
# inside the bundle (Contents/MacOS/clipflow) for the command line. Included by
# cmake/clipflowpackaging.cmake on Apple platforms. NOT BUILT OR TESTED HERE:
# see docs/packaging.md. LibTorch for macOS is CPU/MPS only (no CUDA).
#
#   cmake --build build --target package    -> ClipFlowForensics-0.1.0-Darwin.dmg

set_target_properties(clipflow-forensics PROPERTIES
  MACOSX_BUNDLE ON
  OUTPUT_NAME "ClipFlow Forensics"
  MACOSX_BUNDLE_INFO_PLIST ${PROJECT_SOURCE_DIR}/installer/macos/Info.plist.in
  MACOSX_BUNDLE_BUNDLE_NAME "ClipFlow Forensics"
  MACOSX_BUNDLE_GUI_IDENTIFIER "org.clipflow.forensics"
  MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
  MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
  MACOSX_BUNDLE_ICON_FILE clipflow-forensics.icns)

# Models and translations in Contents/Resources; the programs look in
# <bin>/../share/clipflow, so the bundle keeps that shape under Contents.
set(_bundle "ClipFlow Forensics.app/Contents")
install(TARGETS clipflow-forensics BUNDLE DESTINATION .)
install(TARGETS clipflow clipflow-inspect clipflow-engine clipflow-intake clipflow-report RUNTIME DESTINATION "${_bundle}/MacOS")
install(FILES ${CLIPFLOW_SHIPPED_MODELS} DESTINATION "${_bundle}/share/clipflow/models")
install(FILES ${PROJECT_SOURCE_DIR}/installer/macos/clipflow-forensics.icns DESTINATION "${_bundle}/Resources")

# Qt frameworks and plugins, LibTorch/OpenCV dylibs: macdeployqt, then sign.
find_program(MACDEPLOYQT macdeployqt HINTS "${Qt6_DIR}/../../../bin")
if(MACDEPLOYQT)
  install(CODE "execute_process(COMMAND \"${MACDEPLOYQT}\" \"\${CMAKE_INSTALL_PREFIX}/ClipFlow Forensics.app\"
    -executable=\"\${CMAKE_INSTALL_PREFIX}/${_bundle}/MacOS/clipflow\"
    -executable=\"\${CMAKE_INSTALL_PREFIX}/${_bundle}/MacOS/clipflow-report\" -always-overwrite)")
endif()
# Signing and notarisation need the team's Developer ID:
#   codesign --deep --options runtime --sign "Developer ID Application: …" "ClipFlow Forensics.app"
#   xcrun notarytool submit ClipFlowForensics-*.dmg --wait …

set(CPACK_GENERATOR DragNDrop)
set(CPACK_DMG_VOLUME_NAME "ClipFlow Forensics")
set(CPACK_DMG_FORMAT UDZO)
