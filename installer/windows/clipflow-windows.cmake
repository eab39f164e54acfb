# Windows installers (NSIS and WiX) for ClipFlow Forensics. Included by
# cmake/clipflowpackaging.cmake when building on Windows (MSVC, vcpkg or
# official LibTorch/OpenCV/FFTW/Qt binaries). NOT BUILT OR TESTED HERE: the
# project is developed and tested on Debian 12 only; see docs/packaging.md.
#
#   cmake --build build --config Release --target package    -> .exe (NSIS) and .msi (WiX)

set(CPACK_GENERATOR NSIS WIX ZIP)
set(CPACK_PACKAGE_INSTALL_DIRECTORY "ClipFlow Forensics")
set(CPACK_PACKAGE_ICON "${PROJECT_SOURCE_DIR}/installer/windows\\\\clipflow-forensics.bmp")

# Qt, LibTorch, OpenCV, FFTW and Exiv2 DLLs next to the programs, found by
# the runtime-dependency scan; Qt's plugins via windeployqt.
install(CODE [[
  file(GET_RUNTIME_DEPENDENCIES
    EXECUTABLES $<TARGET_FILE:clipflow-engine> $<TARGET_FILE:clipflow-inspect> $<TARGET_FILE:clipflow-forensics> $<TARGET_FILE:clipflow-report>
    RESOLVED_DEPENDENCIES_VAR deps
    PRE_EXCLUDE_REGEXES "api-ms-.*" "ext-ms-.*"
    POST_EXCLUDE_REGEXES ".*[/\\\\]system32[/\\\\].*")
  file(INSTALL ${deps} DESTINATION "${CMAKE_INSTALL_PREFIX}/bin")
]])
find_program(WINDEPLOYQT windeployqt HINTS "${Qt6_DIR}/../../../bin")
if(WINDEPLOYQT)
  install(CODE "execute_process(COMMAND \"${WINDEPLOYQT}\" --no-translations --dir \"\${CMAKE_INSTALL_PREFIX}/bin\" \"\${CMAKE_INSTALL_PREFIX}/bin/clipflow-forensics.exe\")")
endif()

# NSIS: Start menu entry, .cfcase association, uninstaller.
set(CPACK_NSIS_DISPLAY_NAME "ClipFlow Forensics")
set(CPACK_NSIS_MUI_ICON "${PROJECT_SOURCE_DIR}/installer/windows/clipflow-forensics.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\clipflow-forensics.exe")
set(CPACK_NSIS_MODIFY_PATH ON) # offers to put clipflow.exe on PATH
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS [[
  WriteRegStr HKCR ".cfcase" "" "ClipFlowForensics.Case"
  WriteRegStr HKCR "ClipFlowForensics.Case" "" "ClipFlow Forensics case"
  WriteRegStr HKCR "ClipFlowForensics.Case\\DefaultIcon" "" "$INSTDIR\\bin\\clipflow-forensics.exe,0"
  WriteRegStr HKCR "ClipFlowForensics.Case\\shell\\open\\command" "" '"$INSTDIR\\bin\\clipflow-forensics.exe" "%1"'
]])
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS [[
  DeleteRegKey HKCR ".cfcase"
  DeleteRegKey HKCR "ClipFlowForensics.Case"
]])

# WiX: per-machine MSI with a stable upgrade code (never change it).
set(CPACK_WIX_UPGRADE_GUID "6C1F3A52-2B7E-4F0E-9B7A-3D5C2E8F4A10")
set(CPACK_WIX_PRODUCT_ICON "${PROJECT_SOURCE_DIR}/installer/windows/clipflow-forensics.ico")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "ClipFlow Forensics")
set(CPACK_WIX_LICENSE_RTF "${PROJECT_SOURCE_DIR}/installer/windows/license.rtf")
set_property(INSTALL "bin/$<TARGET_FILE_NAME:clipflow-forensics>" PROPERTY CPACK_START_MENU_SHORTCUTS "ClipFlow Forensics")
