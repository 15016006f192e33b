// SPDX-License-Identifier: Apache-2.0
// The records of a text, the units in which a leak is counted: the rows of
// a delimited file (CSV, TSV), the objects of JSON (the lines of JSON Lines,
// the items of a document's top-level array), the paragraphs of running
// text. A RecordProfile follows a text as a Stream does, in
// chunks, and counts its records and, in a delimited file, how full each
// column is; RecordOf tells which record holds a finding of that text.
//
//   vigie::RecordProfile profile(call);
//   for (chunk : file) { profile.Feed(chunk); findings += stream.Write(chunk); }
//   profile.Finish();
//   for (const auto& f : findings) records.insert(profile.RecordOf(f));
//
// The layout is guessed from the text's beginning exactly as the scanner
// guesses it (or taken from `call`), so the rows counted are those whose
// cells the scanner reads. Memory is bounded by the column count and, in
// running text, by the paragraphs between RecordOf's calls.
#ifndef VIGIE_RECORDS_H_
#define VIGIE_RECORDS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/export.h"
#include "vigie/finding.h"
#include "vigie/options.h"

namespace vigie {

enum class RecordUnit : uint8_t {
  kRow,        // a delimited file's row (its header is not one)
  kObject,     // a JSON record: a top-level value (a line of JSON
               // Lines) or an item of a top-level array
  kParagraph,  // running text: lines up to a blank line
};

// "row", "line" or "paragraph".
VIGIE_EXPORT std::string_view RecordUnitName(RecordUnit unit);

// A column of a delimited file.
struct ColumnProfile {
  // The header's cell, unquoted; empty without a header.
  std::string name;
  // Rows (the header excepted) whose cell in this column holds anything
  // but quotes and a carriage return.
  uint64_t filled = 0;
};

class VIGIE_EXPORT RecordProfile {
 public:
  // Columns past this many are not profiled (a hostile line of delimiters
  // would otherwise grow the profile without bound).
  static constexpr size_t kMaxColumns = 4096;

  explicit RecordProfile(const CallOptions& call = {});
  RecordProfile(RecordProfile&&) noexcept;
  RecordProfile& operator=(RecordProfile&&) noexcept;
  ~RecordProfile();

  // The next bytes of the text.
  void Feed(std::string_view bytes);
  // The text has ended.
  void Finish();

  // Once the layout is known (after the text's first 64 KiB or two line
  // breaks, or Finish):
  RecordUnit unit() const;
  // The delimiter of a delimited file, else 0.
  char delimiter() const;
  // Whether a delimited file's first row names its columns.
  bool header() const;
  // Records so far: rows with any cell (the header and blank lines
  // excepted), JSON records, or paragraphs.
  uint64_t records() const;
  // A delimited file's columns, as many as its widest row (kMaxColumns at
  // most); empty for other layouts.
  const std::vector<ColumnProfile>& columns() const;

  // A key of the record that holds `finding`, found in the same text with
  // the same layout: findings of one record share it, findings of
  // different records do not. Call it in text order, after the finding's
  // bytes were fed.
  uint64_t RecordOf(const Finding& finding);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace vigie

#endif  // VIGIE_RECORDS_H_
