// SPDX-License-Identifier: Apache-2.0
// Person names: parsing, the INSEE lists, and the PERSON detector in each
// form people write a name.
#include "vigie/person.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "test_util.h"
#include "validate/person.h"
#include "vigie/vigie.h"

namespace vigie {
namespace {

TEST(PersonTest, ParsesTheCommonForms) {
  NameParse p = ParsePersonName("Dr Jean-Pierre LE GALL");
  ASSERT_TRUE(p.valid) << p.reason;
  EXPECT_EQ(p.name.title, "Dr");
  EXPECT_EQ(p.name.given, "Jean-Pierre");
  EXPECT_EQ(p.name.family, "LE GALL");
  EXPECT_EQ(p.name.normalized, "Jean-Pierre LE GALL");
  EXPECT_EQ(p.name.sex, 'M');
  EXPECT_GT(p.given_births, 100000u);
  EXPECT_GT(p.family_births, 1000u);

  NameParse reversed = ParsePersonName("DUPONT Marie-Hélène");
  ASSERT_TRUE(reversed.valid) << reversed.reason;
  EXPECT_EQ(reversed.name.given, "Marie-Hélène");
  EXPECT_EQ(reversed.name.family, "DUPONT");
  EXPECT_EQ(reversed.name.sex, 'F');

  NameParse prose = ParsePersonName("Hélène Garnier");
  ASSERT_TRUE(prose.valid);
  EXPECT_EQ(prose.name.family, "GARNIER");

  NameParse initial = ParsePersonName("J. Dupont");
  ASSERT_TRUE(initial.valid);
  EXPECT_EQ(initial.name.given, "J.");

  NameParse particle = ParsePersonName("Manuel de Sousa");
  ASSERT_TRUE(particle.valid) << particle.reason;
  EXPECT_EQ(particle.name.family, "DE SOUSA");

  // The title gives the sex and makes a single word a family name.
  NameParse madame = ParsePersonName("Mme Martin");
  ASSERT_TRUE(madame.valid);
  EXPECT_EQ(madame.name.family, "MARTIN");
  EXPECT_EQ(madame.name.sex, 'F');
  // Records in capitals: family name first.
  NameParse caps = ParsePersonName("DUPONT JEAN");
  ASSERT_TRUE(caps.valid);
  EXPECT_EQ(caps.name.family, "DUPONT");
  EXPECT_EQ(caps.name.given, "JEAN");
}

TEST(PersonTest, WordsTheListsDoNotKnowAreNoName) {
  for (const char* text : {"Service de Cardiologie", "Hier Soir", "le patient", "12 Rue", "Ô"}) {
    NameParse p = ParsePersonName(text);
    EXPECT_FALSE(p.valid) << text;
    EXPECT_FALSE(p.reason.empty()) << text;
  }
  // With a title any capitalized name is one.
  EXPECT_TRUE(ParsePersonName("Dr Xqzwyk").valid);
  // Ambiguous names are marked.
  EXPECT_TRUE(ParsePersonName("Rose").ambiguous);
  EXPECT_FALSE(ParsePersonName("Hélène").ambiguous);
}

std::vector<Finding> Persons(const std::string& text, double min_score = 0.5) {
  std::vector<Finding> out;
  for (auto& f : vigie::testing::CachedScanner({.min_score = min_score}).Scan(text)) {
    if (f.kind == "PERSON") out.push_back(f);
  }
  return out;
}

std::string Text(const std::string& text, const Finding& f) {
  return text.substr(f.begin, f.end - f.begin);
}

TEST(PersonTest, DetectorFindsEachForm) {
  struct Case {
    const char* text;
    const char* name;
  };
  for (const Case& c : std::vector<Case>{
           {"Vu ce jour M. Dupont pour un bilan.", "Dupont"},
           {"Reçue Mme Garnier en consultation.", "Garnier"},
           {"Mlle Lefèvre est arrivée.", "Lefèvre"},
           {"Le Pr Lemoine a validé.", "Lemoine"},
           {"Compte rendu : DUPONT Jean, 54 ans.", "DUPONT Jean"},
           {"Nous avons vu Jean Dupont hier.", "Jean Dupont"},
           {"Signé J. Dupont le 3 mars.", "J. Dupont"},
           {"Appel de Jean-Pierre Moreau ce matin.", "Jean-Pierre Moreau"},
           {"Courrier de Marie-Thérèse LE GALL reçu.", "Marie-Thérèse LE GALL"},
           {"Réponse de Manuel de Sousa.", "Manuel de Sousa"},
           {"Madame Xqzwyk Brtolp est venue.", "Xqzwyk Brtolp"},
           {"Vu Jean KERBRATOU ce jour.", "Jean KERBRATOU"},
           {"Signé : É. Robin\n", "É. Robin"},
           {"Compte rendu pour MERLE Augustin.", "MERLE Augustin"},
       }) {
    std::string text = c.text;
    auto found = Persons(text);
    ASSERT_EQ(found.size(), 1u) << text;
    EXPECT_EQ(Text(text, found[0]), c.name) << text;
    EXPECT_EQ(found[0].category, Category::kIdentity);
  }
}

TEST(PersonTest, AmbiguousNamesNeedContext) {
  // Names that are words, places or countries: no title, no header, no
  // capital pattern, no finding.
  EXPECT_TRUE(Persons("Pierre a posé une pierre. La Marine défend la France.").empty());
  EXPECT_TRUE(Persons("Rose est une couleur, Martin un oiseau.").empty());
  EXPECT_TRUE(Persons("Elle habite Nancy depuis mars.").empty());
  // With a title or a label they are names.
  EXPECT_EQ(Persons("Rendez-vous avec M. Martin.").size(), 1u);
  EXPECT_EQ(Persons("Prénom : Rose").size(), 1u);
  // Streets and institutions named after people are not people.
  EXPECT_TRUE(Persons("Lycée Victor Hugo, 8 avenue Jean Jaurès.").empty());
  EXPECT_TRUE(Persons("Hôpital Henri Mondor").empty());
  // A rare given name alone is weaker than a frequent one.
  auto frequent = Persons("Marie", 0);
  auto rare = Persons("Filippo", 0);
  ASSERT_EQ(frequent.size(), 1u);
  ASSERT_EQ(rare.size(), 1u);
  EXPECT_GT(frequent[0].score, rare[0].score);
  EXPECT_LT(frequent[0].score, 0.5);
}

TEST(PersonTest, SentenceStartsAndUnknownGivenNames) {
  // A capital at a sentence start says nothing: the verb or noun that
  // opens a line is no part of the name after it.
  std::string text =
      "Patient : Jean DUPONT, vu ce jour.\nCompte rendu pour PICARD Olivie.\n"
      "Vu Sabine Leduc ce matin.\n";
  auto found = Persons(text);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(Text(text, found[0]), "Jean DUPONT");
  // An unknown given name beside a known family name in capitals.
  EXPECT_EQ(Text(text, found[1]), "PICARD Olivie");
  EXPECT_EQ(Text(text, found[2]), "Sabine Leduc");
  // The capitals pattern needs a family name the list knows.
  EXPECT_TRUE(Persons("Mutuelle : MAAF Santé. Voir Link CIBLE.").empty());
  // Capitals throughout need two frequent names.
  EXPECT_TRUE(Persons("READ BLOCK et MAX SYS").empty());
  EXPECT_EQ(Persons("DUPONT JEAN").size(), 1u);
}

TEST(PersonTest, HeaderCellsMakeNames) {
  std::string csv =
      "nom;prenom;ville;medecin_traitant\n"
      "MARTIN;Rose;Nancy;Dr Pierre\n"
      "LEGRAND;Marine;Paris;Dr Blanc\n";
  auto found = Persons(csv);
  ASSERT_EQ(found.size(), 6u);
  for (const Finding& f : found) {
    EXPECT_GE(f.score, 0.85) << Text(csv, f);
    EXPECT_NE(Text(csv, f), "Nancy");
    EXPECT_NE(Text(csv, f), "Paris");
  }
}

TEST(PersonTest, AttendingPhysicianCarriesHealthProviderContext) {
  std::string text = "médecin traitant : Dr Martin\nNom : DUPONT Jean\n";
  auto found = Persons(text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(Text(text, found[0]), "Martin");
  EXPECT_EQ(found[0].context, "HEALTH_PROVIDER");
  EXPECT_EQ(Text(text, found[1]), "DUPONT Jean");
  EXPECT_TRUE(found[1].context.empty());
  // The care term itself is found too.
  bool provider = false;
  for (const auto& f : vigie::testing::CachedScanner().Scan(text)) {
    provider = provider || f.kind == "HEALTH_PROVIDER";
  }
  EXPECT_TRUE(provider);
}

TEST(PersonTest, ComponentsOfNamesAndAddresses) {
  std::string text = "Mme Hélène Garnier, 12 bis rue des Lilas, 56000 Vannes";
  std::map<std::string, std::map<std::string, std::string>> parts;
  for (const auto& f : vigie::testing::CachedScanner().Scan(text)) {
    for (const auto& [name, part] : Components(f)) parts[f.kind][name] = part;
  }
  EXPECT_EQ(parts["PERSON"]["given"], "Hélène");
  EXPECT_EQ(parts["PERSON"]["family"], "GARNIER");
  EXPECT_EQ(parts["PERSON"]["sex"], "F");
  EXPECT_EQ(parts["FR_POSTAL_ADDRESS"]["number_suffix"], "BIS");
  EXPECT_EQ(parts["FR_POSTAL_ADDRESS"]["postcode"], "56000");
  EXPECT_EQ(parts["FR_POSTAL_ADDRESS"]["commune"], "Vannes");
}

// The PERSON detector reads a run of words once and weighs each span that
// ends where the run ends; each span must weigh as its own text would.
TEST(PersonTest, EachSpanOfARunWeighsAsItsOwnText) {
  const std::vector<std::string> words = {
      "Jean",    "Marie-Thérèse", "DUPONT", "Dupont", "Le",     "LE",        "Gall",    "GALL",
      "de",      "Sousa",         "J.",     "J.-P.",  "Martin", "MARTIN",    "Rose",    "Vu",
      "Compte",  "IRM",           "Saint",  "Louis",  "van",    "Beethoven", "N'Diaye", "Kerbrat",
      "KERBRAT", "Chloé",         "Leroy",  "Petit",  "Simon",  "A1b"};
  std::mt19937 random(20261203);
  int valid = 0;
  for (int run = 0; run < 3000; ++run) {
    std::string span;
    size_t n = 1 + random() % validate::kMaxNameWords;
    for (size_t i = 0; i < n; ++i) {
      if (i > 0) span += random() % 4 ? " " : "  ";
      span += words[random() % words.size()];
    }
    validate::NameRun words_of(span);
    ASSERT_EQ(words_of.size(), n) << span;
    for (std::string_view title : {"", "Dr", "Mme"}) {
      for (size_t from = 0; from < n; ++from) {
        validate::NameEvidence got = words_of.Weigh(title, from);
        validate::NameEvidence want = validate::WeighName(title, words_of.From(from));
        SCOPED_TRACE(std::string(title) + " | " + std::string(words_of.From(from)));
        EXPECT_EQ(got.parse.valid, want.parse.valid);
        EXPECT_EQ(got.parse.reason, want.parse.reason);
        EXPECT_EQ(got.parse.name.normalized, want.parse.name.normalized);
        EXPECT_EQ(got.parse.name.given, want.parse.name.given);
        EXPECT_EQ(got.parse.name.family, want.parse.name.family);
        EXPECT_EQ(got.parse.name.sex, want.parse.name.sex);
        EXPECT_EQ(got.parse.given_births, want.parse.given_births);
        EXPECT_EQ(got.parse.family_births, want.parse.family_births);
        EXPECT_EQ(got.parse.ambiguous, want.parse.ambiguous);
        EXPECT_EQ(got.given, want.given);
        EXPECT_EQ(got.family, want.family);
        EXPECT_EQ(got.weak_first, want.weak_first);
        EXPECT_EQ(got.mixed, want.mixed);
        EXPECT_EQ(got.all_caps, want.all_caps);
        valid += got.parse.valid;
      }
    }
  }
  EXPECT_GT(valid, 3000);  // the runs exercise names, not only refusals
}

// A run of more words than a name has is none, whatever its words.
TEST(PersonTest, TooManyWordsAreNoName) {
  NameParse p = ParsePersonName("Jean Marie Pierre Paul Louis Henri DUPONT");
  EXPECT_FALSE(p.valid);
  EXPECT_EQ(p.reason, "too many words for a name");
  EXPECT_EQ(ParsePersonName("Jean A1b Pierre").reason, "'A1b' is no name word");
}

}  // namespace
}  // namespace vigie
