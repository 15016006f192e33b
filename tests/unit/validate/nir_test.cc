// SPDX-License-Identifier: Apache-2.0
// NIR validation against third-party vectors (tests/data/vectors) and the
// decisions vigie takes where implementations disagree.
#include <gtest/gtest.h>

#include "test_util.h"
#include "vigie/validate.h"

namespace vigie {
namespace {

TEST(NirTest, AcceptsEveryPublishedValidNir) {
  vigie::testing::ExpectAll("nir_valid.txt", ValidateNir, true, 25);
}

TEST(NirTest, AcceptsAllFakerNirs) {
  vigie::testing::ExpectAll("faker_nir.txt", ValidateNir, true, 2000);
}

TEST(NirTest, RejectsEveryPublishedInvalidNir) {
  vigie::testing::ExpectAll("nir_invalid.txt", ValidateNir, false, 10);
}

// The key as INSEE defines it, written out for the tests.
std::string WithKey(std::string first13) {
  std::string digits = first13;
  if (digits[6] == 'A') digits.replace(5, 2, "19");
  if (digits[6] == 'B') digits.replace(5, 2, "18");
  int key = 97 - static_cast<int>(std::stoull(digits) % 97);
  return first13 + (key < 10 ? "0" : "") + std::to_string(key);
}

TEST(NirTest, CorsicaKeyUses19For2AAnd18For2B) {
  EXPECT_EQ(WithKey("253072A073004"), "253072A07300443");
  EXPECT_EQ(WithKey("253072B073004"), "253072B07300470");
  EXPECT_TRUE(ValidateNir("253072A07300443").valid);
  EXPECT_FALSE(ValidateNir("253072A07300470").valid);
  EXPECT_TRUE(ValidateNir("2 84 05 2A 321 025 52").valid);
  EXPECT_FALSE(ValidateNir("2 84 05 2A 321 025 79").valid);  // the 2B key
}

TEST(NirTest, KeyOf97Exists) {
  // 97 - (N mod 97) is 97 when N is a multiple of 97.
  EXPECT_TRUE(ValidateNir("289047834221297").valid);
}

TEST(NirTest, GroupedWritingIsRecognised) {
  EXPECT_TRUE(ValidateNir("1 53 12 45 007 231 60").grouped);
  EXPECT_FALSE(ValidateNir("153124500723160").grouped);
  EXPECT_FALSE(ValidateNir("15 312 45 007 231 60").grouped);
}

// nir_edge_cases.txt, one decision each.
TEST(NirTest, EdgeSexDigit8IsATemporaryNumber) {
  // The key is right; sex 8 marks a temporary number. CNAM's NIR validator
  // rejects it, stdnum accepts it: vigie accepts it and says it is temporary.
  NirValidation check = ValidateNir("8 84 05 88 321 025 23");
  EXPECT_TRUE(check.valid) << check.reason;
  EXPECT_EQ(check.form, NirValidation::Form::kTemporary);
  EXPECT_EQ(check.sex, 2);
}

TEST(NirTest, EdgeKey98IsRejected) {
  // french-ssn calls key 98 "provisional"; CNAM and stdnum reject it.
  EXPECT_FALSE(ValidateNir("278056933908998").valid);
}

TEST(NirTest, EdgeThirteenCharactersWithoutKeyAreNotAFullNir) {
  EXPECT_FALSE(ValidateNir("2840588321025").valid);
  EXPECT_FALSE(ValidateNir("2 84 05 88 321 025").valid);
}

TEST(NirTest, EdgeAllZeroNumberIsRejected) {
  // stdnum accepts it (no range checks); its sex digit is 0.
  EXPECT_FALSE(ValidateNir("000000000000097").valid);
}

TEST(NirTest, EdgeHyphenSeparatorsAreAccepted) {
  // stdnum strips only spaces and dots; vigie reads hyphens too, since
  // people write them.
  EXPECT_TRUE(ValidateNir("2-53-07-2A-073-004-43").valid);
}

TEST(NirTest, MixedSeparatorsAreIrregular) {
  EXPECT_FALSE(ValidateNir("2 53.07 2A 073 004 43").valid);
}

TEST(NirTest, MonthRanges) {
  EXPECT_TRUE(ValidateNir("2 84 20 2B 321 025 28").valid);  // unknown month
  EXPECT_TRUE(ValidateNir("2 84 99 2B 321 025 31").valid);
  std::string month13 = WithKey("2841388321025");
  EXPECT_EQ(ValidateNir(month13).reason, "month out of range");
}

TEST(NirTest, BornAbroadUsesDepartment99) { EXPECT_TRUE(ValidateNir("178059933010817").valid); }

}  // namespace
}  // namespace vigie

