// The French social security number (NIR, also NIA): structure and key.
// Pure functions over text; no allocation beyond the result.
#ifndef VIGIE_LIB_VALIDATE_NIR_H_
#define VIGIE_LIB_VALIDATE_NIR_H_

#include <string>
#include <string_view>

namespace vigie::validate {

struct NirCheck {
  bool valid = false;
  // Why it is not valid, in a few words; empty when valid.
  std::string reason;
  // The 15 characters without separators ("2A"/"2B" kept), when the shape held.
  std::string compact;
  // True when the separators fall where a NIR is written: 1 85 03 75 123 456 41.
  bool grouped = false;
};

// Checks `text`, which holds only the NIR: 15 characters, optionally
// separated by single spaces, dots or hyphens. Sex 1 or 2; month 01-12 or
// 20-99 (unknown month); department 01-95, 2A, 2B, 97x/98x, 99 (abroad);
// order 001-999; key 97 - (N mod 97) with 2A read as 19 and 2B as 18.
NirCheck CheckNir(std::string_view text);

// The key of the 13 leading characters (digits, or 2A/2B in place 6-7).
int NirKey(std::string_view first13);

}  // namespace vigie::validate

#endif  // VIGIE_LIB_VALIDATE_NIR_H_
