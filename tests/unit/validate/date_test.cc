// SPDX-License-Identifier: Apache-2.0
// Dates in French layouts, checked against the calendar.
#include <gtest/gtest.h>

#include "test_util.h"
#include "vigie/validate.h"

namespace vigie {
namespace {

TEST(DateTest, EveryFakerDateOfBirthLayout) {
  auto lines = vigie::testing::ReadLines("vectors/faker_date_of_birth_fr.txt");
  ASSERT_EQ(lines.size(), 2000u);
  for (const auto& d : lines) {
    DateValidation v = ValidateDate(d);
    EXPECT_TRUE(v.valid) << d << ": " << v.reason;
  }
}

TEST(DateTest, LayoutsAgree) {
  for (const char* d : {"12/03/1985", "12-03-1985", "12.03.1985", "1985-03-12", "12 mars 1985",
                        "12 MARS 1985", "12/03/85"}) {
    EXPECT_EQ(ValidateDate(d).normalized, "1985-03-12") << d;
  }
  EXPECT_EQ(ValidateDate("1er février 2000").normalized, "2000-02-01");
  EXPECT_EQ(ValidateDate("3 févr. 2001").normalized, "2001-02-03");
  EXPECT_EQ(ValidateDate("7 aout 1990").normalized, "1990-08-07");
  EXPECT_EQ(ValidateDate("01/01/05").normalized, "2005-01-01");
}

TEST(DateTest, CalendarValidity) {
  EXPECT_TRUE(ValidateDate("29/02/2000").valid);
  EXPECT_FALSE(ValidateDate("29/02/1900").valid);
  EXPECT_FALSE(ValidateDate("31/04/1985").valid);
  EXPECT_FALSE(ValidateDate("12/13/1985").valid);
  EXPECT_FALSE(ValidateDate("00/03/1985").valid);
  EXPECT_FALSE(ValidateDate("12/03-1985").valid);  // mixed separators
  EXPECT_FALSE(ValidateDate("12 brumaire 1985").valid);
}

}  // namespace
}  // namespace vigie
