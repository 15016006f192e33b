// SPDX-License-Identifier: Apache-2.0
// Compiled databases serialize to bytes and load back; anything that does
// not match is refused with a reason.
#include <gtest/gtest.h>

#include <filesystem>

#include "corpus.h"
#include "test_util.h"
#include "vigie/vigie.h"

namespace vigie {
namespace {

TEST(SerializeTest, RoundTripGivesTheSameFindings) {
  // A custom detector beside built-in ones of each sort (a checksum, a
  // start finder with tables, health terms).
  DetectorSpec custom{.kind = "TICKET", .patterns = {"T-[0-9]{5}"}, .score = 0.7};
  ScanOptions options{.kinds = {"TICKET", "FR_NIR", "PHONE_NUMBER", "PERSON", "FR_POSTAL_ADDRESS",
                                "HEALTH_PREGNANCY", "HEALTH_BLOOD_GROUP"},
                      .detectors = {custom}};
  auto compiled = Scanner::Create(options);
  ASSERT_TRUE(compiled.ok());
  std::string bytes = compiled->Serialize();
  ASSERT_GT(bytes.size(), 100u);
  auto loaded = Scanner::Deserialize(bytes, options);
  ASSERT_TRUE(loaded.ok()) << loaded.error();
  std::string text = vigie::testing::FrenchProse(30000) + " ticket T-12345 ";
  auto a = compiled->Scan(text);
  auto b = loaded->Scan(text);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].kind, b[i].kind);
    EXPECT_EQ(a[i].begin, b[i].begin);
    EXPECT_EQ(a[i].score, b[i].score);
  }
  EXPECT_EQ(b.back().kind, "TICKET");
}

TEST(SerializeTest, OtherOptionsAreRefused) {
  const Scanner* compiled = &vigie::testing::CachedScanner();
  std::string bytes = compiled->Serialize();
  auto other = Scanner::Deserialize(bytes, ScanOptions{.kinds = {"FR_NIR"}});
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.error().find("other detectors"), std::string::npos) << other.error();
  EXPECT_EQ(other.code(), ErrorCode::kOptionsMismatch);
}

TEST(SerializeTest, AnotherVersionIsRefused) {
  const Scanner* compiled = &vigie::testing::CachedScanner();
  std::string bytes = compiled->Serialize();
  // The version string follows the 8-byte magic and its 8-byte length.
  bytes[16] = bytes[16] == '9' ? '8' : '9';
  auto loaded = Scanner::Deserialize(bytes, ScanOptions{});
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().find("compile it again"), std::string::npos) << loaded.error();
  EXPECT_EQ(loaded.code(), ErrorCode::kVersionMismatch);
}

TEST(SerializeTest, MissingCpuFeaturesAreRefused) {
  const Scanner* compiled = &vigie::testing::CachedScanner();
  std::string bytes = compiled->Serialize();
  size_t version_length = static_cast<unsigned char>(bytes[8]);
  size_t features_at = 16 + version_length + 8;
  for (size_t i = 0; i < 8; ++i) bytes[features_at + i] = '\xff';
  auto loaded = Scanner::Deserialize(bytes, ScanOptions{});
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().find("CPU features"), std::string::npos) << loaded.error();
  EXPECT_EQ(loaded.code(), ErrorCode::kCpuMismatch);
}

TEST(SerializeTest, GarbageAndTruncationAreRefused) {
  EXPECT_EQ(Scanner::Deserialize("", ScanOptions{}).code(), ErrorCode::kCorrupt);
  EXPECT_EQ(Scanner::Deserialize("not a database at all", ScanOptions{}).code(),
            ErrorCode::kCorrupt);
  const Scanner* compiled = &vigie::testing::CachedScanner();
  std::string bytes = compiled->Serialize();
  for (size_t cut : {size_t{8}, size_t{20}, bytes.size() / 2, bytes.size() - 1}) {
    auto loaded = Scanner::Deserialize(std::string_view(bytes).substr(0, cut), ScanOptions{});
    EXPECT_EQ(loaded.code(), ErrorCode::kCorrupt) << "cut at " << cut;
  }
  auto trailing = Scanner::Deserialize(bytes + "x", ScanOptions{});
  EXPECT_EQ(trailing.code(), ErrorCode::kCorrupt);
  EXPECT_EQ(Scanner::Create(ScanOptions{.kinds = {"NO_SUCH_KIND"}}).code(),
            ErrorCode::kInvalidArgument);
}

TEST(SerializeTest, CacheCompilesOnceThenLoadsAndRepairsADamagedFile) {
  std::string dir = ::testing::TempDir() + "/vigie-cache-test";
  std::filesystem::remove_all(dir);
  ScanOptions options{.kinds = {"FR_NIR", "EMAIL_ADDRESS"}};
  std::vector<CacheOptions::Event> events;
  CacheOptions cache{.directory = dir, .notice = [&](CacheOptions::Event e, const std::string&) {
                       events.push_back(e);
                     }};
  const std::string text = "NIR 2 95 10 99 126 111 93, mail jean@example.org";
  auto first = Scanner::Create(options, cache);
  ASSERT_TRUE(first.ok()) << first.error();
  ASSERT_EQ(events, std::vector<CacheOptions::Event>{CacheOptions::Event::kCompiling});
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) files.push_back(entry.path());
  ASSERT_EQ(files.size(), 1u);
  events.clear();
  auto second = Scanner::Create(options, cache);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(events.empty());  // loaded
  EXPECT_EQ(second->Scan(text).size(), 2u);
  EXPECT_EQ(first->Scan(text).size(), 2u);
  std::filesystem::resize_file(files[0], 100);
  auto third = Scanner::Create(options, cache);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(events, std::vector<CacheOptions::Event>{CacheOptions::Event::kReplacing});
  EXPECT_EQ(third->Scan(text).size(), 2u);
  EXPECT_GT(std::filesystem::file_size(files[0]), 100u);
  // A directory that cannot be made is no failure: the detectors are compiled.
  events.clear();
  auto unwritable = Scanner::Create(
      options, CacheOptions{.directory = files[0].string() + "/sub", .notice = cache.notice});
  ASSERT_TRUE(unwritable.ok());
  EXPECT_EQ(events.back(), CacheOptions::Event::kCannotSave);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace vigie
