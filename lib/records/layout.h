// SPDX-License-Identifier: Apache-2.0
// Records and their fields: guessing from the first lines whether a text is
// a delimited file (CSV/TSV, its delimiter and header) or JSON, and
// tracking which cell (a delimited cell, a JSON string or scalar) each byte
// belongs to.
#ifndef VIGIE_LIB_RECORDS_LAYOUT_H_
#define VIGIE_LIB_RECORDS_LAYOUT_H_

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/options.h"

namespace vigie::records {

// Bytes of the text's beginning that the layout guess may look at.
constexpr size_t kLayoutProbeBytes = size_t{64} * 1024;

struct LayoutGuess {
  bool delimited = false;
  char delimiter = 0;
  bool header = false;  // the first row names the columns
  // JSON Lines or a JSON document: members' names name the columns of
  // their values (never together with `delimited`).
  bool json = false;
};

// Decides from `head`: the text up to and including its second newline, or
// its first kLayoutProbeBytes bytes, or all of it when shorter. JSON when
// its first byte that is not a space opens an object or an array and the
// rest reads as JSON's tokens (so "[1] Introduction" is text).
LayoutGuess GuessLayout(std::string_view head, Layout requested, char delimiter);

// Whether `head` begins like JSON text (see GuessLayout).
bool LooksLikeJson(std::string_view head);

// Where `head` is long enough for GuessLayout: the length of the prefix to
// use, or 0 when more bytes are needed (and the text has not ended).
size_t LayoutProbeLength(std::string_view text, bool text_ended);

// Inside a JSON string, follows `c` (`escape`: after a backslash); true
// when `c` closes the string.
inline bool JsonStringCloses(char c, bool& escape) {
  if (escape) {
    escape = false;
    return false;
  }
  escape = c == '\\';
  return c == '"';
}

// A cell of a delimited text (or of JSON): where it starts, its row and
// column.
struct Cell {
  // The column of a JSON member's name (which holds no finding, as a
  // header's cell holds none).
  static constexpr uint32_t kNameColumn = UINT32_MAX - 1;
  uint64_t begin = 0;
  uint64_t row = 0;
  uint32_t column = 0;
  uint64_t row_begin = 0;  // where the cell's record begins
};

// A JSON member's name seen for the first time, and the column it names.
struct ColumnName {
  uint32_t column = 0;
  std::string name;  // as written between its quotes (escapes left)
};

// Follows the bytes of a text in order and remembers the cells that start
// after a moving horizon.
//
// A delimited text's cells follow RFC 4180 quoting; its rows are its
// records, its columns count from 0. In JSON, each string (from the byte
// after its opening quote) and each scalar is a cell, and the bytes after
// it up to the next one are a cell of column 0 (structure); a value's
// column names its member: the innermost member's name, interned in the
// order names first appear, from 1 (kMaxJsonColumns of them; later names
// and values of no member take column 0). A
// (Members' names are cells of column Cell::kNameColumn.) A
// JSON record is a top-level value (a line of JSON Lines) or an item of a
// top-level array; a JSON cell is its own record's beginning, so that a
// match never spans two strings.
class CellTracker {
 public:
  static constexpr uint32_t kMaxJsonColumns = 4096;

  explicit CellTracker(char delimiter) : delimiter_(delimiter) {}
  static CellTracker Json();

  // Feeds the bytes that start at absolute offset `offset`.
  void Feed(std::string_view bytes, uint64_t offset);
  // Follows the bytes as Feed does, remembering only the cell that holds
  // the last of them: a scan that starts in the middle of a text passes
  // over its beginning so.
  void Skip(std::string_view bytes, uint64_t offset);
  // The cell holding absolute offset `pos`, which must not lie before the
  // horizon.
  Cell CellAt(uint64_t pos) const;
  // Forgets cells that end before `pos`.
  void Forget(uint64_t pos);
  // JSON: the members' names first seen since the last call.
  std::vector<ColumnName> TakeNames();
  // JSON: records begun so far.
  uint64_t records() const { return records_; }

 private:
  // Feed's and Skip's loop; the cells that start are recorded with kRecord.
  template <bool kRecord>
  void Follow(std::string_view bytes, uint64_t offset);

  // JSON's loop.
  template <bool kRecord>
  void FollowJson(std::string_view bytes, uint64_t offset);
  // JSON: a value begins at `at` (a record when it is top-level or an item
  // of a top-level array).
  void JsonValue(uint64_t at);
  // JSON: the column of a value that begins now.
  uint32_t JsonColumn() const { return levels_.empty() || deep_ > 0 ? 0 : levels_.back().column; }
  uint32_t Intern(const std::string& name);

  char delimiter_;
  bool json_ = false;
  bool quoted_cell_ = false;
  bool in_quotes_ = false;
  bool at_cell_start_ = true;
  uint64_t row_ = 0;
  uint32_t column_ = 0;
  uint64_t row_begin_ = 0;
  // Cells from `cell` on, forgetting those before.
  void Restart(const Cell& cell);

  // The cells known, from cells_[first_] on (those before are forgotten).
  std::vector<Cell> cells_{Cell{}};
  size_t first_ = 0;
  mutable size_t hint_ = 0;  // index of the last cell found

  // JSON's state: inside a string (a member's name?), after a backslash,
  // inside a scalar; whether the next string names a member.
  bool in_string_ = false;
  bool in_name_ = false;
  bool escape_ = false;
  bool in_scalar_ = false;
  bool expect_name_ = false;
  // The containers open, innermost last (kMaxJsonDepth of them; `deep_`
  // counts those past it): an object and the column of its member being
  // read, or an array and the column of the member that holds it.
  struct Level {
    bool object = false;
    uint32_t column = 0;
  };
  std::vector<Level> levels_;
  uint64_t deep_ = 0;
  std::string name_;  // the member's name being read (its first bytes)
  absl::flat_hash_map<std::string, uint32_t> columns_by_name_;
  std::vector<ColumnName> new_names_;
  uint64_t records_ = 0;
};

}  // namespace vigie::records

#endif  // VIGIE_LIB_RECORDS_LAYOUT_H_
