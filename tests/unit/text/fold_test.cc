// SPDX-License-Identifier: Apache-2.0
// Spelling variants generated with ICU.
#include "text/fold.h"

#include <gtest/gtest.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <random>

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

// NFC, lower case in the root locale, then NFD without its non-spacing
// marks: the definition, with ICU and nothing else.
std::string FoldByDefinition(std::string_view term) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(term.data(), static_cast<int32_t>(term.size())));
  s = icu::Normalizer2::getNFCInstance(status)->normalize(s, status);
  s.toLower(icu::Locale::getRoot());
  s = icu::Normalizer2::getNFDInstance(status)->normalize(s, status);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < s.length(); i += U16_LENGTH(s.char32At(i))) {
    if (u_charType(s.char32At(i)) != U_NON_SPACING_MARK) kept.append(s.char32At(i));
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

std::string Utf8(UChar32 c) {
  std::string out;
  icu::UnicodeString(c).toUTF8String(out);
  return out;
}

TEST(FoldTest, FoldForCompareAgreesWithTheDefinition) {
  // Every code point of the first two UTF-8 lengths alone, and random
  // texts mixing ASCII, Latin letters, combining marks, Greek (whose
  // sigma is cased by context), the typographic apostrophe and invalid
  // bytes.
  for (UChar32 c = 1; c < 0x800; ++c) {
    ASSERT_EQ(FoldForCompare(Utf8(c)), FoldByDefinition(Utf8(c))) << std::hex << c;
  }
  const std::vector<std::string> pieces = {"a",
                                           "Z",
                                           " ",
                                           "-",
                                           "'",
                                           "1",
                                           "é",
                                           "É",
                                           "Œ",
                                           "ß",
                                           "İ",
                                           "ŀ",
                                           "ǅ",
                                           "\xcc\x81",
                                           "\xcc\x88",
                                           "Σ",
                                           "σ",
                                           "Ä",
                                           "\xe2\x80\x99",
                                           "\xff",
                                           "\xc3",
                                           "ÿ",
                                           "Ÿ",
                                           "Ǻ",
                                           "ȸ",
                                           "ɐ"};
  std::mt19937 rng(5);
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    for (size_t k = rng() % 7; k > 0; --k) text += pieces[rng() % pieces.size()];
    ASSERT_EQ(FoldForCompare(text), FoldByDefinition(text)) << text;
  }
}

// SpellingVariants by its definition, with ICU for every form: the term
// in NFC, lower and upper case (root locale), each as it is, in NFD and
// without its marks, then those forms with œ and æ opened; each form once
// (ASCII case aside), and with joiners '_' and '-' in place of spaces.
std::vector<std::string> VariantsByDefinition(std::string_view term) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString s = nfc->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                            term.data(), static_cast<int32_t>(term.size()))),
                                        status);
  std::vector<icu::UnicodeString> forms;
  for (icu::UnicodeString cased : {s, icu::UnicodeString(s).toLower(icu::Locale::getRoot()),
                                   icu::UnicodeString(s).toUpper(icu::Locale::getRoot())}) {
    icu::UnicodeString decomposed = nfd->normalize(cased, status), bare;
    for (int32_t i = 0; i < decomposed.length(); i += U16_LENGTH(decomposed.char32At(i))) {
      if (u_charType(decomposed.char32At(i)) != U_NON_SPACING_MARK) {
        bare.append(decomposed.char32At(i));
      }
    }
    forms.insert(forms.end(), {cased, decomposed, bare});
  }
  for (size_t i = 0, n = forms.size(); i < n; ++i) {
    icu::UnicodeString open = forms[i];
    open.findAndReplace(u"œ", u"oe").findAndReplace(u"Œ", u"OE");
    open.findAndReplace(u"æ", u"ae").findAndReplace(u"Æ", u"AE");
    if (open != forms[i]) forms.push_back(open);
  }
  std::vector<std::string> out, seen;
  auto add = [&](const std::string& v) {
    if (v.empty() || Has(seen, AsciiLowered(v))) return;
    seen.push_back(AsciiLowered(v));
    out.push_back(v);
  };
  for (const icu::UnicodeString& f : forms) {
    std::string v;
    f.toUTF8String(v);
    add(v);
    if (v.find(' ') == std::string::npos) continue;
    for (char joiner : {'_', '-'}) {
      std::string joined = v;
      std::replace(joined.begin(), joined.end(), ' ', joiner);
      add(joined);
    }
  }
  return out;
}

