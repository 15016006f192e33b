// SPDX-License-Identifier: Apache-2.0
// Lookups in the tables prepared at build time.
#include "data/tables.h"

namespace vigie::data {

bool SortedRows::KeyIs(size_t i, std::string_view key) const {
  // The row begins with `key`, then its first tab or its end: no search for
  // where the first field ends.
  size_t at = starts[i];
  size_t length = starts[i + 1] - at - 1;
  if (length < key.size() || text.compare(at, key.size(), key) != 0) return false;
  return length == key.size() || text[at + key.size()] == '\t';
}

std::pair<size_t, size_t> SortedRows::EqualRange(std::string_view key) const {
  for (size_t slot = KeyHash(key) & slot_mask;; slot = (slot + 1) & slot_mask) {
    uint32_t entry = slots[slot];
    if (entry == 0) return {rows, rows};
    size_t first = entry - 1;
    if (!KeyIs(first, key)) continue;
    size_t last = first + 1;
    while (last < rows && KeyIs(last, key)) ++last;
    return {first, last};
  }
}

std::string_view Field(std::string_view row, size_t n) {
  for (; n > 0; --n) {
    size_t tab = row.find('\t');
    if (tab == std::string_view::npos) return {};
    row.remove_prefix(tab + 1);
  }
  return row.substr(0, row.find('\t'));
}

}  // namespace vigie::data
