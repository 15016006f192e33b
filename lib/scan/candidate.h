// SPDX-License-Identifier: Apache-2.0
// Candidate: a confirmed match on its way through scoring and resolution.
// The Finding (kind, strings) is built only for those that are reported.
#ifndef VIGIE_LIB_SCAN_CANDIDATE_H_
#define VIGIE_LIB_SCAN_CANDIDATE_H_

#include <cstdint>

#include "vigie/detector.h"
#include "vigie/finding.h"

namespace vigie::internal {

struct Candidate {
  uint64_t begin = 0;
  uint64_t end = 0;
  uint64_t line = 0;
  uint64_t column = 0;  // 1-based, in code points
  uint64_t cell_begin = 0;
  uint64_t cell_row = 0;  // delimited: the cell's row
  uint32_t detector = 0;
  uint32_t cell_column = Finding::kNoField;  // delimited: the cell's column
  double score = 0;                          // after context
  uint8_t qualifiers = 0;
  bool digit_led = false;  // the span starts with a digit
  Verdict verdict;         // value and context, moved into the Finding
};

}  // namespace vigie::internal

#endif  // VIGIE_LIB_SCAN_CANDIDATE_H_
