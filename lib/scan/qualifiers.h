// SPDX-License-Identifier: Apache-2.0
// Qualifiers of health findings: negated, hypothetical, of a relative, in
// the past. A trigger ("pas de", "suspicion de", "mère", "antécédents")
// qualifies the findings of a `qualified` detector that follow it (or
// precede it) within the detector's window, in the same sentence; a pseudo
// trigger ("pas de doute") holds a trigger without being one. Pure logic
// over hits and bytes, with its own tests.
#ifndef VIGIE_LIB_SCAN_QUALIFIERS_H_
#define VIGIE_LIB_SCAN_QUALIFIERS_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "scan/engine.h"
#include "scan/hits.h"
#include "scan/text_window.h"

namespace vigie::internal {

// True when no sentence ends within `between`: no line break, ';', '!',
// '?', nor a full stop followed by a space or the end ("2.5" and "Dr.X"
// end nothing).
bool SameSentence(std::string_view between);

// Marks the pseudo-trigger relations of `hit`, which ends at or after
// every hit of `earlier` (hits come in order of their end): a pseudo
// trigger cancels the earlier hits it holds; a trigger is cancelled when
// an earlier pseudo trigger ends where it ends and holds it.
void MarkPseudoTriggers(std::span<KeywordHit> earlier, KeywordHit& hit,
                        std::span<const KeywordDef> keywords);

// A finding's span, the windows of its detector and its cell.
struct QualifiedSpan {
  uint64_t begin = 0;
  uint64_t end = 0;
  uint64_t window_before = 0;
  uint64_t window_after = 0;
  std::optional<uint64_t> cell_begin;  // in a delimited file: triggers stay in the cell
};

// The Qualifier bits that the triggers among `hits` give to `span`; the
// bytes between a trigger and the span are read from `window` (a trigger
// whose gap is not in memory qualifies nothing).
uint8_t Qualifiers(const QualifiedSpan& span, std::span<const KeywordHit> hits,
                   std::span<const KeywordDef> keywords, const TextWindow& window);

}  // namespace vigie::internal

#endif  // VIGIE_LIB_SCAN_QUALIFIERS_H_
