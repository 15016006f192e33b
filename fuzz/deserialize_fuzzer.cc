// SPDX-License-Identifier: Apache-2.0
// Fuzz target for Scanner::Deserialize: a database file is untrusted
// input. Any bytes are refused with an error code, or give a scanner that
// scans; nothing crashes or reads out of bounds. The seeds are databases
// of the FR_NIR detector (small), which these options ask for.
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using vigie::fuzz::Check;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  vigie::ScanOptions options;
  options.kinds = {"FR_NIR"};
  auto scanner = vigie::Scanner::Deserialize(bytes, options);
  if (!scanner.ok()) {
    Check(scanner.code() != vigie::ErrorCode::kOk && !scanner.error().empty());
    return 0;
  }
  auto found = scanner->Scan("NIR 1 84 12 75 123 456 78, 2 84 03 75 116 021 06");
  for (const vigie::Finding& f : found) Check(f.kind == "FR_NIR");
  return 0;
}
