// SPDX-License-Identifier: Apache-2.0
// Resolution of overlapping findings, on spans and scores alone.
#include "scan/resolve.h"

#include <gtest/gtest.h>

#include <vector>

namespace vigie::internal {
namespace {

Contender Span(uint64_t begin, uint64_t end, double score, bool confirmed, int64_t group,
               bool digit_led = false) {
  return {begin, end, score, confirmed, digit_led, group, static_cast<uint32_t>(group)};
}

TEST(ResolveTest, SeparateSpansAllWinInOrder) {
  std::vector<Contender> chain = {Span(10, 20, 0.5, true, 1), Span(0, 5, 0.9, true, 2),
                                  Span(30, 40, 0.2, false, 3)};
  EXPECT_EQ(ResolveOverlaps(chain), (std::vector<size_t>{1, 0, 2}));
}

TEST(ResolveTest, WithinAGroupConfirmedThenLongerWins) {
  // "infection" (0-9) and "infection par le VIH" (0-20), one family.
  std::vector<Contender> family = {Span(0, 9, 0.9, true, -1), Span(0, 20, 0.7, true, -1)};
  EXPECT_EQ(ResolveOverlaps(family), (std::vector<size_t>{1}));
  // The longer but unconfirmed loses to the confirmed.
  std::vector<Contender> unconfirmed = {Span(0, 9, 0.5, true, 4), Span(0, 20, 0.9, false, 4)};
  EXPECT_EQ(ResolveOverlaps(unconfirmed), (std::vector<size_t>{0}));
}

TEST(ResolveTest, DigitsInsideALongerRunOfAnotherKindArePartOfIt) {
  // A NIR with a wrong key (unconfirmed, 0.3) holds a valid mobile number
  // (confirmed, 0.97): the number is a piece of the NIR.
  std::vector<Contender> chain = {Span(0, 21, 0.3, false, 1, true),
                                  Span(5, 18, 0.97, true, 2, true)};
  EXPECT_EQ(ResolveOverlaps(chain), (std::vector<size_t>{0}));
  // Not when the inner span starts with a letter, nor within one group.
  chain[1].digit_led = false;
  EXPECT_EQ(ResolveOverlaps(chain), (std::vector<size_t>{1}));
}

// A term of a family (a health term, group < 0) inside a longer span of
// another group that a reviewer would agree with is part of it ("olivier",
// a drug, in "Olivier DUPONT" or an e-mail address); inside a weaker one,
// the scores decide.
TEST(ResolveTest, TermsInsideASureSpanOfAnotherKindArePartOfIt) {
  std::vector<Contender> sure = {Span(0, 14, 0.9, true, 5), Span(0, 7, 0.91, true, -2)};
  EXPECT_EQ(ResolveOverlaps(sure), (std::vector<size_t>{0}));
  std::vector<Contender> weaker = {Span(0, 14, 0.8, true, 5), Span(6, 14, 0.91, true, -2)};
  EXPECT_EQ(ResolveOverlaps(weaker), (std::vector<size_t>{1}));
  // Not a term: a date inside an address keeps its own score.
  std::vector<Contender> date = {Span(0, 60, 0.9, true, 5), Span(20, 30, 0.95, true, 6)};
  EXPECT_EQ(ResolveOverlaps(date), (std::vector<size_t>{1}));
}

TEST(ResolveTest, AcrossGroupsConfirmedThenScoreThenLength) {
  std::vector<Contender> chain = {Span(0, 10, 0.9, false, 1), Span(5, 12, 0.6, true, 2),
                                  Span(8, 30, 0.6, true, 3)};
  // Confirmed first; between the two confirmed at 0.6, the longer.
  EXPECT_EQ(ResolveOverlaps(chain), (std::vector<size_t>{2}));
  chain[2].score = 0.5;
  EXPECT_EQ(ResolveOverlaps(chain), (std::vector<size_t>{1}));
}

TEST(ResolveTest, ResultDoesNotDependOnTheOrderOfTheChain) {
  std::vector<Contender> chain = {Span(0, 10, 0.8, true, 1), Span(3, 15, 0.8, true, 2),
                                  Span(12, 20, 0.7, true, 3), Span(0, 4, 0.95, true, -1),
                                  Span(0, 12, 0.7, true, -1)};
  std::vector<uint64_t> begins;
  for (size_t w : ResolveOverlaps(chain)) begins.push_back(chain[w].begin);
  std::vector<Contender> reversed(chain.rbegin(), chain.rend());
  std::vector<uint64_t> again;
  for (size_t w : ResolveOverlaps(reversed)) again.push_back(reversed[w].begin);
  EXPECT_EQ(begins, again);
  EXPECT_FALSE(begins.empty());
}

TEST(ResolveTest, ALoneCandidateWinsAndTwinsKeepTheFirst) {
  EXPECT_TRUE(ResolveOverlaps({}).empty());
  std::vector<Contender> alone = {Span(5, 9, 0.1, false, 7)};
  EXPECT_EQ(ResolveOverlaps(alone), (std::vector<size_t>{0}));
  // Two candidates alike in everything: the first of the chain stays.
  std::vector<Contender> twins = {Span(0, 8, 0.6, true, 2), Span(0, 8, 0.6, true, 2),
                                  Span(2, 8, 0.6, true, 2)};
  EXPECT_EQ(ResolveOverlaps(twins), (std::vector<size_t>{0}));
}

}  // namespace
}  // namespace vigie::internal