namespace vigie {
namespace {

TEST(NirFieldsTest, ParsesSexBirthAndPlace) {
  NirValidation v = ValidateNir("2 84 05 2A 321 025 52");
  ASSERT_TRUE(v.valid);
  EXPECT_EQ(v.form, NirValidation::Form::kPermanent);
  EXPECT_EQ(v.sex, 2);
  EXPECT_EQ(v.birth_year, 84);
  EXPECT_EQ(v.birth_month, 5);
  EXPECT_EQ(v.department, "2A");
  EXPECT_EQ(v.commune, "321");
  EXPECT_EQ(v.order, 25);
  EXPECT_EQ(v.key, 52);
}

TEST(NirFieldsTest, OverseasAndAbroad) {
  NirValidation abroad = ValidateNir("178059933010817");
  EXPECT_EQ(abroad.department, "99");
  EXPECT_EQ(abroad.country, "330");
  std::string overseas =
      "2850197411"
      "012";  // born in Réunion (974), commune 11
  uint64_t n = std::stoull(overseas);
  overseas += std::to_string(97 - n % 97 < 10 ? 0 : 0).substr(0, 0);
  int key = static_cast<int>(97 - n % 97);
  overseas += (key < 10 ? "0" : "") + std::to_string(key);
  NirValidation dom = ValidateNir(overseas);
  ASSERT_TRUE(dom.valid) << dom.reason;
  EXPECT_EQ(dom.department, "974");
  EXPECT_EQ(dom.commune, "11");
  EXPECT_EQ(ValidateNir("2 84 99 2B 321 025 31").birth_month, 0);  // unknown month
}

TEST(NirFieldsTest, ProvisionalAndMigrantNumbers) {
  for (const auto& v : vigie::testing::ReadLines("vectors/nnp_valid.txt")) {
    NirValidation r = ValidateNir(v);
    EXPECT_TRUE(r.valid) << v << ": " << r.reason;
    EXPECT_EQ(r.form, NirValidation::Form::kNnp) << v;
  }
  for (const auto& v : vigie::testing::ReadLines("vectors/mig_valid.txt")) {
    NirValidation r = ValidateNir(v);
    EXPECT_TRUE(r.valid) << v << ": " << r.reason;
    EXPECT_EQ(r.form, NirValidation::Form::kMigrant) << v;
  }
  // nnp_invalid holds 7012312345678, valid only under the pre-2012 rules.
  for (const char* file : {"vectors/nnp_invalid.txt", "vectors/mig_invalid.txt"}) {
    for (const auto& v : vigie::testing::ReadLines(file)) {
      EXPECT_FALSE(ValidateNir(v).valid) << v;
    }
  }
}

TEST(InsTest, NirWithItsOid) {
  EXPECT_TRUE(ValidateIns("185057512345673", "1.2.250.1.213.1.4.8").valid);
  EXPECT_TRUE(ValidateIns("185057512345673", "1.2.250.1.213.1.4.10").valid);
  EXPECT_FALSE(ValidateIns("185057512345673", "1.2.250.1.213.1.4.7").valid);
  EXPECT_FALSE(ValidateIns("185057512345674", "1.2.250.1.213.1.4.8").valid);
  EXPECT_FALSE(ValidateIns("7112312345678", "1.2.250.1.213.1.4.8").valid);
}

}  // namespace
}  // namespace vigie
