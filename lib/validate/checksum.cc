// SPDX-License-Identifier: Apache-2.0
// Check-digit algorithms: Luhn, ISO 7064 mod 97-10, EAN-13, ICAO 9303.
#include "validate/checksum.h"

#include "text/utf8.h"

namespace vigie::validate {

std::string Compact(std::string_view text, std::string_view separators) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (separators.find(c) != std::string_view::npos) continue;
    out.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!text::IsAsciiDigit(c)) return false;
  }
  return !s.empty();
}

bool LuhnValid(std::string_view digits) {
  if (!AllDigits(digits)) return false;
  int sum = 0;
  bool twice = false;
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

int Mod97(std::string_view s) {
  int r = 0;
  for (char c : s) {
    if (text::IsAsciiDigit(c)) {
      r = (r * 10 + (c - '0')) % 97;
    } else if (c >= 'A' && c <= 'Z') {
      r = (r * 100 + (c - 'A' + 10)) % 97;
    } else {
      return -1;
    }
  }
  return r;
}

bool Ean13Valid(std::string_view digits) {
  if (digits.size() != 13 || !AllDigits(digits)) return false;
  int sum = 0;
  for (size_t i = 0; i < 12; ++i) sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
  return (10 - sum % 10) % 10 == digits[12] - '0';
}

int IcaoCheckDigit(std::string_view s) {
  static constexpr int kWeights[] = {7, 3, 1};
  int sum = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    int v;
    if (text::IsAsciiDigit(c)) {
      v = c - '0';
    } else if (c >= 'A' && c <= 'Z') {
      v = c - 'A' + 10;
    } else if (c == '<') {
      v = 0;
    } else {
      return -1;
    }
    sum += v * kWeights[i % 3];
  }
  return sum % 10;
}

}  // namespace vigie::validate
