# Installation layout and packages (CPack DEB and TGZ; NSIS/WiX and macOS
# recipes live in installer/). Everything is relocatable: programs find their
# models and translations at <bin>/../share/clipflow.
#
#   cmake --build build --target package     -> build/clipflow-forensics_*.deb and .tar.gz
#   scripts/package_deb.sh                   the same in a Release tree, then lintian

# Debian policy: documentation under the package name.
set(CMAKE_INSTALL_DOCDIR share/doc/clipflow-forensics)
include(GNUInstallDirs)

install(TARGETS clipflow clipflow-inspect clipflow-engine clipflow-intake RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES CHANGELOG.md README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} FILES_MATCHING PATTERN "*.md" PATTERN "*.png")

set(CLIPFLOW_MAN_DIR ${PROJECT_BINARY_DIR}/share/man/man1)
set(_pages "")
# name, summary, program target
set(_man_clipflow "command-line evidence intake and AI-image detection")
set(_man_clipflow-forensics "desktop app for deciding whether an image was made by an AI generator")
set(_man_clipflow-report "writes the PDF case report for images or a case file")
set(_man_clipflow-intake "the isolated reader: intake of untrusted image files in a separate process")
set(_man_clipflow-inspect "runs the commands of clipflow that need no detector: spectrum, provenance, jpeg, proxy")
set(_man_clipflow-engine "runs the commands of clipflow that use the detectors: score, train, eval and the others")
set(_man_programs clipflow clipflow-inspect clipflow-engine clipflow-intake)
if(CLIPFLOW_BUILD_GUI)
  list(APPEND _man_programs clipflow-forensics clipflow-report)
endif()
foreach(prog IN LISTS _man_programs)
  set(page ${CLIPFLOW_MAN_DIR}/${prog}.1.gz)
  set(others ${_man_programs})
  list(REMOVE_ITEM others ${prog})
  add_custom_command(OUTPUT ${page}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CLIPFLOW_MAN_DIR}
    COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/scripts/gen_manpage.py $<TARGET_FILE:${prog}> ${prog}
            "${_man_${prog}}" ${page} ${others}
    DEPENDS ${prog} ${PROJECT_SOURCE_DIR}/scripts/gen_manpage.py
    COMMENT "Man page ${prog}.1")
  list(APPEND _pages ${page})
endforeach()
add_custom_target(clipflow_manpages ALL DEPENDS ${_pages})
install(FILES ${_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

if(CLIPFLOW_BUILD_GUI)
  if(NOT APPLE) # the macOS recipe installs a bundle instead
    install(TARGETS clipflow-forensics clipflow-report RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  endif()
  set(_desktop ${PROJECT_SOURCE_DIR}/resources/desktop)
  install(FILES ${_desktop}/clipflow-forensics.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${_desktop}/org.clipflow.Forensics.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES ${_desktop}/clipflow-forensics-mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
          RENAME clipflow-forensics.xml)
  set(_svg ${PROJECT_SOURCE_DIR}/resources/icons/clipflow-forensics.svg)
  install(FILES ${_svg} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  install(FILES ${_svg} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/mimetypes
          RENAME application-x-clipflow-case.svg)
  # PNG sizes rendered from the SVG at build time.
  set(CLIPFLOW_ICON_SIZES 16 22 24 32 48 64 128 256 512)
  set(_icons_dir ${PROJECT_BINARY_DIR}/share/icons/hicolor)
  set(_pngs "")
  foreach(s IN LISTS CLIPFLOW_ICON_SIZES)
    list(APPEND _pngs ${_icons_dir}/${s}x${s}/apps/clipflow-forensics.png)
  endforeach()
  add_custom_command(OUTPUT ${_pngs}
    COMMAND clipflow-render-icons ${_svg} ${_icons_dir} ${CLIPFLOW_ICON_SIZES}
    DEPENDS clipflow-render-icons ${_svg} COMMENT "Rendering icon PNGs")
  add_custom_target(clipflow_icons ALL DEPENDS ${_pngs})
  foreach(s IN LISTS CLIPFLOW_ICON_SIZES)
    install(FILES ${_icons_dir}/${s}x${s}/apps/clipflow-forensics.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${s}x${s}/apps)
  endforeach()
endif()

# Debian: copyright and changelog where policy wants them.
set(_debdoc ${PROJECT_BINARY_DIR}/debian-doc)
file(MAKE_DIRECTORY ${_debdoc})
configure_file(${PROJECT_SOURCE_DIR}/installer/debian/copyright ${_debdoc}/copyright COPYONLY)
add_custom_command(OUTPUT ${_debdoc}/changelog.gz
  COMMAND gzip -9nc ${PROJECT_SOURCE_DIR}/installer/debian/changelog > ${_debdoc}/changelog.gz
  DEPENDS ${PROJECT_SOURCE_DIR}/installer/debian/changelog)
add_custom_target(clipflow_debian_doc ALL DEPENDS ${_debdoc}/changelog.gz)
install(FILES ${_debdoc}/copyright ${_debdoc}/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})

# --- CPack ------------------------------------------------------------------
set(CPACK_PACKAGE_NAME clipflow-forensics)
set(CPACK_PACKAGE_VENDOR "ClipFlow Forensics")
set(CPACK_PACKAGE_CONTACT "ClipFlow Forensics <maintainers@clipflow.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "decide whether an image was made by an AI generator")
set(CPACK_PACKAGE_DESCRIPTION "Desktop app and command line for journalists and forensic analysts.
It hashes evidence at intake and never modifies it, scores images with
CLIP-Flow (trained on natural photos only, calibrated against them) and a
supervised detector that names the likely generator, shows Fourier spectra
and noise residuals, trains detectors, and writes case files and PDF case
reports. The clipflow command line runs the same analysis headless.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "ClipFlow Forensics")
set(CPACK_PACKAGE_EXECUTABLES clipflow-forensics "ClipFlow Forensics")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB TGZ)
set(CPACK_PACKAGE_FILE_NAME ${CPACK_PACKAGE_NAME}_${PROJECT_VERSION}_amd64)
set(CPACK_SOURCE_IGNORE_FILES "/build.*/" "/\\\\.git/")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://clipflow.invalid/")
# Library dependencies are derived from what the programs actually link
# (dpkg-shlibdeps); plugins Qt loads at run time are named by hand.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, hicolor-icon-theme")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libopenblas0-pthread, qt6-translations-l10n, qt6-svg-plugins, fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# Other platforms: recipes only, never built here (docs/packaging.md).
if(WIN32)
  include(${PROJECT_SOURCE_DIR}/installer/windows/clipflow-windows.cmake)
elseif(APPLE AND CLIPFLOW_BUILD_GUI)
  include(${PROJECT_SOURCE_DIR}/installer/macos/clipflow-macos.cmake)
endif()

include(CPack)
