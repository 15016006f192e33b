// SPDX-License-Identifier: Apache-2.0
// What the fuzz targets share: the scanner they test, and the check that
// stops a run (libFuzzer then keeps the input as a crash).
#ifndef VIGIE_FUZZ_FUZZ_UTIL_H_
#define VIGIE_FUZZ_FUZZ_UTIL_H_

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "vigie/vigie.h"

namespace vigie::fuzz {

inline void Check(bool ok) {
  if (!ok) std::abort();
}

// Every built-in detector, compiled once (or loaded from the cache, as the
// command line does).
inline const Scanner& TheScanner() {
  static const Scanner scanner = Scanner::Create(ScanOptions{}, CacheOptions{}).value();
  return scanner;
}

// Every finding, in one of the three layouts, drawn from `selector`.
inline CallOptions CallFor(uint8_t selector) {
  static const Layout kLayouts[] = {Layout::kAuto, Layout::kText, Layout::kDelimited,
                                    Layout::kJson};
  return CallOptions{.min_score = 0, .layout = kLayouts[selector % 4]};
}

// The input as a control byte and the text after it.
struct Input {
  uint8_t control = 0;
  std::string_view text;
};
inline Input Split(const uint8_t* data, size_t size) {
  if (size == 0) return {};
  return {data[0], std::string_view(reinterpret_cast<const char*>(data + 1), size - 1)};
}

}  // namespace vigie::fuzz

#endif  // VIGIE_FUZZ_FUZZ_UTIL_H_
