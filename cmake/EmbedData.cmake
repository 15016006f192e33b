# SPDX-License-Identifier: Apache-2.0
# vigie_embed_data(TARGET FILE SYMBOL): compiles the text of FILE into
# TARGET as `std::string_view vigie::data::SYMBOL`, so that nothing is read
# from disk at run time. The file is read again whenever it changes.
function(vigie_embed_data target file symbol)
  set(input "${CMAKE_CURRENT_SOURCE_DIR}/${file}")
  set(output "${CMAKE_CURRENT_BINARY_DIR}/embedded/${symbol}.cc")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${input}")
  file(READ "${input}" content)
  string(FIND "${content}" ")vigie_data\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file} contains the raw-string delimiter )vigie_data\"")
  endif()
  file(CONFIGURE OUTPUT "${output}" CONTENT
"// Generated from @file@ by cmake/EmbedData.cmake; do not edit.
#include <string_view>
namespace vigie::data {
extern const std::string_view @symbol@;
const std::string_view @symbol@ = R\"vigie_data(@content@)vigie_data\";
}  // namespace vigie::data
" @ONLY)
  target_sources(${target} PRIVATE "${output}")
  # A table may exceed the 64 KiB that C++ compilers must accept in one
  # literal; GCC and Clang accept far more.
  set_source_files_properties("${output}" PROPERTIES COMPILE_OPTIONS -Wno-overlength-strings)
endfunction()
