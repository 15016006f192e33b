// Spelling variants generated with ICU.
#include "text/fold.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "text/utf8.h"

namespace vigie::text {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(FoldTest, VariantsCoverAccentsCaseAndDecomposition) {
  auto v = SpellingVariants("sécurité sociale");
  EXPECT_EQ(v.front(), "sécurité sociale");
  EXPECT_TRUE(Has(v, "securite sociale"));
  EXPECT_TRUE(Has(v, "SÉCURITÉ SOCIALE"));
  EXPECT_TRUE(Has(v,
                  "se\xcc\x81"
                  "curite\xcc\x81"
                  " sociale"));  // NFD
  EXPECT_TRUE(Has(v, "securite_sociale"));
  EXPECT_TRUE(Has(v, "sécurité-sociale"));
  // ASCII case is left to the matcher: no ASCII-only duplicates.
  EXPECT_FALSE(Has(v, "SECURITE SOCIALE") && Has(v, "securite sociale"));
}

TEST(FoldTest, FoldForCompare) {
  EXPECT_EQ(FoldForCompare("Éloïse"), "eloise");
  EXPECT_EQ(FoldForCompare("E\xcc\x81"
                           "loi\xcc\x88"
                           "se"),
            "eloise");
}

TEST(Utf8Test, WordBoundariesUnderstandUnicodeLetters) {
  std::string s =
      "é1 a\xc2\xa0"
      "b";
  EXPECT_FALSE(WordCharBefore(s, 0));
  EXPECT_TRUE(WordCharBefore(s, 2));   // after "é"
  EXPECT_TRUE(WordCharAt(s, 0));       // "é"
  EXPECT_FALSE(WordCharAt(s, 3));      // space
  EXPECT_FALSE(WordCharAt(s, 5));      // no-break space
  EXPECT_FALSE(WordCharBefore(s, 7));  // after the no-break space
}

TEST(Utf8Test, InvalidBytesAreNotWordCharacters) {
  std::string s = "\xff\xc3\x28\xe2\x82";
  for (size_t i = 0; i <= s.size(); ++i) {
    EXPECT_FALSE(WordCharAt(s, i) && s[i] != '(') << i;
    (void)WordCharBefore(s, i);
  }
  EXPECT_EQ(CountCodePoints("é\xff"
                            "a"),
            3u);
}

}  // namespace
}  // namespace vigie::text
