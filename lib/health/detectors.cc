// SPDX-License-Identifier: Apache-2.0
// Health detectors: one per HEALTH_* kind, their terms from the lexicons of
// lib/data/health (curated French list, ANSM, CNAM nomenclatures, Orphanet,
// DrugBank, Disease Ontology), compiled at build time with every spelling
// the matcher needs. A term is found whatever its case and accents.
// Short terms and acronyms (SA, RAI, A+) and everyday words (glucose,
// traitement) count only with health context nearby.
//
// What no lexicon lists is guessed from medical morphology: a word ending
// in -ectomie is a procedure, one in -algie or -pathie a condition. Such a
// guess counts only with clinical context, and scores below any term.
#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "data/embedded.h"
#include "detect/builtin.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace vigie::detect {
namespace {

using internal::DetectorDef;
using internal::QualifierTrigger;

// Scores without context: a medical term, an everyday word that may be
// medical, a short term or acronym that is medical only in context, a word
// guessed from its morphology. With context each rises (score.h); a guess
// stays below any term.
// The health kinds are one family of terms (DetectorDef::term_family).
constexpr uint8_t kHealthFamily = 1;
constexpr double kTermScore = 0.7;
constexpr double kWeakScore = 0.4;
constexpr double kContextScore = 0.3;
constexpr double kGuessScore = 0.05;
// A guessed word has at least this many letters before its suffix.
constexpr size_t kMinStem = 3;
constexpr size_t kMaxGuessWidth = 64;

struct Term {
  double score;
  std::string_view canonical;
};

struct KindTable {
  std::vector<Term> terms;
  std::vector<std::string_view> spellings;
  uint64_t fingerprint = 0;                 // of the spellings, computed with them
  size_t longest = 0;                       // bytes of the longest spelling
  std::vector<uint32_t> term_of;            // spelling -> term
  std::span<const uint64_t> keys, endings;  // WordLexicon's, per spelling
};

struct Lexicon {
  std::map<std::string_view, KindTable> kinds;
  std::vector<QualifierTrigger> triggers;
};

Qualifier QualifierNamed(std::string_view name) {
  if (name == "negation") return Qualifier::kNegated;
  if (name == "hypothesis") return Qualifier::kHypothetical;
  if (name == "family") return Qualifier::kFamily;
  return Qualifier::kHistory;
}

QualifierTrigger::Position PositionNamed(std::string_view name) {
  using P = QualifierTrigger::Position;
  if (name == "before") return P::kBefore;
  if (name == "after") return P::kAfter;
  if (name == "pseudo") return P::kPseudo;
  return P::kBoth;
}

// Reads the tables lib/data/lexicon_compiler.cc wrote: views into the
// embedded bytes, no parse, no copy and no Unicode work, so that loading a
// scanner stays fast.
const Lexicon& HealthLexicon() {
  static const Lexicon lexicon = [] {
    Lexicon l;
    auto view = [](std::string_view text, const uint32_t* starts, size_t i) {
      return text.substr(starts[i], starts[i + 1] - starts[i] - 1);  // without its '\n'
    };
    for (size_t k = 0; k < data::kHealthKindCount; ++k) {
      const data::HealthKindRange& range = data::kHealthKinds[k];
      KindTable& kind = l.kinds[range.kind];
      kind.fingerprint = range.fingerprint;
      kind.terms.reserve(range.end_term - range.first_term);
      for (uint32_t t = range.first_term; t < range.end_term; ++t) {
        char s = data::kHealthStrengths[t];
        double score = s == 'w' ? kWeakScore : s == 'c' ? kContextScore : kTermScore;
        kind.terms.push_back(
            {score, view(data::kHealthCanonicalText, data::kHealthCanonicalStarts, t)});
      }
      size_t count = range.end_spelling - range.first_spelling;
      kind.keys = {data::kHealthSpellingKey + range.first_spelling, count};
      kind.endings = {data::kHealthSpellingEnding + range.first_spelling, count};
      kind.spellings.reserve(range.end_spelling - range.first_spelling);
      kind.term_of.reserve(range.end_spelling - range.first_spelling);
      for (uint32_t i = range.first_spelling; i < range.end_spelling; ++i) {
        kind.spellings.push_back(view(data::kHealthSpellingText, data::kHealthSpellingStarts, i));
        kind.longest = std::max(kind.longest, kind.spellings.back().size());
        kind.term_of.push_back(data::kHealthSpellingTerm[i] - range.first_term);
      }
    }
    QualifierTrigger trigger;
    bool in_trigger = false;
    data::ForEachRow(data::kHealthLexicon, [&](const std::vector<std::string_view>& cells) {
      if (cells[0].empty() && cells.size() == 2 && in_trigger) {  // a spelling
        trigger.spelling = cells[1];
        l.triggers.push_back(trigger);
      } else if (cells[0] == "Q" && cells.size() == 3) {
        trigger.qualifier = static_cast<uint8_t>(QualifierNamed(cells[1]));
        trigger.position = PositionNamed(cells[2]);
        in_trigger = true;
      }
    });
    return l;
  }();
  return lexicon;
}

// Words of a clinical record that make a nearby term medical.
std::vector<std::string> ClinicalContext() {
  // Only words that are clinical wherever they stand: "résultat",
  // "traitement", "suivi", "valeur", "positif" are as common in manuals
  // and reports ("traitement des données", "valeur négative").
  return {"patient",   "patiente",   "diagnostic",      "antécédents",  "antécédent",
          "bilan",     "médecin",    "docteur",         "dr",           "symptômes",
          "clinique",  "santé",      "médical",         "médicale",     "prescrit",
          "prescrite", "ordonnance", "dossier médical", "compte rendu", "laboratoire"};
}

std::vector<std::string> KindContext(std::string_view kind) {
  if (kind == "HEALTH_BLOOD_GROUP") {
    return {"groupe",    "groupe sanguin", "rhésus",      "rh",  "rai",
            "phénotype", "groupage",       "transfusion", "sang"};
  }
  if (kind == "HEALTH_PREGNANCY") return {"grossesse", "enceinte", "échographie"};
  if (kind == "HEALTH_SEXUAL") return {"sérologie", "dépistage", "ist", "vih"};
  if (kind == "HEALTH_LAB_TEST") return {"dosage", "prélèvement", "sérologie", "numération"};
  if (kind == "HEALTH_INSURANCE") return {"remboursement", "affiliation", "assuré", "assurée"};
  if (kind == "HEALTH_DRUG") return {"posologie", "comprimé", "comprimés", "gélule", "gélules"};
  if (kind == "HEALTH_PROCEDURE" || kind == "HEALTH_CONDITION") {
    return {"opéré",           "opérée",      "intervention chirurgicale",
            "hospitalisation", "hospitalisé", "hospitalisée",
            "souffre",         "maladie",     "syndrome",
            "douleur",         "douleurs"};
  }
  return {};
}

// A blood group written as a symbol ("a+", "AB-") that ends its message,
// with nothing after it on its line but spaces, punctuation and emoticons,
// and no word of blood groups before it on its line: "à plus" in a chat
// ("on se voit demain, a+ :)"), not a result ("Groupe sanguin : A+").
bool SignsOff(std::string_view before, std::string_view match, std::string_view after) {
  std::string symbol = text::AsciiLowered(match);
  static constexpr std::string_view kSymbols[] = {"a+", "a-", "b+", "b-", "ab+", "ab-", "o+", "o-"};
  if (std::find(std::begin(kSymbols), std::end(kSymbols), symbol) == std::end(kSymbols)) {
    return false;
  }
  for (char c : after) {
    if (c == '\n') break;
    auto u = static_cast<unsigned char>(c);
    bool trailing =
        u >= 0x80 || std::string_view(" \t\r!?.:;)(-pPdDxX<3*^").find(c) != std::string_view::npos;
    if (!trailing) return false;
  }
  // The kind's own keywords, folded once.
  static const std::vector<std::string> kWords = [] {
    std::vector<std::string> folded;
    for (const std::string& keyword : KindContext("HEALTH_BLOOD_GROUP")) {
      folded.push_back(text::FoldForCompare(keyword));
    }
    return folded;
  }();
  std::string words = text::FoldForCompare(before);
  for (const std::string& k : kWords) {
    for (size_t at = words.find(k); at != std::string::npos; at = words.find(k, at + 1)) {
      bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(words[at - 1]));
      size_t end = at + k.size();
      // "groupe" also stands for "groupé", "groupée" (the past participle).
      bool ends = end == words.size() || !std::isalnum(static_cast<unsigned char>(words[end])) ||
                  words[end] == 'e';
      if (starts && ends) return false;
    }
  }
  return true;
}

