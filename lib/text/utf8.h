// SPDX-License-Identifier: Apache-2.0
// UTF-8 helpers shared by every stage: the one place that walks code points.
// All of them accept invalid UTF-8 and never read outside the given view.
#ifndef VIGIE_LIB_TEXT_UTF8_H_
#define VIGIE_LIB_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vigie::text {

// True when the code point that ends just before `pos` is a letter or digit.
// False at the start of `text` and for invalid bytes.
bool WordCharBefore(std::string_view text, size_t pos);

// True when the code point that starts at `pos` is a letter or digit.
// False at the end of `text` and for invalid bytes.
bool WordCharAt(std::string_view text, size_t pos);

// True when `pos` falls inside a multi-byte character: a continuation byte
// after a byte that is not ASCII ("Co|\xC3\xAB|tmieux" at the \xAB). A match
// never ends there.
inline bool InsideCodePoint(std::string_view text, size_t pos) {
  return pos > 0 && pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80 &&
         static_cast<unsigned char>(text[pos - 1]) >= 0x80;
}

// True when a hyphen or an apostrophe at `pos` joins a letter or digit to
// what comes before: "Saint|-Michel", "l|'Église" (the word goes on).
inline bool WordGoesOn(std::string_view text, size_t pos) {
  return pos + 1 < text.size() && (text[pos] == '-' || text[pos] == '\'') &&
         WordCharAt(text, pos + 1);
}

// Code points in `text`: every byte that is not a UTF-8 continuation byte
// counts as one, so an invalid byte counts as one too.
uint64_t CountCodePoints(std::string_view text);

// True when `bytes` read as text: no control character but the whitespace
// ones (tab to carriage return), and either valid UTF-8 (but for a code
// point cut at either end) or mostly ASCII (at most a quarter of the bytes
// beyond it: text in a one-byte encoding, Latin-1 or Windows-1252). Bytes
// of a binary file fail one test or the other nearly always.
bool LooksLikeText(std::string_view bytes);

// How many times `byte` occurs in `text`.
uint64_t CountByte(std::string_view text, char byte);

constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool IsAsciiAlnum(char c) { return IsAsciiDigit(c) || IsAsciiAlpha(c); }
inline char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
// `s` with its ASCII letters lower-cased (what Hyperscan's caseless mode
// ignores); other bytes unchanged.
inline std::string AsciiLowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

}  // namespace vigie::text

#endif  // VIGIE_LIB_TEXT_UTF8_H_
