// SPDX-License-Identifier: Apache-2.0
// RecordProfile: a text's records counted as it streams by. A delimited
// text is followed cell by cell with the redactor's SyntaxFollower (RFC
// 4180 quoting, the same state machine); JSON with the scan's CellTracker
// (its records are the scan's); running text line by line.
#include <algorithm>
#include <cstring>
#include <deque>
#include <optional>

#include "records/layout.h"
#include "redact/syntax.h"
#include "vigie/records.h"

namespace vigie {
namespace {

// Header cells are names: longer ones are cut.
constexpr size_t kMaxNameBytes = 256;

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// A header cell as written, its quotes removed and doubled quotes made one.
std::string Unquote(std::string_view cell) {
  while (!cell.empty() && (cell.back() == '\r' || cell.back() == ' ')) cell.remove_suffix(1);
  while (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
  if (cell.size() < 2 || cell.front() != '"' || cell.back() != '"') return std::string(cell);
  cell = cell.substr(1, cell.size() - 2);
  std::string out;
  for (size_t i = 0; i < cell.size(); ++i) {
    out.push_back(cell[i]);
    if (cell[i] == '"' && i + 1 < cell.size() && cell[i + 1] == '"') ++i;
  }
  return out;
}

}  // namespace

std::string_view RecordUnitName(RecordUnit unit) {
  switch (unit) {
    case RecordUnit::kRow:
      return "row";
    case RecordUnit::kObject:
      return "object";
    case RecordUnit::kParagraph:
      return "paragraph";
  }
  return "paragraph";
}

struct RecordProfile::State {
  CallOptions call;
  bool known = false;
  std::string head;  // bytes held until the layout is known
  RecordUnit unit = RecordUnit::kParagraph;
  records::LayoutGuess layout;
  redact::SyntaxFollower follower;
  std::optional<records::CellTracker> json;  // JSON's records
  uint64_t fed = 0;
  uint64_t records = 0;
  std::vector<ColumnProfile> columns;

  // A delimited text: the row being followed (the header is row 0), its
  // cells so far and whether any held something; the header's cell being
  // read.
  uint64_t row = 0;
  uint32_t row_cells = 0;
  bool row_filled = false;
  std::string name;

  // Other texts: the line being read (from 0), whether it holds a
  // character that is not a space, whether the line before was blank; the
  // first line of each paragraph not yet passed by RecordOf, and the
  // index of the first of them.
  uint64_t line = 0;
  bool line_filled = false;
  bool after_blank = true;
  std::deque<uint64_t> paragraphs;
  uint64_t first_paragraph = 0;

  void Decide(std::string_view probe) {
    known = true;
    layout = records::GuessLayout(probe, call.layout, call.delimiter);
    if (layout.delimited) {
      unit = RecordUnit::kRow;
      follower = redact::SyntaxFollower(redact::Syntax::kDelimited, layout.delimiter);
    } else if (layout.json) {
      unit = RecordUnit::kObject;
      json.emplace(records::CellTracker::Json());
    } else {
      unit = RecordUnit::kParagraph;
    }
  }

  void Follow(std::string_view bytes) {
    if (unit == RecordUnit::kRow) {
      FollowCells(bytes);
    } else if (json) {
      json->Skip(bytes, fed);
      json->TakeNames();
      records = json->records();
    } else {
      FollowLines(bytes);
    }
    fed += bytes.size();
  }

  bool InHeader() const { return layout.header && row == 0; }

  void FollowCells(std::string_view bytes) {
    size_t cell_start = 0;
    follower.FollowCells(bytes, [&](uint32_t column, bool filled, size_t at, bool ends_record) {
      if (InHeader()) {
        AddName(bytes.substr(cell_start, at - cell_start));
        if (column < kMaxColumns) {
          if (columns.size() <= column) columns.resize(column + 1);
          columns[column].name = Unquote(name);
        }
        name.clear();
      }
      cell_start = at + 1;
      EndCell(column, filled);
      if (ends_record) EndRow();
    });
    if (InHeader()) AddName(bytes.substr(std::min(cell_start, bytes.size())));
  }

