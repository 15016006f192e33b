// SPDX-License-Identifier: Apache-2.0
// E-mail syntax checks; the detector finds the address, this says if it holds.
#include "validate/email.h"

#include "text/utf8.h"
#include "vigie/validate.h"

namespace vigie::validate {

constexpr size_t kMaxLocalPart = 64;
constexpr size_t kMaxDomain = 253;
constexpr size_t kMaxLabel = 63;
constexpr size_t kMinTld = 2;
constexpr size_t kMaxTld = 24;

bool IsEmailLocalChar(char c) {
  return text::IsAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

}  // namespace vigie::validate

namespace vigie {

// The syntax people and mail systems actually use (RFC 5321 dot-atoms), not
// the full RFC 5322 grammar.
Validation ValidateEmail(std::string_view text) {
  using validate::IsEmailLocalChar;
  using validate::kMaxDomain, validate::kMaxLabel, validate::kMaxLocalPart, validate::kMaxTld,
      validate::kMinTld;
  Validation out;
  size_t at = text.find('@');
  if (at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) {
    out.reason = "not exactly one @";
    return out;
  }
  std::string_view local = text.substr(0, at);
  std::string_view domain = text.substr(at + 1);
  if (local.empty() || local.size() > kMaxLocalPart) {
    out.reason = "local part length";
    return out;
  }
  for (size_t i = 0; i < local.size(); ++i) {
    if (!IsEmailLocalChar(local[i])) {
      out.reason = "character not allowed in the local part";
      return out;
    }
    if (local[i] == '.' && (i == 0 || i + 1 == local.size() || local[i - 1] == '.')) {
      out.reason = "misplaced dot in the local part";
      return out;
    }
  }
  if (domain.empty() || domain.size() > kMaxDomain) {
    out.reason = "domain length";
    return out;
  }
  size_t labels = 0;
  std::string_view last_label;
  for (size_t start = 0; start <= domain.size();) {
    size_t dot = domain.find('.', start);
    if (dot == std::string_view::npos) dot = domain.size();
    std::string_view label = domain.substr(start, dot - start);
    if (label.empty() || label.size() > kMaxLabel || label.front() == '-' || label.back() == '-') {
      out.reason = "malformed domain label";
      return out;
    }
    for (char c : label) {
      if (!text::IsAsciiAlnum(c) && c != '-') {
        out.reason = "character not allowed in the domain";
        return out;
      }
    }
    ++labels;
    last_label = label;
    start = dot + 1;
  }
  if (labels < 2) {
    out.reason = "domain without a dot";
    return out;
  }
  if (last_label.size() < kMinTld || last_label.size() > kMaxTld) {
    out.reason = "top-level domain length";
    return out;
  }
  for (char c : last_label) {
    if (!text::IsAsciiAlpha(c)) {
      out.reason = "top-level domain not alphabetic";
      return out;
    }
  }
  out.normalized = text::AsciiLowered(text);
  out.valid = true;
  return out;
}

}  // namespace vigie
