// SPDX-License-Identifier: Apache-2.0
// SortNearlySorted gives what std::stable_sort gives, on ranges nearly in
// order (its fast path) and on ranges far from it (its fallback).
#include "scan/nearly_sorted.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <utility>
#include <vector>

namespace vigie::internal {
namespace {

using Item = std::pair<int, int>;  // key, then the position it came from

bool ByKey(const Item& a, const Item& b) { return a.first < b.first; }

void ExpectLikeStableSort(std::vector<Item> items) {
  std::vector<Item> want = items;
  std::stable_sort(want.begin(), want.end(), ByKey);
  SortNearlySorted(items.begin(), items.end(), ByKey);
  EXPECT_EQ(items, want);
}

TEST(NearlySortedTest, EqualsAStableSort) {
  std::mt19937 rng(11);
  for (int round = 0; round < 50; ++round) {
    size_t n = rng() % 300;
    std::vector<Item> nearly, shuffled, reversed;
    for (size_t i = 0; i < n; ++i) {
      int key = static_cast<int>(i / 3);  // ties, whose order must stay
      if (rng() % 8 == 0) key += static_cast<int>(rng() % 5) - 2;
      nearly.emplace_back(key, static_cast<int>(i));
      shuffled.emplace_back(static_cast<int>(rng() % 20), static_cast<int>(i));
      reversed.emplace_back(static_cast<int>(n - i), static_cast<int>(i));
    }
    ExpectLikeStableSort(nearly);
    ExpectLikeStableSort(shuffled);
    ExpectLikeStableSort(reversed);
  }
  ExpectLikeStableSort({});
}

}  // namespace
}  // namespace vigie::internal
