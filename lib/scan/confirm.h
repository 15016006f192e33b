// SPDX-License-Identifier: Apache-2.0
// Confirmation: from a detector's match event to a Candidate. The stage
// finds the match's start (a literal's length, the detector's start
// finder, or the anchored database of custom regexes), checks its word
// boundaries and its cell, and asks the detector's verdict (unless the
// start finder gave it).
#ifndef VIGIE_LIB_SCAN_CONFIRM_H_
#define VIGIE_LIB_SCAN_CONFIRM_H_

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "records/layout.h"
#include "scan/candidate.h"
#include "scan/context.h"
#include "scan/engine.h"
#include "scan/text_window.h"

namespace vigie::internal {

class Confirmer {
 public:
  explicit Confirmer(const Engine& engine);

  // The candidate of a match of `target` ending at `end`, or nothing.
  // `window` holds the detector's widest match before `end` and the code
  // point after it; `cells` is the delimited file's cell tracker, or null;
  // `header`: its first record names the columns, as `context` knows them
  // (a detector's field finder runs in the columns named for it). Line and
  // column are left to the caller.
  std::optional<Candidate> Confirm(uint64_t end, const MatchTarget& target,
                                   const TextWindow& window, const records::CellTracker* cells,
                                   bool header, const Context& context);

 private:
  const Engine& engine_;
  // Per detector, the last span confirmed: two patterns of one detector
  // that end at one place give one candidate.
  std::vector<std::pair<uint64_t, uint64_t>> last_span_;
};

}  // namespace vigie::internal

#endif  // VIGIE_LIB_SCAN_CONFIRM_H_
