// SPDX-License-Identifier: Apache-2.0
// Sorting what is nearly in order already: Hyperscan's events by their
// end, candidates by their begin.
#ifndef VIGIE_LIB_SCAN_NEARLY_SORTED_H_
#define VIGIE_LIB_SCAN_NEARLY_SORTED_H_

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <utility>

namespace vigie::internal {

// Sorts [first, last) by `less`, stably, in a step per element and per
// inversion: an insertion sort, which gives way to std::stable_sort when
// the range turns out to be far from sorted (so that it never costs more
// than a few times a sort).
template <typename It, typename Less>
void SortNearlySorted(It first, It last, Less less) {
  auto n = static_cast<size_t>(std::distance(first, last));
  size_t moves_left = 4 * n + 64;
  for (It it = first; it != last; ++it) {
    auto value = std::move(*it);
    It to = it;
    for (; to != first && less(value, *std::prev(to)) && moves_left > 0; --to, --moves_left) {
      *to = std::move(*std::prev(to));
    }
    *to = std::move(value);
    if (moves_left == 0) {
      std::stable_sort(first, last, less);
      return;
    }
  }
}

}  // namespace vigie::internal

#endif  // VIGIE_LIB_SCAN_NEARLY_SORTED_H_
