// E-mail addresses: the syntax people and mail systems actually use
// (RFC 5321 dot-atoms), not the full RFC 5322 grammar.
#ifndef VIGIE_LIB_VALIDATE_EMAIL_H_
#define VIGIE_LIB_VALIDATE_EMAIL_H_

#include <string>
#include <string_view>

namespace vigie::validate {

struct EmailCheck {
  bool valid = false;
  std::string reason;      // empty when valid
  std::string normalized;  // lower case
};

// True for the characters of an unquoted local part.
bool IsEmailLocalChar(char c);

// Checks `text`, which holds only the address: local part of 1-64
// characters without leading, trailing or doubled dots; a domain of at most
// 253 characters, labels of 1-63 letters, digits or inner hyphens, and an
// alphabetic top-level label of 2-24 letters.
EmailCheck CheckEmail(std::string_view text);

}  // namespace vigie::validate

#endif  // VIGIE_LIB_VALIDATE_EMAIL_H_
