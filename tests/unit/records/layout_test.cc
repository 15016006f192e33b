// SPDX-License-Identifier: Apache-2.0
// Delimiter and header guessing, and cell tracking.
#include "records/layout.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

TEST(LayoutTest, JsonIsGuessedFromItsTokens) {
  EXPECT_TRUE(GuessLayout("{\"nom\": \"X\"}\n{\"nom\": \"Y\"}\n", Layout::kAuto, 0).json);
  EXPECT_TRUE(GuessLayout("  [\n  {\n    \"a\": [1, -2.5e3, true, null]", Layout::kAuto, 0).json);
  EXPECT_TRUE(GuessLayout("[{\"a\": \"x\\\"]y\"}, fal", Layout::kAuto, 0).json);  // cut
  EXPECT_FALSE(GuessLayout("[1] Introduction\n[2] Suite\n", Layout::kAuto, 0).json);
  EXPECT_FALSE(GuessLayout("{x} n'est pas du JSON\n", Layout::kAuto, 0).json);
  EXPECT_FALSE(GuessLayout("{1, 2}\n", Layout::kAuto, 0).json);  // an object opens on a name
  EXPECT_FALSE(GuessLayout("Texte {\"a\": 1}\n", Layout::kAuto, 0).json);
  EXPECT_FALSE(GuessLayout("{\"a\": 1}\n", Layout::kText, 0).json);
  // Said to be JSON, it is, whatever it holds.
  EXPECT_TRUE(GuessLayout("pas du JSON", Layout::kJson, 0).json);
  EXPECT_FALSE(GuessLayout("{\"a\": 1}", Layout::kJson, 0).delimited);
}

// The cell of each byte of `text`, fed in pieces of `step` bytes.
std::vector<Cell> JsonCells(std::string_view text, size_t step) {
  CellTracker t = CellTracker::Json();
  for (size_t at = 0; at < text.size(); at += step) t.Feed(text.substr(at, step), at);
  std::vector<Cell> cells;
  for (size_t pos = 0; pos < text.size(); ++pos) cells.push_back(t.CellAt(pos));
  return cells;
}

TEST(CellTrackerTest, JsonMembersNameTheirValuesColumns) {
  std::string text =
      "[{\"nom\": \"A\\\"B\", \"contact\": {\"tel\": 0612, \"nom\": \"C\"}, "
      "\"prenoms\": [\"D\", \"E\"]},\n {\"tel\": \"F\"}, 7]";
  CellTracker t = CellTracker::Json();
  t.Feed(text, 0);
  auto at = [&](std::string_view what) { return t.CellAt(text.find(what)); };
  uint32_t nom = at("A").column, contact = 0, tel = at("0612").column;
  EXPECT_EQ(nom, 1u);
  EXPECT_EQ(t.CellAt(text.find("nom")).column, Cell::kNameColumn);
  EXPECT_EQ(at("B").begin, at("A").begin) << "an escaped quote stays in its string";
  EXPECT_EQ(at("C").column, nom) << "the innermost member names a nested value";
  EXPECT_EQ(tel, 3u) << "names are numbered as they first appear: nom, contact, tel";
  EXPECT_EQ(at("D").column, 4u) << "a list's items take its member's name";
  EXPECT_EQ(at("E").column, 4u);
  EXPECT_EQ(at("F").column, tel);
  EXPECT_EQ(t.CellAt(text.find(", \"contact")).column, contact) << "structure";
  EXPECT_EQ(at("0612").begin, text.find("0612")) << "a scalar is a cell of its own";
  // Records: the items of the top-level list.
  EXPECT_EQ(at("A").row, 0u);
  EXPECT_EQ(at("E").row, 0u);
  EXPECT_EQ(at("F").row, 1u);
  EXPECT_EQ(at("7").row, 2u);
  EXPECT_EQ(t.records(), 3u);
  std::vector<ColumnName> names = t.TakeNames();
  ASSERT_EQ(names.size(), 4u);
  EXPECT_EQ(names[0].name, "nom");
  EXPECT_EQ(names[3].name, "prenoms");
  EXPECT_TRUE(t.TakeNames().empty());
  // In pieces, and after a skip, every byte has the same cell.
  std::vector<Cell> whole = JsonCells(text, text.size());
  for (size_t step : {1, 2, 3, 7}) {
    std::vector<Cell> pieces = JsonCells(text, step);
    for (size_t pos = 0; pos < text.size(); ++pos) {
      EXPECT_EQ(pieces[pos].begin, whole[pos].begin) << pos;
      EXPECT_EQ(pieces[pos].column, whole[pos].column) << pos;
      EXPECT_EQ(pieces[pos].row, whole[pos].row) << pos;
    }
  }
  for (size_t skip = 0; skip < text.size(); ++skip) {
    CellTracker s = CellTracker::Json();
    s.Skip(std::string_view(text).substr(0, skip), 0);
    s.Feed(std::string_view(text).substr(skip), skip);
    for (size_t pos = skip; pos < text.size(); ++pos) {
      EXPECT_EQ(s.CellAt(pos).begin, whole[pos].begin) << skip << " " << pos;
      EXPECT_EQ(s.CellAt(pos).column, whole[pos].column) << skip << " " << pos;
    }
  }
}

TEST(CellTrackerTest, JsonLinesAreRecordsAndDepthIsBounded) {
  CellTracker t = CellTracker::Json();
  std::string lines = "{\"a\": 1}\n{\"a\": 2}\n\"x\"\n";
  t.Feed(lines, 0);
  EXPECT_EQ(t.records(), 3u);
  EXPECT_EQ(t.CellAt(lines.find('2')).row, 1u);
  // Deeper than followed: values there take no column, and the closing
  // brackets bring the names back.
  CellTracker deep = CellTracker::Json();
  std::string text =
      "{\"k\": " + std::string(1000, '[') + "\"v\"" + std::string(1000, ']') + ", \"m\": \"w\"}";
  deep.Feed(text, 0);
  EXPECT_EQ(deep.CellAt(text.find('v')).column, 0u);
  EXPECT_EQ(deep.CellAt(text.find('w')).column, 2u);
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
