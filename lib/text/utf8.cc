// SPDX-License-Identifier: Apache-2.0
// UTF-8 walking with ICU's macros, which turn invalid sequences into a
// negative code point instead of reading past the buffer.
#include "text/utf8.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstring>

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

bool LooksLikeText(std::string_view bytes) {
  size_t beyond_ascii = 0;
  for (char ch : bytes) {
    auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && (c < '\t' || c > '\r')) || c == 0x7F) return false;
    beyond_ascii += c >= 0x80 ? 1 : 0;
  }
  if (beyond_ascii * 4 <= bytes.size()) return true;
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  auto length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length && i < 3 && U8_IS_TRAIL(s[i])) ++i;  // the end of a code point cut
  while (i < length) {
    int32_t at = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    // Invalid, unless a code point cut by the end of `bytes`.
    if (c < 0 && !(i == length && U8_IS_LEAD(s[at]) && length - at < 4)) return false;
  }
  return true;
}

// Eight bytes at a time (SWAR): these run over every byte of a scan. Each
// word yields 0x80 in the bytes that count; those bits are added per byte
// lane (at most 255 words at a time) and the lanes summed at the end, which
// needs no popcount instruction.
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;
constexpr uint64_t kLowSeven = 0x7F7F7F7F7F7F7F7FULL;
constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kEvenBytes = 0x00FF00FF00FF00FFULL;
constexpr size_t kMaxLaneWords = 255;

uint64_t Load(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

uint64_t SumLanes(uint64_t lanes) {
  uint64_t pairs = (lanes & kEvenBytes) + ((lanes >> 8) & kEvenBytes);
  return (pairs * 0x0001000100010001ULL) >> 48;
}

// Bytes of `text` for which `marks(word)` sets the high bit.
template <typename Marks, typename One>
uint64_t CountMarked(std::string_view text, Marks marks, One one) {
  uint64_t total = 0;
  size_t i = 0;
  while (i + 8 <= text.size()) {
    uint64_t lanes = 0;
    for (size_t k = 0; k < kMaxLaneWords && i + 8 <= text.size(); ++k, i += 8) {
      lanes += (marks(Load(text.data() + i)) & kHighBits) >> 7;
    }
    total += SumLanes(lanes);
  }
  for (; i < text.size(); ++i) total += one(static_cast<unsigned char>(text[i]));
  return total;
}

}  // namespace

uint64_t CountCodePoints(std::string_view text) {
  // 10xxxxxx: bit 7 set and bit 6 clear.
  uint64_t continuation = CountMarked(
      text, [](uint64_t w) { return w & ~(w << 1); },
      [](unsigned char c) { return (c & 0xC0) == 0x80; });
  return text.size() - continuation;
}

uint64_t CountByte(std::string_view text, char byte) {
  const uint64_t pattern = kOnes * static_cast<unsigned char>(byte);
  return CountMarked(
      text,
      [pattern](uint64_t w) {
        uint64_t x = w ^ pattern;  // zero bytes where equal
        return ~(((x & kLowSeven) + kLowSeven) | x);
      },
      [byte](unsigned char c) { return c == static_cast<unsigned char>(byte); });
}

}  // namespace vigie::text
