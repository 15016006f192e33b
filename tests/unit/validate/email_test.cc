// SPDX-License-Identifier: Apache-2.0
// E-mail syntax checks.
#include <gtest/gtest.h>

#include "vigie/validate.h"

namespace vigie {
namespace {

TEST(EmailTest, AcceptsOrdinaryAddresses) {
  for (const char* email : {"jean.dupont@example.org", "j+tag@mail.example.fr",
                            "a_b-c%d@sub-domain.example.com", "X@EXAMPLE.FR"}) {
    EXPECT_TRUE(ValidateEmail(email).valid) << email;
  }
}

TEST(EmailTest, NormalizesToLowerCase) {
  EXPECT_EQ(ValidateEmail("Jean.Dupont@Example.ORG").normalized, "jean.dupont@example.org");
}

TEST(EmailTest, RejectsMalformedAddresses) {
  for (const char* email :
       {"jean@localhost", ".jean@example.org", "jean.@example.org", "je..an@example.org",
        "jean@-example.org", "jean@example-.org", "jean@example.o", "jean@example.c0m",
        "jean@@example.org", "@example.org", "jean@example..org"}) {
    EXPECT_FALSE(ValidateEmail(email).valid) << email;
  }
}

TEST(EmailTest, LimitsLocalPartTo64Characters) {
  std::string local(64, 'a');
  EXPECT_TRUE(ValidateEmail(local + "@example.org").valid);
  EXPECT_FALSE(ValidateEmail(local + "a@example.org").valid);
}

}  // namespace
}  // namespace vigie
