// SPDX-License-Identifier: Apache-2.0
// NIR checks following the INSEE layout and the national health insurance
// validator (month 20-99 for an unknown month, Corsica 2A/2B in the key),
// with the temporary forms reported as such.
#include <cstdint>

#include "text/utf8.h"
#include "validate/checksum.h"
#include "vigie/validate.h"

namespace vigie {
namespace {

constexpr int kNirKeyModulus = 97;
constexpr size_t kNirLength = 15;
constexpr size_t kShortFormLength = 13;  // NNP, MIG
// Group sizes of a NIR written by hand: sex, year, month, department,
// commune, order, key.
constexpr int kNirGroups[] = {1, 2, 2, 2, 3, 3, 2};

using validate::Fail;

bool IsSeparator(char c) { return c == ' ' || c == '.' || c == '-'; }

int Digits(std::string_view s, size_t at, size_t n) {
  int v = 0;
  for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// The key of the 13 leading characters (2A read as 19, 2B as 18).
int NirKey(std::string_view first13) {
  uint64_t n = 0;
  for (size_t i = 0; i < first13.size(); ++i) {
    char c = first13[i];
    if (i == 6 && (c == 'A' || c == 'B')) {
      n = (n - 2) * 10 + (c == 'A' ? 19 : 18);
      continue;
    }
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  return kNirKeyModulus - static_cast<int>(n % kNirKeyModulus);
}

}  // namespace

NirValidation ValidateNir(std::string_view text) {
  NirValidation out;
  std::string compact;
  int group_sizes[16] = {};
  int groups = 0, run = 0;
  char separator = 0;
  for (char c : text) {
    if (IsSeparator(c)) {
      if (run == 0 || (separator != 0 && c != separator)) return Fail(out, "irregular separators");
      separator = c;
      if (groups < 15) group_sizes[groups++] = run;
      run = 0;
      continue;
    }
    bool corsica = compact.size() == 6 && (c == 'A' || c == 'B' || c == 'a' || c == 'b');
    if (!text::IsAsciiDigit(c) && !corsica) return Fail(out, "not a digit");
    compact.push_back(corsica ? static_cast<char>(c & ~0x20) : c);
    ++run;
  }
  if (run > 0 && groups < 15) group_sizes[groups++] = run;

  if (compact.size() == kShortFormLength && validate::AllDigits(compact)) {
    // NNP [78][12] and MIG [56][12]: fund (3 digits) and order (8), no key.
    char first = compact[0], second = compact[1];
    if (first < '5' || first > '8') return Fail(out, "13 characters: a NIR without its key");
    if (second != '1' && second != '2') return Fail(out, "second digit is not 1 or 2");
    out.normalized = compact;
    out.form = first >= '7' ? NirValidation::Form::kNnp : NirValidation::Form::kMigrant;
    out.sex = second - '0';
    out.valid = true;
    return out;
  }
  if (compact.size() != kNirLength) return Fail(out, "not 15 characters");
  out.normalized = compact;
  if (groups == 7) {
    out.grouped = true;
    for (int g = 0; g < 7; ++g) out.grouped &= group_sizes[g] == kNirGroups[g];
  }
  bool corsica = compact[6] == 'A' || compact[6] == 'B';
  if (corsica && compact[5] != '2') return Fail(out, "letter outside Corsica 2A/2B");

  switch (compact[0]) {
    case '1':
    case '2':
      out.form = NirValidation::Form::kPermanent;
      out.sex = compact[0] - '0';
      break;
    case '3':
    case '7':
      out.form = NirValidation::Form::kTemporary;
      out.sex = 1;
      break;
    case '4':
    case '8':
      out.form = NirValidation::Form::kTemporary;
      out.sex = 2;
      break;
    default:
      return Fail(out, "sex digit is not 1 or 2 (nor 3, 4, 7, 8)");
  }
  out.birth_year = Digits(compact, 1, 2);
  int month = Digits(compact, 3, 2);
  if (month == 0 || (month > 12 && month < 20)) return Fail(out, "month out of range");
  out.birth_month = month <= 12 ? month : 0;

  if (corsica) {
    out.department = compact.substr(5, 2);
    out.commune = compact.substr(7, 3);
  } else {
    int department = Digits(compact, 5, 2);
    if (department == 0 || department == 96) return Fail(out, "department out of range");
    if (department == 97 || department == 98) {
      out.department = compact.substr(5, 3);  // overseas: 3 digits, commune 2
      out.commune = compact.substr(8, 2);
    } else if (department == 99) {
      out.department = "99";
      out.country = compact.substr(7, 3);
    } else {
      out.department = compact.substr(5, 2);
      out.commune = compact.substr(7, 3);
    }
  }
  out.order = Digits(compact, 10, 3);
  if (out.order == 0) return Fail(out, "order number 000");
  out.key = Digits(compact, 13, 2);
  if (out.key < 1 || out.key > kNirKeyModulus) return Fail(out, "key out of range");
  if (out.key != NirKey(std::string_view(compact).substr(0, 13))) {
    return Fail(out, "key does not match");
  }
  out.valid = true;
  return out;
}

Validation ValidateIns(std::string_view nir, std::string_view oid) {
  NirValidation n = ValidateNir(nir);
  Validation out;
  out.normalized = n.normalized;
  if (!n.valid) {
    out.reason = n.reason;
    return out;
  }
  if (n.form == NirValidation::Form::kNnp || n.form == NirValidation::Form::kMigrant) {
    out.reason = "an INS is a 15-character NIR or NIA";
    return out;
  }
  if (oid != "1.2.250.1.213.1.4.8" && oid != "1.2.250.1.213.1.4.9" &&
      oid != "1.2.250.1.213.1.4.10") {
    out.reason = "OID is not 1.2.250.1.213.1.4.8, .9 or .10";
    return out;
  }
  out.valid = true;
  return out;
}

}  // namespace vigie
