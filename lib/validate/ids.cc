// SPDX-License-Identifier: Apache-2.0
// French company, tax, health-system and identity-document numbers: each a
// fixed shape and a check digit.
#include "text/utf8.h"
#include "validate/checksum.h"
#include "vigie/validate.h"

namespace vigie {
namespace {

using validate::AllDigits;
using validate::Compact;
using validate::Fail;
using validate::LuhnValid;

constexpr std::string_view kSeparators = " .-";
constexpr std::string_view kLaPosteSiren = "356000000";
constexpr std::string_view kLaPosteHeadOffice = "35600000000048";
// Letters of new-style TVA keys, without I and O.
constexpr std::string_view kTvaAlphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

// The first step of every all-digit number: `out` gets the compact value,
// and a reason when it is not `length` digits.
bool DigitsOfLength(std::string_view text, size_t length, Validation& out) {
  out.normalized = Compact(text, kSeparators);
  if (!AllDigits(out.normalized)) {
    out.reason = "not only digits";
  } else if (out.normalized.size() != length) {
    out.reason = "wrong length";
  }
  return out.reason.empty();
}

// A fixed number of digits checked with Luhn: SIREN, RPPS, ADELI.
Validation LuhnNumber(std::string_view text, size_t length) {
  Validation out;
  if (!DigitsOfLength(text, length, out)) return out;
  if (!LuhnValid(out.normalized)) return Fail(out, "Luhn check fails");
  out.valid = true;
  return out;
}

}  // namespace

Validation ValidateSiren(std::string_view text) { return LuhnNumber(text, 9); }
Validation ValidateRpps(std::string_view text) { return LuhnNumber(text, 11); }
Validation ValidateAdeli(std::string_view text) { return LuhnNumber(text, 9); }

Validation ValidateSiret(std::string_view text) {
  Validation out;
  if (!DigitsOfLength(text, 14, out)) return out;
  const std::string& n = out.normalized;
  if (n.compare(0, 9, kLaPosteSiren) == 0 && n != kLaPosteHeadOffice) {
    // La Poste's establishments: the digits add up to a multiple of 5 (its
    // head office keeps the Luhn key).
    int sum = 0;
    for (char c : n) sum += c - '0';
    if (sum % 5 != 0) return Fail(out, "La Poste check fails");
  } else if (!LuhnValid(n)) {
    return Fail(out, "Luhn check fails");
  }
  if (!LuhnValid(std::string_view(n).substr(0, 9))) return Fail(out, "SIREN part fails Luhn");
  out.valid = true;
  return out;
}

Validation ValidateTvaFr(std::string_view text) {
  Validation out;
  std::string n = Compact(text, kSeparators);
  if (n.rfind("FR", 0) == 0) n.erase(0, 2);
  out.normalized = "FR" + n;
  if (n.size() != 11) return Fail(out, "wrong length");
  std::string_view siren = std::string_view(n).substr(2);
  if (!AllDigits(siren)) return Fail(out, "SIREN part not only digits");
  size_t k0 = kTvaAlphabet.find(n[0]), k1 = kTvaAlphabet.find(n[1]);
  if (k0 == std::string_view::npos || k1 == std::string_view::npos) {
    return Fail(out, "key characters not allowed");
  }
  // Monaco's numbers (SIREN part 000...) are TVA numbers but not SIRENs.
  if (siren.substr(0, 3) != "000" && !LuhnValid(siren)) return Fail(out, "SIREN part fails Luhn");
  uint64_t value = std::stoull(std::string(siren));
  if (text::IsAsciiDigit(n[0]) && text::IsAsciiDigit(n[1])) {
    uint64_t key = std::stoull(n.substr(0, 2));
    if (key != (value * 100 + 12) % 97) return Fail(out, "key does not match");
  } else {
    // New-style keys with letters.
    uint64_t check = text::IsAsciiDigit(n[0]) ? k0 * 24 + k1 - 10 : k0 * 34 + k1 - 100;
    if ((value + 1 + check / 11) % 11 != check % 11) return Fail(out, "key does not match");
  }
  out.valid = true;
  return out;
}

Validation ValidateNifFr(std::string_view text) {
  Validation out;
  if (!DigitsOfLength(text, 13, out)) return out;
  const std::string& n = out.normalized;
  if (n[0] > '3') return Fail(out, "first digit is not 0-3");
  uint64_t head = std::stoull(n.substr(0, 10));
  if (head % 511 != std::stoull(n.substr(10))) return Fail(out, "key does not match");
  out.valid = true;
  return out;
}

Validation ValidateFiness(std::string_view text) {
  Validation out;
  out.normalized = Compact(text, kSeparators);
  const std::string& n = out.normalized;
  if (n.size() != 9) return Fail(out, "wrong length");
  if (n[0] == '2' && (n[1] == 'A' || n[1] == 'B')) {
    // Corsica: 2A/2B and 7 digits. The key rule for the letters is not in
    // the public references vigie follows, so only the shape is checked.
    if (!AllDigits(std::string_view(n).substr(2))) return Fail(out, "not only digits");
    out.valid = true;
    return out;
  }
  if (!AllDigits(n)) return Fail(out, "not only digits");
  if (n.compare(0, 2, "00") == 0) return Fail(out, "department 00");
  if (!LuhnValid(n)) return Fail(out, "Luhn check fails");
  out.valid = true;
  return out;
}

Validation ValidateCip13(std::string_view text) {
  Validation out;
  if (!DigitsOfLength(text, 13, out)) return out;
  const std::string& n = out.normalized;
  if (n.compare(0, 5, "34009") != 0) return Fail(out, "does not start with 34009");
  if (!validate::Ean13Valid(n)) return Fail(out, "EAN-13 check fails");
  out.valid = true;
  return out;
}

Validation ValidateCni(std::string_view text, std::string_view check_digit) {
  Validation out;
  out.normalized = Compact(text, kSeparators);
  const std::string& n = out.normalized;
  auto alnum = [](std::string_view s) {
    for (char c : s) {
      if (!text::IsAsciiDigit(c) && !(c >= 'A' && c <= 'Z')) return false;
    }
    return !s.empty();
  };
  auto check = [&]() {
    if (check_digit.empty()) return true;
    return check_digit.size() == 1 && text::IsAsciiDigit(check_digit[0]) &&
           validate::IcaoCheckDigit(n) == check_digit[0] - '0';
  };
  if (n.size() == 12) {
    // 1994-2021 cards: 4 digits (year, month of issue), 3 characters
    // (department and office), 5 digits.
    if (!AllDigits(std::string_view(n).substr(0, 4)) || !alnum(std::string_view(n).substr(4, 3)) ||
        !AllDigits(std::string_view(n).substr(7))) {
      return Fail(out, "not the 1994-2021 card layout");
    }
    if (!check()) return Fail(out, "check digit does not match");
    out.valid = true;
    return out;
  }
  if (n.size() == 9) {
    // Since 2021: 9 letters and digits; the check digit stands apart.
    if (!alnum(n)) return Fail(out, "not only letters and digits");
    if (!check()) return Fail(out, "check digit does not match");
    out.valid = true;
    return out;
  }
  return Fail(out, "neither 9 nor 12 characters");
}

Validation ValidatePassportFr(std::string_view text) {
  Validation out;
  out.normalized = Compact(text, kSeparators);
  const std::string& n = out.normalized;
  if (n.size() != 9) return Fail(out, "wrong length");
  bool shape = AllDigits(std::string_view(n).substr(0, 2)) && text::IsAsciiAlpha(n[2]) &&
               text::IsAsciiAlpha(n[3]) && AllDigits(std::string_view(n).substr(4));
  if (!shape) return Fail(out, "not 2 digits, 2 letters, 5 digits");
  out.valid = true;
  return out;
}

}  // namespace vigie
