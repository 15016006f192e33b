// SPDX-License-Identifier: Apache-2.0
// Reading the files of lib/data, for the build-time tools.
#include "data/embedded.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace vigie::data {

std::string ReadDataFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace vigie::data
