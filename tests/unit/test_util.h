// Helpers shared by the unit tests: reading the test data files.
#ifndef VIGIE_TESTS_UNIT_TEST_UTIL_H_
#define VIGIE_TESTS_UNIT_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "vigie/scanner.h"

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

// A scanner for `options` (which must hold no custom detector), compiled
// once for every test process: compiling the health lexicons takes
// seconds, loading a serialized database milliseconds. Databases are kept
// in VIGIE_TEST_CACHE_DIR by detector set, written aside and renamed; one
// that does not load (another version, other detectors) is compiled again.
inline const Scanner& CachedScanner(const ScanOptions& options = {}) {
  static std::mutex mu;
  static std::map<std::string, Scanner> scanners;
  std::string key = options.builtin_detectors ? "builtin" : "none";
  for (const std::string& kind : options.kinds) key += "-" + kind;
  std::string options_key = key + "/" + std::to_string(options.min_score) + "/" +
                            std::to_string(static_cast<int>(options.layout)) + "/" +
                            std::string(1, options.delimiter);
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = scanners.find(options_key); it != scanners.end()) return it->second;
  EXPECT_TRUE(options.detectors.empty()) << "CachedScanner takes built-in detectors only";
  std::string path = std::string(VIGIE_TEST_CACHE_DIR) + "/" +
                     std::to_string(std::hash<std::string>{}(key)) + ".vigiedb";
  auto loaded = Scanner::Deserialize(ReadFile(path), options);
  if (!loaded.ok()) {
    loaded = Scanner::Create(options);
    if (!loaded.ok()) ADD_FAILURE() << loaded.error();
    std::string tmp = path + "." + std::to_string(::getpid());
    std::ofstream(tmp, std::ios::binary) << loaded->Serialize();
    std::rename(tmp.c_str(), path.c_str());
  }
  return scanners.emplace(options_key, std::move(loaded).value()).first->second;
}

}  // namespace vigie::testing

#endif  // VIGIE_TESTS_UNIT_TEST_UTIL_H_
