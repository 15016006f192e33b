// SPDX-License-Identifier: Apache-2.0
// Fuzz target for streams and parts: any bytes, any layout, any
// chunking. A stream, and two parts of the text, give exactly the findings
// of a one-block scan (scanner_fuzzer.cc checks the block scan itself).
#include <algorithm>

#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using vigie::fuzz::Check;
  if (size == 0) return 0;
  auto [control, text] = vigie::fuzz::Split(data, size);
  const vigie::Scanner& scanner = vigie::fuzz::TheScanner();
  const vigie::CallOptions call = vigie::fuzz::CallFor(control);
  std::vector<vigie::Finding> block = scanner.Scan(text, call);
  // Chunk sizes from 1 to 32 bytes, drawn from the control byte.
  vigie::Stream stream = scanner.OpenStream(call);
  std::vector<vigie::Finding> streamed;
  size_t step = 1 + (control >> 3);
  for (size_t at = 0; at < text.size(); at += step) {
    for (auto& f : stream.Write(text.substr(at, step))) streamed.push_back(std::move(f));
  }
  for (auto& f : stream.Finish()) streamed.push_back(std::move(f));
  std::stable_sort(streamed.begin(), streamed.end(),
                   [](const auto& a, const auto& b) { return a.begin < b.begin; });
  auto same_as_block = [&](const std::vector<vigie::Finding>& other) {
    Check(other.size() == block.size());
    for (size_t i = 0; i < block.size(); ++i) {
      Check(other[i].kind == block[i].kind && other[i].begin == block[i].begin &&
            other[i].end == block[i].end && other[i].score == block[i].score &&
            other[i].line == block[i].line && other[i].column == block[i].column &&
            other[i].value == block[i].value && other[i].qualifiers == block[i].qualifiers &&
            other[i].context == block[i].context);
    }
  };
  same_as_block(streamed);
  // Two parts, cut at one of eight places drawn from the control byte.
  size_t cut = text.size() * (control & 7) / 8;
  std::vector<vigie::Finding> parts = scanner.ScanPart(text, 0, cut, call).value();
  for (auto& f : scanner.ScanPart(text, cut, text.size(), call).value()) {
    Check(f.begin >= cut);
    parts.push_back(std::move(f));
  }
  same_as_block(parts);
  return 0;
}
