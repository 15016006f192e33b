// SPDX-License-Identifier: Apache-2.0
// LineTracker against a direct count, with the window sliding forward as
// in a stream.
#include "scan/line_tracker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

namespace vigie::internal {
namespace {

// Line and column of `pos` counted from the start of `text`.
LineTracker::Position Direct(const std::string& text, uint64_t pos) {
  LineTracker::Position p;
  for (uint64_t i = 0; i < pos; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++p.column;
    }
  }
  return p;
}

TEST(LineTrackerTest, LinesAndCodePoints) {
  std::string text = "ab\ncdé\nf";
  LineTracker lines(16);
  TextWindow window{text, 0};
  auto at = [&](uint64_t pos) {
    LineTracker::Position p = lines.At(pos, window);
    return std::make_pair(p.line, p.column);
  };
  EXPECT_EQ(at(0), std::make_pair(uint64_t{1}, uint64_t{1}));
  EXPECT_EQ(at(4), std::make_pair(uint64_t{2}, uint64_t{2}));  // 'd'
  EXPECT_EQ(at(8), std::make_pair(uint64_t{3}, uint64_t{1}));  // 'f', after 'é' (2 bytes)
  EXPECT_EQ(at(5), std::make_pair(uint64_t{2}, uint64_t{3}));  // back to 'é'
}

TEST(LineTrackerTest, EqualsADirectCountAsTheWindowSlides) {
  std::mt19937 rng(7);
  std::string text;
  const char* pieces[] = {"a", "é", "\n", " ", "xyz", "\n\n", "€"};
  while (text.size() < 20000) text += pieces[rng() % 7];
  const uint64_t max_back = 40;
  LineTracker lines(max_back);
  uint64_t window_start = 0, latest = 0;
  for (uint64_t pos = 0; pos + 64 < text.size(); pos += 1 + rng() % 50) {
    // Offsets asked for come almost in order: up to max_back behind.
    uint64_t asked = pos - std::min<uint64_t>(pos, rng() % max_back);
    asked = std::max(asked, window_start);
    while (asked < text.size() && (static_cast<unsigned char>(text[asked]) & 0xC0) == 0x80) {
      ++asked;  // a code point's start, as candidates begin
    }
    TextWindow window{std::string_view(text).substr(window_start), window_start};
    LineTracker::Position got = lines.At(asked, window);
    LineTracker::Position want = Direct(text, asked);
    ASSERT_EQ(got.line, want.line) << "at " << asked;
    ASSERT_EQ(got.column, want.column) << "at " << asked;
    latest = std::max(latest, asked);
    // Bytes well behind everything still to come leave memory.
    uint64_t keep = latest > 2 * max_back ? latest - 2 * max_back : 0;
    if (keep > window_start) {
      lines.Forget(keep, window);
      window_start = keep;
    }
  }
}

}  // namespace
}  // namespace vigie::internal
