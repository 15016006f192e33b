// SPDX-License-Identifier: Apache-2.0
// Fuzz target for delimited files and JSON: the layout guess on any head,
// and the cell tracker (delimited, or JSON when the text is guessed so or
// the control byte says), which must give every byte the same cell whether the text
// comes whole or in pieces (the control byte draws their size), and after
// its beginning was skipped instead of fed; and the record profile, which
// must count the same records and columns whatever the pieces.
#include <vector>

#include "fuzz_util.h"
#include "records/layout.h"
#include "vigie/records.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using vigie::fuzz::Check;
  auto [control, text] = vigie::fuzz::Split(data, size);
  static const vigie::Layout kLayouts[] = {vigie::Layout::kAuto, vigie::Layout::kText,
                                           vigie::Layout::kDelimited, vigie::Layout::kJson};
  static const char kDelimiters[] = {0, ';', ',', '\t'};
  size_t probe = vigie::records::LayoutProbeLength(text, true);
  vigie::records::LayoutGuess guess = vigie::records::GuessLayout(
      text.substr(0, probe), kLayouts[control % 4], kDelimiters[(control >> 2) % 4]);
  if (guess.delimited) Check(guess.delimiter != 0 && !guess.json);
  char delimiter = guess.delimiter != 0 ? guess.delimiter : ';';
  bool json = guess.json || (control & 0x80) != 0;
  auto tracker = [&] {
    return json ? vigie::records::CellTracker::Json() : vigie::records::CellTracker(delimiter);
  };

  vigie::records::CellTracker whole = tracker();
  whole.Feed(text, 0);
  std::vector<vigie::records::Cell> cells;
  for (size_t pos = 0; pos < text.size(); ++pos) cells.push_back(whole.CellAt(pos));

  vigie::records::CellTracker pieces = tracker();
  size_t step = 1 + (control >> 4);
  for (size_t at = 0; at < text.size(); at += step) pieces.Feed(text.substr(at, step), at);
  size_t skip = text.size() * (control & 3) / 4;
  vigie::records::CellTracker skipped = tracker();
  skipped.Skip(text.substr(0, skip), 0);
  skipped.Feed(text.substr(skip), skip);
  for (size_t pos = 0; pos < text.size(); ++pos) {
    const vigie::records::Cell& c = cells[pos];
    Check(c.begin <= pos && c.row_begin <= c.begin);
    vigie::records::Cell p = pieces.CellAt(pos);
    Check(p.begin == c.begin && p.row == c.row && p.column == c.column &&
          p.row_begin == c.row_begin);
    if (pos >= skip) {
      vigie::records::Cell s = skipped.CellAt(pos);
      Check(s.begin == c.begin && s.row == c.row && s.column == c.column &&
            s.row_begin == c.row_begin);
    }
  }

  if (json) Check(whole.records() == pieces.records());

  vigie::CallOptions call;
  call.layout = kLayouts[control % 4];
  call.delimiter = kDelimiters[(control >> 2) % 4];
  vigie::RecordProfile one(call);
  one.Feed(text);
  one.Finish();
  vigie::RecordProfile many(call);
  for (size_t at = 0; at < text.size(); at += step) many.Feed(text.substr(at, step));
  many.Finish();
  Check(one.unit() == many.unit() && one.records() == many.records() &&
        one.columns().size() == many.columns().size());
  Check(one.columns().size() <= vigie::RecordProfile::kMaxColumns);
  for (size_t c = 0; c < one.columns().size(); ++c) {
    Check(one.columns()[c].name == many.columns()[c].name);
    Check(one.columns()[c].filled == many.columns()[c].filled);
    Check(one.columns()[c].filled <= one.records());
  }
  return 0;
}
