// SPDX-License-Identifier: Apache-2.0
// The data files of lib/data, compiled into the library.
#ifndef VIGIE_LIB_DATA_EMBEDDED_H_
#define VIGIE_LIB_DATA_EMBEDDED_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::data {

// lib/data/iban_registry.tsv: country, IBAN length, BBAN structure.
extern const std::string_view kIbanRegistry;

// lib/data/places: types of way (libpostal: "full|variant|..."; RNA
// register: code, label). The postcode-commune table is prepared at build
// time (data/tables.h).
extern const std::string_view kStreetTypesLibpostal;
extern const std::string_view kStreetTypesRna;

// lib/data/health/*.tsv compiled by lib/data/lexicon_compiler.cc. The
// qualifier triggers, as rows ("Q", qualifier, position, then a row per
// spelling: "", spelling):
extern const std::string_view kHealthLexicon;
// The terms, as arrays read in place: every spelling of every kind, each
// ended by '\n', where each starts (one more entry than spellings), and the
// term it spells; each term's canonical form (same layout) and strength
// ('t' a term, 'w' weak, 'c' only with context).
extern const std::string_view kHealthSpellingText;
extern const uint32_t kHealthSpellingStarts[];
extern const uint32_t kHealthSpellingTerm[];
// For each spelling, the hashes the scanner files it under, its key and its
// ending (internal::WordLexicon::KeysOf; 0 for one that Hyperscan matches).
extern const uint64_t kHealthSpellingKey[];
extern const uint64_t kHealthSpellingEnding[];
extern const std::string_view kHealthCanonicalText;
extern const uint32_t kHealthCanonicalStarts[];
extern const std::string_view kHealthStrengths;
// A kind's terms [first_term, end_term) and spellings [first_spelling,
// end_spelling), in the order of the kinds' names, and a fingerprint of
// its spellings (KeyHash of their text, data/tables.h).
struct HealthKindRange {
  const char* kind;
  uint32_t first_term, end_term;
  uint32_t first_spelling, end_spelling;
  uint64_t fingerprint;
};
extern const HealthKindRange kHealthKinds[];
extern const size_t kHealthKindCount;

// Calls `row` with the tab-separated cells of every line of `table`
// (a `const std::vector<std::string_view>&`), skipping empty lines and '#'
// comments: the one reader of lib/data tables. A template, so that a
// table of 131k rows costs no indirect call per row.
template <typename RowFn>
void ForEachRow(std::string_view table, RowFn&& row) {
  std::vector<std::string_view> cells;
  while (!table.empty()) {
    size_t nl = table.find('\n');
    std::string_view line = table.substr(0, nl);
    table.remove_prefix(nl == std::string_view::npos ? table.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    cells.clear();
    for (size_t start = 0;;) {
      size_t tab = line.find('\t', start);
      cells.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    row(static_cast<const std::vector<std::string_view>&>(cells));
  }
}

// The bytes of a file, for the build-time tools that prepare the tables
// (lexicon_compiler.cc, table_compiler.cc; defined in embedded.cc, which
// only they compile); throws std::runtime_error when it cannot be read.
std::string ReadDataFile(const std::string& path);

}  // namespace vigie::data

#endif  // VIGIE_LIB_DATA_EMBEDDED_H_
