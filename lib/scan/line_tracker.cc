// SPDX-License-Identifier: Apache-2.0
#include "scan/line_tracker.h"

#include <algorithm>
#include <string_view>

#include "text/utf8.h"

namespace vigie::internal {

void LineTracker::Move(Cursor& cursor, uint64_t to, const TextWindow& window) {
  if (to <= cursor.pos) return;
  std::string_view bytes = window.Slice(cursor.pos, to);
  uint64_t lines = text::CountByte(bytes, '\n');
  if (lines == 0) {
    cursor.column += text::CountCodePoints(bytes);
  } else {
    cursor.line += lines;
    cursor.column = text::CountCodePoints(bytes.substr(bytes.rfind('\n') + 1));
  }
  cursor.pos = to;
}

LineTracker::Position LineTracker::At(uint64_t pos, const TextWindow& window) {
  // Offsets come almost in order: follow them with `last_`, and fall back
  // on the lagging cursor, which stays max_back_ behind.
  if (pos < last_.pos) {
    // A step back within the line (a match that begins before the last
    // one asked for): its code points are taken off the column (counts
    // of code points add up, whatever the cut).
    std::string_view back = window.Slice(pos, last_.pos);
    if (back.find('\n') == std::string_view::npos) {
      last_.column -= text::CountCodePoints(back);
      last_.pos = pos;
      return {last_.line, last_.column + 1};
    }
    Move(lagging_, std::max(lagging_.pos, pos > max_back_ ? pos - max_back_ : 0), window);
    last_ = lagging_;
  }
  Move(last_, pos, window);
  return {last_.line, last_.column + 1};
}

void LineTracker::Forget(uint64_t pos, const TextWindow& window) {
  if (last_.pos <= pos) {
    Move(last_, pos, window);  // count these bytes once, not twice
    lagging_ = last_;
  } else {
    Move(lagging_, std::max(lagging_.pos, pos), window);
  }
}

}  // namespace vigie::internal
