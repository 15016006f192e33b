// SPDX-License-Identifier: Apache-2.0
// LineTracker: the line and column of byte offsets, for a text that is
// read once from front to back and forgotten behind. Lines are counted
// only up to the offsets asked for (the starts of candidates, which come
// almost in order) and to the bytes about to be forgotten, so each byte is
// counted about once.
#ifndef VIGIE_LIB_SCAN_LINE_TRACKER_H_
#define VIGIE_LIB_SCAN_LINE_TRACKER_H_

#include <cstdint>

#include "scan/text_window.h"

namespace vigie::internal {

class LineTracker {
 public:
  struct Position {
    uint64_t line = 1;    // 1-based
    uint64_t column = 1;  // 1-based, in code points (an invalid byte counts as one)
  };

  // `max_back`: how far before the latest offset asked for a later one may
  // lie (the widest match), so that the tracker can keep a cursor there.
  explicit LineTracker(uint64_t max_back) : max_back_(max_back) {}

  // The position of `pos`, which is in `window` and no more than max_back
  // bytes before any offset asked for or forgotten since.
  Position At(uint64_t pos, const TextWindow& window);
  // The bytes before `pos` are about to leave `window`: count them now.
  void Forget(uint64_t pos, const TextWindow& window);

 private:
  struct Cursor {
    uint64_t pos = 0;
    uint64_t line = 1;
    uint64_t column = 0;  // code points since the line start
  };
  static void Move(Cursor& cursor, uint64_t to, const TextWindow& window);

  uint64_t max_back_;
  Cursor lagging_;  // never past a position still to be asked for
  Cursor last_;     // at the last position asked for
};

}  // namespace vigie::internal

#endif  // VIGIE_LIB_SCAN_LINE_TRACKER_H_
