// NIR validation against third-party vectors (tests/data/vectors) and the
// decisions vigie takes where implementations disagree.
#include "validate/nir.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace vigie::validate {
namespace {

using vigie::testing::ReadLines;

TEST(NirTest, AcceptsEveryPublishedValidNir) {
  auto lines = ReadLines("vectors/nir_valid.txt");
  ASSERT_EQ(lines.size(), 25u);
  for (const auto& nir : lines) {
    NirCheck check = CheckNir(nir);
    EXPECT_TRUE(check.valid) << nir << ": " << check.reason;
  }
}

TEST(NirTest, AcceptsAllFakerNirs) {
  auto lines = ReadLines("vectors/faker_nir.txt");
  ASSERT_EQ(lines.size(), 2000u);
  for (const auto& nir : lines) EXPECT_TRUE(CheckNir(nir).valid) << nir;
}

TEST(NirTest, RejectsEveryPublishedInvalidNir) {
  auto lines = ReadLines("vectors/nir_invalid.txt");
  ASSERT_EQ(lines.size(), 10u);
  for (const auto& nir : lines) EXPECT_FALSE(CheckNir(nir).valid) << nir;
}

TEST(NirTest, CorsicaKeyUses19For2AAnd18For2B) {
  EXPECT_EQ(NirKey("253072A073004"), 43);
  EXPECT_EQ(NirKey("253072B073004"), 70);
  EXPECT_TRUE(CheckNir("2 84 05 2A 321 025 52").valid);
  EXPECT_FALSE(CheckNir("2 84 05 2A 321 025 79").valid);  // the 2B key
}

TEST(NirTest, KeyOf97Exists) {
  // 97 - (N mod 97) is 97 when N is a multiple of 97.
  EXPECT_TRUE(CheckNir("289047834221297").valid);
}

TEST(NirTest, GroupedWritingIsRecognised) {
  EXPECT_TRUE(CheckNir("1 53 12 45 007 231 60").grouped);
  EXPECT_FALSE(CheckNir("153124500723160").grouped);
  EXPECT_FALSE(CheckNir("15 312 45 007 231 60").grouped);
}

// nir_edge_cases.txt, one decision each.
TEST(NirTest, EdgeSexDigit8IsNotAPermanentNir) {
  // The key is right, but sex 8 marks a temporary number (CNAM rejects it).
  NirCheck check = CheckNir("8 84 05 88 321 025 23");
  EXPECT_FALSE(check.valid);
  EXPECT_EQ(check.reason, "sex digit is not 1 or 2");
}

TEST(NirTest, EdgeKey98IsRejected) {
  // french-ssn calls key 98 "provisional"; CNAM and stdnum reject it.
  EXPECT_FALSE(CheckNir("278056933908998").valid);
}

TEST(NirTest, EdgeThirteenCharactersWithoutKeyAreNotAFullNir) {
  EXPECT_FALSE(CheckNir("2840588321025").valid);
  EXPECT_FALSE(CheckNir("2 84 05 88 321 025").valid);
}

TEST(NirTest, EdgeAllZeroNumberIsRejected) {
  // stdnum accepts it (no range checks); its sex digit is 0.
  EXPECT_FALSE(CheckNir("000000000000097").valid);
}

TEST(NirTest, EdgeHyphenSeparatorsAreAccepted) {
  // stdnum strips only spaces and dots; vigie reads hyphens too, since
  // people write them.
  EXPECT_TRUE(CheckNir("2-53-07-2A-073-004-43").valid);
}

TEST(NirTest, MixedSeparatorsAreIrregular) {
  EXPECT_FALSE(CheckNir("2 53.07 2A 073 004 43").valid);
}

TEST(NirTest, MonthRanges) {
  EXPECT_TRUE(CheckNir("2 84 20 2B 321 025 28").valid);  // unknown month
  EXPECT_TRUE(CheckNir("2 84 99 2B 321 025 31").valid);
  std::string month13 = "2841388321025";
  month13 += std::to_string(NirKey(month13));
  EXPECT_EQ(CheckNir(month13).reason, "month out of range");
}

TEST(NirTest, BornAbroadUsesDepartment99) { EXPECT_TRUE(CheckNir("178059933010817").valid); }

}  // namespace
}  // namespace vigie::validate
