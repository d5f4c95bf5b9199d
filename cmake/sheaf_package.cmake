# CPack: `cpack -G DEB` in the build folder makes sheaf_<version>_<arch>.deb with everything
# `cmake --install` installs, under /usr. Its Depends come from dpkg-shlibdeps: the Debian
# packages of the shared libraries the binary and libsheaf.so link to.
set(CPACK_PACKAGE_NAME sheaf)
set(CPACK_PACKAGE_VENDOR "sheaf developers")
set(CPACK_PACKAGE_CONTACT "sheaf developers <sheaf@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "convert Jekyll posts, Markdown, HTML and JSON into EPUB, Markdown, JSON or text")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_STRIP_FILES ON)
include(CPack)
