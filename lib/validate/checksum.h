// SPDX-License-Identifier: Apache-2.0
// Check-digit algorithms and text helpers shared by the validators.
#ifndef VIGIE_LIB_VALIDATE_CHECKSUM_H_
#define VIGIE_LIB_VALIDATE_CHECKSUM_H_

#include <string>
#include <string_view>

namespace vigie::validate {

// `text` without the characters of `separators`, upper-cased (ASCII).
std::string Compact(std::string_view text, std::string_view separators);

bool AllDigits(std::string_view s);

// `out` marked invalid with `reason`: the one way validators fail.
template <typename V>
V Fail(V out, std::string_view reason) {
  out.valid = false;
  out.reason = reason;
  return out;
}

// Luhn (mod 10) over a string of digits, check digit last.
bool LuhnValid(std::string_view digits);

// ISO 7064 mod 97-10 remainder of a string of digits and letters, letters
// counting A=10 ... Z=35 (as in IBANs). -1 for any other character.
int Mod97(std::string_view s);

// EAN-13 / GTIN check over 13 digits.
bool Ean13Valid(std::string_view digits);

// ICAO 9303 check digit (weights 7, 3, 1; '<' counts 0, letters A=10).
// -1 for a character outside 0-9, A-Z and '<'.
int IcaoCheckDigit(std::string_view s);

}  // namespace vigie::validate

#endif  // VIGIE_LIB_VALIDATE_CHECKSUM_H_
