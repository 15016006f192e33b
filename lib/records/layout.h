// SPDX-License-Identifier: Apache-2.0
// Delimited files (CSV/TSV): guessing the delimiter and header from the
// first lines, and tracking which cell each byte belongs to.
#ifndef VIGIE_LIB_RECORDS_LAYOUT_H_
#define VIGIE_LIB_RECORDS_LAYOUT_H_

#include <cstdint>
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
};

// Decides from `head`: the text up to and including its second newline, or
// its first kLayoutProbeBytes bytes, or all of it when shorter.
LayoutGuess GuessLayout(std::string_view head, Layout requested, char delimiter);

// Where `head` is long enough for GuessLayout: the length of the prefix to
// use, or 0 when more bytes are needed (and the text has not ended).
size_t LayoutProbeLength(std::string_view text, bool text_ended);

// A cell of a delimited text: where it starts, its row and column.
struct Cell {
  uint64_t begin = 0;
  uint64_t row = 0;
  uint32_t column = 0;
  uint64_t row_begin = 0;  // where the cell's record begins
};

// Follows the bytes of a delimited text in order (RFC 4180 quoting) and
// remembers the cells that start after a moving horizon.
class CellTracker {
 public:
  explicit CellTracker(char delimiter) : delimiter_(delimiter) {}

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

 private:
  // Feed's and Skip's loop; the cells that start are recorded with kRecord.
  template <bool kRecord>
  void Follow(std::string_view bytes, uint64_t offset);

  char delimiter_;
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
};

}  // namespace vigie::records

#endif  // VIGIE_LIB_RECORDS_LAYOUT_H_