// Medical morphology: suffixes that make a word a condition or a procedure
// in French (and, for most, in English). The suffixes of ordinary words too
// (-ite, -ose: "suite", "chose") count on longer words only, and a list of
// ordinary words keeps the commonest out.
struct Morphology {
  std::string_view kind;
  std::string pattern;
};

std::vector<Morphology> MorphologyPatterns() {
  // Accented letters are written out: Hyperscan ignores ASCII case only.
  const std::string e = "(?:e|é|É)";
  return {
      {"HEALTH_CONDITION", "(?:algie|pathie|" + e + "mie|p" + e + "nie|pl" + e + "gie|rragie|scl" +
                               e + "rose|st" + e + "nose|ectasie|trophie|plasie|m" + e +
                               "galie|cytose|ite|ose)s?"},
      {"HEALTH_PROCEDURE", "(?:ectomie|otomie|ostomie|plastie|scopie|graphie|th" + e +
                               "rapie|centh" + e + "se|biopsie)s?"},
  };
}

// Ordinary words the morphology would take for medical ones.
const absl::flat_hash_set<std::string>& NotMedical() {
  static const absl::flat_hash_set<std::string> words = {
      "suite",
      "ensuite",
      "site",
      "limite",
      "visite",
      "conduite",
      "gratuite",
      "reussite",
      "favorite",
      "petite",
      "faite",
      "dite",
      "ecrite",
      "prescrite",
      "produite",
      "composite",
      "elite",
      "mite",
      "rite",
      "fuite",
      "poursuite",
      "reduite",
      "construite",
      "introduite",
      "interdite",
      "instruite",
      "traduite",
      "cuite",
      "detruite",
      "inscrite",
      "decrite",
      "proscrite",
      "maudite",
      "subite",
      "gite",
      "marmite",
      "termite",
      "pepite",
      "parasite",
      "emerite",
      "inedite",
      "precite",
      "susdite",
      "habite",
      "evite",
      "hesite",
      "invite",
      "merite",
      "profite",
      "imite",
      "necessite",
      "facilite",
      "felicite",
      "excite",
      "chose",
      "dose",
      "rose",
      "pose",
      "cause",
      "expose",
      "propose",
      "suppose",
      "impose",
      "compose",
      "dispose",
      "oppose",
      "repose",
      "depose",
      "ose",
      "prose",
      "glose",
      "close",
      "apotheose",
      "virtuose",
      "grandiose",
      "morose",
      "overdose",
      "ecluse",
      "eclose",
      "metamorphose",
      "osmose",
      "photographie",
      "geographie",
      "biographie",
      "bibliographie",
      "orthographie",
      "calligraphie",
      "typographie",
      "choregraphie",
      "cartographie",
      "filmographie",
      "discographie",
      "telescopie",
      "academie",
      "epidemie",
      "bohemie",
      "polemie",
      "alchimie",
      "energie",
      "strategie",
      "synergie",
      "liturgie",
      "nostalgie",
      "academies",
      "economie",
      "autonomie",
      "agronomie",
      "astronomie",
      "gastronomie",
      "taxonomie",
      "sympathie",
      "antipathie",
      "apathie",
      "telepathie",
      "empathie",
      "insolite",
      "explicite",
      "implicite",
      "illicite",
      "licite",
      "sollicite",
      "recite",
      "visites",
      "limites",
      "suites",
      "sites",
      "choses",
      "doses",
      "roses",
      "causes",
      "poses",
      // English
      "verbose",
      "despite",
      "opposite",
      "definite",
      "infinite",
      "favorite",
      "quite",
      "white",
      "write",
      "polite",
      "satellite",
      "microsatellite",
      "predispose",
      "purpose",
      "purposes",
      "whose",
      "those",
      "choose",
      "loose",
      "close",
      "expose",
      "propose",
      "suppose",
      "dispose",
      "compose",
      "glucose",
      "lactose",
      "sucrose",
      "agarose",
      "cellulose",
      "website",
  };
  return words;
}

