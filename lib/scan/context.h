// SPDX-License-Identifier: Apache-2.0
// Context and scoring: the keywords around a candidate (within its
// detector's windows, in its cell), the column it sits in, the terms of its
// family near it, and the qualifier triggers in its sentence move its
// score (score.h) and give its qualifiers (qualifiers.h).
#ifndef VIGIE_LIB_SCAN_CONTEXT_H_
#define VIGIE_LIB_SCAN_CONTEXT_H_

#include <cstdint>
#include <span>
#include <vector>

#include "records/layout.h"
#include "scan/candidate.h"
#include "scan/engine.h"
#include "scan/hits.h"
#include "scan/text_window.h"

namespace vigie::internal {

class Context {
 public:
  explicit Context(const Engine& engine) : engine_(engine) {}

  // A keyword event ending at `end`: recorded when it stands as a word
  // (and within one cell); in a header record, context for its column.
  void AddKeyword(uint64_t end, const MatchTarget& target, const TextWindow& window,
                  const records::CellTracker* cells, bool header);
  // A confirmed candidate: a term of a family confirmed without context at
  // kStandaloneTerm or more is context for the terms of its family near it.
  void NoteTerm(const Candidate& c);
  // Scores `c` (and gives its qualifiers) from what was recorded around
  // it; everything within its windows must have been recorded.
  // `delimited`: context stays in its cell.
  void Score(Candidate& c, const TextWindow& window, bool delimited) const;
  // Forgets what no candidate beginning at or after `lowest_begin` can use.
  void Forget(uint64_t lowest_begin);
  // A column named by a JSON member's name holding `keywords`.
  void NameColumn(uint32_t column, const std::vector<uint32_t>& keywords);
  // Whether the header names `column` for `detector` (a positive keyword of
  // it in the column's header cell).
  bool NamesColumn(uint32_t column, uint32_t detector) const;

 private:
  // The recorded keyword hits that may lie within `d`'s windows around
  // [begin, end), in order of their end.
  std::span<const KeywordHit> HitsNear(uint64_t begin, uint64_t end, const DetectorDef& d) const;

  // `d.negative_context` on the bytes around `c`.
  static bool ReadsAsNegative(const Candidate& c, const DetectorDef& d, const TextWindow& window,
                              bool delimited);

  const Engine& engine_;
  // Keyword hits in order of their end; [first_hit_, size) are live.
  std::vector<KeywordHit> hits_;
  size_t first_hit_ = 0;
  std::vector<TermHit> terms_;
  size_t first_term_ = 0;
  // Per column of a delimited file: the keywords of its header cell.
  std::vector<std::vector<KeywordOwner>> column_context_;
};

}  // namespace vigie::internal

#endif  // VIGIE_LIB_SCAN_CONTEXT_H_
