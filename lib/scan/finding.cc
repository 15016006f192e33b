// SPDX-License-Identifier: Apache-2.0
// What a Finding says of itself: its category's and qualifiers' names, and
// its value masked (finding.h).
#include "vigie/finding.h"

#include <array>
#include <cstdint>
#include <vector>

#include "text/utf8.h"
#include "vigie/redact.h"

namespace vigie {

std::string_view CategoryName(Category category) {
  switch (category) {
    case Category::kIdentity:
      return "identity";
    case Category::kContact:
      return "contact";
    case Category::kFinancial:
      return "financial";
    case Category::kHealth:
      return "health";
  }
  return "identity";
}

std::string_view QualifierName(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::kNegated:
      return "negated";
    case Qualifier::kHypothetical:
      return "hypothetical";
    case Qualifier::kFamily:
      return "family";
    case Qualifier::kHistory:
      return "history";
  }
  return "unknown";
}

std::vector<std::string> QualifierNames(const Finding& finding) {
  std::vector<std::string> names;
  for (Qualifier q :
       {Qualifier::kNegated, Qualifier::kHypothetical, Qualifier::kFamily, Qualifier::kHistory}) {
    if (finding.Has(q)) names.emplace_back(QualifierName(q));
  }
  return names;
}

namespace {

// Letters and digits replaced by `mask` but for the last `keep_last`, or
// the last two when `keep_last` is negative and there are eight or more.
std::string MaskLetters(std::string_view value, std::string_view mask, int keep_last) {
  // Code points: ASCII letters and digits and every non-ASCII character
  // (accented letters, Greek...) are hidden; ASCII punctuation and spaces
  // keep the shape. A code point is its first byte and the continuation
  // bytes after it (a value that begins with a continuation byte begins
  // with a code point of its own). Each byte's part, from a table.
  constexpr uint8_t kShown = 0, kHidden = 1, kContinuation = 2;
  static constexpr std::array<uint8_t, 256> kParts = [] {
    std::array<uint8_t, 256> parts{};
    for (int b = 0; b < 256; ++b) {
      bool alnum = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
      parts[b] = (b & 0xC0) == 0x80 ? kContinuation : (b >= 0x80 || alnum) ? kHidden : kShown;
    }
    return parts;
  }();
  auto part = [&](size_t i) -> uint8_t {
    uint8_t p = kParts[static_cast<unsigned char>(value[i])];
    return p == kContinuation && i == 0 ? kHidden : p;
  };
  size_t letters = 0;
  for (size_t i = 0; i < value.size(); ++i) letters += part(i) == kHidden;
  size_t keep = keep_last >= 0 ? static_cast<size_t>(keep_last) : letters >= 8 ? 2 : 0;
  std::string out;
  out.reserve(value.size() + letters * (mask.size() > 1 ? mask.size() - 1 : 0));
  size_t seen = 0;
  bool masked = false;  // the code point being read
  for (size_t i = 0; i < value.size(); ++i) {
    uint8_t kind = part(i);
    if (kind != kContinuation) masked = kind == kHidden && ++seen + keep <= letters;
    if (!masked) {
      out.push_back(value[i]);
    } else if (kind != kContinuation) {
      out.append(mask);
    }
  }
  return out;
}

}  // namespace

std::string MaskValue(std::string_view value) { return MaskLetters(value, "*", -1); }

std::string Mask(std::string_view value, std::string_view mask, int keep_last) {
  return MaskLetters(value, mask, std::max(keep_last, 0));
}

}  // namespace vigie
