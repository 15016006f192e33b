// Health detectors: one per HEALTH_* kind, its literals from the embedded
// lexicon (lib/data/health_curated.tsv). A term is found whatever its case
// and accents. Short terms and acronyms (SA, RAI, A+) and everyday words
// (traitement, consultation) count only with health context nearby.
//
// This is the curated core of the health lexicons; the large ones (drugs,
// rare diseases, procedures) and the qualifiers (negation, family) are
// still to come.
#include <absl/container/flat_hash_map.h>

#include <map>

#include "data/embedded.h"
#include "detect/builtin.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace vigie::detect {
namespace {

using internal::DetectorDef;

// Scores without context: a medical term, an everyday word that may be
// medical, a short term or acronym that is medical only in context.
constexpr double kTermScore = 0.7;
constexpr double kWeakScore = 0.4;
constexpr double kContextScore = 0.3;
// Terms this short (in bytes, folded) need context whatever their flag:
// three-letter acronyms (CRP, AAH, IDE, CSS) mean many things.
constexpr size_t kShortTerm = 3;

enum class Strength { kTerm, kWeak, kContext };

struct TermInfo {
  Strength strength = Strength::kTerm;
  std::string canonical;  // folded: lower case, no accents
};

struct Lexicon {
  // kind -> its terms, in file order.
  std::map<std::string, std::vector<std::string>> terms;
  // Per kind: every spelling the matcher can report, ASCII-lowered (the
  // matcher ignores ASCII case) -> the term's strength and canonical form.
  // Confirming a match is then one lookup, with no Unicode work.
  std::map<std::string, absl::flat_hash_map<std::string, TermInfo>> spellings;
};

const Lexicon& CuratedLexicon() {
  static const Lexicon lexicon = [] {
    Lexicon l;
    data::ForEachRow(data::kHealthCurated, [&](const std::vector<std::string_view>& cells) {
      if (cells.size() < 2) return;
      std::string kind(cells[0]);
      std::string term(cells[1]);
      std::string_view flags = cells.size() > 2 ? cells[2] : std::string_view();
      std::string folded = text::FoldForCompare(term);
      Strength s = flags == "context" ? Strength::kContext
                   : flags == "weak"  ? Strength::kWeak
                                      : Strength::kTerm;
      if (folded.size() <= kShortTerm) s = Strength::kContext;
      l.terms[kind].push_back(term);
      auto& spellings = l.spellings[kind];
      for (const std::string& v : text::SpellingVariants(term)) {
        spellings.emplace(text::AsciiLowered(v), TermInfo{s, folded});
      }
    });
    return l;
  }();
  return lexicon;
}

// Words of a clinical record that make a nearby term medical.
std::vector<std::string> ClinicalContext() {
  return {"patient",    "patiente",  "diagnostic", "antécédents",     "antécédent",   "bilan",
          "résultat",   "résultats", "examen",     "médecin",         "docteur",      "dr",
          "suivi",      "symptômes", "clinique",   "traitement",      "santé",        "médical",
          "médicale",   "prescrit",  "prescrite",  "dossier médical", "compte rendu", "analyses",
          "laboratoire"};
}

std::vector<std::string> KindContext(const std::string& kind) {
  if (kind == "HEALTH_BLOOD_GROUP") {
    return {"groupe",    "groupe sanguin", "rhésus",      "rh",  "rai",
            "phénotype", "groupage",       "transfusion", "sang"};
  }
  if (kind == "HEALTH_PREGNANCY") return {"grossesse", "enceinte", "échographie", "terme"};
  if (kind == "HEALTH_SEXUAL") return {"sérologie", "dépistage", "ist", "vih"};
  if (kind == "HEALTH_LAB_TEST") return {"dosage", "taux", "valeur", "normes", "prélèvement"};
  if (kind == "HEALTH_INSURANCE") return {"remboursement", "affiliation", "assuré", "assurée"};
  return {};
}

}  // namespace

std::vector<DetectorDef> HealthDetectors() {
  const Lexicon& lexicon = CuratedLexicon();
  std::vector<DetectorDef> out;
  for (const auto& [kind, terms] : lexicon.terms) {
    DetectorDef d;
    d.kind = kind;
    d.category = Category::kHealth;
    d.literals = terms;
    d.keywords = ClinicalContext();
    for (std::string& k : KindContext(kind)) d.keywords.push_back(std::move(k));
    d.window_before = 64;
    d.window_after = 32;
    const auto* spellings = &lexicon.spellings.at(kind);
    d.confirm = [spellings](std::string_view match) {
      auto it = spellings->find(text::AsciiLowered(match));
      if (it == spellings->end()) return Verdict::Confirmed(kTermScore, std::string(match));
      Strength s = it->second.strength;
      double score = s == Strength::kTerm   ? kTermScore
                     : s == Strength::kWeak ? kWeakScore
                                            : kContextScore;
      return Verdict::Confirmed(score, it->second.canonical);
    };
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace vigie::detect
