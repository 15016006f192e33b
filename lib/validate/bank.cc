// SPDX-License-Identifier: Apache-2.0
// IBANs of every registered country (length, BBAN structure, mod-97, and
// the French RIB key for FR and MC) and payment card numbers.
#include <array>
#include <cstdlib>
#include <map>
#include <string>

#include "data/embedded.h"
#include "text/utf8.h"
#include "validate/checksum.h"
#include "vigie/validate.h"

namespace vigie {
namespace {

using validate::AllDigits;
using validate::Compact;
using validate::Fail;

struct IbanFormat {
  size_t length = 0;
  std::string_view bban;  // "5!n5!n11!c2!n"
};

// The registry's line for `country`, from the embedded table (read once).
IbanFormat FindIbanFormat(std::string_view country) {
  static const std::map<std::string, IbanFormat, std::less<>> formats = [] {
    std::map<std::string, IbanFormat, std::less<>> m;
    data::ForEachRow(data::kIbanRegistry, [&](const std::vector<std::string_view>& cells) {
      if (cells.size() < 3) return;
      IbanFormat f;
      f.length = static_cast<size_t>(std::atoi(std::string(cells[1]).c_str()));
      f.bban = cells[2];
      m[std::string(cells[0])] = f;
    });
    return m;
  }();
  auto it = formats.find(country);
  return it == formats.end() ? IbanFormat{} : it->second;
}

// Checks `bban` against a registry structure such as "4!n4!n12!c".
bool MatchesStructure(std::string_view bban, std::string_view structure) {
  size_t at = 0;
  while (!structure.empty()) {
    size_t bang = structure.find('!');
    if (bang == std::string_view::npos || bang + 1 >= structure.size()) return false;
    size_t count = static_cast<size_t>(std::atoi(std::string(structure.substr(0, bang)).c_str()));
    char type = structure[bang + 1];
    structure.remove_prefix(bang + 2);
    if (at + count > bban.size()) return false;
    for (size_t i = at; i < at + count; ++i) {
      char c = bban[i];
      bool ok = type == 'n'   ? text::IsAsciiDigit(c)
                : type == 'a' ? (c >= 'A' && c <= 'Z')
                              : (text::IsAsciiDigit(c) || (c >= 'A' && c <= 'Z'));
      if (!ok) return false;
    }
    at += count;
  }
  return at == bban.size();
}

// The RIB key: letters of the account map to digits (A,J=1 B,K,S=2 ...).
bool RibKeyValid(std::string_view bban) {
  std::string digits;
  for (char c : bban) {
    if (text::IsAsciiDigit(c)) {
      digits.push_back(c);
    } else {
      static constexpr std::string_view kRibLetters = "12345678912345678923456789";
      digits.push_back(kRibLetters[static_cast<size_t>(c - 'A')]);
    }
  }
  uint64_t bank = std::stoull(digits.substr(0, 5));
  uint64_t branch = std::stoull(digits.substr(5, 5));
  uint64_t account = std::stoull(digits.substr(10, 11));
  uint64_t key = std::stoull(digits.substr(21, 2));
  return key == 97 - (89 * bank + 15 * branch + 3 * account) % 97;
}

struct CardRange {
  std::string_view low;
  std::string_view high;  // inclusive, same length as `low`
  std::string_view brand;
  int min_length;
  int max_length;
};

// Issuer identification ranges (first digits) and lengths of the networks
// seen in France. Cartes Bancaires cards are co-branded Visa or Mastercard.
constexpr std::array<CardRange, 12> kCardRanges = {{
    {"4", "4", "visa", 13, 19},
    {"51", "55", "mastercard", 16, 16},
    {"2221", "2720", "mastercard", 16, 16},
    {"34", "34", "amex", 15, 15},
    {"37", "37", "amex", 15, 15},
    {"6011", "6011", "discover", 16, 19},
    {"644", "649", "discover", 16, 19},
    {"65", "65", "discover", 16, 19},
    {"3528", "3589", "jcb", 16, 19},
    {"300", "305", "diners", 14, 19},
    {"36", "36", "diners", 14, 19},
    {"62", "62", "unionpay", 16, 19},
}};

}  // namespace

IbanValidation ValidateIban(std::string_view text) {
  IbanValidation out;
  out.normalized = Compact(text, " -.");
  const std::string& n = out.normalized;
  if (n.size() < 5) return Fail(out, "too short");
  out.country = n.substr(0, 2);
  IbanFormat format = FindIbanFormat(out.country);
  if (format.length == 0) return Fail(out, "country not in the IBAN registry");
  if (n.size() != format.length) return Fail(out, "wrong length for the country");
  if (!AllDigits(std::string_view(n).substr(2, 2))) return Fail(out, "check digits are not digits");
  std::string_view bban = std::string_view(n).substr(4);
  if (!MatchesStructure(bban, format.bban))
    return Fail(out, "BBAN does not follow the country's structure");
  std::string rearranged = std::string(bban) + n.substr(0, 4);
  if (validate::Mod97(rearranged) != 1) return Fail(out, "mod-97 check fails");
  if (out.country == "FR" || out.country == "MC") {
    out.rib_key_checked = true;
    if (!RibKeyValid(bban)) return Fail(out, "RIB key does not match");
  }
  out.valid = true;
  return out;
}

CardValidation ValidateCard(std::string_view text) {
  CardValidation out;
  out.normalized = Compact(text, " -");
  const std::string& n = out.normalized;
  if (!AllDigits(n)) return Fail(out, "not only digits");
  if (n.size() < 12 || n.size() > 19) return Fail(out, "wrong length");
  const auto length = static_cast<int>(n.size());
  for (const CardRange& r : kCardRanges) {
    std::string_view head = std::string_view(n).substr(0, r.low.size());
    if (head >= r.low && head <= r.high && length >= r.min_length && length <= r.max_length) {
      out.brand = std::string(r.brand);
      break;
    }
  }
  if (out.brand.empty()) return Fail(out, "no known issuer range of that length");
  if (!validate::LuhnValid(n)) return Fail(out, "Luhn check fails");
  out.valid = true;
  return out;
}

}  // namespace vigie
