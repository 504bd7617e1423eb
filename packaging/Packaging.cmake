# SPDX-License-Identifier: GPL-3.0-or-later
#
# Install rules for the desktop integration files, and CPack.
#
#   cmake --preset release && cmake --build --preset release
#   cd build/release && cpack -G TGZ     # or: cpack -G DEB
#
# Generators: TGZ always, DEB where dpkg-deb exists (package dependencies
# computed by dpkg-shlibdeps), RPM where rpmbuild exists, NSIS on Windows,
# DragNDrop on macOS. `cpack` without -G builds all of them.

include_guard(GLOBAL)

if(TIDINGS_BUILD_GUI AND NOT WIN32 AND NOT APPLE)
    install(FILES "${PROJECT_SOURCE_DIR}/resources/${TIDINGS_APP_ID}.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
    install(FILES "${PROJECT_SOURCE_DIR}/resources/${TIDINGS_APP_ID}.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
    install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/${TIDINGS_APP_ID}.svg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")
endif()
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" "${PROJECT_SOURCE_DIR}/README.md"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/tidings")

set(CPACK_PACKAGE_NAME "tidings")
set(CPACK_PACKAGE_VENDOR "The Tidings developers")
set(CPACK_PACKAGE_CONTACT "The Tidings developers")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Instant messaging over SIP MESSAGE")
set(CPACK_PACKAGE_DESCRIPTION
    "Tidings is a desktop instant messenger built on SIP MESSAGE (RFC 3428), with a
command-line client (tidings-cli) for scripts, bots and servers without a display.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "${TIDINGS_DISPLAY_NAME}")
set(CPACK_PACKAGE_EXECUTABLES "tidings;${TIDINGS_DISPLAY_NAME}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_GENERATOR "TGZ")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build/" "/\\\\.cache/")

set(CPACK_GENERATOR "TGZ")

if(WIN32)
    list(APPEND CPACK_GENERATOR "NSIS")
    set(CPACK_NSIS_DISPLAY_NAME "${TIDINGS_DISPLAY_NAME}")
    set(CPACK_NSIS_PACKAGE_NAME "${TIDINGS_DISPLAY_NAME}")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\tidings.exe")
    set(CPACK_NSIS_MUI_FINISHPAGE_RUN "tidings.exe")
elseif(APPLE)
    list(APPEND CPACK_GENERATOR "DragNDrop")
    set(CPACK_DMG_VOLUME_NAME "${TIDINGS_DISPLAY_NAME}")
    set(CPACK_DMG_FORMAT "UDZO")
else()
    find_program(TIDINGS_DPKG_DEB dpkg-deb)
    if(TIDINGS_DPKG_DEB)
        list(APPEND CPACK_GENERATOR "DEB")
    endif()
    find_program(TIDINGS_RPMBUILD rpmbuild)
    if(TIDINGS_RPMBUILD)
        list(APPEND CPACK_GENERATOR "RPM")
    endif()
endif()

# DEB: library dependencies from dpkg-shlibdeps; the Qt plugins loaded at run
# time (platform, SQLite driver, SVG icons) are not linked, so they are listed.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")

# RPM
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_LICENSE "GPL-3.0-or-later")
set(CPACK_RPM_PACKAGE_GROUP "Applications/Internet")
set(CPACK_RPM_PACKAGE_AUTOREQ ON)

include(CPack)
