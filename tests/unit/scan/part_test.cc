// SPDX-License-Identifier: Apache-2.0
// Scanner::ScanPart: adjacent parts of a text give exactly the findings of
// one scan of it, wherever the cuts fall (between lines, inside a value,
// inside a quoted cell), far from the text's start as near it.
#include <gtest/gtest.h>

#include <random>
#include <type_traits>
#include <utility>

#include "corpus.h"
#include "test_util.h"
#include "vigie/vigie.h"

namespace vigie {
namespace {

const Scanner& TheScanner() { return vigie::testing::CachedScanner(); }

CallOptions Everything() {
  CallOptions call = TheScanner().default_call();
  call.min_score = 0;
  return call;
}

std::vector<Finding> InParts(std::string_view text, const std::vector<size_t>& cuts,
                             const CallOptions& call) {
  std::vector<Finding> out;
  size_t from = 0;
  for (size_t k = 0; k <= cuts.size(); ++k) {
    size_t to = k < cuts.size() ? cuts[k] : text.size();
    auto part = TheScanner().ScanPart(text, from, to, call);
    EXPECT_TRUE(part.ok()) << part.error();
    if (!part.ok()) return {};
    for (Finding& f : *part) {
      EXPECT_GE(f.begin, from) << "a part gives no finding that begins before it";
      out.push_back(std::move(f));
    }
    from = to;
  }
  return out;
}

// Cuts at `n` random offsets; moved to the next line's start when `lines`.
std::vector<size_t> RandomCuts(std::string_view text, size_t n, bool lines, std::mt19937& rng) {
  std::vector<size_t> cuts;
  for (size_t k = 0; k < n; ++k) {
    size_t at = rng() % text.size();
    if (lines) {
      size_t nl = text.find('\n', at);
      at = nl == std::string_view::npos ? text.size() : nl + 1;
    }
    cuts.push_back(at);
  }
  std::sort(cuts.begin(), cuts.end());
  return cuts;
}

void ExpectPartsEqualScan(const std::string& text, uint32_t seed) {
  CallOptions call = Everything();
  std::vector<Finding> whole = TheScanner().Scan(text, call);
  std::mt19937 rng(seed);
  for (int round = 0; round < 6; ++round) {
    bool lines = round % 2 == 0;
    std::vector<size_t> cuts = RandomCuts(text, 1 + rng() % 6, lines, rng);
    vigie::testing::ExpectSameFindings(
        InParts(text, cuts, call), whole,
        std::string(lines ? "line" : "byte") + " cuts, round " + std::to_string(round));
  }
}

TEST(PartTest, PartsOfALabExportEqualOneScan) {
  // Far past the first record: the parts must know the column names.
  std::string text = vigie::testing::LabExport(600000);
  CallOptions call = Everything();
  size_t last = text.find('\n', 500000) + 1;
  auto tail = TheScanner().ScanPart(text, last, text.size(), call);
  ASSERT_TRUE(tail.ok());
  bool named_column = false;
  for (const Finding& f : *tail) {
    named_column |= f.kind == "DATE_OF_BIRTH" && f.score >= 0.9;  // "date_naissance"
  }
  EXPECT_TRUE(named_column) << "dates far from the header are scored with its column name";
  ExpectPartsEqualScan(text, 1);
}

TEST(PartTest, PartsOfJsonEqualOneScan) {
  // A part far from the first record knows the members' names seen
  // before it: a name no list knows under "nom" is a PERSON there too.
  for (bool pretty : {true, false}) {
    std::string text = vigie::testing::JsonExport(400000, pretty);
    CallOptions call = Everything();
    size_t last = text.find("\"nom\"", 300000);
    auto tail = TheScanner().ScanPart(text, last, text.size(), call);
    ASSERT_TRUE(tail.ok());
    size_t named = 0;
    for (const Finding& f : *tail) {
      named += f.kind == "PERSON" && f.score >= 0.85 && text.compare(f.begin, 7, "Zorvath") == 0;
    }
    EXPECT_GT(named, 100u) << "pretty " << pretty;
    ExpectPartsEqualScan(text, pretty ? 4 : 5);
  }
}

TEST(PartTest, PartsOfProseEqualOneScan) {
  ExpectPartsEqualScan(vigie::testing::FrenchProse(400000), 2);
}

TEST(PartTest, CutsInsideQuotedCellsWithLineBreaks) {
  // A comment on two lines inside quotes: a line start is not always a
  // record's start, and the cells after the cut must still be counted
  // from the first byte.
  std::string text = vigie::testing::LabExport(300000);
  std::string quoted;
  size_t at = 0;
  const std::string comment = ";RAS, contrôle dans six mois\n";
  for (size_t found; (found = text.find(comment, at)) != std::string::npos;) {
    quoted.append(text, at, found - at);
    quoted += ";\"RAS,\ncontrôle dans six mois\"\n";
    at = found + comment.size();
  }
  quoted.append(text, at);
  ExpectPartsEqualScan(quoted, 3);
}

TEST(PartTest, AQuotedCellLongerThanWhatAPartReadsBeforeIt) {
  // The part's scan starts inside the long quoted cell; its delimiters
  // and line breaks are no cells, and the phone after it is in the
  // "telephone" column.
  std::string text = "nom;commentaire;telephone\n";
  while (text.size() < 100000) text += "DURAND;RAS;01 98 76 54 32\n";
  text += "DUPONT;\"";
  while (text.size() < 200000) text += "suite;du;texte\n";
  text += "fin;;;\";01 23 45 67 89\nDURAND;RAS;01 98 76 54 32\n";
  CallOptions call = Everything();
  call.layout = Layout::kDelimited;  // the second record is too long to guess from
  call.delimiter = ';';
  std::vector<Finding> whole = TheScanner().Scan(text, call);
  size_t phone = text.find("01 23 45 67 89");
  auto in_column = std::find_if(whole.begin(), whole.end(), [&](const Finding& f) {
    return f.kind == "PHONE_NUMBER" && f.begin == phone;
  });
  ASSERT_NE(in_column, whole.end());
  CallOptions as_text = Everything();
  as_text.layout = Layout::kText;
  for (const Finding& f : TheScanner().Scan(text, as_text)) {
    if (f.begin == phone) {
      EXPECT_LT(f.score, in_column->score) << "the column's name counts";
    }
  }
  for (size_t cut : {phone - 100, phone, text.find("DURAND")}) {
    vigie::testing::ExpectSameFindings(InParts(text, {cut}, call), whole,
                                       "cut at " + std::to_string(cut));
  }
}

TEST(PartTest, TheSampleFilesCutAtEveryLine) {
  CallOptions call = Everything();
  for (const char* name : {"patients_labo.csv", "compte_rendu.txt"}) {
    std::string text =
        vigie::testing::ReadFile(std::string(VIGIE_SOURCE_DIR) + "/examples/data/" + name);
    ASSERT_FALSE(text.empty()) << name;
    std::vector<size_t> cuts;
    for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', nl + 1)) {
      cuts.push_back(nl + 1);
    }
    vigie::testing::ExpectSameFindings(InParts(text, cuts, call), TheScanner().Scan(text, call),
                                       name);
  }
}

TEST(PartTest, ThePartsOfATemporaryResultCanBeWalked) {
  // value() of a temporary Result gives the findings themselves: a loop
  // over it reads no freed memory (AddressSanitizer would tell).
  static_assert(std::is_same_v<decltype(std::declval<Result<std::vector<Finding>>>().value()),
                               std::vector<Finding>>);
  std::string text = "Tél. : 01 23 45 67 89, mail jean@example.org\n";
  size_t found = 0;
  for (const Finding& f : TheScanner().ScanPart(text, 0, text.size(), Everything()).value()) {
    found += f.end <= text.size();
  }
  EXPECT_GE(found, 2u);
}

TEST(PartTest, EmptyAndOutOfRangeParts) {
  std::string text = "Tél. : 01 23 45 67 89\n";
  CallOptions call = Everything();
  auto empty = TheScanner().ScanPart(text, 5, 5, call);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
  auto reversed = TheScanner().ScanPart(text, 10, 2, call);
  ASSERT_TRUE(reversed.ok());
  EXPECT_TRUE(reversed->empty());
  // `to` past the end is the end.
  auto all = TheScanner().ScanPart(text, 0, 1000, call);
  ASSERT_TRUE(all.ok());
  vigie::testing::ExpectSameFindings(*all, TheScanner().Scan(text, call), "to past the end");
  EXPECT_FALSE(all->empty());
  auto nothing = TheScanner().ScanPart("", 0, 0, call);
  ASSERT_TRUE(nothing.ok());
  EXPECT_TRUE(nothing->empty());
}

}  // namespace
}  // namespace vigie
