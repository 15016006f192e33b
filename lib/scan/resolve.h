// SPDX-License-Identifier: Apache-2.0
// Resolution of overlapping findings: which of a chain of overlapping
// candidates are reported. Pure logic over spans and scores, apart from
// the pipeline that feeds it (stream_state.cc), with its own tests.
#ifndef VIGIE_LIB_SCAN_RESOLVE_H_
#define VIGIE_LIB_SCAN_RESOLVE_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace vigie::internal {

// What resolution knows of a candidate.
struct Contender {
  uint64_t begin = 0;
  uint64_t end = 0;
  double score = 0;
  bool confirmed = false;
  bool digit_led = false;  // the span starts with a digit
  // Candidates of one group compete as one kind: a detector's own, or its
  // family of terms' (DetectorDef::term_family).
  int64_t group = 0;
  uint32_t detector = 0;  // the last tie-breaker
};

// The indices of the winners among `chain`, in order of their begin:
// 1. within a group, confirmed beats unconfirmed, then the longer wins
//    ("infection par le VIH" over "infection"), then the higher score;
// 2. a span inside a longer span of another group is a piece of it and
//    drops out, whatever the scores, when both are digit-led (a NIR with
//    a wrong key holds a valid mobile number: "07 69 123 456" in
//    "2 87 07 69 123 456 23"), or when the shorter is a term of a family
//    (a health term) and the longer is confirmed and scores 0.85 or more
//    (a drug's name in a person's: "olivier" in "Olivier DUPONT", in an
//    e-mail address);
// 3. across groups, confirmed first, then the higher score, then the
//    longer, then the earlier.
std::vector<size_t> ResolveOverlaps(std::span<const Contender> chain);
// The same into `winners`, whose memory is reused from chain to chain.
void ResolveOverlaps(std::span<const Contender> chain, std::vector<size_t>& winners);

}  // namespace vigie::internal

#endif  // VIGIE_LIB_SCAN_RESOLVE_H_
