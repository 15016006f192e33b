// SPDX-License-Identifier: Apache-2.0
// Delimiter and header guessing, and cell tracking.
#include "records/layout.h"

#include <gtest/gtest.h>

namespace vigie::records {
namespace {

TEST(LayoutTest, GuessesSemicolonTabAndComma) {
  EXPECT_EQ(GuessLayout("a;b;c\n1;2;3\n", Layout::kAuto, 0).delimiter, ';');
  EXPECT_EQ(GuessLayout("a\tb\n1\t2\n", Layout::kAuto, 0).delimiter, '\t');
  EXPECT_EQ(GuessLayout("a,b,c\n1,2,3\n", Layout::kAuto, 0).delimiter, ',');
}

TEST(LayoutTest, ProseIsNotATable) {
  EXPECT_FALSE(
      GuessLayout("Bonjour, je suis là, voilà.\nEt toi, ça va ?\n", Layout::kAuto, 0).delimited);
  EXPECT_FALSE(
      GuessLayout("une seule ligne; avec; des points-virgules", Layout::kAuto, 0).delimited);
  EXPECT_FALSE(GuessLayout("a;b;c\n1;2;3\n", Layout::kText, 0).delimited);
  // One line is a table only when the caller says so; its delimiter is
  // then the one it holds most of.
  EXPECT_FALSE(GuessLayout("x;y;z\n", Layout::kAuto, 0).delimited);
  auto one = GuessLayout("x;y;z\n", Layout::kDelimited, 0);
  EXPECT_TRUE(one.delimited);
  EXPECT_EQ(one.delimiter, ';');
}

TEST(LayoutTest, HeaderIsNamesNotValues) {
  EXPECT_TRUE(GuessLayout("nom;num_secu\nX;185057512345673\n", Layout::kAuto, 0).header);
  EXPECT_FALSE(GuessLayout("X;185057512345673\nY;185057512345673\n", Layout::kAuto, 0).header);
}

TEST(LayoutTest, QuotedDelimitersDoNotCount) {
  // A table of three columns separated by commas (fewer commas are prose's),
  // whose quoted cells hold semicolons.
  auto g = GuessLayout("\"a;b\",c,d\n\"1;2\",3,4\n", Layout::kAuto, 0);
  EXPECT_TRUE(g.delimited);
  EXPECT_EQ(g.delimiter, ',');
}

TEST(LayoutTest, ProbeWaitsForTwoLines) {
  EXPECT_EQ(LayoutProbeLength("a;b\n1;", false), 0u);
  EXPECT_EQ(LayoutProbeLength("a;b\n1;2\nrest", false), 8u);
  EXPECT_EQ(LayoutProbeLength("a;b", true), 3u);
  EXPECT_EQ(LayoutProbeLength(std::string(kLayoutProbeBytes + 5, 'x'), false), kLayoutProbeBytes);
}

TEST(CellTrackerTest, TracksRowsColumnsAndQuotes) {
  CellTracker t(',');
  std::string text = "a,\"b,\nc\",d\ne,f";
  t.Feed(std::string_view(text).substr(0, 4), 0);
  t.Feed(std::string_view(text).substr(4), 4);
  EXPECT_EQ(t.CellAt(0).column, 0u);
  EXPECT_EQ(t.CellAt(3).column, 1u);  // inside the quoted cell
  EXPECT_EQ(t.CellAt(6).column, 1u);  // after the quoted newline
  EXPECT_EQ(t.CellAt(6).row, 0u);
  EXPECT_EQ(t.CellAt(10).column, 2u);  // d
  EXPECT_EQ(t.CellAt(12).row, 1u);     // e
  EXPECT_EQ(t.CellAt(14).column, 1u);  // f
  t.Forget(12);
  EXPECT_EQ(t.CellAt(12).row, 1u);
}

}  // namespace
}  // namespace vigie::records
