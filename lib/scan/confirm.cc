// SPDX-License-Identifier: Apache-2.0
#include "scan/confirm.h"

#include <algorithm>
#include <limits>
#include <string_view>

#include "text/utf8.h"

namespace vigie::internal {

Confirmer::Confirmer(const Engine& engine)
    : engine_(engine),
      last_span_(engine.detectors().size(),
                 {std::numeric_limits<uint64_t>::max(), std::numeric_limits<uint64_t>::max()}) {}

std::optional<Candidate> Confirmer::Confirm(uint64_t end, const MatchTarget& target,
                                            const TextWindow& window,
                                            const records::CellTracker* cells, bool header,
                                            const Context& context) {
  const DetectorDef& d = engine_.detectors()[target.index];
  std::string_view view = window.bytes;
  uint64_t lowest = std::max<uint64_t>(window.start, end > d.max_width ? end - d.max_width : 0);
  // A match starts in the cell where it ends, or for spans_cells in its
  // record: start finders look no further back than that.
  records::Cell end_cell{};
  if (cells) {
    end_cell = cells->CellAt(end - 1);
    lowest = std::max<uint64_t>(lowest, d.spans_cells ? end_cell.row_begin : end_cell.begin);
  }
  size_t earliest = lowest - window.start;
  size_t stop = end - window.start;
  // No match ends inside a character (MatchEvents drops most such events
  // already; this one may have ended where the bytes then visible did).
  if (text::InsideCodePoint(view, stop)) return std::nullopt;
  size_t begin = std::string_view::npos;
  std::optional<Verdict> judged;  // by the start finder
  if (target.length > 0) {
    if (end >= target.length && end - target.length >= window.start) {
      begin = stop - target.length;
      if (text::WordCharBefore(view, begin)) begin = std::string_view::npos;
    }
  } else if (d.find_start) {
    Located located = d.find_start(view, earliest, stop);
    begin = located.begin;
    judged = std::move(located.verdict);
  } else {
    begin = engine_.AnchoredStart(target.index, view, earliest, stop);
  }
  if (cells && d.find_in_field && end_cell.begin >= window.start) {
    // A value of a column named for the detector, that its start finder
    // refused or found only the end of ("Le Guen" in "Kervadoc Le Guen"):
    // asked unless the start found is the value's first byte already.
    bool found = begin != std::string_view::npos && begin < stop;
    size_t value = end_cell.begin - window.start;
    while (value < stop && (view[value] == ' ' || view[value] == '\t' || view[value] == '"')) {
      ++value;
    }
    if ((!found || begin > value) && context.NamesColumn(end_cell.column, target.index)) {
      Located located = d.find_in_field(view, end_cell.begin - window.start, stop);
      if (located.begin != std::string_view::npos && (!found || located.begin < begin)) {
        begin = located.begin;
        judged = std::move(located.verdict);
      }
    }
  }
  if (begin == std::string_view::npos || begin >= stop) return std::nullopt;
  if (text::WordCharAt(view, stop)) return std::nullopt;
  uint64_t abs_begin = window.start + begin;
  auto& last = last_span_[target.index];
  if (last.first == abs_begin && last.second == end) return std::nullopt;
  last = {abs_begin, end};

  Candidate c;
  c.detector = target.index;
  c.begin = abs_begin;
  c.end = end;
  if (cells) {
    records::Cell cell = cells->CellAt(abs_begin);
    if (d.spans_cells ? end_cell.row != cell.row : end_cell.begin != cell.begin) {
      return std::nullopt;
    }
    // Column names, nobody's data.
    if ((header && cell.row == 0) || cell.column == records::Cell::kNameColumn) {
      return std::nullopt;
    }
    c.cell_begin = cell.begin;
    c.cell_column = cell.column;
    c.cell_row = cell.row;
  }
  std::string_view match = view.substr(begin, stop - begin);
  c.digit_led = match[0] >= '0' && match[0] <= '9';
  if (judged) {
    c.verdict = std::move(*judged);
  } else if (target.spelled) {
    c.verdict = d.confirm_spelling(target.spelling, match);
  } else if (d.confirm_in_context) {
    // The bytes the start finder could see: from `lowest` (the match's
    // width, its cell), at most window_before. The window reaches that far
    // before any candidate start (see StreamState::Advance), in a stream as
    // in a block.
    uint64_t from =
        std::max<uint64_t>(lowest, abs_begin > d.window_before ? abs_begin - d.window_before : 0);
    c.verdict = d.confirm_in_context(window.Slice(from, abs_begin), match);
  } else {
    c.verdict = d.confirm(match);
  }
  if (c.verdict.status == Verdict::Status::kReject) return std::nullopt;
  // The value is the matched text unless the detector normalized it.
  if (c.verdict.value.empty()) c.verdict.value = match;
  return c;
}

}  // namespace vigie::internal
