// SPDX-License-Identifier: Apache-2.0
// Fuzz target for the name parser: ParsePersonName on any bytes. Nothing
// crashes; a valid parse has a normalized name made of its given and
// family names, the family name in capitals; an invalid one says why.
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using vigie::fuzz::Check;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  vigie::NameParse parse = vigie::ParsePersonName(text);
  if (!parse.valid) {
    Check(!parse.reason.empty());
    return 0;
  }
  const vigie::PersonName& name = parse.name;
  Check(!name.given.empty() || !name.family.empty());
  std::string expected = name.given;
  if (!name.family.empty()) expected += (name.given.empty() ? "" : " ") + name.family;
  Check(name.normalized == expected);
  Check(name.sex == 0 || name.sex == 'M' || name.sex == 'F');
  for (char c : name.family) Check(!(c >= 'a' && c <= 'z'));
  return 0;
}
