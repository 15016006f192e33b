// SPDX-License-Identifier: Apache-2.0
// FoldName: the key of a name in INSEE's lists, shared by the name parser
// and by the build-time table compiler that prepares those lists.
#include <string>
#include <string_view>

#include "validate/person.h"

namespace vigie::validate {

std::string FoldName(std::string_view word) {
  std::string out;
  FoldNameInto(word, &out);
  return out;
}

void FoldNameInto(std::string_view word, std::string* key) {
  // Each character folds to at most as many bytes as it takes ("Œ" to
  // "OE", "’" to "'"): the key is written in place, then cut to its size.
  std::string& out = *key;
  out.resize(word.size());
  size_t o = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      out[o++] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : static_cast<char>(c);
      continue;
    }
    if (c == 0xE2 && word.substr(i, 3) == "\xE2\x80\x99") {
      out[o++] = '\'';
      i += 2;
      continue;
    }
    if (c == 0xC5 && i + 1 < word.size() && (word[i + 1] == '\x92' || word[i + 1] == '\x93')) {
      out[o++] = 'O';
      out[o++] = 'E';
      ++i;
      continue;
    }
    if (c == 0xC3 && i + 1 < word.size()) {
      // À..ÿ without their accents.
      static constexpr char kBase[] =
          "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTSAAAAAAACEEEEIIIIDNOOOOO/OUUUUYTY";
      unsigned char second = static_cast<unsigned char>(word[i + 1]);
      if (second >= 0x80 && second <= 0xBF) {
        if (second == 0x86 || second == 0xA6) {
          out[o++] = 'A';
          out[o++] = 'E';
        } else if (second == 0x9F) {
          out[o++] = 'S';
          out[o++] = 'S';
        } else {
          out[o++] = kBase[second - 0x80];
        }
        ++i;
        continue;
      }
    }
    out[o++] = static_cast<char>(c);
  }
  out.resize(o);
}

}  // namespace vigie::validate
