// SPDX-License-Identifier: Apache-2.0
// French phone numbers against the vectors checked with python-phonenumbers,
// and the places where vigie decides otherwise on purpose.
#include <gtest/gtest.h>

#include <set>

#include "test_util.h"
#include "vigie/validate.h"
#include "vigie/vigie.h"

namespace vigie {
namespace {

using vigie::testing::ReadLines;

TEST(PhoneTest, AcceptsEveryValidWriting) {
  auto lines = ReadLines("vectors/phone_fr_valid.txt");
  ASSERT_GE(lines.size(), 150u);
  for (const auto& phone : lines) {
    PhoneValidation check = ValidatePhone(phone);
    EXPECT_TRUE(check.valid) << phone << ": " << check.reason;
    EXPECT_EQ(check.territory, "FR") << phone;
  }
}

TEST(PhoneTest, AllWritingsOfOneNumberNormalizeAlike) {
  for (const char* writing :
       {"01 23 45 67 89", "01.23.45.67.89", "01-23-45-67-89", "0123456789", "01/23/45/67/89",
        "+33 1 23 45 67 89", "+33 (0)1 23 45 67 89", "+33(0)123456789", "0033 1 23 45 67 89",
        "(+33) 1 23 45 67 89", "+33.1.23.45.67.89"}) {
    EXPECT_EQ(ValidatePhone(writing).e164, "+33123456789") << writing;
  }
}

TEST(PhoneTest, AcceptsFakerNumbers) {
  vigie::testing::ExpectAll("faker_phone_fr.txt", ValidatePhone, true, 2000);
}

TEST(PhoneTest, OverseasNumbersKeepTheirCountryCode) {
  auto lines = ReadLines("vectors/phone_dom_valid_international.txt");
  ASSERT_EQ(lines.size(), 22u);
  for (const auto& phone : lines) {
    PhoneValidation check = ValidatePhone(phone);
    EXPECT_TRUE(check.valid) << phone << ": " << check.reason;
    EXPECT_EQ(check.e164.substr(0, 4), phone.substr(0, 4)) << phone;
  }
  EXPECT_EQ(ValidatePhone("06 92 12 34 56").e164, "+262692123456");
  EXPECT_EQ(ValidatePhone("06 92 12 34 56").territory, "RE");
  EXPECT_EQ(ValidatePhone("0596 30 12 34").e164, "+596596301234");
  EXPECT_EQ(ValidatePhone("0269 60 12 34").territory, "YT");
}

TEST(PhoneTest, ArcepFictionBlockIsMetropolitan) {
  EXPECT_EQ(ValidatePhone("06 39 98 12 34").e164, "+33639981234");
  EXPECT_EQ(ValidatePhone("06 39 01 23 45").territory, "YT");
}

// phone_fr_invalid.txt lists what python-phonenumbers rejects for region FR.
// vigie rejects the same, except overseas numbers written nationally: they
// are French numbers of the 10-digit plan, reported with their territory;
// and 08 36, since vigie checks the 08 service plan by its first two digits
// only (service numbers belong to businesses, not to persons).
TEST(PhoneTest, RejectsInvalidExceptOverseasWrittenNationally) {
  const std::set<std::string> overseas = {"06 90 00 12 34", "06 92 12 34 56", "06 39 01 23 45",
                                          "06 94 20 12 34", "06 96 20 12 34", "0262 16 12 34",
                                          "0590 20 12 34",  "0594 10 12 34"};
  const std::set<std::string> service = {"08 36 04 12 34"};
  auto lines = ReadLines("vectors/phone_fr_invalid.txt");
  ASSERT_EQ(lines.size(), 20u);
  for (const auto& phone : lines) {
    PhoneValidation check = ValidatePhone(phone);
    if (service.count(phone)) {
      EXPECT_EQ(check.type, "special") << phone;
    } else if (overseas.count(phone)) {
      EXPECT_TRUE(check.valid) << phone;
      EXPECT_NE(check.territory, "FR") << phone;
    } else {
      EXPECT_FALSE(check.valid) << phone << " read as " << check.e164;
    }
  }
}

TEST(PhoneTest, NoCountryCodeBeginsWithZero) {
  // Digits of a longer number ("1 00 09 78 068 690 11", a NIR) read after
  // their "00" as an international prefix.
  for (const char* text : {"00 09 78 068 690", "+09 78 068 690", "+ 0612345678", "00"}) {
    PhoneValidation check = ValidatePhone(text);
    EXPECT_FALSE(check.valid) << text;
    EXPECT_EQ(check.reason, "no country code") << text;
  }
  EXPECT_TRUE(ValidatePhone("+44 20 7946 0958").valid);  // another country still checks
}

TEST(PhoneTest, EdgeTrunkZeroAfterCountryCodeIsTolerated) {
  EXPECT_EQ(ValidatePhone("+33 0 6 12 34 56 78").e164, "+33612345678");
}

TEST(PhoneTest, EdgeMobile070To072IsNotOpen) {
  EXPECT_FALSE(ValidatePhone("07 00 12 34 56").valid);
  EXPECT_FALSE(ValidatePhone("07 12 34 56 78").valid);
  EXPECT_TRUE(ValidatePhone("07 45 12 34 56").valid);
}

TEST(PhoneTest, OwnPlansOfPacificAndSaintPierre) {
  EXPECT_EQ(ValidatePhone("+687 20.12.34").territory, "NC");
  EXPECT_EQ(ValidatePhone("+689 87 12 34 56").e164, "+68987123456");
  EXPECT_FALSE(ValidatePhone("+508 43 01 2").valid);
}

TEST(PhoneTest, FreeAndMachineNumbers) {
  EXPECT_EQ(ValidatePhone("0 800 12 34 56").type, "toll-free");
  EXPECT_EQ(ValidatePhone("08 06 12 34 56").type, "special");
  PhoneValidation m2m = ValidatePhone("07 00 12 34 56 78 90");
  EXPECT_TRUE(m2m.valid);
  EXPECT_EQ(m2m.type, "m2m");
  EXPECT_EQ(m2m.e164, "+337001234567890");
}

TEST(PhoneTest, BareDigitsAreNotFormatted) {
  EXPECT_FALSE(ValidatePhone("0612345678").formatted);
  EXPECT_TRUE(ValidatePhone("06 12 34 56 78").formatted);
  EXPECT_TRUE(ValidatePhone("+33612345678").formatted);
}

}  // namespace
}  // namespace vigie

