// SPDX-License-Identifier: Apache-2.0
// ScanOptions: how a Scanner is built, and CallOptions: what each scan may
// choose. Plain structs with defaults, one comment per field.
#ifndef VIGIE_OPTIONS_H_
#define VIGIE_OPTIONS_H_

#include <string>
#include <vector>

#include "vigie/detector.h"

namespace vigie {

// How the text is laid out; a delimited file's header and a JSON member's
// name give their values column context.
enum class Layout {
  kAuto,       // JSON when the text begins like JSON (`{` or `[` then JSON's
               // tokens), delimited when its first lines look like a
               // CSV/TSV table, else text
  kText,       // running text
  kDelimited,  // a table; the delimiter is `delimiter`, or guessed when 0
  kJson,       // JSON Lines or a JSON document
};

// What each scan may choose, apart from what is compiled: one compiled
// Scanner serves calls with other thresholds and layouts (a report at 0.5
// and health evidence at kHealthEvidenceFloor, a CSV and a letter).
struct CallOptions {
  // Findings scoring below this are dropped after overlaps are resolved
  // (clamped to [0, 1]).
  double min_score = 0.5;
  // Text layout; see Layout.
  Layout layout = Layout::kAuto;
  // With kDelimited: ';', ',' or '\t'; anything else guesses from the
  // first line.
  char delimiter = 0;
};

struct ScanOptions {
  // Compile the built-in detectors (FR_NIR, PHONE_NUMBER, EMAIL_ADDRESS, ...).
  bool builtin_detectors = true;
  // Keep only these kinds (built-in or custom); empty keeps every kind.
  std::vector<std::string> kinds;
  // The CallOptions of Scan() and OpenStream() called without any:
  // findings scoring below this are dropped after overlaps are resolved.
  double min_score = 0.5;
  // Custom detectors, compiled into the same databases as the built-ins.
  std::vector<DetectorSpec> detectors;
  // Text layout; see Layout.
  Layout layout = Layout::kAuto;
  // With kDelimited: ';', ',' or '\t'; 0 guesses from the first line.
  char delimiter = 0;
};

}  // namespace vigie

#endif  // VIGIE_OPTIONS_H_
