# SPDX-License-Identifier: Apache-2.0
# What libvigie links to, found the same way by vigie's own build and, for the
# static library, by the installed vigieConfig.cmake:
#
#   vigie::hyperscan    Hyperscan or Vectorscan: a CMake package (ConanCenter's
#                       hyperscan or vectorscan) or pkg-config's libhs (Debian)
#   vigie::phonenumber  libphonenumber: its CMake package (upstream, Conan) or
#                       the header and library (Debian ships neither file)
#   ICU::uc             CMake's FindICU
#   OpenSSL::Crypto     CMake's FindOpenSSL (HMAC and AES-SIV of redaction)
#   absl::*             Abseil's CMake package
#
# Inside vigieConfig.cmake a missing dependency makes find_package(vigie)
# fail with its name (find_dependency); in the build it is an error.
include(CMakeFindDependencyMacro)

macro(_vigie_require)
  if(CMAKE_FIND_PACKAGE_NAME STREQUAL "vigie")
    find_dependency(${ARGN})
  else()
    find_package(${ARGN} REQUIRED)
  endif()
endmacro()

# Stops with `what`: find_package(vigie) reports it, the build fails on it.
macro(_vigie_missing what)
  if(CMAKE_FIND_PACKAGE_NAME STREQUAL "vigie")
    set(vigie_NOT_FOUND_MESSAGE "vigie needs ${what}")
    set(vigie_FOUND FALSE)
    return()
  endif()
  message(FATAL_ERROR "vigie needs ${what}")
endmacro()

if(NOT TARGET vigie::hyperscan)
  find_package(hyperscan CONFIG QUIET)
  find_package(vectorscan CONFIG QUIET)
  add_library(vigie::hyperscan INTERFACE IMPORTED)
  if(TARGET hyperscan::hs)
    set_target_properties(vigie::hyperscan PROPERTIES INTERFACE_LINK_LIBRARIES hyperscan::hs)
  elseif(TARGET vectorscan::hs)
    set_target_properties(vigie::hyperscan PROPERTIES INTERFACE_LINK_LIBRARIES vectorscan::hs)
  else()
    _vigie_require(PkgConfig)
    pkg_check_modules(VIGIE_HS QUIET IMPORTED_TARGET libhs)
    if(NOT VIGIE_HS_FOUND)
      _vigie_missing("Hyperscan or Vectorscan (libhs.pc, or a hyperscan or vectorscan CMake package)")
    endif()
    set_target_properties(vigie::hyperscan PROPERTIES INTERFACE_LINK_LIBRARIES PkgConfig::VIGIE_HS)
  endif()
endif()

if(NOT TARGET vigie::phonenumber)
  find_package(libphonenumber CONFIG QUIET)
  add_library(vigie::phonenumber INTERFACE IMPORTED)
  if(TARGET libphonenumber::phonenumber)
    set_target_properties(vigie::phonenumber PROPERTIES
      INTERFACE_LINK_LIBRARIES libphonenumber::phonenumber)
  else()
    find_path(VIGIE_PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h)
    find_library(VIGIE_PHONENUMBER_LIBRARY phonenumber)
    if(NOT VIGIE_PHONENUMBER_INCLUDE_DIR OR NOT VIGIE_PHONENUMBER_LIBRARY)
      _vigie_missing("libphonenumber (phonenumbers/phonenumberutil.h and libphonenumber)")
    endif()
    set_target_properties(vigie::phonenumber PROPERTIES
      INTERFACE_INCLUDE_DIRECTORIES "${VIGIE_PHONENUMBER_INCLUDE_DIR}"
      INTERFACE_LINK_LIBRARIES "${VIGIE_PHONENUMBER_LIBRARY}")
  endif()
endif()

if(NOT TARGET ICU::uc)
  _vigie_require(ICU COMPONENTS uc)
endif()
if(NOT TARGET OpenSSL::Crypto)
  _vigie_require(OpenSSL COMPONENTS Crypto)
endif()
if(NOT TARGET absl::flat_hash_map)
  _vigie_require(absl)
endif()
