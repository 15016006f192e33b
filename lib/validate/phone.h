// French phone numbers (metropolitan and overseas) in their usual writings,
// checked against the ARCEP numbering plan and normalized to E.164.
#ifndef VIGIE_LIB_VALIDATE_PHONE_H_
#define VIGIE_LIB_VALIDATE_PHONE_H_

#include <string>
#include <string_view>

namespace vigie::validate {

struct PhoneCheck {
  bool valid = false;
  std::string reason;  // empty when valid
  std::string e164;    // "+33612345678", "+262692123456"
  // "FR", "RE", "YT", "GP", "GF", "MQ", "PM", "WF", "NC", "PF".
  std::string territory;
  // "geographic", "mobile", "special", "non-geographic".
  std::string type;
  // Written with a country code, or with separators: less likely to be
  // some other number than ten bare digits.
  bool formatted = false;
};

// Checks `text`, which holds only the number: national (0X XX XX XX XX,
// with spaces, dots, dashes or slashes, or none) or international (+33,
// 0033, (+33), +33 (0)6, and the overseas codes +262 +590 +594 +596 +508
// +681 +687 +689).
PhoneCheck CheckFrenchPhone(std::string_view text);

}  // namespace vigie::validate

#endif  // VIGIE_LIB_VALIDATE_PHONE_H_
