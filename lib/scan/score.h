// SPDX-License-Identifier: Apache-2.0
// The one place where context moves a score, so that a score means the same
// for every detector, built-in or custom.
#ifndef VIGIE_LIB_SCAN_SCORE_H_
#define VIGIE_LIB_SCAN_SCORE_H_

#include <algorithm>

#include "vigie/detector.h"

namespace vigie::internal {

// A positive keyword closes 85% of the gap to 1: a checksum-valid bare run
// at 0.45 rises to 0.92, a formatted one at 0.8 to 0.97.
constexpr double kContextGain = 0.85;
// A generic label ("identifiant", "n°": a weak keyword) closes 30% of the
// gap, when no keyword names the kind: a bare NIR whose checks hold rises
// from 0.45 to 0.62, just reported (the measurement behind it:
// benchmarks/nir_false_positives.py, README).
constexpr double kWeakGain = 0.3;
// A negative keyword keeps 40% of the score: 0.8 falls to 0.32.
constexpr double kNegativeFactor = 0.4;
// An unconfirmed match stays a weak guess whatever its context.
constexpr double kUnconfirmedCeiling = 0.3;

inline double ContextScore(const Verdict& verdict, bool positive, bool negative,
                           bool weak = false) {
  double s = std::clamp(verdict.score, 0.0, 1.0);
  if (positive) {
    s += (1.0 - s) * kContextGain;
  } else if (weak) {
    s += (1.0 - s) * kWeakGain;
  }
  if (negative) s *= kNegativeFactor;
  if (verdict.status != Verdict::Status::kConfirmed) s = std::min(s, kUnconfirmedCeiling);
  return s;
}

}  // namespace vigie::internal

#endif  // VIGIE_LIB_SCAN_SCORE_H_
