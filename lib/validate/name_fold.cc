// SPDX-License-Identifier: Apache-2.0
// FoldName: the key of a name in INSEE's lists, shared by the name parser
// and by the build-time table compiler that prepares those lists.
#include <string>
#include <string_view>

#include "validate/person.h"

namespace vigie::validate {

std::string FoldName(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : static_cast<char>(c);
      continue;
    }
    if (c == 0xE2 && word.substr(i, 3) == "\xE2\x80\x99") {
      out += '\'';
      i += 2;
      continue;
    }
    if (c == 0xC5 && i + 1 < word.size() && (word[i + 1] == '\x92' || word[i + 1] == '\x93')) {
      out += "OE";
      ++i;
      continue;
    }
    if (c == 0xC3 && i + 1 < word.size()) {
      // À..ÿ without their accents.
      static constexpr char kBase[] =
          "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTSAAAAAAACEEEEIIIIDNOOOOO/OUUUUYTY";
      unsigned char second = static_cast<unsigned char>(word[i + 1]);
      if (second >= 0x80 && second <= 0xBF) {
        char base = kBase[second - 0x80];
        if (second == 0x86 || second == 0xA6) {
          out += "AE";
        } else if (second == 0x9F) {
          out += "SS";
        } else {
          out += base;
        }
        ++i;
        continue;
      }
    }
    out += static_cast<char>(c);
  }
  return out;
}

}  // namespace vigie::validate