namespace vigie {
namespace {

// Numbers of other countries go to libphonenumber's metadata.
TEST(PhoneTest, OtherCountriesByLibphonenumber) {
  PhoneValidation us = ValidatePhone("+1 650-253-0000");
  EXPECT_TRUE(us.valid);
  EXPECT_EQ(us.e164, "+16502530000");
  EXPECT_EQ(us.territory, "US");
  EXPECT_EQ(ValidatePhone("+44 20 7946 0958").territory, "GB");
  EXPECT_EQ(ValidatePhone("0049 30 901820").e164, "+4930901820");
  EXPECT_FALSE(ValidatePhone("+1 123").valid);
}

TEST(PhoneTest, InternationalNumbersAreFoundInText) {
  auto scanner = vigie::testing::CachedScanner();
  std::string text = "Joindre le patient au +44 20 7946 0958 (Londres).";
  auto findings = scanner.Scan(text);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].value, "+442079460958");
  EXPECT_EQ(text.substr(findings[0].begin, findings[0].end - findings[0].begin),
            "+44 20 7946 0958");
}

}  // namespace
}  // namespace vigie

namespace vigie {
namespace {

using vigie::testing::ReadLines;

// Rows of a .tsv vector file, header dropped, split on tabs.
std::vector<std::vector<std::string>> Rows(const std::string& file) {
  std::vector<std::vector<std::string>> rows;
  auto lines = ReadLines("vectors/" + file);
  for (size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> cells;
    size_t start = 0;
    for (size_t tab; (tab = lines[i].find('\t', start)) != std::string::npos; start = tab + 1) {
      cells.push_back(lines[i].substr(start, tab - start));
    }
    cells.push_back(lines[i].substr(start));
    rows.push_back(cells);
  }
  return rows;
}

// phone_fr_edge_cases.tsv: one decision per line, in the file's order.
TEST(PhoneEdgeTest, EveryEdgeCaseHasItsDecision) {
  struct Decision {
    std::string input;
    std::string e164;  // empty: rejected
  };
  const std::vector<Decision> decisions = {
      {"0269 60 12 34", "+262269601234"},       // Mayotte fixed: its own country code
      {"0596 30 12 34", "+596596301234"},       // Martinique fixed
      {"0262 16 12 34", "+262262161234"},       // Réunion fixed
      {"0590 20 12 34", "+590590201234"},       // Guadeloupe fixed
      {"0594 10 12 34", "+594594101234"},       // Guyane fixed
      {"06 92 12 34 56", "+262692123456"},      // Réunion mobile
      {"06 39 01 23 45", "+262639012345"},      // Mayotte mobile
      {"07 00 12 34 56", ""},                   // 070: M2M numbers have 14 digits
      {"07 12 34 56 78", ""},                   // 071-072 not open
      {"+33 0 6 12 34 56 78", "+33612345678"},  // a trunk 0 after +33 is tolerated
      {"00 12 34 56 78", ""},                   // 00 is the international prefix
  };
  auto rows = Rows("phone_fr_edge_cases.tsv");
  ASSERT_EQ(rows.size(), decisions.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i][0], decisions[i].input);
    PhoneValidation v = ValidatePhone(rows[i][0]);
    EXPECT_EQ(v.valid, !decisions[i].e164.empty()) << rows[i][0] << ": " << v.reason;
    EXPECT_EQ(v.e164, decisions[i].e164) << rows[i][0];
  }
}

