// SPDX-License-Identifier: Apache-2.0
// vigie_lexicon_compiler: turns the health lexicons of lib/data/health into
// the table the library embeds, at build time.
//
//   vigie_lexicon_compiler OUT.cc --curated FILE [--french|--english|--qualifiers FILE]...
//
// Every spelling variant the matcher needs (accents, case of non-ASCII
// letters, French plurals) is generated here with ICU, once, so that a
// Scanner neither calls ICU for 70,000 terms nor waits for it when it
// loads a serialized database. The table is text, one record per line:
//
//   K <tab> KIND                       a kind; the terms below are its own
//   T <tab> t|w|c <tab> canonical      a term: strength, folded form
//   Q <tab> qualifier <tab> position   a qualifier trigger
//   <tab> spelling                     a spelling of the term or trigger above
//
// Strength: t a medical term, w an everyday word (needs context), c a
// short term or acronym (needs context).
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "data/embedded.h"
#include "data/tables.h"
#include "scan/word_lexicon.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace {

// Terms this short (bytes, folded) need context whatever their flag:
// three-letter acronyms (CRP, AAH, IDE) mean many things.
constexpr size_t kShortTerm = 3;

struct Term {
  char strength;
  std::string canonical;
  std::vector<std::string> spellings;
};

struct Kind {
  std::vector<Term> terms;
  std::set<std::string> seen;  // ASCII-lowered spellings already given
};

