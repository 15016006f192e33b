// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the unit tests: reading the test data files.
#ifndef VIGIE_TESTS_UNIT_TEST_UTIL_H_
#define VIGIE_TESTS_UNIT_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unistd.h>

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

// The library's cache of compiled detectors for the tests of this build
// (CacheOptions): compiling the health lexicons takes seconds, loading
// them milliseconds. The test `TestCache.Warm` fills it before the others
// run (a CTest fixture), so that parallel tests do not compile the same
// detectors at once.
// `actual` equals `expected` finding by finding, every field compared.
inline void ExpectSameFindings(const std::vector<Finding>& actual,
                               const std::vector<Finding>& expected, const std::string& what) {
  ASSERT_EQ(actual.size(), expected.size()) << what;
  for (size_t i = 0; i < expected.size(); ++i) {
    const Finding& a = actual[i];
    const Finding& b = expected[i];
    EXPECT_TRUE(a.kind == b.kind && a.category == b.category && a.confidence == b.confidence &&
                a.begin == b.begin && a.end == b.end && a.line == b.line && a.column == b.column &&
                a.score == b.score && a.value == b.value && a.qualifiers == b.qualifiers &&
                a.context == b.context)
        << what << ", finding " << i << ": " << a.kind << "@" << a.begin << "-" << a.end << " line "
        << a.line << ":" << a.column << " score " << a.score << " vs " << b.kind << "@" << b.begin
        << "-" << b.end << " line " << b.line << ":" << b.column << " score " << b.score;
  }
}

inline CacheOptions TestCache() { return CacheOptions{.directory = VIGIE_TEST_CACHE_DIR}; }

// A scanner for `options` (which must hold no custom detector), created
// once per test process from the test cache.
inline const Scanner& CachedScanner(const ScanOptions& options = {}) {
  static std::mutex mu;
  static std::map<std::string, Scanner> scanners;
  std::string key = options.builtin_detectors ? "builtin" : "none";
  for (const std::string& kind : options.kinds) key += "-" + kind;
  key += "/" + std::to_string(options.min_score) + "/" +
         std::to_string(static_cast<int>(options.layout)) + "/" + std::string(1, options.delimiter);
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = scanners.find(key); it != scanners.end()) return it->second;
  EXPECT_TRUE(options.detectors.empty()) << "CachedScanner takes built-in detectors only";
  auto created = Scanner::Create(options, TestCache());
  if (!created.ok()) ADD_FAILURE() << created.error();
  return scanners.emplace(key, std::move(created).value()).first->second;
}

}  // namespace vigie::testing

#endif  // VIGIE_TESTS_UNIT_TEST_UTIL_H_