// Overseas numbers written nationally: vigie names the territory that owns
// the range. Saint-Martin and Saint-Barthélemy share Guadeloupe's ranges;
// the collectivities with plans of their own (PM, WF, NC, PF) have 6- or
// 8-digit numbers that are found only with their country code.
TEST(PhoneEdgeTest, OverseasNationalNumbersByRegion) {
  auto rows = Rows("phone_dom_national_with_region.tsv");
  ASSERT_EQ(rows.size(), 22u);
  for (const auto& row : rows) {
    const std::string& region = row[0];
    PhoneValidation v = ValidatePhone(row[1]);
    if (region == "PM" || region == "WF" || region == "NC" || region == "PF") {
      EXPECT_FALSE(v.valid) << row[1];
    } else if (region == "MF" || region == "BL") {
      EXPECT_EQ(v.territory, "GP") << row[1];
    } else {
      EXPECT_EQ(v.territory, region) << row[1];
    }
  }
}

// Short numbers (15, 112, 3919...) are services, not a person's number.
TEST(PhoneEdgeTest, ShortNumbersAreNotPhoneNumbers) {
  auto rows = Rows("phone_fr_short.tsv");
  ASSERT_EQ(rows.size(), 20u);
  for (const auto& row : rows) EXPECT_FALSE(ValidatePhone(row[0]).valid) << row[0];
}

// Debian Faker 0.9.3's numbers: all valid for vigie, including the 78 that
// phonenumbers 8.13 rejects (overseas ranges written nationally, 08 and
// geographic blocks checked by zone; see README).
TEST(PhoneEdgeTest, OldFakerNumbers) {
  vigie::testing::ExpectAll("faker093_phone_fr.txt", ValidatePhone, true, 2000);
}

}  // namespace
}  // namespace vigie