// The French plural of one word, or empty when it has none of its own (it
// ends in s, x or z, holds no letter or a digit, or is a code: "A", "IV").
std::string PluralWord(const std::string& word) {
  if (word.size() < 3) return {};
  bool upper = true;
  for (char c : word) {
    auto u = static_cast<unsigned char>(c);
    if (std::isdigit(u)) return {};
    if (std::islower(u)) upper = false;
  }
  if (upper && word.size() <= 4) return {};  // a code or an acronym
  std::string lower = vigie::text::AsciiLowered(word);
  char last = lower.back();
  if (last == 's' || last == 'x' || last == 'z' || !std::isalpha(static_cast<unsigned char>(last)))
    return {};
  auto cased = [&](std::string_view suffix) {
    std::string out(suffix);
    if (std::isupper(static_cast<unsigned char>(word.back()))) {
      for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
  };
  if (lower.size() >= 4 && lower.ends_with("al")) {
    return word.substr(0, word.size() - 2) + cased("aux");
  }
  if (lower.ends_with("eau")) return word + cased("x");
  return word + cased("s");
}

// French plural of a term: its head noun and the words that agree with it
// (those before the first preposition or article: "trouble bipolaire",
// "ulcère gastro-duodénal", not "fracture du col du fémur"), each taking
// its plural; empty when the head has none.
std::string FrenchPlural(const std::string& term) {
  static const std::set<std::string> kStops = {
      "de",   "du", "des", "d",  "a",  "au",  "aux", "par", "en",  "sans", "avec", "sur",  "pour",
      "chez", "et", "ou",  "la", "le", "les", "l",   "un",  "une", "dans", "sous", "type", "non"};
  std::string out;
  bool agreeing = true;
  bool head = true;
  size_t i = 0;
  while (i < term.size()) {
    size_t end = term.find(' ', i);
    if (end == std::string::npos) end = term.size();
    std::string word = term.substr(i, end - i);
    std::string folded = vigie::text::FoldForCompare(word);
    if (folded.find('\'') != std::string::npos || kStops.count(folded)) agreeing = false;
    if (agreeing) {
      // In a compound ("gastro-duodénal") the last part agrees.
      size_t dash = word.rfind('-');
      std::string last = dash == std::string::npos ? word : word.substr(dash + 1);
      std::string plural = PluralWord(last);
      if (head && plural.empty()) return {};
      if (!plural.empty()) word.replace(word.size() - last.size(), last.size(), plural);
    }
    head = false;
    out += word;
    if (end < term.size()) out += ' ';
    i = end + 1;
  }
  return out;
}

void AddSpellings(const std::string& term, bool joiners, std::set<std::string>& seen,
                  std::vector<std::string>& out) {
  for (std::string& v : vigie::text::SpellingVariants(term, joiners)) {
    if (seen.insert(vigie::text::AsciiLowered(v)).second) out.push_back(std::move(v));
  }
}

void AddTerms(std::string_view table, bool french, bool curated,
              std::map<std::string, Kind>& kinds) {
  vigie::data::ForEachRow(table, [&](const std::vector<std::string_view>& cells) {
    if (cells.size() < 2 || cells[1].empty()) return;
    Kind& kind = kinds[std::string(cells[0])];
    std::string term(cells[1]);
    std::string_view flags = cells.size() > 2 ? cells[2] : std::string_view();
    Term t;
    t.canonical = vigie::text::FoldForCompare(term);
    t.strength = flags == "context" ? 'c' : flags == "weak" ? 'w' : 't';
    if (t.canonical.size() <= kShortTerm) t.strength = 'c';
    AddSpellings(term, curated, kind.seen, t.spellings);
    if (french) {
      std::string plural = FrenchPlural(term);
      if (!plural.empty()) AddSpellings(plural, false, kind.seen, t.spellings);
    }
    if (!t.spellings.empty()) kind.terms.push_back(std::move(t));
  });
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc < 2) {
    std::cerr << "usage: vigie_lexicon_compiler OUT.cc --curated FILE "
                 "[--french|--english|--qualifiers FILE]...\n";
    return 2;
  }
  std::map<std::string, Kind> kinds;
  std::string out;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string_view option = argv[i];
    std::string table = vigie::data::ReadDataFile(argv[i + 1]);
    if (option == "--qualifiers") {
      std::set<std::string> seen;
      vigie::data::ForEachRow(table, [&](const std::vector<std::string_view>& cells) {
        if (cells.size() < 3) return;
        out += "Q\t" + std::string(cells[0]) + "\t" + std::string(cells[1]) + "\n";
        std::set<std::string> mine;  // a trigger may share a spelling with another list's
        std::vector<std::string> spellings;
        AddSpellings(std::string(cells[2]), false, mine, spellings);
        for (const std::string& s : spellings) out += "\t" + s + "\n";
      });
    } else if (option == "--curated" || option == "--french" || option == "--english") {
      AddTerms(table, option != "--english", option == "--curated", kinds);
    } else {
      throw std::runtime_error("unknown option " + std::string(option));
    }
  }
  // The terms as arrays (data/embedded.h, HealthKindRange), read in place
  // at run time; the qualifier triggers as rows of kHealthLexicon.
  std::string spelling_text, canonical_text, strengths;
  std::vector<size_t> spelling_starts, canonical_starts, term_of;
  std::vector<uint64_t> spelling_keys, spelling_endings;
  std::vector<std::string> ranges;
  size_t terms = 0;
  for (const auto& [name, kind] : kinds) {
    size_t first_term = terms, first_spelling = spelling_starts.size();
    size_t first_byte = spelling_text.size();
    for (const Term& t : kind.terms) {
      canonical_starts.push_back(canonical_text.size());
      canonical_text += t.canonical + "\n";
      strengths += t.strength;
      for (const std::string& sp : t.spellings) {
        spelling_starts.push_back(spelling_text.size());
        spelling_text += sp + "\n";
        term_of.push_back(terms);
        vigie::internal::WordLexicon::Keys k;
        if (!vigie::internal::WordLexicon::KeysOf(sp, &k)) k = {};
        spelling_keys.push_back(k.key);
        spelling_endings.push_back(k.ending);
      }
      ++terms;
    }
    uint64_t fingerprint = vigie::data::KeyHash(std::string_view(spelling_text).substr(first_byte));
    ranges.push_back("{\"" + name + "\", " + std::to_string(first_term) + ", " +
                     std::to_string(terms) + ", " + std::to_string(first_spelling) + ", " +
                     std::to_string(spelling_starts.size()) + ", " + std::to_string(fingerprint) +
                     "ULL}");
  }
  spelling_starts.push_back(spelling_text.size());
  canonical_starts.push_back(canonical_text.size());
  const std::string delimiter = ")vigie_lexicon\"";
  for (const std::string* text : {&out, &spelling_text, &canonical_text}) {
    if (text->find(delimiter) != std::string::npos)
      throw std::runtime_error("delimiter in the data");
  }
  auto numbers = [](std::ostream& o, const char* name, const std::vector<size_t>& values) {
    o << "const uint32_t " << name << "[] = {";
    for (size_t i = 0; i < values.size(); ++i) {
      o << (i == 0 ? "\n    " : i % 16 ? ", " : ",\n    ") << values[i];
    }
    o << "};\n";
  };
  std::ofstream cc(argv[1], std::ios::binary | std::ios::trunc);
  cc << "// Generated by vigie_lexicon_compiler from lib/data/health; do not edit.\n"
     << "// " << terms << " terms, " << term_of.size() << " spellings.\n"
     << "#include \"data/embedded.h\"\n"
     << "namespace vigie::data {\n"
     << "const std::string_view kHealthLexicon = R\"vigie_lexicon(" << out << delimiter << ";\n"
     << "const std::string_view kHealthSpellingText = R\"vigie_lexicon(" << spelling_text
     << delimiter << ";\n"
     << "const std::string_view kHealthCanonicalText = R\"vigie_lexicon(" << canonical_text
     << delimiter << ";\n"
     << "const std::string_view kHealthStrengths = \"" << strengths << "\";\n";
  numbers(cc, "kHealthSpellingStarts", spelling_starts);
  numbers(cc, "kHealthSpellingTerm", term_of);
  numbers(cc, "kHealthCanonicalStarts", canonical_starts);
  auto hashes = [](std::ostream& o, const char* name, const std::vector<uint64_t>& values) {
    o << "const uint64_t " << name << "[] = {";
    for (size_t i = 0; i < values.size(); ++i) {
      o << (i == 0 ? "\n    " : i % 4 ? ", " : ",\n    ") << values[i] << "ULL";
    }
    o << "};\n";
  };
  hashes(cc, "kHealthSpellingKey", spelling_keys);
  hashes(cc, "kHealthSpellingEnding", spelling_endings);
  cc << "const HealthKindRange kHealthKinds[] = {";
  for (const std::string& r : ranges) cc << "\n    " << r << ",";
  cc << "};\nconst size_t kHealthKindCount = " << ranges.size() << ";\n"
     << "}  // namespace vigie::data\n";
  if (!cc.flush()) throw std::runtime_error(std::string("cannot write ") + argv[1]);
  std::cout << terms << " health terms, " << term_of.size() << " spellings\n";
  return 0;
} catch (const std::exception& e) {
  std::cerr << "vigie_lexicon_compiler: " << e.what() << "\n";
  return 1;
}
