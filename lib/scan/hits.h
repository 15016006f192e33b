// SPDX-License-Identifier: Apache-2.0
// What the context stage records of the text: keywords (context words and
// qualifier triggers) and terms that stand on their own.
#ifndef VIGIE_LIB_SCAN_HITS_H_
#define VIGIE_LIB_SCAN_HITS_H_

#include <cstdint>

namespace vigie::internal {

// A keyword standing as a word at [begin, end).
struct KeywordHit {
  uint64_t begin = 0;
  uint64_t end = 0;
  uint32_t keyword = 0;     // index into the engine's keywords
  uint64_t cell_begin = 0;  // in a delimited file; 0 otherwise
  bool cancelled = false;   // a trigger inside a pseudo trigger
};

// A term that stands on its own: context for the findings of its family
// near it ("douleur" is medical next to "pancréatite").
struct TermHit {
  uint64_t begin = 0;
  uint64_t end = 0;
  uint64_t cell_begin = 0;
  uint8_t family = 0;
};

}  // namespace vigie::internal

#endif  // VIGIE_LIB_SCAN_HITS_H_
