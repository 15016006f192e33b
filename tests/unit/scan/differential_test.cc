// SPDX-License-Identifier: Apache-2.0
// Hyperscan against a reference engine (std::regex) on the built-in
// patterns: the set of match ends must agree. Debian's Vectorscan 5.4.9 lies
// in the range of a known x86 correctness regression; this is the guard.
// Then the production databases (all patterns together, stream mode)
// against each pattern alone, on text that reaches every detector, and the
// literal database against a plain search for each of its literals.
#include <gtest/gtest.h>
#include <hs/hs.h>

#include <cctype>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "corpus.h"
#include "detect/builtin.h"
#include "scan/detector_set.h"
#include "scan/engine.h"
#include "test_util.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace vigie {
namespace {

std::set<size_t> HyperscanEnds(const std::string& pattern, unsigned flags,
                               const std::string& text) {
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  EXPECT_EQ(hs_compile(pattern.c_str(), flags, HS_MODE_BLOCK, nullptr, &db, &error), HS_SUCCESS)
      << pattern;
  hs_scratch_t* scratch = nullptr;
  hs_alloc_scratch(db, &scratch);
  std::set<size_t> ends;
  hs_scan(
      db, text.data(), static_cast<unsigned>(text.size()), 0, scratch,
      [](unsigned, unsigned long long, unsigned long long to, unsigned, void* ctx) {
        static_cast<std::set<size_t>*>(ctx)->insert(static_cast<size_t>(to));
        return 0;
      },
      &ends);
  hs_free_scratch(scratch);
  hs_free_database(db);
  return ends;
}

bool AsciiWord(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool AsciiBoundary(const std::string& text, size_t at) {
  bool before = at > 0 && AsciiWord(text[at - 1]);
  bool after = at < text.size() && AsciiWord(text[at]);
  return before != after;
}

// A pattern split into its core and the \b assertions around it, which
// std::regex would judge at the edges of a substring rather than in the text.
struct Split {
  std::string core;
  bool boundary_before = false;
  bool boundary_after = false;
};

Split SplitBoundaries(std::string p) {
  Split out;
  if (p.rfind("\\b", 0) == 0) {
    out.boundary_before = true;
    p.erase(0, 2);
  }
  if (p.size() >= 2 && p.compare(p.size() - 2, 2, "\\b") == 0) {
    out.boundary_after = true;
    p.erase(p.size() - 2);
  }
  out.core = p;
  return out;
}

// Every end e such that some [s, e) matches the core exactly, with the
// boundaries judged in the whole text.
std::set<size_t> ReferenceEnds(const Split& split, const std::regex& core,
                               const std::string& text) {
  std::set<size_t> ends;
  for (size_t e = 1; e <= text.size(); ++e) {
    if (split.boundary_after && !AsciiBoundary(text, e)) continue;
    for (size_t s = 0; s < e; ++s) {
      if (split.boundary_before && !AsciiBoundary(text, s)) continue;
      // '^' is the start of the text, not of the slice tried.
      auto flags =
          s > 0 ? std::regex_constants::match_prev_avail : std::regex_constants::match_default;
      if (std::regex_match(text.begin() + static_cast<std::ptrdiff_t>(s),
                           text.begin() + static_cast<std::ptrdiff_t>(e), core, flags)) {
        ends.insert(e);
        break;
      }
    }
  }
  return ends;
}

// Texts near the patterns' language: real values, mutated, and noise.
std::vector<std::string> Texts() {
  std::mt19937 rng(42);
  const std::string alphabet = "0123456789 .-/+()@aAbBx";
  std::vector<std::string> seeds = {
      "06 12 34 56 78",    "+33 (0)6 12 34 56 78", "0033612345678",    "(+33) 1 23 45 67 89",
      "+262 692 12 34 56", "+687 20.12.34",        "+689 87 12 34 56", "2 84 05 2A 321 025 52",
      "185057512345673",   "a.b@example.org",      "x@y-z.example.fr"};
  for (int i = 0; i < 5; ++i) seeds.push_back(vigie::testing::NirWithKey(rng));
  std::vector<std::string> texts;
  for (int round = 0; round < 4; ++round) {
    for (const std::string& seed : seeds) {
      std::string t = seed;
      for (int m = 0; m < round % 4; ++m) {
        size_t at = rng() % t.size();
        char c = alphabet[rng() % alphabet.size()];
        switch (rng() % 3) {
          case 0:
            t[at] = c;
            break;
          case 1:
            t.insert(t.begin() + static_cast<std::ptrdiff_t>(at), c);
            break;
          default:
            t.erase(at, 1);
            break;
        }
      }
      texts.push_back("x " + t + (round % 2 ? " 1" : ""));
    }
  }
  for (int i = 0; i < 20; ++i) {
    std::string noise;
    for (int j = 0; j < 30; ++j) noise += alphabet[rng() % alphabet.size()];
    texts.push_back(noise);
  }
  return texts;
}

TEST(DifferentialTest, HyperscanAgreesWithStdRegexOnBuiltinPatterns) {
  auto texts = Texts();
  size_t patterns = 0, compared = 0;
  for (const auto& detector : detect::BuiltinDetectors()) {
    for (const auto& p : detector.patterns) {
      ++patterns;
      auto flags = p.caseless ? std::regex::ECMAScript | std::regex::icase : std::regex::ECMAScript;
      Split split = SplitBoundaries(p.regex);
      std::regex reference(split.core, flags);
      for (const std::string& text : texts) {
        auto expected = ReferenceEnds(split, reference, text);
        auto got = HyperscanEnds(p.regex, p.caseless ? HS_FLAG_CASELESS : 0, text);
        EXPECT_EQ(got, expected) << detector.kind << " /" << p.regex << "/ on '" << text << "'";
        compared += expected.size();
      }
    }
  }
  EXPECT_GE(patterns, 8u);
  EXPECT_GT(compared, 40u);  // the texts do reach the patterns
}

// Scans `text` with one of `engine`'s stream databases, in pieces cut
// anywhere.
void ScanInPieces(const internal::Engine& engine, internal::DbRole db, const std::string& text,
                  hs_scratch_t* scratch, match_event_handler on_match, void* context) {
  hs_stream_t* stream = nullptr;
  ASSERT_EQ(hs_open_stream(engine.database(db), 0, &stream), HS_SUCCESS);
  for (size_t at = 0; at < text.size(); at += 4093) {
    size_t n = std::min<size_t>(4093, text.size() - at);
    ASSERT_EQ(hs_scan_stream(stream, text.data() + at, static_cast<unsigned>(n), 0, scratch,
                             on_match, context),
              HS_SUCCESS);
  }
  ASSERT_EQ(hs_close_stream(stream, scratch, on_match, context), HS_SUCCESS);
}

// Text that reaches every built-in pattern: lab exports and prose (names,
// addresses, dates, phones, NIRs, e-mails, health terms), dates with month
// names, IBANs, cards, identifiers of every kind.
std::string ReachingText() {
  return vigie::testing::LabExport(40000) + vigie::testing::FrenchProse(40000) +
         "\nné le 3 janvier 1984, le 15 août 2001, 1er mars 1999 ; IBAN FR76 3000 6000 0112 "
         "3456 7890 189, carte 4970 1012 3456 7890 ; SIRET 356 000 000 00048, TVA FR 40 "
         "303 265 045 ; RPPS 10003456785 ; passeport 18AB12345 ; 12 bis rue des Lilas 56000 "
         "Vannes ; Dr Hélène GARNIER ; 06 39 98 12 34, +33 6 12 34 56 78 ; NIF 3023217600053 ; "
         "ADELI 012600631 ; FINESS 010780054 ; CIP 3400949974153 ; gastrite, arthrose, "
         "névralgie, polyarthrite, appendicectomie, coloscopie, cholécystectomie, "
         "fibroscopie, hépatite, angioplastie.\n";
}

// The production databases (every pattern compiled together in stream
// mode, beside the literal database), fed in pieces, report for each
// detector the match ends that its patterns compiled alone in block mode
// report (which the test above checks against std::regex).
TEST(DifferentialTest, ProductionDatabasesAgreeWithEachPatternAlone) {
  CacheOptions cache = vigie::testing::TestCache();
  auto engine = internal::Engine::Build(internal::AssembleDetectors(ScanOptions{}).value(),
                                        ScanOptions{}, nullptr, &cache)
                    .value();
  const std::string text = ReachingText();
  struct Seen {
    const internal::Engine* engine;
    internal::DbRole db;
    std::map<uint32_t, std::set<size_t>> ends;  // per detector
  };
  std::map<uint32_t, std::set<size_t>> production;
  hs_scratch_t* scratch = engine->AcquireScratch();
  for (internal::DbRole db : {internal::kLiteralDb, internal::kDigitLedDb, internal::kOtherDb}) {
    Seen seen{engine.get(), db, {}};
    auto on_match = [](unsigned id, unsigned long long, unsigned long long to, unsigned,
                       void* ctx) {
      auto* s = static_cast<Seen*>(ctx);
      internal::MatchTarget t = s->engine->target(s->db, id);
      // The detectors' regexes; not their literals or spellings, nor keywords.
      if (t.type == internal::MatchTarget::Type::kCandidate && !t.spelled && t.length == 0) {
        s->ends[t.index].insert(static_cast<size_t>(to));
      }
      return 0;
    };
    ScanInPieces(*engine, db, text, scratch, on_match, &seen);
    for (auto& [detector, ends] : seen.ends) production[detector].insert(ends.begin(), ends.end());
  }
  engine->ReleaseScratch(scratch);
  size_t detectors = 0, compared = 0;
  for (uint32_t i = 0; i < engine->detectors().size(); ++i) {
    const internal::DetectorDef& d = engine->detectors()[i];
    if (d.patterns.empty()) continue;
    ++detectors;
    std::set<size_t> alone;
    for (const internal::PatternDef& p : d.patterns) {
      auto ends = HyperscanEnds(p.regex, p.caseless ? HS_FLAG_CASELESS : 0, text);
      alone.insert(ends.begin(), ends.end());
    }
    EXPECT_EQ(production[i], alone) << d.kind;
    EXPECT_FALSE(alone.empty()) << d.kind << ": the text reaches none of its patterns";
    compared += alone.size();
  }
  EXPECT_GE(detectors, 15u);
  EXPECT_GT(compared, 3000u);  // ends compared, all detectors together
}

// The literal database (keywords, qualifier triggers, detectors' literals
// and the lexicons' spellings that no word lexicon takes, compiled
// together, caseless, in stream mode), fed in pieces, reports exactly the
// occurrences that a plain search finds: every place where each of them is
// written, ASCII letters in either case, with its detector or as a keyword.
TEST(DifferentialTest, LiteralDatabaseAgreesWithAPlainSearch) {
  // Decomposed spellings (NFD: a letter, then its accent, U+0301), as some
  // systems write them, in both cases.
  constexpr char kDecomposed[] =
      "anxie\u0301te\u0301 ; maternite\u0301 ; AXA Sante\u0301 ; OBE\u0301SITE\u0301 ; "
      "obe\u0301site\u0301 ; ope\u0301re\u0301 ; hospitalise\u0301 ; se\u0301ropositivite\u0301 ; "
      "pension d'invalidite\u0301 ; comprime\u0301 pellicule\u0301 ; nouveau-ne\u0301";
  internal::DetectorSet set = internal::AssembleDetectors(ScanOptions{}).value();
  std::vector<std::string> triggers;
  for (const internal::QualifierTrigger& t : set.triggers) triggers.emplace_back(t.spelling);
  CacheOptions cache = vigie::testing::TestCache();
  auto engine = internal::Engine::Build(std::move(set), ScanOptions{}, nullptr, &cache).value();
  // Spellings that the word lexicon leaves here: those that end on a sign,
  // and the decomposed forms.
  const std::string text = ReachingText() +
                           "MÉDECIN TRAITANT : Dr Martin ; Patiente DIABÉTIQUE ; groupe O Rh+, "
                           "AB-Rh-, A+ ; prise en charge à 100 % ; Grossesse ; "
                           "Adresse : 3 Rue Des Lilas\n" +
                           kDecomposed + "\n";
  const std::string lowered = text::AsciiLowered(text);

  // What each literal is, as a plain search sees it: its lower-case bytes,
  // and the detector that owns it (-1 for a keyword or a trigger).
  using Occurrence = std::tuple<int, size_t, size_t>;  // owner, end, length
  std::unordered_map<std::string, std::set<int>> owners;
  std::set<size_t> lengths;
  auto literal = [&](std::string_view spelling, int owner) {
    owners[text::AsciiLowered(spelling)].insert(owner);
    lengths.insert(spelling.size());
  };
  size_t spellings = 0;
  for (size_t i = 0; i < engine->detectors().size(); ++i) {
    const internal::DetectorDef& d = engine->detectors()[i];
    int owner = static_cast<int>(i);
    for (const std::string& l : d.literals) {
      for (const std::string& v : text::SpellingVariants(l)) literal(v, owner);
    }
    // Spellings that end a word go to the word lexicon instead.
    bool keyed = d.spellings_fingerprint != 0 && d.spelling_keys.size() == d.spellings.size() &&
                 d.spelling_endings.size() == d.spellings.size();
    for (size_t k = 0; k < d.spellings.size(); ++k) {
      if (keyed && d.spelling_keys[k] != 0) continue;
      literal(d.spellings[k], owner);
      ++spellings;
    }
    for (const auto* words :
         {&d.keywords, &d.negative_keywords, &d.column_keywords, &d.weak_keywords}) {
      for (const std::string& w : *words) {
        for (const std::string& v : text::SpellingVariants(w)) literal(v, -1);
      }
    }
  }
  for (const std::string& t : triggers) literal(t, -1);
  ASSERT_GT(spellings, 500u);  // most spellings end a word: the word lexicon takes them
  std::set<Occurrence> want;
  for (size_t at = 0; at < lowered.size(); ++at) {
    for (size_t n : lengths) {
      if (at + n > lowered.size()) break;
      auto it = owners.find(lowered.substr(at, n));
      if (it == owners.end()) continue;
      for (int owner : it->second) want.insert({owner, at + n, n});
    }
  }

  struct Seen {
    const internal::Engine* engine;
    std::set<Occurrence> found;
  } seen{engine.get(), {}};
  auto on_match = [](unsigned id, unsigned long long, unsigned long long to, unsigned, void* ctx) {
    auto* s = static_cast<Seen*>(ctx);
    internal::MatchTarget t = s->engine->target(internal::kLiteralDb, id);
    int owner = t.type == internal::MatchTarget::Type::kKeyword ? -1 : static_cast<int>(t.index);
    s->found.insert({owner, static_cast<size_t>(to), t.length});
    return 0;
  };
  hs_scratch_t* scratch = engine->AcquireScratch();
  ScanInPieces(*engine, internal::kLiteralDb, text, scratch, on_match, &seen);
  engine->ReleaseScratch(scratch);

  EXPECT_EQ(seen.found.size(), want.size());
  std::vector<Occurrence> missing, extra;
  std::set_difference(want.begin(), want.end(), seen.found.begin(), seen.found.end(),
                      std::back_inserter(missing));
  std::set_difference(seen.found.begin(), seen.found.end(), want.begin(), want.end(),
                      std::back_inserter(extra));
  for (const auto& [owner, end, n] : missing) {
    ADD_FAILURE() << "not reported: '" << text.substr(end - n, n) << "' of " << owner;
  }
  for (const auto& [owner, end, n] : extra) {
    ADD_FAILURE() << "reported, not written: '" << text.substr(end - n, n) << "' of " << owner;
  }
  // The text reaches keywords, literals and spellings of several detectors.
  std::set<int> reached;
  size_t keywords = 0;
  for (const auto& [owner, end, n] : want) {
    reached.insert(owner);
    keywords += owner < 0;
  }
  EXPECT_GT(keywords, 500u);
  EXPECT_GE(reached.size(), 9u);
}

}  // namespace
}  // namespace vigie
