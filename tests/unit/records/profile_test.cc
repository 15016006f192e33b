// SPDX-License-Identifier: Apache-2.0
// RecordProfile: records, columns and their fill, and the record of each
// finding, whatever the chunks.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "test_util.h"
#include "vigie/records.h"

namespace vigie {
namespace {

RecordProfile Profile(std::string_view text, size_t chunk = 0, const CallOptions& call = {}) {
  RecordProfile p(call);
  if (chunk == 0) chunk = text.size() + 1;
  for (size_t at = 0; at < text.size(); at += chunk) p.Feed(text.substr(at, chunk));
  p.Finish();
  return p;
}

TEST(RecordProfileTest, CountsRowsAndFillOfADelimitedFile) {
  // A quoted cell over two lines is one row; a blank line is none; the
  // last row has no line break; "" is an empty cell, """" a quote.
  std::string csv =
      "nom;prenom;\"note\"\r\n"
      "MARTIN;Marie;\"ligne 1\nligne 2\"\r\n"
      "\r\n"
      "DURAND;;\"\"\r\n"
      ";Paul;\"\"\"\"";
  for (size_t chunk : {size_t{0}, size_t{1}, size_t{3}, size_t{7}}) {
    SCOPED_TRACE(chunk);
    RecordProfile p = Profile(csv, chunk);
    EXPECT_EQ(p.unit(), RecordUnit::kRow);
    EXPECT_EQ(p.delimiter(), ';');
    EXPECT_TRUE(p.header());
    EXPECT_EQ(p.records(), 3u);
    ASSERT_EQ(p.columns().size(), 3u);
    EXPECT_EQ(p.columns()[0].name, "nom");
    EXPECT_EQ(p.columns()[1].name, "prenom");
    EXPECT_EQ(p.columns()[2].name, "note");
    EXPECT_EQ(p.columns()[0].filled, 2u);
    EXPECT_EQ(p.columns()[1].filled, 2u);
    EXPECT_EQ(p.columns()[2].filled, 2u);
  }
}

TEST(RecordProfileTest, CountsParagraphsOfTextAndLinesOfJson) {
  std::string text = "Objet : compte rendu\nPatient : Marie MARTIN\n\n  \nConclusion.\n\nFin";
  RecordProfile p = Profile(text, 5);
  EXPECT_EQ(p.unit(), RecordUnit::kParagraph);
  EXPECT_EQ(p.records(), 3u);
  EXPECT_TRUE(p.columns().empty());
  RecordProfile j = Profile("{\"a\": 1}\n\n{\"a\": 2}\n{\"a\": 3}", 4);
  EXPECT_EQ(j.unit(), RecordUnit::kObject);
  EXPECT_EQ(j.records(), 3u);
  EXPECT_EQ(Profile("").records(), 0u);
}

TEST(RecordProfileTest, TheLayoutIsTheCallers) {
  RecordProfile p = Profile("a;b\n1;2\n", 0, CallOptions{.layout = Layout::kText});
  EXPECT_EQ(p.unit(), RecordUnit::kParagraph);
  EXPECT_EQ(p.records(), 1u);
}

TEST(RecordProfileTest, HostileWidthIsBounded) {
  std::string wide = "a;b\n" + std::string(RecordProfile::kMaxColumns * 3, ';') + "x\n";
  RecordProfile p = Profile(wide, 0, CallOptions{.layout = Layout::kDelimited, .delimiter = ';'});
  EXPECT_EQ(p.columns().size(), RecordProfile::kMaxColumns);
  EXPECT_EQ(p.records(), 1u);
}

// The scanner's findings, keyed by RecordOf: one key per record that holds
// any, findings of a record sharing theirs.
TEST(RecordProfileTest, RecordOfGroupsTheFindingsOfEachRecord) {
  const Scanner& scanner = testing::CachedScanner();
  std::string csv =
      "nom;prenom;telephone;note\n"
      "MARTIN;Marie;06 12 34 56 78;\"appel\nau 01 45 67 89 10\"\n"
      "DURAND;Paul;06 98 76 54 32;\n";
  std::vector<Finding> findings = scanner.Scan(csv);
  RecordProfile p = Profile(csv);
  std::map<uint64_t, std::set<std::string>> values;
  for (const Finding& f : findings) {
    if (f.kind == "PHONE_NUMBER") values[p.RecordOf(f)].insert(f.value);
  }
  ASSERT_EQ(values.size(), 2u);
  EXPECT_EQ(values.begin()->second.size(), 2u);  // both phones of MARTIN's row
  for (const Finding& f : findings) {
    if (f.kind == "PHONE_NUMBER") {
      EXPECT_NE(f.field, Finding::kNoField);
      EXPECT_EQ(f.field, f.value == "+33145678910" ? 3u : 2u);
    }
  }

  std::string letter =
      "Patiente : Marie MARTIN, tél. 06 12 34 56 78\nportable 06 98 76 54 32\n\n"
      "Contact : 01 45 67 89 10\n";
  RecordProfile q(CallOptions{});
  q.Feed(letter);
  std::set<uint64_t> paragraphs;
  for (const Finding& f : scanner.Scan(letter)) {
    EXPECT_EQ(f.field, Finding::kNoField);
    EXPECT_EQ(f.record, f.line - 1);
    if (f.kind == "PHONE_NUMBER") paragraphs.insert(q.RecordOf(f));
  }
  EXPECT_EQ(paragraphs, (std::set<uint64_t>{0, 1}));
}

}  // namespace
}  // namespace vigie
