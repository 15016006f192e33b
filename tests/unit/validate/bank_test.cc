// SPDX-License-Identifier: Apache-2.0
// IBANs and payment cards.
#include <gtest/gtest.h>

#include "test_util.h"
#include "vigie/validate.h"

namespace vigie {
namespace {

using vigie::testing::ReadLines;

TEST(IbanTest, FrenchVectorsPassMod97AndTheRibKey) {
  for (const auto& iban : ReadLines("vectors/iban_fr_valid.txt")) {
    IbanValidation v = ValidateIban(iban);
    EXPECT_TRUE(v.valid) << iban << ": " << v.reason;
    EXPECT_TRUE(v.rib_key_checked) << iban;
  }
  for (const auto& iban : ReadLines("vectors/iban_fr_invalid.txt")) {
    EXPECT_FALSE(ValidateIban(iban).valid) << iban;
  }
}

// Faker's French IBANs pass mod-97 but their BBAN is random: only 20 of
// 2000 have a correct RIB key (vectors README).
TEST(IbanTest, FakerIbansFailTheRibKeyExceptTwenty) {
  auto lines = ReadLines("vectors/faker_iban_fr.txt");
  ASSERT_EQ(lines.size(), 2000u);
  size_t valid = 0;
  for (const auto& iban : lines) {
    IbanValidation v = ValidateIban(iban);
    if (v.valid) {
      ++valid;
    } else {
      EXPECT_EQ(v.reason, "RIB key does not match") << iban;
    }
  }
  EXPECT_EQ(valid, 20u);
}

TEST(IbanTest, OtherCountriesByTheRegistry) {
  EXPECT_TRUE(ValidateIban("DE89 3704 0044 0532 0130 00").valid);
  EXPECT_TRUE(ValidateIban("GB82 WEST 1234 5698 7654 32").valid);
  EXPECT_FALSE(ValidateIban("GB82 WEST 1234 5698 7654 3").valid);   // length
  EXPECT_FALSE(ValidateIban("GB82 1EST 1234 5698 7654 32").valid);  // structure
  EXPECT_FALSE(ValidateIban("DE88 3704 0044 0532 0130 00").valid);  // mod-97
  EXPECT_EQ(ValidateIban("XX82 3704 0044 0532 0130 00").reason, "country not in the IBAN registry");
}

TEST(CardTest, LuhnAndIssuerRanges) {
  EXPECT_EQ(ValidateCard("4111 1111 1111 1111").brand, "visa");
  EXPECT_TRUE(ValidateCard("4111-1111-1111-1111").valid);
  EXPECT_EQ(ValidateCard("5555555555554444").brand, "mastercard");
  EXPECT_EQ(ValidateCard("2223003122003222").brand, "mastercard");
  EXPECT_EQ(ValidateCard("378282246310005").brand, "amex");
  EXPECT_FALSE(ValidateCard("4111 1111 1111 1112").valid);  // Luhn
  EXPECT_FALSE(ValidateCard("9111 1111 1111 1119").valid);  // no issuer
  EXPECT_FALSE(ValidateCard("3782822463100051").valid);     // amex is 15 digits
}

}  // namespace
}  // namespace vigie
