// SPDX-License-Identifier: Apache-2.0
// DetectorSet: the detectors a scanner compiles. Scanner::Create assembles
// it from its options (the built-in detectors, custom specs, the kinds to
// keep, the qualifier triggers) and hands it to the engine, which names
// no kind.
#ifndef VIGIE_LIB_SCAN_DETECTOR_SET_H_
#define VIGIE_LIB_SCAN_DETECTOR_SET_H_

#include <vector>

#include "scan/detector_def.h"
#include "vigie/options.h"
#include "vigie/result.h"

namespace vigie::internal {

struct DetectorSet {
  std::vector<DetectorDef> detectors;
  // Words that qualify the findings of `qualified` detectors.
  std::vector<QualifierTrigger> triggers;
};

// The detectors `options` ask for; fails on an invalid custom detector or
// an unknown kind.
Result<DetectorSet> AssembleDetectors(const ScanOptions& options);

}  // namespace vigie::internal

#endif  // VIGIE_LIB_SCAN_DETECTOR_SET_H_
