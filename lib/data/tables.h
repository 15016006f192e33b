// Tables prepared at build time by lib/data/table_compiler.cc from the
// files of lib/data (names, places): keys folded, records merged and
// sorted, so that a lookup is a binary search over embedded bytes and
// nothing is parsed or folded when vigie starts.
#ifndef VIGIE_LIB_DATA_TABLES_H_
#define VIGIE_LIB_DATA_TABLES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

namespace vigie::data {

// Rows of tab-separated fields, sorted by their first field (byte order;
// rows with the same first field keep the order of the source file).
struct SortedRows {
  std::string_view text;   // the rows, each ended by '\n'
  const uint32_t* starts;  // where each row begins in `text`; rows + 1 entries
  size_t rows;

  std::string_view Row(size_t i) const {
    return text.substr(starts[i], starts[i + 1] - starts[i] - 1);
  }
  // The first field of row i.
  std::string_view Key(size_t i) const {
    std::string_view row = Row(i);
    return row.substr(0, row.find('\t'));
  }
  // The rows whose first field is `key`: [first, last).
  std::pair<size_t, size_t> EqualRange(std::string_view key) const;
};

// Field `n` (0-based) of a row; empty when the row has fewer.
std::string_view Field(std::string_view row, size_t n);

// A name of INSEE's lists, as a first given name and as a family name;
// accented and plain spellings are one entry.
struct NameEntry {
  uint32_t given = 0;   // births with this first given name
  uint32_t family = 0;  // births with this family name
  char sex = 0;         // 'M', 'F' or 0 (both)
  bool given_ambiguous = false;
  bool family_ambiguous = false;
};

// Names by their FoldName key; kNameEntries[i] is the entry of row i.
extern const SortedRows kNamesByKey;
extern const NameEntry kNameEntries[];

// Communes by postcode: "POSTCODE\tCOMMUNE KEY\tOfficial name".
extern const SortedRows kCommunesByPostcode;
// Postcodes by commune key: "COMMUNE KEY\tPOSTCODE".
extern const SortedRows kPostcodesByCommune;

}  // namespace vigie::data

#endif  // VIGIE_LIB_DATA_TABLES_H_
