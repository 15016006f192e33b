// Helpers shared by the unit tests: reading the test data files.
#ifndef VIGIE_TESTS_UNIT_TEST_UTIL_H_
#define VIGIE_TESTS_UNIT_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace vigie::testing {

inline std::string DataPath(const std::string& name) {
  return std::string(VIGIE_TEST_DATA_DIR) + "/" + name;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Non-empty lines of a data file, without their line ending.
inline std::vector<std::string> ReadLines(const std::string& name) {
  std::ifstream in(DataPath(name));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// Every value of vectors/`file` (`expected_lines` of them) gets the verdict
// `valid` from `validate`, which returns a vigie::Validation or a subclass.
template <typename Fn>
void ExpectAll(const std::string& file, Fn validate, bool valid, size_t expected_lines) {
  auto lines = ReadLines("vectors/" + file);
  ASSERT_EQ(lines.size(), expected_lines) << file;
  for (const auto& line : lines) {
    auto v = validate(line);
    EXPECT_EQ(v.valid, valid) << file << ": " << line << " (" << v.reason << ")";
  }
}

}  // namespace vigie::testing

#endif  // VIGIE_TESTS_UNIT_TEST_UTIL_H_
