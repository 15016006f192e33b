// Compiled databases serialize to bytes and load back; anything that does
// not match is refused with a reason.
#include <gtest/gtest.h>

#include "corpus.h"
#include "test_util.h"
#include "vigie/vigie.h"

namespace vigie {
namespace {

TEST(SerializeTest, RoundTripGivesTheSameFindings) {
  DetectorSpec custom{.kind = "TICKET", .patterns = {"T-[0-9]{5}"}, .score = 0.7};
  ScanOptions options{.detectors = {custom}};
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
}

TEST(SerializeTest, AnotherVersionIsRefused) {
  const Scanner* compiled = &vigie::testing::CachedScanner();
  std::string bytes = compiled->Serialize();
  // The version string follows the 8-byte magic and its 8-byte length.
  bytes[16] = bytes[16] == '9' ? '8' : '9';
  auto loaded = Scanner::Deserialize(bytes, ScanOptions{});
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().find("compile it again"), std::string::npos) << loaded.error();
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
}

TEST(SerializeTest, GarbageAndTruncationAreRefused) {
  EXPECT_FALSE(Scanner::Deserialize("", ScanOptions{}).ok());
  EXPECT_FALSE(Scanner::Deserialize("not a database at all", ScanOptions{}).ok());
  const Scanner* compiled = &vigie::testing::CachedScanner();
  std::string bytes = compiled->Serialize();
  for (size_t cut : {size_t{8}, size_t{20}, bytes.size() / 2, bytes.size() - 1}) {
    auto loaded = Scanner::Deserialize(std::string_view(bytes).substr(0, cut), ScanOptions{});
    EXPECT_FALSE(loaded.ok()) << "cut at " << cut;
  }
  auto trailing = Scanner::Deserialize(bytes + "x", ScanOptions{});
  EXPECT_FALSE(trailing.ok());
}

}  // namespace
}  // namespace vigie
