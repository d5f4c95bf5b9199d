# `cmake --install`: the sheaf command (cli/CMakeLists.txt installs it and the man page sheaf.1),
# libsheaf static and shared, the public headers, the CMake package (find_package(sheaf) gives
# sheaf::sheaf, shared, and sheaf::sheaf_static), sheaf.pc, shell completions and the JSON schema.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(SHEAF_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/sheaf)

install(TARGETS sheaf_lib_shared sheaf_lib_static EXPORT sheafTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${SHEAF_HEADER_STAGE}/sheaf DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT sheafTargets NAMESPACE sheaf:: DESTINATION ${SHEAF_CMAKE_DIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/sheaf-config.cmake.in
  ${PROJECT_BINARY_DIR}/sheaf-config.cmake INSTALL_DESTINATION ${SHEAF_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/sheaf-config-version.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/sheaf-config.cmake ${PROJECT_BINARY_DIR}/sheaf-config-version.cmake
  DESTINATION ${SHEAF_CMAKE_DIR})

# sheaf.pc finds the prefix from its own location, so the tree can move (dpkg -x, DESTDIR).
file(RELATIVE_PATH SHEAF_PC_TO_PREFIX /root/${CMAKE_INSTALL_LIBDIR}/pkgconfig /root)
string(REGEX REPLACE "/$" "" SHEAF_PC_TO_PREFIX "${SHEAF_PC_TO_PREFIX}")
list(JOIN SHEAF_SYSTEM_LIBS " -l" SHEAF_PC_LIBS_PRIVATE)
set(SHEAF_PC_LIBS_PRIVATE "-l${SHEAF_PC_LIBS_PRIVATE}")
list(JOIN SHEAF_PC_REQUIRES " " SHEAF_PC_REQUIRES_PRIVATE)
configure_file(${PROJECT_SOURCE_DIR}/cmake/sheaf.pc.in ${PROJECT_BINARY_DIR}/sheaf.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/sheaf.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

install(FILES ${PROJECT_SOURCE_DIR}/completions/sheaf.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME sheaf)
install(FILES ${PROJECT_SOURCE_DIR}/completions/_sheaf
  DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${PROJECT_SOURCE_DIR}/docs/sheaf-document.schema.json
  DESTINATION ${CMAKE_INSTALL_DATADIR}/sheaf)
