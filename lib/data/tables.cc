// Lookups in the tables prepared at build time.
#include "data/tables.h"

#include <algorithm>

namespace vigie::data {

std::pair<size_t, size_t> SortedRows::EqualRange(std::string_view key) const {
  size_t lo = 0, hi = rows;
  while (lo < hi) {  // the first row whose key is not below `key`
    size_t mid = lo + (hi - lo) / 2;
    if (Key(mid) < key) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  size_t last = lo;
  while (last < rows && Key(last) == key) ++last;
  return {lo, last};
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
