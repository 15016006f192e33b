// SPDX-License-Identifier: Apache-2.0
// Fuzz target for the scanning pipeline: any bytes, any layout, any
// chunking. It checks that nothing crashes, that offsets stay inside the
// input, and that a stream, and two parts of the text, give exactly the
// findings of a one-block scan.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "vigie/vigie.h"

namespace {

// Every built-in detector, compiled once (or loaded from the cache, as the
// command line does).
const vigie::Scanner& TheScanner() {
  static const vigie::Scanner scanner =
      vigie::Scanner::Create(vigie::ScanOptions{}, vigie::CacheOptions{}).value();
  return scanner;
}

// Every finding, in one of the three layouts.
vigie::CallOptions CallFor(uint8_t selector) {
  static const vigie::Layout kLayouts[] = {vigie::Layout::kAuto, vigie::Layout::kText,
                                           vigie::Layout::kDelimited};
  return vigie::CallOptions{.min_score = 0, .layout = kLayouts[selector % 3]};
}

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t control = data[0];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const vigie::Scanner& scanner = TheScanner();
  const vigie::CallOptions call = CallFor(control);
  std::vector<vigie::Finding> block = scanner.Scan(text, call);
  for (const auto& f : block) {
    Check(f.begin < f.end && f.end <= text.size());
    Check(f.score >= 0 && f.score <= 1);
    Check(f.line >= 1 && f.column >= 1);
  }
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
            other[i].line == block[i].line && other[i].column == block[i].column);
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
