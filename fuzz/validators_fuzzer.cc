// SPDX-License-Identifier: Apache-2.0
// Fuzz target for the validators: the control byte picks one of
// ValidatorNames(), the rest is its value. Nothing crashes; a verdict is
// valid with its fields or invalid with a reason; a validator gives the
// same verdict twice.
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using vigie::fuzz::Check;
  static const std::vector<std::string> kNames = vigie::ValidatorNames();
  auto [control, value] = vigie::fuzz::Split(data, size);
  const std::string& kind = kNames[control % kNames.size()];
  auto verdict = vigie::ValidateNamed(kind, value);
  Check(verdict.ok());
  if (!verdict->valid) Check(!verdict->reason.empty());
  auto again = vigie::ValidateNamed(kind, value);
  Check(again->valid == verdict->valid && again->reason == verdict->reason &&
        again->fields.size() == verdict->fields.size());
  return 0;
}
