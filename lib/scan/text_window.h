// SPDX-License-Identifier: Apache-2.0
// TextWindow: the bytes of a scan still in memory, addressed by their
// offsets in the whole text. Every stage reads the text through one.
#ifndef VIGIE_LIB_SCAN_TEXT_WINDOW_H_
#define VIGIE_LIB_SCAN_TEXT_WINDOW_H_

#include <cstdint>
#include <string_view>

namespace vigie::internal {

struct TextWindow {
  std::string_view bytes;  // the text's bytes [start, start + bytes.size())
  uint64_t start = 0;

  uint64_t end() const { return start + bytes.size(); }
  // True when [from, to) is in memory.
  bool Holds(uint64_t from, uint64_t to) const {
    return from >= start && from <= to && to <= end();
  }
  // The bytes [from, to), which must be in memory.
  std::string_view Slice(uint64_t from, uint64_t to) const {
    return bytes.substr(from - start, to - from);
  }
};

}  // namespace vigie::internal

#endif  // VIGIE_LIB_SCAN_TEXT_WINDOW_H_
