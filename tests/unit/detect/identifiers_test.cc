// SPDX-License-Identifier: Apache-2.0
// Each identifier kind found in running French text and in CSV cells, with
// the score its context earns, and the negative-context cases.
#include <gtest/gtest.h>

#include "test_util.h"
#include "vigie/vigie.h"

namespace vigie {
namespace {

const Scanner& AllKinds() {
  static const Scanner scanner = vigie::testing::CachedScanner({.min_score = 0});
  return scanner;
}

// The best finding of `kind` that covers exactly `value` inside `text`.
const Finding* FindValue(const std::vector<Finding>& findings, const std::string& text,
                         const std::string& kind, const std::string& value) {
  size_t at = text.find(value);
  for (const auto& f : findings) {
    if (f.kind == kind && f.begin == at && f.end == at + value.size()) return &f;
  }
  return nullptr;
}

struct Case {
  std::string kind;
  std::string value;
  std::string context;  // words before the value that name its kind
};

const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      {"IBAN_CODE", "FR76 3000 6000 0112 3456 7890 189", "IBAN :"},
      {"CREDIT_CARD", "4111 1111 1111 1111", "carte bancaire n°"},
      {"FR_SIRET", "732 829 320 00074", "SIRET"},
      {"FR_SIREN", "552 008 443", "SIREN"},
      {"FR_TVA", "FR 40 303 265 045", "TVA intracommunautaire"},
      {"FR_NIF", "3023217600053", "numéro fiscal"},
      {"FR_RPPS", "10001045367", "n° RPPS"},
      {"FR_ADELI", "012600631", "n° ADELI"},
      {"FR_FINESS", "750712184", "FINESS"},
      {"FR_CIP13", "3400949974153", "code CIP"},
      {"FR_CNI", "X4RTBPFW4", "carte d'identité n°"},
      {"FR_PASSPORT", "12AB34567", "passeport"},
      {"DATE_OF_BIRTH", "14/03/1987", "née le"},
      {"DATE_OF_BIRTH", "1er mars 1987", "date de naissance :"},
  };
  return cases;
}

TEST(IdentifiersTest, EachKindInProseWithItsContextScoresHigh) {
  for (const Case& c : Cases()) {
    std::string text = "Dossier de Mme X. " + c.context + " " + c.value + ", transmis hier.";
    auto findings = AllKinds().Scan(text);
    const Finding* f = FindValue(findings, text, c.kind, c.value);
    std::string seen;
    for (const auto& g : findings) seen += " " + g.kind + "@" + std::to_string(g.begin);
    ASSERT_NE(f, nullptr) << c.kind << " in: " << text << "; found" << seen;
    EXPECT_GE(f->score, 0.85) << c.kind;
    // And it wins over any other kind on the same characters.
    auto kept = vigie::testing::CachedScanner().Scan(text);
    const Finding* winner = FindValue(kept, text, c.kind, c.value);
    EXPECT_NE(winner, nullptr) << c.kind << " lost to another kind in: " << text;
  }
}

TEST(IdentifiersTest, EachKindInACsvColumnNamedForIt) {
  for (const Case& c : Cases()) {
    std::string header = c.context;
    for (char& ch : header) {
      if (ch == ' ' || ch == ':') ch = '_';
    }
    std::string csv = "nom;" + header + ";ville\nDUPONT;" + c.value + ";Vannes\n";
    auto findings = vigie::testing::CachedScanner().Scan(csv);
    const Finding* f = FindValue(findings, csv, c.kind, c.value);
    ASSERT_NE(f, nullptr) << c.kind << " in: " << csv;
    EXPECT_GE(f->score, 0.85) << c.kind;
  }
}

TEST(IdentifiersTest, WeakKindsNeedContext) {
  // A bare 9 or 11-digit run that passes Luhn is no one's identifier by
  // itself (1 run in 10 passes): below the default minimum score.
  for (const char* text : {"valeur 552008443 relevée", "valeur 10001045367 relevée",
                           "le 14/03/1987 il pleuvait", "code X4RTBPFW4 ok"}) {
    auto findings = vigie::testing::CachedScanner().Scan(text);
    EXPECT_TRUE(findings.empty()) << text << ": " << findings[0].kind;
  }
}

TEST(IdentifiersTest, NegativeContextLowersTheScore) {
  std::string with_card = "carte bancaire 4111 1111 1111 1111";
  std::string invoice = "facture 4111 1111 1111 1111";
  auto a = AllKinds().Scan(with_card);
  auto b = AllKinds().Scan(invoice);
  const Finding* fa = FindValue(a, with_card, "CREDIT_CARD", "4111 1111 1111 1111");
  const Finding* fb = FindValue(b, invoice, "CREDIT_CARD", "4111 1111 1111 1111");
  ASSERT_NE(fa, nullptr);
  ASSERT_NE(fb, nullptr);
  EXPECT_GE(fa->score, 0.85);
  EXPECT_LT(fb->score, 0.5);
}

TEST(IdentifiersTest, InvalidChecksumsAreNotFound) {
  for (const char* text :
       {"IBAN FR76 3000 6000 0112 3456 7890 188", "carte 4111 1111 1111 1112",
        "SIRET 732 829 320 00075", "code CIP 3400949974154", "née le 31/02/1987"}) {
    for (const auto& f : AllKinds().Scan(text)) {
      EXPECT_LT(f.score, 0.5) << text << ": " << f.kind;
    }
  }
}

TEST(IdentifiersTest, IbanIsNotAlsoACardOrAPhone) {
  std::string text = "IBAN FR76 3000 6000 0112 3456 7890 189";
  auto findings = vigie::testing::CachedScanner().Scan(text);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, "IBAN_CODE");
  EXPECT_EQ(findings[0].category, Category::kFinancial);
}

TEST(IdentifiersTest, IbanAcrossALineBreak) {
  std::string text = "Coordonnées bancaires : IBAN FR76 3000 6000 0112\n3456 7890 189 merci.";
  auto findings = vigie::testing::CachedScanner().Scan(text);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, "IBAN_CODE");
  EXPECT_EQ(findings[0].value, "FR7630006000011234567890189");
  EXPECT_EQ(findings[0].end, text.find(" merci"));
}

TEST(IdentifiersTest, InsContextMakesANirAnIns) {
  auto scanner = vigie::testing::CachedScanner();
  auto ins = scanner.Scan("Matricule INS (OID 1.2.250.1.213.1.4.8) : 185057512345673");
  ASSERT_EQ(ins.size(), 1u);
  EXPECT_EQ(ins[0].kind, "FR_INS");
  EXPECT_GE(ins[0].score, 0.85);
  auto nir = scanner.Scan("NIR : 185057512345673");
  ASSERT_EQ(nir.size(), 1u);
  EXPECT_EQ(nir[0].kind, "FR_NIR");
}

}  // namespace
}  // namespace vigie