  void AddName(std::string_view bytes) {
    name.append(bytes.substr(0, kMaxNameBytes - std::min(kMaxNameBytes, name.size())));
  }

  void EndCell(uint32_t column, bool filled) {
    ++row_cells;
    row_filled = row_filled || filled;
    if (InHeader() || column >= kMaxColumns) return;
    if (columns.size() <= column) columns.resize(column + 1);
    if (filled) ++columns[column].filled;
  }

  void EndRow() {
    if (!InHeader() && (row_cells > 1 || row_filled)) ++records;
    ++row;
    row_cells = 0;
    row_filled = false;
  }

  void FollowLines(std::string_view bytes) {
    const char* at = bytes.data();
    const char* end = at + bytes.size();
    while (at < end) {
      const char* nl =
          static_cast<const char*>(std::memchr(at, '\n', static_cast<size_t>(end - at)));
      const char* stop = nl != nullptr ? nl : end;
      if (!line_filled && std::any_of(at, stop, [](char c) { return !IsBlank(c); })) {
        line_filled = true;
        if (after_blank) {
          ++records;
          paragraphs.push_back(line);
        }
      }
      if (nl == nullptr) break;
      after_blank = !line_filled;
      line_filled = false;
      ++line;
      at = nl + 1;
    }
  }

  void Finish() {
    if (unit != RecordUnit::kRow) return;
    if (follower.column() > 0 || follower.filled()) {
      uint32_t column = follower.column();
      bool filled = follower.filled();
      if (InHeader() && column < kMaxColumns) {
        if (columns.size() <= column) columns.resize(column + 1);
        columns[column].name = Unquote(name);
      }
      EndCell(column, filled);
      EndRow();
    }
  }
};

RecordProfile::RecordProfile(const CallOptions& call) : state_(std::make_unique<State>()) {
  state_->call = call;
}
RecordProfile::RecordProfile(RecordProfile&&) noexcept = default;
RecordProfile& RecordProfile::operator=(RecordProfile&&) noexcept = default;
RecordProfile::~RecordProfile() = default;

void RecordProfile::Feed(std::string_view bytes) {
  State& s = *state_;
  if (s.known) {
    s.Follow(bytes);
    return;
  }
  s.head.append(bytes);
  size_t probe = records::LayoutProbeLength(s.head, false);
  if (probe == 0) return;
  s.Decide(std::string_view(s.head).substr(0, probe));
  std::string head = std::move(s.head);
  s.head.clear();
  s.Follow(head);
}

void RecordProfile::Finish() {
  State& s = *state_;
  if (!s.known) {
    s.Decide(std::string_view(s.head).substr(0, records::LayoutProbeLength(s.head, true)));
    std::string head = std::move(s.head);
    s.head.clear();
    s.Follow(head);
  }
  s.Finish();
}

RecordUnit RecordProfile::unit() const { return state_->unit; }
char RecordProfile::delimiter() const { return state_->layout.delimiter; }
bool RecordProfile::header() const { return state_->layout.header; }
uint64_t RecordProfile::records() const { return state_->records; }
const std::vector<ColumnProfile>& RecordProfile::columns() const { return state_->columns; }

uint64_t RecordProfile::RecordOf(const Finding& finding) {
  State& s = *state_;
  uint64_t line = finding.line > 0 ? finding.line - 1 : 0;
  switch (s.unit) {
    case RecordUnit::kRow:
      return finding.field != Finding::kNoField ? finding.record : line;
    case RecordUnit::kObject:
      return finding.record;
    case RecordUnit::kParagraph:
      break;
  }
  // The paragraph whose first line is the last at or before the finding's.
  while (s.paragraphs.size() > 1 && s.paragraphs[1] <= line) {
    s.paragraphs.pop_front();
    ++s.first_paragraph;
  }
  return s.first_paragraph;
}

}  // namespace vigie