TEST(FoldTest, SpellingVariantsAgreeWithTheDefinition) {
  // Every code point of the first two UTF-8 lengths alone and in a word,
  // French keywords, and random texts of ASCII, Latin letters, combining
  // marks, ligatures, Greek, the typographic apostrophe and invalid bytes.
  for (UChar32 c = 1; c < 0x800; ++c) {
    ASSERT_EQ(SpellingVariants(Utf8(c)), VariantsByDefinition(Utf8(c))) << std::hex << c;
    std::string word = "a" + Utf8(c) + " b";
    ASSERT_EQ(SpellingVariants(word), VariantsByDefinition(word)) << std::hex << c;
  }
  for (const char* term :
       {"sécurité sociale", "prénom", "médecin traitant", "cœliaque", "Œdème", "nom d'usage", "CP",
        "née", "épouse", "personne à prévenir", "ÆSCHYLE", "straße", "İstanbul", "l’hôpital"}) {
    EXPECT_EQ(SpellingVariants(term), VariantsByDefinition(term)) << term;
  }
  const std::vector<std::string> pieces = {
      "a", "Z",    " ",    "-", "'", "1", "é", "É", "Œ",      "œ", "æ", "ß", "İ", "ŀ",
      "ǅ", "Ì", "Ì", "Σ", "σ", "Ä", "ÿ", "Ÿ", "â", "ÿ", "Ã", "Ǻ", "ȸ", "ɐ"};
  std::mt19937 rng(7);
  for (int n = 0; n < 5000; ++n) {
    std::string text;
    for (size_t k = rng() % 7; k > 0; --k) text += pieces[rng() % pieces.size()];
    ASSERT_EQ(SpellingVariants(text), VariantsByDefinition(text)) << text;
  }
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

TEST(Utf8Test, AWordGoesOnAfterAHyphenOrAnApostropheBeforeALetter) {
  std::string s = "Saint-Michel, l'\xc3\x89glise - x' 2-";
  EXPECT_TRUE(WordGoesOn(s, 5));    // Saint|-Michel
  EXPECT_TRUE(WordGoesOn(s, 15));   // l|'Église
  EXPECT_FALSE(WordGoesOn(s, 12));  // a comma
  EXPECT_FALSE(WordGoesOn(s, 24));  // " - ": a space follows
  EXPECT_FALSE(WordGoesOn(s, 27));  // "x' ": a space follows
  EXPECT_FALSE(WordGoesOn(s, 30));  // the last byte
}

TEST(Utf8Test, InsideCodePointIsBetweenTheBytesOfOneCharacter) {
  std::string s = "Co\xc3\xabt \xe2\x80\x99x \x80";
  EXPECT_FALSE(InsideCodePoint(s, 2));  // before "ë"
  EXPECT_TRUE(InsideCodePoint(s, 3));   // inside "ë"
  EXPECT_FALSE(InsideCodePoint(s, 4));  // after it
  EXPECT_TRUE(InsideCodePoint(s, 7));   // inside "’"
  EXPECT_TRUE(InsideCodePoint(s, 8));
  EXPECT_FALSE(InsideCodePoint(s, 9));
  EXPECT_FALSE(InsideCodePoint(s, 11));  // a stray continuation byte after a space
  EXPECT_FALSE(InsideCodePoint(s, 0));
  EXPECT_FALSE(InsideCodePoint(s, s.size()));
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

TEST(Utf8Test, CountsMatchAByteLoopOnEveryLengthAndAlignment) {
  std::string s = "ligne é\nœ\xff\x80\n€ fin\n\n\xc3\xa9t\xc3\xa9\n";
  for (int i = 0; i < 6; ++i) s += s;  // past 255 words, so lanes are flushed
  for (size_t from = 0; from < 9; ++from) {
    for (size_t n : {size_t{0}, size_t{1}, size_t{7}, size_t{8}, size_t{9}, size_t{63},
                     size_t{2040}, size_t{2047}, s.size() - from}) {
      std::string_view v = std::string_view(s).substr(from, n);
      uint64_t newlines = 0, points = 0;
      for (unsigned char c : v) {
        newlines += c == '\n';
        points += (c & 0xC0) != 0x80;
      }
      ASSERT_EQ(CountByte(v, '\n'), newlines) << from << "+" << n;
      ASSERT_EQ(CountCodePoints(v), points) << from << "+" << n;
    }
  }
}

}  // namespace
}  // namespace vigie::text
