// Health terms from the curated lexicon: categories, case and accent
// variants, the terms that need context, and the sample export.
#include <gtest/gtest.h>

#include <set>

#include "test_util.h"
#include "vigie/vigie.h"

namespace vigie {
namespace {

const Scanner& Default() {
  static const Scanner scanner = Scanner::Create().value();
  return scanner;
}

std::set<std::string> Kinds(const std::vector<Finding>& findings) {
  std::set<std::string> kinds;
  for (const auto& f : findings) kinds.insert(f.kind);
  return kinds;
}

TEST(HealthTest, EachCategoryInAClinicalSentence) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"HEALTH_PREGNANCY", "La patiente est enceinte de 12 semaines."},
      {"HEALTH_SEXUAL", "Sérologie VIH positive, charge virale indétectable."},
      {"HEALTH_BLOOD_GROUP", "Groupe sanguin O négatif."},
      {"HEALTH_MENTAL", "Suivi pour un trouble bipolaire depuis 2015."},
      {"HEALTH_DISABILITY", "Dossier MDPH en cours, RQTH obtenue."},
      {"HEALTH_LAB_TEST", "HbA1c à 7,2 % au dernier bilan."},
      {"HEALTH_CONDITION", "Antécédents : diabète de type 2, hypertension artérielle."},
      {"HEALTH_PROCEDURE", "Coloscopie prévue le mois prochain."},
      {"HEALTH_DRUG", "Traitement : metformine 850 mg, Levothyrox 75."},
      {"HEALTH_PROVIDER", "Adressé par son médecin traitant au cardiologue."},
      {"HEALTH_INSURANCE", "Prise en charge par la CPAM, carte Vitale à jour."},
  };
  for (const auto& [kind, text] : cases) {
    auto findings = Default().Scan(text);
    EXPECT_TRUE(Kinds(findings).count(kind)) << kind << " in: " << text;
    for (const auto& f : findings) {
      if (f.kind == kind) {
        EXPECT_EQ(f.category, Category::kHealth);
      }
    }
  }
}

TEST(HealthTest, CaseAndAccentsDoNotMatter) {
  for (const char* text : {"grossesse", "GROSSESSE", "Grossesse", "sérologie VIH", "SEROLOGIE VIH",
                           "serologie vih", "DIABÈTE", "diabete"}) {
    auto findings = Default().Scan(std::string("Patient : ") + text + ".");
    EXPECT_EQ(findings.size(), 1u) << text;
  }
}

TEST(HealthTest, ShortTermsNeedContext) {
  // "A+" is a blood group only near "groupe", "Rh", "RAI"...
  EXPECT_TRUE(Default().Scan("Il a eu A+ en maths.").empty());
  auto grouped = Default().Scan("Groupe A+, RAI négative.");
  EXPECT_TRUE(Kinds(grouped).count("HEALTH_BLOOD_GROUP"));
  // "SA" (weeks of amenorrhoea) only near pregnancy words.
  EXPECT_TRUE(Default().Scan("La SA a publié ses comptes.").empty());
  EXPECT_TRUE(Kinds(Default().Scan("Grossesse de 14 SA.")).count("HEALTH_PREGNANCY"));
}

TEST(HealthTest, EverydayWordsNeedContext) {
  EXPECT_TRUE(Default().Scan("Le traitement des données est automatisé.").empty());
  EXPECT_FALSE(Default().Scan("Le patient est sous traitement depuis mars.").empty());
}

TEST(HealthTest, WordsInsideLongerWordsAreNotTerms) {
  // "sida" inside "subsidiaire", "ALD" inside "Ronald".
  EXPECT_TRUE(Default().Scan("Une demande subsidiaire de Ronald.").empty());
}

TEST(HealthTest, SampleExportCommentsRevealHealth) {
  std::string csv =
      vigie::testing::ReadFile(std::string(VIGIE_SOURCE_DIR) + "/examples/data/patients_labo.csv");
  auto kinds = Kinds(Default().Scan(csv));
  for (const char* kind : {"HEALTH_SEXUAL", "HEALTH_PREGNANCY", "HEALTH_DRUG", "HEALTH_BLOOD_GROUP",
                           "HEALTH_INSURANCE", "HEALTH_CONDITION"}) {
    EXPECT_TRUE(kinds.count(kind)) << kind;
  }
}

}  // namespace
}  // namespace vigie
