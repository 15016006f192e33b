// SPDX-License-Identifier: Apache-2.0
// Resolution of overlapping findings; see resolve.h for the rules.
#include "scan/resolve.h"

#include <absl/container/inlined_vector.h>

#include <algorithm>

namespace vigie::internal {
namespace {

// A confirmed span that scores this or more (a reviewer would almost always
// agree) explains the terms (of a family: the health kinds) inside it.
constexpr double kWholeScore = 0.85;

bool Overlap(const Contender& a, const Contender& b) { return a.begin < b.end && b.begin < a.end; }

uint64_t Length(const Contender& c) { return c.end - c.begin; }

}  // namespace

std::vector<size_t> ResolveOverlaps(std::span<const Contender> chain) {
  std::vector<size_t> winners;
  ResolveOverlaps(chain, winners);
  return winners;
}

void ResolveOverlaps(std::span<const Contender> chain, std::vector<size_t>& winners) {
  winners.clear();
  if (chain.size() < 2) {  // most chains: one candidate, which wins
    if (chain.size() == 1) winners.push_back(0);
    return;
  }
  // Chains are short: their indices stay on the stack.
  using Indices = absl::InlinedVector<size_t, 8>;
  Indices order(chain.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto at = [&](size_t i) -> const Contender& { return chain[i]; };
  // The sorts break their last ties by position in the chain, as a stable
  // sort would, without its buffer.
  // 1. Within a group.
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const Contender &a = at(x), &b = at(y);
    if (a.group != b.group) return a.group < b.group;
    if (a.confirmed != b.confirmed) return a.confirmed;
    if (Length(a) != Length(b)) return Length(a) > Length(b);
    if (a.score != b.score) return a.score > b.score;
    if (a.begin != b.begin) return a.begin < b.begin;
    return x < y;
  });
  Indices kept;
  for (size_t c : order) {
    bool clash = std::any_of(kept.begin(), kept.end(), [&](size_t k) {
      return at(k).group == at(c).group && Overlap(at(k), at(c));
    });
    if (!clash) kept.push_back(c);
  }
  // 2. Digits inside a longer run of digits of another group; a term inside
  // a longer confirmed span of another group that is reported.
  auto inside = [&](const Contender& part, const Contender& whole) {
    bool within = part.group != whole.group && whole.begin <= part.begin && part.end <= whole.end &&
                  Length(whole) > Length(part);
    return within && ((part.digit_led && whole.digit_led) ||
                      (part.group < 0 && whole.confirmed && whole.score >= kWholeScore));
  };
  Indices whole;
  for (size_t c : kept) {
    if (std::none_of(kept.begin(), kept.end(), [&](size_t k) { return inside(at(c), at(k)); })) {
      whole.push_back(c);
    }
  }
  // 3. Across groups.
  std::sort(whole.begin(), whole.end(), [&](size_t x, size_t y) {
    const Contender &a = at(x), &b = at(y);
    if (a.confirmed != b.confirmed) return a.confirmed;
    if (a.score != b.score) return a.score > b.score;
    if (Length(a) != Length(b)) return Length(a) > Length(b);
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.detector != b.detector) return a.detector < b.detector;
    return x < y;
  });
  for (size_t c : whole) {
    bool clash = std::any_of(winners.begin(), winners.end(),
                             [&](size_t w) { return Overlap(at(w), at(c)); });
    if (!clash) winners.push_back(c);
  }
  std::sort(winners.begin(), winners.end(),
            [&](size_t a, size_t b) { return at(a).begin < at(b).begin; });
}

}  // namespace vigie::internal
