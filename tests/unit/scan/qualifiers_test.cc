// SPDX-License-Identifier: Apache-2.0
// Qualifiers on hand-made keyword hits: the sentence rule, the windows,
// cells, and pseudo triggers.
#include "scan/qualifiers.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "vigie/finding.h"

namespace vigie::internal {
namespace {

constexpr uint8_t kNegated = static_cast<uint8_t>(Qualifier::kNegated);
constexpr uint8_t kHypothetical = static_cast<uint8_t>(Qualifier::kHypothetical);
constexpr uint8_t kHistory = static_cast<uint8_t>(Qualifier::kHistory);

// 0 "pas de" (before: negated), 1 "pas de doute" (pseudo), 2 "doute"
// (hypothetical, both sides), 3 "exclu" (after: negated), 4 "adresse"
// (context only), 5 "antécédents de" (before: history).
std::vector<KeywordDef> Keywords() {
  std::vector<KeywordDef> k(6);
  k[0].qualifies_before = kNegated;
  k[1].pseudo = true;
  k[2].qualifies_before = kHypothetical;
  k[2].qualifies_after = kHypothetical;
  k[3].qualifies_after = kNegated;
  k[5].qualifies_before = kHistory;
  return k;
}

KeywordHit Hit(std::string_view text, std::string_view word, uint32_t keyword) {
  uint64_t at = text.find(word);
  EXPECT_NE(at, std::string_view::npos) << word;
  return {at, at + word.size(), keyword, 0, false};
}

// Records `hit` after `hits`, as the context stage does.
void Record(std::vector<KeywordHit>& hits, KeywordHit hit, const std::vector<KeywordDef>& k) {
  MarkPseudoTriggers(hits, hit, k);
  hits.push_back(hit);
}

QualifiedSpan Term(std::string_view text, std::string_view word) {
  uint64_t at = text.find(word);
  EXPECT_NE(at, std::string_view::npos) << word;
  return {at, at + word.size(), 64, 24, std::nullopt};
}

TEST(SameSentenceTest, EndsAtBreaksAndFullStops) {
  EXPECT_TRUE(SameSentence(" de la "));
  EXPECT_TRUE(SameSentence(""));
  EXPECT_TRUE(SameSentence(" 2.5 mg de "));  // a decimal point
  EXPECT_TRUE(SameSentence(" Dr.X "));       // an abbreviation
  EXPECT_FALSE(SameSentence(" fièvre. Puis "));
  EXPECT_FALSE(SameSentence(" fin."));
  EXPECT_FALSE(SameSentence(" a\nb "));
  EXPECT_FALSE(SameSentence(" a; b "));
  EXPECT_FALSE(SameSentence(" quoi ? "));
  EXPECT_FALSE(SameSentence(" non ! "));
}

TEST(QualifiersTest, TriggerBeforeInTheSameSentence) {
  std::vector<KeywordDef> k = Keywords();
  std::string_view text = "pas de diabète connu";
  TextWindow window{text, 0};
  std::vector<KeywordHit> hits = {Hit(text, "pas de", 0)};
  EXPECT_EQ(Qualifiers(Term(text, "diabète"), hits, k, window), kNegated);

  std::string_view broken = "pas de fièvre. Diabète connu";
  std::vector<KeywordHit> far = {Hit(broken, "pas de", 0)};
  EXPECT_EQ(Qualifiers(Term(broken, "Diabète"), far, k, TextWindow{broken, 0}), 0);
}

TEST(QualifiersTest, SidesAndWindowsOfTheDetector) {
  std::vector<KeywordDef> k = Keywords();
  std::string_view text = "tuberculose exclue";
  std::vector<KeywordHit> hits = {Hit(text, "exclu", 3)};
  TextWindow window{text, 0};
  QualifiedSpan term = Term(text, "tuberculose");
  EXPECT_EQ(Qualifiers(term, hits, k, window), kNegated);
  term.window_after = 0;  // the trigger lies one byte after: outside
  EXPECT_EQ(Qualifiers(term, hits, k, window), 0);
  // "pas de" qualifies only what follows it.
  std::string_view after = "asthme pas de";
  std::vector<KeywordHit> behind = {Hit(after, "pas de", 0)};
  EXPECT_EQ(Qualifiers(Term(after, "asthme"), behind, k, TextWindow{after, 0}), 0);
  // A keyword that is no trigger qualifies nothing.
  std::string_view plain = "adresse diabète";
  std::vector<KeywordHit> context = {Hit(plain, "adresse", 4)};
  EXPECT_EQ(Qualifiers(Term(plain, "diabète"), context, k, TextWindow{plain, 0}), 0);
}

TEST(QualifiersTest, SeveralTriggersAddUp) {
  std::vector<KeywordDef> k = Keywords();
  std::string_view text = "antécédents de doute sur un asthme";
  std::vector<KeywordHit> hits = {Hit(text, "antécédents de", 5), Hit(text, "doute", 2)};
  EXPECT_EQ(Qualifiers(Term(text, "asthme"), hits, k, TextWindow{text, 0}),
            kHistory | kHypothetical);
}

TEST(QualifiersTest, CellsCancelledHitsAndBytesNoLongerInMemory) {
  std::vector<KeywordDef> k = Keywords();
  std::string_view text = "pas de diabète";
  std::vector<KeywordHit> hits = {Hit(text, "pas de", 0)};
  QualifiedSpan term = Term(text, "diabète");
  term.cell_begin = 7;  // the term's cell; the trigger's is 0 (a tab-separated file)
  EXPECT_EQ(Qualifiers(term, hits, k, TextWindow{text, 0}), 0);
  term.cell_begin = 0;
  EXPECT_EQ(Qualifiers(term, hits, k, TextWindow{text, 0}), kNegated);

  hits[0].cancelled = true;
  EXPECT_EQ(Qualifiers(term, hits, k, TextWindow{text, 0}), 0);

  // The bytes between trigger and term have left memory: no sentence
  // can be checked, so no qualifier.
  std::string_view sentence = "pas de diabète";
  std::vector<KeywordHit> gone = {Hit(sentence, "pas de", 0)};
  TextWindow tail{sentence.substr(7), 7};
  EXPECT_EQ(Qualifiers(Term(sentence, "diabète"), gone, k, tail), 0);
}

TEST(MarkPseudoTriggersTest, APseudoTriggerCancelsTheTriggersItHolds) {
  std::vector<KeywordDef> k = Keywords();
  std::string_view text = "pas de doute sur une angine";
  // In order of their end: "pas de" (0-6), then "pas de doute" (0-12) and
  // "doute" (7-12), which end together.
  std::vector<KeywordHit> hits;
  Record(hits, Hit(text, "pas de", 0), k);
  Record(hits, Hit(text, "pas de doute", 1), k);
  Record(hits, Hit(text, "doute", 2), k);
  EXPECT_TRUE(hits[0].cancelled);   // held by the pseudo trigger, which came after
  EXPECT_FALSE(hits[1].cancelled);  // the pseudo trigger itself
  EXPECT_TRUE(hits[2].cancelled);   // ends where the pseudo trigger ends, inside it
  EXPECT_EQ(Qualifiers(Term(text, "angine"), hits, k, TextWindow{text, 0}), 0);
}

TEST(MarkPseudoTriggersTest, TriggersOutsideAPseudoTriggerStand) {
  std::vector<KeywordDef> k = Keywords();
  std::string_view text = "doute, pas de doute";
  std::vector<KeywordHit> hits;
  Record(hits, Hit(text, "doute", 2), k);
  Record(hits, KeywordHit{7, 19, 1, 0, false}, k);  // "pas de doute"
  EXPECT_FALSE(hits[0].cancelled);                  // before the pseudo trigger's start
}

}  // namespace
}  // namespace vigie::internal