// A guessed word: letters only (of any script), and at least kMinStem
// before the suffix, which the pattern matched.
size_t WordStart(std::string_view text, size_t earliest, size_t end) {
  size_t start = end;
  while (start > earliest && text::WordCharBefore(text, start)) {
    size_t prev = start - 1;
    while (prev > earliest && (static_cast<unsigned char>(text[prev]) & 0xC0) == 0x80) --prev;
    start = prev;
  }
  if (start == earliest && text::WordCharBefore(text, start)) return std::string_view::npos;
  for (size_t i = start; i < end; ++i) {
    if (text[i] >= '0' && text[i] <= '9') return std::string_view::npos;
  }
  return start;
}

}  // namespace

std::vector<QualifierTrigger> QualifierTriggers() { return HealthLexicon().triggers; }

std::vector<DetectorDef> HealthDetectors() {
  const Lexicon& lexicon = HealthLexicon();
  std::vector<Morphology> morphology = MorphologyPatterns();
  std::vector<DetectorDef> out;
  for (const auto& [kind, table] : lexicon.kinds) {
    DetectorDef d;
    d.kind = std::string(kind);
    d.category = Category::kHealth;
    d.spellings = table.spellings;
    d.spellings_fingerprint = table.fingerprint;
    d.spellings_width = table.longest;
    d.spelling_keys = table.keys;
    d.spelling_endings = table.endings;
    d.term_family = kHealthFamily;
    d.qualified = true;
    d.text_only = true;
    d.keywords = ClinicalContext();
    for (std::string& k : KindContext(kind)) d.keywords.push_back(std::move(k));
    d.window_before = 256;
    d.window_after = 128;
    if (kind == "HEALTH_BLOOD_GROUP") d.negative_context = SignsOff;
    const KindTable* t = &table;
    d.confirm_spelling = [t](uint32_t spelling, std::string_view match) {
      const Term& term = t->terms[t->term_of[spelling]];
      // A term of two letters is an acronym ("SA", "TP", "VS"), one only in
      // capitals: "sa", "tp", "vs" are words.
      auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
      auto capital = [](char c) { return c >= 'A' && c <= 'Z'; };
      if (term.canonical.size() == 2 &&
          std::all_of(term.canonical.begin(), term.canonical.end(), letter) &&
          !std::all_of(match.begin(), match.end(), capital)) {
        return Verdict::Reject();
      }
      return Verdict::Confirmed(term.score, std::string(term.canonical));
    };
    for (const Morphology& m : morphology) {
      if (m.kind != kind) continue;
      d.patterns.push_back({m.pattern, internal::Shape::kOther, true});
      d.max_width = kMaxGuessWidth;
      d.find_start = [](std::string_view text, size_t earliest, size_t end) {
        return internal::Located{WordStart(text, earliest, end), std::nullopt};
      };
      d.confirm = [](std::string_view word) {
        std::string folded = text::FoldForCompare(word);
        // The suffix is at most 9 bytes; the stem must be a real one.
        if (text::CountCodePoints(word) < kMinStem + 4 || NotMedical().contains(folded)) {
          return Verdict::Reject();
        }
        return Verdict::Confirmed(kGuessScore, folded);
      };
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace vigie::detect
