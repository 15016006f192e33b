// SPDX-License-Identifier: Apache-2.0
// CommuneKey: how the address parser compares communes' names and types of
// way, shared with the build-time table compiler that prepares the
// postcode-commune table.
#include <algorithm>
#include <string>
#include <string_view>

#include "text/fold.h"
#include "text/utf8.h"
#include "validate/address_internal.h"

namespace vigie {

// A commune's name folded for comparison: lower case, no accents, hyphens
// and apostrophes as spaces, "st"/"ste" as "saint"/"sainte".
std::string CommuneKey(std::string_view name) {
  // One word of ASCII letters and digits, as most words of an address
  // are: its lower case is its key.
  bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
  if (plain) {
    std::string key = text::AsciiLowered(name);
    if (key == "st") return "saint";
    if (key == "ste") return "sainte";
    return key;
  }
  std::string folded = text::FoldForCompare(name);
  // "’" folds to itself: an apostrophe.
  for (size_t at; (at = folded.find("\xE2\x80\x99")) != std::string::npos;) {
    folded.replace(at, 3, "'");
  }
  std::string out;
  std::string word;
  auto flush = [&]() {
    if (word.empty()) return;
    if (word == "st") word = "saint";
    if (word == "ste") word = "sainte";
    if (!out.empty()) out += ' ';
    out += word;
    word.clear();
  };
  for (char c : folded) {
    if (c == ' ' || c == '-' || c == '\'' || c == '.' || c == '\t' || c == '\n' || c == '\r') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

}  // namespace vigie
