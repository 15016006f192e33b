// SPDX-License-Identifier: Apache-2.0
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

// The hash of a key in the tables' indexes: the same at build time and at
// run time, eight bytes a step.
inline uint64_t KeyHash(std::string_view key) {
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ key.size();
  auto mix = [&h](uint64_t word) {
    h ^= word;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 31;
  };
  size_t i = 0;
  for (; i + 8 <= key.size(); i += 8) {
    uint64_t word = 0;
    for (size_t b = 0; b < 8; ++b)
      word |= uint64_t{static_cast<unsigned char>(key[i + b])} << (8 * b);
    mix(word);
  }
  uint64_t tail = 0;
  for (size_t b = 0; i + b < key.size(); ++b) {
    tail |= uint64_t{static_cast<unsigned char>(key[i + b])} << (8 * b);
  }
  mix(tail);
  return h;
}

// Rows of tab-separated fields, sorted by their first field (byte order;
// rows with the same first field keep the order of the source file), with
// an open-addressing index from each distinct key to its first row.
struct SortedRows {
  std::string_view text;   // the rows, each ended by '\n'
  const uint32_t* starts;  // where each row begins in `text`; rows + 1 entries
  size_t rows;
  const uint32_t* slots;  // 1 + the first row of a key, or 0; a power of two of them
  size_t slot_mask;       // slots - 1

  std::string_view Row(size_t i) const {
    return text.substr(starts[i], starts[i + 1] - starts[i] - 1);
  }
  // Whether the first field of row i is `key`.
  bool KeyIs(size_t i, std::string_view key) const;
  // The rows whose first field is `key`: [first, last), found through the
  // index (linear probing from KeyHash).
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
// The first words of the keys of several words ("LE" of "LE GALL"): a span
// whose first word is not one of them is no entry.
extern const SortedRows kNameFirstWords;

// Communes by postcode: "POSTCODE\tCOMMUNE KEY\tOfficial name".
extern const SortedRows kCommunesByPostcode;
// Postcodes by commune key: "COMMUNE KEY\tPOSTCODE".
extern const SortedRows kPostcodesByCommune;

}  // namespace vigie::data

#endif  // VIGIE_LIB_DATA_TABLES_H_
