# SPDX-License-Identifier: Apache-2.0
# The install tree for C++ users (included by lib/CMakeLists.txt):
#
#   include/vigie/*.h                    the public API and version.h
#   lib/libvigie.so.X.Y.Z, libvigie.a    the libraries that were built
#   lib/cmake/vigie/                     find_package(vigie CONFIG)
#   lib/pkgconfig/vigie.pc               pkg-config vigie
#   bin/vigie                            the program (tools/vigie)
#   share/doc/vigie/                     LICENSE, NOTICE, and the data's
#                                        licences at the paths NOTICE names
option(VIGIE_INSTALL "Install vigie's headers, libraries and package files" ${PROJECT_IS_TOP_LEVEL})
if(NOT VIGIE_INSTALL)
  return()
endif()

include(CMakePackageConfigHelpers)
set(vigie_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/vigie)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/vigie DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.h")
install(FILES ${PROJECT_BINARY_DIR}/include/vigie/version.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/vigie)

# One export set per library: both name their target vigie::vigie and
# vigieConfig.cmake loads one of them.
foreach(kind shared static)
  if(TARGET vigie_${kind})
    install(TARGETS vigie_${kind} EXPORT vigie-${kind}-targets
      ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
      LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
      RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    install(EXPORT vigie-${kind}-targets NAMESPACE vigie:: DESTINATION ${vigie_cmake_dir})
  endif()
endforeach()

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/vigieConfig.cmake.in
  ${PROJECT_BINARY_DIR}/vigieConfig.cmake INSTALL_DESTINATION ${vigie_cmake_dir})
# 0.x: a minor version may change the API, so only the same minor matches.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/vigieConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/vigieConfig.cmake ${PROJECT_BINARY_DIR}/vigieConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/vigieDependencies.cmake
        DESTINATION ${vigie_cmake_dir})

# pkg-config: the prefix is found from the .pc file's own place, so the tree
# can be moved. Requires.private/Libs.private serve `pkg-config --static`.
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(vigie_pc_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(vigie_pc_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(vigie_pc_prefix "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH vigie_pc_up "/root/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/root")
  string(REGEX REPLACE "/$" "" vigie_pc_up "${vigie_pc_up}")
  set(vigie_pc_prefix "\${pcfiledir}/${vigie_pc_up}")
endif()
# The licences: vigie's own (LICENSE, NOTICE), and those of the data the
# library embeds (lib/data/NOTICE.md and the texts it names), kept at the
# paths NOTICE gives them.
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/NOTICE
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/lib/data/NOTICE.md DESTINATION ${CMAKE_INSTALL_DOCDIR}/lib/data)
foreach(dir places health)
  file(GLOB vigie_data_licences ${PROJECT_SOURCE_DIR}/lib/data/${dir}/LICENSE_*)
  install(FILES ${vigie_data_licences} DESTINATION ${CMAKE_INSTALL_DOCDIR}/lib/data/${dir})
endforeach()
configure_file(${PROJECT_SOURCE_DIR}/cmake/vigie.pc.in ${PROJECT_BINARY_DIR}/vigie.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/vigie.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
