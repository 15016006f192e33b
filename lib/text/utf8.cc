// UTF-8 walking with ICU's macros, which turn invalid sequences into a
// negative code point instead of reading past the buffer.
#include "text/utf8.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace vigie::text {
namespace {

bool IsWordCodePoint(UChar32 c) { return c >= 0 && u_isalnum(c); }

}  // namespace

bool WordCharBefore(std::string_view text, size_t pos) {
  if (pos == 0 || pos > text.size()) return false;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  unsigned char last = s[pos - 1];
  if (last < 0x80) return IsAsciiAlnum(static_cast<char>(last));
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c = 0;
  U8_PREV(s, 0, i, c);
  return IsWordCodePoint(c);
}

bool WordCharAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  if (s[pos] < 0x80) return IsAsciiAlnum(static_cast<char>(s[pos]));
  int32_t i = static_cast<int32_t>(pos);
  auto length = static_cast<int32_t>(text.size() - pos > 8 ? pos + 8 : text.size());
  UChar32 c = 0;
  U8_NEXT(s, i, length, c);
  return IsWordCodePoint(c);
}

uint64_t CountCodePoints(std::string_view text) {
  uint64_t n = 0;
  for (unsigned char b : text) n += (b & 0xC0) != 0x80;
  return n;
}

}  // namespace vigie::text
