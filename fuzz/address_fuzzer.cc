// SPDX-License-Identifier: Apache-2.0
// Fuzz target for the address parser: ParseAddress on any bytes, and the
// start finder's view of the same text (AddressWords: cut once, parsed
// from any character's start), which must agree with it: ParseFrom(s) gives
// ParseAddress(text from s); MayStartAt(s) is never false where that
// parse is valid, nor LocalityValidAt(s) where it is valid from a postcode.
#include "fuzz_util.h"
#include "text/utf8.h"
#include "validate/address_internal.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using vigie::fuzz::Check;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // Addresses are short; every start of a longer text only slows it.
  if (text.size() > 128) return 0;
  vigie::AddressParse whole = vigie::ParseAddress(text);
  if (whole.valid) Check(!whole.address.normalized.empty());
  vigie::AddressWords words(text);
  for (size_t s = 0; s < text.size(); ++s) {
    // A start is a character's first byte (the start finder starts on a word).
    if (vigie::text::InsideCodePoint(text, s)) continue;
    vigie::AddressParse alone = vigie::ParseAddress(text.substr(s));
    vigie::AddressParse from = words.ParseFrom(s);
    Check(from.valid == alone.valid && from.address.normalized == alone.address.normalized &&
          from.has_street == alone.has_street && from.has_locality == alone.has_locality);
    if (alone.valid) Check(words.MayStartAt(s));
    if (alone.valid && alone.has_locality && !alone.has_street) Check(words.LocalityValidAt(s));
  }
  return 0;
}
