// CommuneKey: how the address parser compares communes' names and types of
// way, shared with the build-time table compiler that prepares the
// postcode-commune table.
#include <string>
#include <string_view>

#include "text/fold.h"
#include "validate/address_internal.h"

namespace vigie {

// A commune's name folded for comparison: lower case, no accents, hyphens
// and apostrophes as spaces, "st"/"ste" as "saint"/"sainte".
std::string CommuneKey(std::string_view name) {
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
