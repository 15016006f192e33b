// SPDX-License-Identifier: Apache-2.0
// Health terms: categories, the sources of the lexicons, case, accent and
// plural variants, the terms that need context, morphology guesses,
// qualifiers, and the health verdict on records.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "test_util.h"
#include "vigie/vigie.h"

namespace vigie {
namespace {

const Scanner& Default() {
  static const Scanner scanner = vigie::testing::CachedScanner();
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

TEST(HealthTest, ASignOffIsNoBloodGroup) {
  // "a+" ("à plus") ends chat messages, near medical words or not.
  for (const char* chat : {"ok je file chez le médecin pour mon asthme, a+\n",
                           "bon courage pour la chimio ! A+ :)\nà demain",
                           "RDV chez le docteur demain, a+ 😘", "patient ce soir, a+!!"}) {
    EXPECT_EQ(Kinds(Default().Scan(chat)).count("HEALTH_BLOOD_GROUP"), 0u) << chat;
  }
  // A result ends its line too, after a word of blood groups; in a
  // column named for them the cell is one.
  for (const char* result :
       {"Groupe sanguin : A+\n", "Patient groupé A+\nRAI négative.", "Rhésus O-",
        "Groupe A+, RAI négative.", "nom;groupe_sanguin\nDUPONT;O+\nMARTIN;AB-\n",
        "{\"nom\": \"DUPONT\", \"groupe_sanguin\": \"O+\"}\n"}) {
    EXPECT_EQ(Kinds(Default().Scan(result)).count("HEALTH_BLOOD_GROUP"), 1u) << result;
  }
  // Streamed byte by byte, the same verdicts.
  for (const std::string text : {"chez le médecin, a+ :)", "Groupe sanguin : A+"}) {
    std::vector<Finding> streamed;
    Stream stream = Default().OpenStream();
    for (char c : text) {
      for (Finding& f : stream.Write(std::string_view(&c, 1))) streamed.push_back(std::move(f));
    }
    for (Finding& f : stream.Finish()) streamed.push_back(std::move(f));
    EXPECT_EQ(Kinds(streamed), Kinds(Default().Scan(text))) << text;
  }
}

TEST(HealthTest, EverydayWordsNeedContext) {
  EXPECT_TRUE(Default().Scan("Le traitement des données est automatisé.").empty());
  EXPECT_FALSE(Default().Scan("Le patient est sous traitement depuis mars.").empty());
}

TEST(HealthTest, TechnicalProseIsNotHealthData) {
  // Words that are clinical elsewhere, in a manual: no finding, no verdict.
  const Scanner& evidence = vigie::testing::CachedScanner({.min_score = kHealthEvidenceFloor});
  for (const char* text : {
           "Le traitement des données est terminé : résultat positif, valeur négative.",
           "Voir la section 3 pour le suivi des opérations et la date de capture.",
           "Afficher la version du logiciel, les termes de sa licence et les conditions.",
           "Options : --verbose, --dump, --monitor ; les sorties écrites sont décrites plus bas.",
       }) {
    auto findings = Default().Scan(text);
    for (const auto& f : findings) ADD_FAILURE() << f.kind << " " << f.value << " in: " << text;
    EXPECT_FALSE(AssessHealth(evidence.Scan(text)).reveals_health) << text;
  }
}

TEST(HealthTest, TermsAreWordsOfTextNotBytesOfBinaryData) {
  const std::string sentence = "Patiente enceinte de 12 SA, groupe sanguin A+, diabète.";
  // In text of any encoding: UTF-8, Latin-1 (the accents are single bytes).
  EXPECT_TRUE(Kinds(Default().Scan(sentence)).count("HEALTH_PREGNANCY"));
  std::string latin1 = "Patiente enceinte de 12 SA, groupe sanguin A+, diab\xe8te.";
  EXPECT_TRUE(Kinds(Default().Scan(latin1)).count("HEALTH_BLOOD_GROUP"));
  // Between bytes of a binary file, the same words are no health data; a
  // checked identifier still is.
  const std::string binary = std::string("\x01\x9c\xff\x00\x7f\x1b\xfe\x03", 8);
  std::string embedded = binary + binary + "groupe sanguin A+ " + binary + "SA" + binary +
                         " mail jean.dupont@example.org " + binary + binary;
  auto found = Default().Scan(embedded);
  EXPECT_EQ(Kinds(found), std::set<std::string>{"EMAIL_ADDRESS"});
  // Streamed in small pieces, the same.
  std::vector<Finding> streamed;
  Stream stream = Default().OpenStream();
  for (size_t at = 0; at < embedded.size(); at += 3) {
    for (Finding& f : stream.Write(std::string_view(embedded).substr(at, 3))) {
      streamed.push_back(std::move(f));
    }
  }
  for (Finding& f : stream.Finish()) streamed.push_back(std::move(f));
  EXPECT_EQ(Kinds(streamed), Kinds(found));
}

TEST(HealthTest, WordsInsideLongerWordsAreNotTerms) {
  // "sida" inside "subsidiaire", "ALD" inside "Ronald".
  EXPECT_TRUE(Default().Scan("Une demande subsidiaire de Ronald.").empty());
}

TEST(HealthTest, HeaderCellsAreColumnNamesNotData) {
  // "groupe_sanguin" and "medecin_traitant" name columns: no finding there,
  // but context for the cells below.
  std::string csv =
      "nom;groupe_sanguin;medecin_traitant;commentaire\n"
      "MARTIN;O Rh-;Dr Rolland;RAS\n"
      "DURAND;A+;Dr Petit;RAS\n";
  auto findings = Default().Scan(csv);
  size_t blood = 0;
  for (const auto& f : findings) {
    EXPECT_GT(f.line, 1u) << f.kind << " on the header line";
    blood += f.kind == "HEALTH_BLOOD_GROUP";
  }
  EXPECT_EQ(blood, 2u);
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

const Finding* Find(const std::vector<Finding>& findings, std::string_view kind) {
  for (const auto& f : findings) {
    if (f.kind == kind) return &f;
  }
  return nullptr;
}

TEST(HealthTest, EachSourceOfTheLexiconsIsMatched) {
  // One term per source file of lib/data/health, in a clinical sentence.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"HEALTH_DRUG", "Patient traité par imatinib depuis 2019."},              // ANSM substances
      {"HEALTH_DRUG", "Il prend du DOLIPRANETABS le soir."},                    // ANSM products
      {"HEALTH_CONDITION", "Diagnostic : syndrome de Marfan néonatal."},        // Orphanet FR
      {"HEALTH_CONDITION", "History of cystic fibrosis in the patient."},       // Disease Ontology
      {"HEALTH_CONDITION", "Patient with Alexander disease, follow-up."},       // Orphanet EN
      {"HEALTH_DRUG", "Le patient reçoit du Sufentanilum en per-opératoire."},  // DrugBank
      {"HEALTH_CONDITION", "ALD pour tuberculose active et lèpre."},            // ALD
      {"HEALTH_LAB_TEST", "Dosage de la ferritine érythrocytaire demandé."},    // NABM
      {"HEALTH_PROCEDURE", "Fibroscopie bronchique réalisée hier."},            // CCAM
      {"HEALTH_PROVIDER", "Suivi en pneumologie au CHU."},                      // specialties
  };
  for (const auto& [kind, text] : cases) {
    EXPECT_NE(Find(Default().Scan(text), kind), nullptr) << kind << " in: " << text;
  }
}

TEST(HealthTest, LexiconTermsInEveryCaseAndAccentAndPlural) {
  for (const char* text : {"Syndrome de Marfan", "SYNDROME DE MARFAN", "syndrome de marfan",
                           "Drépanocytose", "DRÉPANOCYTOSE", "DREPANOCYTOSE", "drepanocytose",
                           "Maladie de Fabry", "maladies de Fabry"}) {
    auto findings = Default().Scan(std::string("Patient suivi pour : ") + text + ".");
    ASSERT_EQ(findings.size(), 1u) << text;
    EXPECT_EQ(findings[0].kind, "HEALTH_CONDITION") << text;
    EXPECT_EQ(findings[0].end - findings[0].begin, std::string_view(text).size()) << text;
  }
}

TEST(HealthTest, PluralsAgreeUpToTheFirstPreposition) {
  // The head and the words that agree with it take their plural; the
  // words after a preposition keep theirs.
  for (const char* text :
       {"endocardites infectieuses", "Endocardites Infectieuses", "maladies de Fabry"}) {
    auto findings = Default().Scan(std::string("Patient suivi pour : ") + text + ".");
    ASSERT_EQ(findings.size(), 1u) << text;
    EXPECT_EQ(findings[0].end - findings[0].begin, std::string_view(text).size()) << text;
  }
}

TEST(HealthTest, TwoLetterAcronymsAreCapitals) {
  // "SA" (weeks of amenorrhoea) in capitals; "sa" is a possessive.
  EXPECT_TRUE(Kinds(Default().Scan("Grossesse de 14 SA.")).count("HEALTH_PREGNANCY"));
  EXPECT_EQ(Default().Scan("Le patient a renouvelé sa licence et sa grossesse").size(), 1u);
  EXPECT_EQ(Default().Scan("Grossesse : sa date de terme est fixée.").size(), 1u);
}

TEST(HealthTest, LongestTermWinsAcrossHealthKinds) {
  // "infection par le VIH" (HEALTH_SEXUAL) holds "infection" (a condition).
  auto findings = Default().Scan("Patient suivi pour une infection par le VIH depuis 2010.");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, "HEALTH_SEXUAL");
  EXPECT_EQ(findings[0].value, "infection par le vih");
}

TEST(HealthTest, MorphologyGuessesWhatNoLexiconLists) {
  // Words made up on medical suffixes: a procedure and a condition.
  auto opere = Default().Scan("Patient opéré d'une zygomectomie le 3 mars.");
  ASSERT_FALSE(opere.empty());
  EXPECT_EQ(opere.back().kind, "HEALTH_PROCEDURE");
  EXPECT_EQ(opere.back().value, "zygomectomie");
  auto douleur = Default().Scan("Le patient souffre d'une scapulalgie chronique.");
  const Finding* condition = Find(douleur, "HEALTH_CONDITION");
  ASSERT_NE(condition, nullptr);
  // A guess scores below a lexicon term in the same context.
  auto known = Default().Scan("Le patient souffre d'une lombalgie chronique.");
  ASSERT_NE(Find(known, "HEALTH_CONDITION"), nullptr);
  EXPECT_LT(condition->score, Find(known, "HEALTH_CONDITION")->score);
  // Without clinical context, no guess; ordinary words are never guesses.
  EXPECT_TRUE(Default().Scan("Une zygomectomie.").empty());
  EXPECT_TRUE(Default().Scan("Le patient a dit la chose ensuite, une suite de visites.").empty());
}

std::vector<Finding> HealthOnly(const std::vector<Finding>& findings) {
  std::vector<Finding> out;
  for (const auto& f : findings) {
    if (f.category == Category::kHealth) out.push_back(f);
  }
  return out;
}

TEST(HealthTest, QualifiersAreAttachedNeverSuppressing) {
  struct Case {
    const char* text;
    const char* value;
    uint8_t qualifiers;
  };
  const auto neg = static_cast<uint8_t>(Qualifier::kNegated);
  const auto hyp = static_cast<uint8_t>(Qualifier::kHypothetical);
  const auto fam = static_cast<uint8_t>(Qualifier::kFamily);
  const auto his = static_cast<uint8_t>(Qualifier::kHistory);
  const std::vector<Case> cases = {
      {"Pas de diabète connu chez ce patient.", "diabete", neg},
      {"Absence de tuberculose à la radiographie.", "tuberculose", neg},
      {"Sérologie VIH négative.", "serologie vih", neg},
      {"Suspicion de tuberculose pulmonaire, patient isolé.", "tuberculose", hyp},
      {"Mère diabétique, père hypertendu.", "diabetique", fam},
      {"Antécédents d'asthme dans l'enfance.", "asthme", his},
      {"Le patient présente un diabète de type 2.", "diabete de type 2", 0},
      // A pseudo trigger holds "pas de" without negating.
      {"Il n'y a pas de doute : le patient a un lupus.", "lupus", 0},
      // A sentence ends the scope of a trigger.
      {"Pas de fièvre. Asthme traité depuis mars.", "asthme", 0},
  };
  for (const Case& c : cases) {
    auto findings = HealthOnly(Default().Scan(c.text));
    const Finding* hit = nullptr;
    for (const auto& f : findings) {
      if (f.value == c.value) hit = &f;
    }
    ASSERT_NE(hit, nullptr) << c.value << " in: " << c.text;
    EXPECT_EQ(hit->qualifiers, c.qualifiers) << c.text;
  }
  Finding f;
  f.qualifiers = neg | fam;
  EXPECT_TRUE(f.Has(Qualifier::kNegated));
  EXPECT_TRUE(f.Has(Qualifier::kFamily));
  EXPECT_FALSE(f.Has(Qualifier::kHistory));
  EXPECT_EQ(QualifierName(Qualifier::kHypothetical), "hypothetical");
}

TEST(HealthTest, VerdictOnRecords) {
  auto verdict = [](const std::string& text) { return AssessHealth(Default().Scan(text)); };
  HealthVerdict hiv = verdict("Sérologie VIH négative, patiente enceinte de 12 SA.");
  EXPECT_TRUE(hiv.reveals_health);
  EXPECT_GE(hiv.score, 0.95);
  ASSERT_GE(hiv.kinds.size(), 2u);
  std::set<std::string> kinds;
  for (const auto& e : hiv.kinds) {
    kinds.insert(e.kind);
    EXPECT_FALSE(e.findings.empty());
  }
  EXPECT_TRUE(kinds.count("HEALTH_SEXUAL"));
  EXPECT_TRUE(kinds.count("HEALTH_PREGNANCY"));
  // Care and cover alone do not reveal health; no health finding at all,
  // a score of 0.
  EXPECT_FALSE(
      verdict("Mutuelle mise à jour, carte Vitale et attestation CPAM reçues.").reveals_health);
  // Everyday words without context: two on one line reveal health, the
  // same scattered one per line over a text do not.
  auto weak = [](const char* value, uint64_t line) {
    Finding f;
    f.kind = "HEALTH_CONDITION";
    f.category = Category::kHealth;
    f.score = kHealthEvidenceFloor;
    f.value = value;
    f.line = line;
    return f;
  };
  EXPECT_TRUE(AssessHealth({weak("infection", 1), weak("goutte", 1)}).reveals_health);
  EXPECT_FALSE(AssessHealth({weak("infection", 1), weak("goutte", 2), weak("fievre", 3),
                             weak("toux", 4), weak("vertige", 5)})
                   .reveals_health);
  // A value counts once at its best score; care only adds to other
  // evidence; HealthScore is the verdict's score without the evidence.
  auto strong = [](const char* kind, const char* value, double score) {
    Finding f;
    f.kind = kind;
    f.category = Category::kHealth;
    f.score = score;
    f.value = value;
    return f;
  };
  std::vector<Finding> repeated = {strong("HEALTH_CONDITION", "diabete", 0.6),
                                   strong("HEALTH_CONDITION", "diabete", 0.7),
                                   strong("HEALTH_PROVIDER", "Dr Martin", 0.8)};
  HealthVerdict twice = AssessHealth(repeated);
  EXPECT_NEAR(twice.score, 0.7 + 0.3 * 0.45 * 0.8, 1e-12);
  EXPECT_EQ(HealthScore(repeated), twice.score);
  ASSERT_EQ(twice.kinds.size(), 2u);
  EXPECT_EQ(twice.kinds[0].kind, "HEALTH_PROVIDER");  // strongest first
  EXPECT_EQ(twice.kinds[1].findings.size(), 2u);
  EXPECT_LT(HealthScore({strong("HEALTH_PROVIDER", "Dr Martin", 0.9),
                         strong("HEALTH_INSURANCE", "MGEN", 0.9)}),
            kHealthThreshold);
  HealthVerdict none = verdict("Adresse modifiée : 12 rue des Lilas, 69003 Lyon.");
  EXPECT_FALSE(none.reveals_health);
  EXPECT_EQ(none.score, 0.0);
  EXPECT_TRUE(none.kinds.empty());
}

// The labelled lab-record comments of tests/data/health: the verdict's F1
// must stay at or above 0.95 (README reports the figures).
TEST(HealthTest, VerdictOnLabelledLabComments) {
  const Scanner& evidence = vigie::testing::CachedScanner({.min_score = kHealthEvidenceFloor});
  size_t tp = 0, fp = 0, fn = 0, tn = 0;
  std::ostringstream errors;
  for (const std::string& line : vigie::testing::ReadLines("health/lab_comments.tsv")) {
    if (line[0] == '#') continue;
    bool expected = line[0] == '1';
    std::string text = line.substr(2);
    bool got = AssessHealth(evidence.Scan(text)).reveals_health;
    (got ? (expected ? tp : fp) : (expected ? fn : tn))++;
    if (got != expected) errors << (expected ? "missed: " : "false alarm: ") << text << "\n";
  }
  ASSERT_EQ(tp + fn, 121u);
  ASSERT_EQ(fp + tn, 97u);
  double precision = static_cast<double>(tp) / static_cast<double>(tp + fp);
  double recall = static_cast<double>(tp) / static_cast<double>(tp + fn);
  double f1 = 2 * precision * recall / (precision + recall);
  EXPECT_GE(f1, 0.95) << "precision " << precision << ", recall " << recall << "\n" << errors.str();
  std::cout << "lab comments: precision " << precision << ", recall " << recall << ", F1 " << f1
            << "\n"
            << errors.str();
}

}  // namespace
}  // namespace vigie
