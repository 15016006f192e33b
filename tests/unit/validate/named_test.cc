// SPDX-License-Identifier: Apache-2.0
// Validators by name and value masking, as the command line and the Python
// package see them.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "vigie/vigie.h"

namespace vigie {
namespace {

const VerdictField* Field(const NamedVerdict& v, std::string_view name) {
  for (const auto& [n, field] : v.fields) {
    if (n == name) return &field;
  }
  return nullptr;
}

TEST(NamedValidatorsTest, EveryNameRunsItsValidator) {
  std::vector<std::string> names = ValidatorNames();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_EQ(names.size(), 18u);
  for (const std::string& name : names) {
    Result<NamedVerdict> v = ValidateNamed(name, "x");
    ASSERT_TRUE(v.ok()) << name << ": " << v.error();
    EXPECT_FALSE(v->valid) << name;
    EXPECT_FALSE(v->reason.empty()) << name;
  }
  Result<NamedVerdict> unknown = ValidateNamed("ssn", "078-05-1120");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(unknown.error().find("ssn"), std::string::npos);
}

TEST(NamedValidatorsTest, FieldsOfTheParsedValue) {
  Result<NamedVerdict> nir = ValidateNamed("nir", "2 84 05 2A 321 025 52");
  ASSERT_TRUE(nir.ok());
  EXPECT_TRUE(nir->valid);
  EXPECT_EQ(nir->normalized, "284052A32102552");
  EXPECT_TRUE(nir->reason.empty());
  ASSERT_NE(Field(*nir, "department"), nullptr);
  EXPECT_EQ(std::get<std::string>(*Field(*nir, "department")), "2A");
  EXPECT_EQ(std::get<int64_t>(*Field(*nir, "sex")), 2);
  EXPECT_EQ(std::get<int64_t>(*Field(*nir, "birth_year")), 84);
  EXPECT_EQ(std::get<std::string>(*Field(*nir, "form")), "permanent");
  EXPECT_EQ(Field(*nir, "country"), nullptr);  // born in France

  Result<NamedVerdict> phone = ValidateNamed("phone", "06 12 34 56 78");
  ASSERT_TRUE(phone.ok());
  EXPECT_EQ(std::get<std::string>(*Field(*phone, "e164")), "+33612345678");

  Result<NamedVerdict> address = ValidateNamed("address", "12 bis rue des Lilas 75012 Paris");
  ASSERT_TRUE(address.ok());
  EXPECT_TRUE(address->valid);
  EXPECT_EQ(std::get<std::string>(*Field(*address, "postcode")), "75012");
  EXPECT_EQ(std::get<std::string>(*Field(*address, "number_suffix")), "BIS");
  EXPECT_TRUE(std::get<bool>(*Field(*address, "has_locality")));
  EXPECT_EQ(Field(*address, "cedex"), nullptr);

  // Invalid values keep the fields that were read, and say why.
  Result<NamedVerdict> bad = ValidateNamed("nir", "2 84 05 2A 321 025 53");
  ASSERT_TRUE(bad.ok());
  EXPECT_FALSE(bad->valid);
  EXPECT_EQ(bad->reason, "key does not match");
  EXPECT_TRUE(bad->fields.empty());
}

TEST(MaskValueTest, HidesLettersAndDigitsButTheLastTwoOfLongValues) {
  EXPECT_EQ(MaskValue("2 84 05 88 321 025 32"), "* ** ** ** *** *** 32");
  EXPECT_EQ(MaskValue("Jean"), "****");  // short: nothing kept
  EXPECT_EQ(MaskValue("jean.dupont@example.org"), "****.******@*******.*rg");
  EXPECT_EQ(MaskValue("Héloïse"), "*******");  // code points, not bytes
  EXPECT_EQ(MaskValue(""), "");
  EXPECT_EQ(MaskValue("+33 6 12"), "+** * **");
  // A stray continuation byte belongs to the code point before it, or
  // stands as one at the start.
  EXPECT_EQ(MaskValue("\x80\x80"
                      "ab"),
            "***");
  EXPECT_EQ(MaskValue("ab\x80"
                      "cdefghij"),
            "********ij");
}

TEST(QualifierNamesTest, InTheOrderOfTheirBits) {
  Finding f;
  EXPECT_TRUE(QualifierNames(f).empty());
  f.qualifiers =
      static_cast<uint8_t>(Qualifier::kHistory) | static_cast<uint8_t>(Qualifier::kNegated);
  EXPECT_EQ(QualifierNames(f), (std::vector<std::string>{"negated", "history"}));
}

}  // namespace
}  // namespace vigie
