// SPDX-License-Identifier: Apache-2.0
// ARCEP plan: 01-05 geographic, 06 and 073-079 mobile, 08 special, 09
// non-geographic. Overseas departments share the 10-digit plan and keep
// their own country codes, so 0692 12 34 56 is +262 692 12 34 56.
#include <phonenumbers/phonenumberutil.h>

#include <array>
#include <string>

#include "text/utf8.h"
#include "vigie/validate.h"

namespace vigie {
namespace {

constexpr size_t kNationalDigits = 9;  // after the trunk 0 or country code
constexpr size_t kM2mDigits = 14;

struct OverseasRange {
  std::string_view prefix;  // leading digits of the 9-digit number
  std::string_view country_code;
  std::string_view territory;
};

// Ranges of the 10-digit plan that belong to overseas departments.
// The longest matching prefix wins: 06 39 98 is the metropolitan block that
// ARCEP reserves for fiction, inside Mayotte's 0639.
constexpr std::array<OverseasRange, 15> kOverseasRanges = {{
    {"63998", "33", "FR"},
    {"262", "262", "RE"},
    {"263", "262", "RE"},
    {"269", "262", "YT"},
    {"639", "262", "YT"},
    {"692", "262", "RE"},
    {"693", "262", "RE"},
    {"590", "590", "GP"},
    {"690", "590", "GP"},
    {"691", "590", "GP"},
    {"594", "594", "GF"},
    {"694", "594", "GF"},
    {"596", "596", "MQ"},
    {"696", "596", "MQ"},
    {"697", "596", "MQ"},
}};

// Collectivities with a plan of their own: country code and digit count.
struct OwnPlan {
  std::string_view country_code;
  size_t digits;
  std::string_view territory;
};
constexpr std::array<OwnPlan, 4> kOwnPlans = {{
    {"508", 6, "PM"},
    {"681", 6, "WF"},
    {"687", 6, "NC"},
    {"689", 8, "PF"},
}};

bool IsSeparator(char c) { return c == ' ' || c == '.' || c == '-' || c == '/'; }

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Classifies the 9 digits of the national number; false when the plan
// has no such range.
bool ClassifyNational(std::string_view nsn, PhoneValidation& out) {
  out.territory = "FR";
  std::string_view country_code = "33";
  size_t matched = 0;
  for (const auto& r : kOverseasRanges) {
    if (r.prefix.size() > matched && StartsWith(nsn, r.prefix)) {
      matched = r.prefix.size();
      country_code = r.country_code;
      out.territory = std::string(r.territory);
    }
  }
  switch (nsn[0]) {
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
      out.type = "geographic";
      break;
    case '6':
      out.type = "mobile";
      break;
    case '7':
      if (nsn[1] < '3') {
        out.reason = "07 0x-2x is not a 10-digit mobile range";
        return false;
      }
      out.type = "mobile";
      break;
    case '8':
      // 0800-0805: free to the caller; the rest of 08: shared or premium cost.
      out.type = nsn[1] == '0' && nsn[2] <= '5' ? "toll-free" : "special";
      break;
    case '9':
      out.type = "non-geographic";
      break;
    default:
      out.reason = "no such range";
      return false;
  }
  out.e164 = "+" + std::string(country_code) + std::string(nsn);
  return true;
}

bool HasFrenchCountryCode(std::string_view digits) {
  for (std::string_view cc : {"33", "262", "590", "594", "596", "508", "681", "687", "689"}) {
    if (StartsWith(digits, cc)) return true;
  }
  return false;
}

// Numbers of other countries: libphonenumber's metadata, which is the
// reference for them (vigie's own tables cover France and its territories).
PhoneValidation OtherCountry(const std::string& input) {
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
  PhoneValidation out;
  out.formatted = true;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util.Parse(input, "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR) {
    out.reason = "not a phone number";
    return out;
  }
  if (!util.IsValidNumber(number)) {
    out.reason = "not a valid number for its country";
    return out;
  }
  util.Format(number, PhoneNumberUtil::E164, &out.e164);
  util.GetRegionCodeForNumber(number, &out.territory);
  switch (util.GetNumberType(number)) {
    case PhoneNumberUtil::FIXED_LINE:
      out.type = "geographic";
      break;
    case PhoneNumberUtil::MOBILE:
      out.type = "mobile";
      break;
    case PhoneNumberUtil::TOLL_FREE:
    case PhoneNumberUtil::PREMIUM_RATE:
    case PhoneNumberUtil::SHARED_COST:
      out.type = "special";
      break;
    default:
      out.type = "any";
      break;
  }
  out.normalized = out.e164;
  out.valid = true;
  return out;
}

}  // namespace

PhoneValidation ValidatePhone(std::string_view text) {
  PhoneValidation out;
  std::string_view rest = text;
  std::string_view country_code;
  bool international = false;
  if (StartsWith(rest, "(+")) {
    size_t close = rest.find(')');
    if (close == std::string_view::npos) {
      out.reason = "unbalanced parenthesis";
      return out;
    }
    country_code = rest.substr(2, close - 2);
    rest.remove_prefix(close + 1);
    international = true;
  } else if (StartsWith(rest, "+") || StartsWith(rest, "00")) {
    rest.remove_prefix(rest[0] == '+' ? 1 : 2);
    while (!rest.empty() && IsSeparator(rest[0])) rest.remove_prefix(1);
    // No country code begins with 0: "00 09 78..." inside a longer number
    // is none, and needs no look into libphonenumber's metadata (which
    // costs as much as a thousand French numbers).
    if (rest.empty() || rest[0] == '0') {
      out.reason = "no country code";
      return out;
    }
    if (!HasFrenchCountryCode(rest)) return OtherCountry("+" + std::string(rest));
    size_t n = 0;
    while (n < rest.size() && n < 3 && text::IsAsciiDigit(rest[n])) ++n;
    // Country codes here are 33 or three digits.
    size_t cc_len = StartsWith(rest, "33") ? 2 : 3;
    if (n < cc_len) {
      out.reason = "no country code";
      return out;
    }
    country_code = rest.substr(0, cc_len);
    rest.remove_prefix(cc_len);
    international = true;
  }
  std::string digits;
  bool separated = false;
  for (size_t i = 0; i < rest.size(); ++i) {
    char c = rest[i];
    if (IsSeparator(c)) {
      separated = true;
      continue;
    }
    if (c == '(' && StartsWith(rest.substr(i), "(0)") && international && digits.empty()) {
      i += 2;  // +33 (0)6: the trunk prefix in parentheses
      continue;
    }
    if (!text::IsAsciiDigit(c)) {
      out.reason = "unexpected character";
      return out;
    }
    digits.push_back(c);
  }
  out.formatted = international || separated;
  if (!international) {
    if (digits.size() == kM2mDigits && StartsWith(digits, "0700")) {
      // Machine-to-machine numbers: 14 digits in 0700. Recognised here, but
      // not searched for in text: they are machines', not persons'.
      out.type = "m2m";
      out.territory = "FR";
      out.e164 = "+33" + digits.substr(1);
      out.normalized = out.e164;
      out.valid = true;
      return out;
    }
    if (digits.size() != kNationalDigits + 1 || digits[0] != '0') {
      out.reason = "not 0 followed by 9 digits";
      return out;
    }
    out.valid = ClassifyNational(std::string_view(digits).substr(1), out);
    if (out.valid) out.normalized = out.e164;
    return out;
  }
  for (const auto& plan : kOwnPlans) {
    if (country_code == plan.country_code) {
      if (digits.size() != plan.digits) {
        out.reason = "wrong length for the country code";
        return out;
      }
      out.territory = std::string(plan.territory);
      out.type = "any";
      out.e164 = "+" + std::string(country_code) + digits;
      out.normalized = out.e164;
      out.valid = true;
      return out;
    }
  }
  if (country_code != "33" && country_code != "262" && country_code != "590" &&
      country_code != "594" && country_code != "596") {
    out.reason = "not a French country code";
    return out;
  }
  if (digits.size() == kNationalDigits + 1 && digits[0] == '0') digits.erase(0, 1);
  if (digits.size() != kNationalDigits) {
    out.reason = "not 9 digits after the country code";
    return out;
  }
  if (!ClassifyNational(digits, out)) return out;
  if (country_code != "33" && out.e164.compare(1, country_code.size(), country_code) != 0) {
    out.reason = "number outside the ranges of its country code";
    return out;
  }
  out.valid = true;
  out.normalized = out.e164;
  return out;
}

}  // namespace vigie
