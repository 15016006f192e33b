// SPDX-License-Identifier: Apache-2.0
// Layout guessing looks only at a bounded prefix, so that a stream and a
// one-block scan of the same text always decide the same way.
#include "records/layout.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "text/utf8.h"

namespace vigie::records {
namespace {

constexpr std::array<char, 3> kDelimiters = {';', '\t', ','};
constexpr size_t kMaxHeaderCell = 64;
// JSON: containers followed as deep as this; members' names kept to this
// many bytes.
constexpr size_t kMaxJsonDepth = 256;
constexpr size_t kMaxNameBytes = 128;

bool JsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool JsonStructure(char c) {
  return c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ',';
}

// The line break that ends the record starting at `pos`: a line break
// inside quotes belongs to a quoted cell ("ligne 1\nligne 2"). npos when
// the record does not end in `text`.
size_t RecordEnd(std::string_view text, size_t pos) {
  bool in_quotes = false;
  for (size_t i = pos; i < text.size(); ++i) {
    if (text[i] == '"') in_quotes = !in_quotes;
    if (text[i] == '\n' && !in_quotes) return i;
  }
  return std::string_view::npos;
}

// The record starting at `pos`, without its line break; `pos` moves past it.
std::string_view Line(std::string_view text, size_t& pos) {
  size_t nl = RecordEnd(text, pos);
  size_t end = nl == std::string_view::npos ? text.size() : nl;
  std::string_view line = text.substr(pos, end - pos);
  pos = nl == std::string_view::npos ? text.size() : nl + 1;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// Delimiters outside quotes in one line.
size_t CountDelimiters(std::string_view line, char delimiter) {
  size_t n = 0;
  bool in_quotes = false;
  bool cell_start = true;
  bool quoted = false;
  for (char c : line) {
    if (cell_start) {
      quoted = c == '"';
      in_quotes = quoted;
      cell_start = false;
      if (c != delimiter) continue;
    } else if (quoted && c == '"') {
      in_quotes = !in_quotes;
      continue;
    }
    if (c == delimiter && !in_quotes) {
      ++n;
      cell_start = true;
    }
  }
  return n;
}

bool LooksLikeHeader(std::string_view line, char delimiter) {
  bool any_letter = false;
  size_t start = 0;
  while (start <= line.size()) {
    size_t end = line.find(delimiter, start);
    if (end == std::string_view::npos) end = line.size();
    std::string_view cell = line.substr(start, end - start);
    if (cell.size() > kMaxHeaderCell) return false;
    size_t digit_run = 0;
    for (char c : cell) {
      digit_run = (c >= '0' && c <= '9') ? digit_run + 1 : 0;
      if (digit_run >= 3) return false;
      any_letter |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    start = end + 1;
  }
  return any_letter;
}

}  // namespace

size_t LayoutProbeLength(std::string_view text, bool text_ended) {
  size_t first = RecordEnd(text, 0);
  if (first != std::string_view::npos) {
    size_t second = RecordEnd(text, first + 1);
    if (second != std::string_view::npos && second < kLayoutProbeBytes) return second + 1;
  }
  if (text.size() >= kLayoutProbeBytes) return kLayoutProbeBytes;
  return text_ended ? std::max<size_t>(text.size(), 1) : 0;
}

bool LooksLikeJson(std::string_view head) {
  size_t i = head.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // a byte order mark
  while (i < head.size() && JsonSpace(head[i])) ++i;
  if (i == head.size() || (head[i] != '{' && head[i] != '[')) return false;
  // Every byte outside strings is a space, a structural character, or part
  // of a number or of true, false and null; an object opens on a name.
  bool after_brace = false;
  while (i < head.size()) {
    char c = head[i];
    if (JsonSpace(c)) {
      ++i;
      continue;
    }
    if (after_brace && c != '"' && c != '}') return false;
    after_brace = c == '{';
    if (c == '"') {
      for (++i; i < head.size() && head[i] != '"'; ++i) {
        if (head[i] == '\\') ++i;
      }
      ++i;
    } else if (JsonStructure(c)) {
      ++i;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      while (i < head.size() &&
             (head[i] == '-' || head[i] == '+' || head[i] == '.' || head[i] == 'e' ||
              head[i] == 'E' || (head[i] >= '0' && head[i] <= '9'))) {
        ++i;
      }
    } else {
      size_t j = i;
      while (j < head.size() && head[j] >= 'a' && head[j] <= 'z') ++j;
      std::string_view word = head.substr(i, j - i);
      // A literal cut by the head's end is a beginning of one.
      bool cut = j == head.size() && (std::string_view("true").starts_with(word) ||
                                      std::string_view("false").starts_with(word) ||
                                      std::string_view("null").starts_with(word));
      if (!cut && word != "true" && word != "false" && word != "null") return false;
      i = j;
    }
  }
  return true;
}

LayoutGuess GuessLayout(std::string_view head, Layout requested, char delimiter) {
  LayoutGuess guess;
  if (requested == Layout::kText) return guess;
  if (requested == Layout::kJson || (requested == Layout::kAuto && LooksLikeJson(head))) {
    guess.json = true;
    return guess;
  }
  size_t pos = 0;
  std::string_view first = Line(head, pos);
  bool has_second = pos < head.size();
  std::string_view second = Line(head, pos);
  if (requested == Layout::kDelimited && delimiter != 0) {
    guess.delimited = true;
    guess.delimiter = delimiter;
  } else if (has_second || requested == Layout::kDelimited) {
    // A delimiter is guessed from two lines that agree: a text of one
    // line (a record scanned on its own) is no table unless it is said
    // to be.
    size_t best = 0;
    for (char d : kDelimiters) {
      size_t n1 = CountDelimiters(first, d);
      bool consistent = has_second && CountDelimiters(second, d) == n1;
      size_t needed = d == ',' ? 2 : 1;
      bool usable = requested == Layout::kDelimited || (consistent && n1 >= needed);
      if (usable && n1 > best) {
        best = n1;
        guess.delimiter = d;
      }
    }
    guess.delimited = best > 0 || requested == Layout::kDelimited;
    if (guess.delimited && guess.delimiter == 0) guess.delimiter = ',';
  }
  if (guess.delimited) guess.header = LooksLikeHeader(first, guess.delimiter);
  return guess;
}

template <bool kRecord>
void CellTracker::Follow(std::string_view bytes, uint64_t offset) {
  Cell last = cells_.back();
  bool moved = false;
  const char* data = bytes.data();
  const size_t n = bytes.size();
  for (size_t i = 0; i < n; ++i) {
    // Within a cell only quotes, delimiters and line breaks count, and
    // within quotes only quotes: the bytes between are skipped.
    if (in_quotes_ && !at_cell_start_) {
      const void* quote = std::memchr(data + i, '"', n - i);
      if (quote == nullptr) break;
      i = static_cast<size_t>(static_cast<const char*>(quote) - data);
    } else if (!at_cell_start_) {
      while (i < n && data[i] != delimiter_ && data[i] != '\n' && data[i] != '"') ++i;
      if (i == n) break;
    }
    char c = data[i];
    if (at_cell_start_) {
      at_cell_start_ = false;
      quoted_cell_ = c == '"';
      in_quotes_ = quoted_cell_;
      if (quoted_cell_) continue;
    } else if (quoted_cell_ && c == '"') {
      in_quotes_ = !in_quotes_;
      continue;
    }
    if (in_quotes_) continue;
    if (c == delimiter_) {
      ++column_;
    } else if (c == '\n') {
      ++row_;
      column_ = 0;
      row_begin_ = offset + i + 1;
    } else {
      continue;
    }
    at_cell_start_ = true;
    last = Cell{offset + i + 1, row_, column_, row_begin_};
    if constexpr (kRecord) {
      cells_.push_back(last);
    } else {
      moved = true;
    }
  }
  if (moved) Restart(last);
}

void CellTracker::Restart(const Cell& cell) {
  cells_.clear();
  cells_.push_back(cell);
  first_ = 0;
  hint_ = 0;
}

CellTracker CellTracker::Json() {
  CellTracker t(0);
  t.json_ = true;
  return t;
}

void CellTracker::Feed(std::string_view bytes, uint64_t offset) {
  if (json_) {
    FollowJson<true>(bytes, offset);
  } else {
    Follow<true>(bytes, offset);
  }
}

uint32_t CellTracker::Intern(const std::string& name) {
  auto it = columns_by_name_.find(name);
  if (it != columns_by_name_.end()) return it->second;
  if (columns_by_name_.size() >= kMaxJsonColumns) return 0;
  auto column = static_cast<uint32_t>(columns_by_name_.size() + 1);
  columns_by_name_.emplace(name, column);
  new_names_.push_back({column, name});
  return column;
}

std::vector<ColumnName> CellTracker::TakeNames() {
  std::vector<ColumnName> names;
  names.swap(new_names_);
  return names;
}

void CellTracker::JsonValue(uint64_t at) {
  size_t depth = levels_.size() + deep_;
  if (depth == 0 || (depth == 1 && !levels_[0].object)) {
    row_ = records_++;
    row_begin_ = at;
  }
}

template <bool kRecord>
void CellTracker::FollowJson(std::string_view bytes, uint64_t offset) {
  Cell last = cells_.back();
  bool moved = false;
  auto begin_cell = [&](uint64_t at, uint32_t column) {
    last = Cell{at, row_, column, at};
    if constexpr (kRecord) {
      cells_.push_back(last);
    } else {
      moved = true;
    }
  };
  const char* data = bytes.data();
  const size_t n = bytes.size();
  for (size_t i = 0; i < n; ++i) {
    char c = data[i];
    if (in_string_) {
      if (JsonStringCloses(c, escape_)) {
        in_string_ = false;
        if (in_name_ && !levels_.empty() && deep_ == 0 && levels_.back().object) {
          levels_.back().column = Intern(name_);
        }
        begin_cell(offset + i + 1, 0);
      } else if (in_name_) {
        if (name_.size() < kMaxNameBytes) name_.push_back(c);
      } else if (!escape_) {
        // Within a value only quotes and backslashes count.
        size_t j = i + 1;
        while (j < n && data[j] != '"' && data[j] != '\\') ++j;
        i = j - 1;
      }
      continue;
    }
    if (in_scalar_) {
      if (!JsonSpace(c) && !JsonStructure(c) && c != '"') continue;
      in_scalar_ = false;
      begin_cell(offset + i, 0);
    }
    switch (c) {
      case '"':
        in_string_ = true;
        in_name_ = expect_name_;
        if (in_name_) {
          name_.clear();
        } else {
          JsonValue(offset + i);
        }
        begin_cell(offset + i + 1, in_name_ ? Cell::kNameColumn : JsonColumn());
        break;
      case '{':
      case '[': {
        if (c == '{') JsonValue(offset + i);
        uint32_t column = c == '[' ? JsonColumn() : 0;
        if (levels_.size() < kMaxJsonDepth && deep_ == 0) {
          levels_.push_back({c == '{', column});
        } else {
          ++deep_;
        }
        expect_name_ = c == '{';
        break;
      }
      case '}':
      case ']':
        if (deep_ > 0) {
          --deep_;
        } else if (!levels_.empty()) {
          levels_.pop_back();
        }
        expect_name_ = false;
        break;
      case ',':
        expect_name_ = deep_ == 0 && !levels_.empty() && levels_.back().object;
        break;
      case ':':
        expect_name_ = false;
        break;
      default:
        // A scalar begins with a sign, a digit or a letter (true, false,
        // null); other bytes (a byte order mark) begin nothing.
        if (c != '-' && !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') &&
            !(c >= 'A' && c <= 'Z')) {
          break;
        }
        JsonValue(offset + i);
        in_scalar_ = true;
        begin_cell(offset + i, JsonColumn());
        break;
    }
  }
  if (moved) Restart(last);
}

void CellTracker::Skip(std::string_view bytes, uint64_t offset) {
  if (json_) {
    FollowJson<false>(bytes, offset);
    return;
  }
  size_t i = 0;
  while (i < bytes.size()) {
    // Up to the next quote only line breaks and delimiters count, and the
    // last line break outside quotes starts a record afresh: the bytes
    // before it are counted, not followed one by one.
    size_t quote = bytes.find('"', i);
    if (quote == std::string_view::npos) quote = bytes.size();
    if (!in_quotes_) {
      std::string_view run = bytes.substr(i, quote - i);
      size_t last_break = run.rfind('\n');
      if (last_break != std::string_view::npos) {
        row_ += text::CountByte(run, '\n');
        column_ = 0;
        row_begin_ = offset + i + last_break + 1;
        at_cell_start_ = true;
        quoted_cell_ = false;
        Restart(Cell{row_begin_, row_, 0, row_begin_});
        i += last_break + 1;
      }
      Follow<false>(bytes.substr(i, quote - i), offset + i);
    }
    // Inside quotes, nothing but a quote counts.
    i = quote;
    if (i < bytes.size()) {
      Follow<false>(bytes.substr(i, 1), offset + i);
      ++i;
    }
  }
}

Cell CellTracker::CellAt(uint64_t pos) const {
  // Lookups stay near the last one (a match's end, then its start a few
  // cells before): try a few cells from it, forward or back.
  const size_t end = cells_.size();
  size_t i = std::max(hint_, first_);
  for (int step = 0; step < 8 && i > first_ && cells_[i].begin > pos; ++step) --i;
  if (cells_[i].begin <= pos) {
    for (size_t stop = std::min(end, i + 8); i < stop; ++i) {
      if (i + 1 == end || cells_[i + 1].begin > pos) {
        hint_ = i;
        return cells_[i];
      }
    }
  }
  auto live = cells_.begin() + static_cast<std::ptrdiff_t>(first_);
  auto it = std::upper_bound(live, cells_.end(), pos,
                             [](uint64_t p, const Cell& c) { return p < c.begin; });
  if (it == live) return *live;
  hint_ = static_cast<size_t>(it - cells_.begin()) - 1;
  return *(it - 1);
}

void CellTracker::Forget(uint64_t pos) {
  while (first_ + 1 < cells_.size() && cells_[first_ + 1].begin <= pos) ++first_;
  // The cells forgotten leave memory when they are most of it.
  if (first_ >= 64 && first_ * 2 >= cells_.size()) {
    cells_.erase(cells_.begin(), cells_.begin() + static_cast<std::ptrdiff_t>(first_));
    hint_ = hint_ > first_ ? hint_ - first_ : 0;
    first_ = 0;
  }
}

}  // namespace vigie::records
