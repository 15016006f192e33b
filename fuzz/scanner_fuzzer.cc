// SPDX-License-Identifier: Apache-2.0
// Fuzz target for one block scan: any bytes, in any layout. Nothing
// crashes or reads out of bounds; findings lie inside the text, in order,
// with scores in [0, 1], lines and columns from 1, and a value.
// (stream_fuzzer.cc checks that streams and parts give the same findings.)
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using vigie::fuzz::Check;
  auto [control, text] = vigie::fuzz::Split(data, size);
  std::vector<vigie::Finding> found =
      vigie::fuzz::TheScanner().Scan(text, vigie::fuzz::CallFor(control));
  uint64_t previous = 0;
  for (const vigie::Finding& f : found) {
    Check(f.begin < f.end && f.end <= text.size());
    Check(f.begin >= previous);
    previous = f.begin;
    Check(f.score >= 0 && f.score <= 1);
    Check(f.line >= 1 && f.column >= 1 && f.column <= f.begin + 1);
    Check(!f.kind.empty() && !f.value.empty());
  }
  return 0;
}
