// SPDX-License-Identifier: Apache-2.0
#include "utf16.h"

#include <unicode/ustring.h>

#include <algorithm>

namespace vigie::cli {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8
// Pieces kept for FileOffset: the current one and two before it.
constexpr size_t kPiecesKept = 3;

bool HighSurrogate(char16_t unit) { return unit >= 0xD800 && unit <= 0xDBFF; }

}  // namespace

Encoding Sniff(std::string_view head) {
  if (head.size() >= 2 && head[0] == '\xFF' && head[1] == '\xFE') return Encoding::kUtf16Le;
  if (head.size() >= 2 && head[0] == '\xFE' && head[1] == '\xFF') return Encoding::kUtf16Be;
  if (head.substr(0, kProbeBytes).find('\0') != std::string_view::npos) return Encoding::kBinary;
  return Encoding::kUtf8;
}

Utf16Decoder::Utf16Decoder(Encoding encoding) : big_endian_(encoding == Encoding::kUtf16Be) {}

std::string_view Utf16Decoder::Decode(std::string_view bytes) {
  if (!mark_seen_) {
    // The mark, whole or cut, is the first two bytes of the file.
    size_t skip = std::min<size_t>(bytes.size(), 2 - pending_.size());
    pending_.append(bytes.substr(0, skip));
    bytes.remove_prefix(skip);
    if (pending_.size() < 2) return {};
    pending_.clear();
    mark_seen_ = true;
    file_offset_ = 2;
  }
  std::string data = pending_;
  data.append(bytes);
  std::u16string units(data.size() / 2, u'\0');
  for (size_t i = 0; i < units.size(); ++i) {
    auto first = static_cast<unsigned char>(data[2 * i]);
    auto second = static_cast<unsigned char>(data[2 * i + 1]);
    units[i] = static_cast<char16_t>(big_endian_ ? (first << 8 | second) : (second << 8 | first));
  }
  // A high surrogate at the end may be paired by the next piece's first unit.
  size_t whole = units.size();
  if (whole > 0 && HighSurrogate(units[whole - 1])) --whole;
  pending_ = data.substr(2 * whole);
  units.resize(whole);
  return Add(units, false);
}

std::string_view Utf16Decoder::Finish() {
  if (!mark_seen_) return {};
  std::u16string units;
  if (pending_.size() >= 2) {  // a lone high surrogate
    auto first = static_cast<unsigned char>(pending_[0]);
    auto second = static_cast<unsigned char>(pending_[1]);
    units.push_back(
        static_cast<char16_t>(big_endian_ ? (first << 8 | second) : (second << 8 | first)));
  }
  bool odd = pending_.size() % 2 == 1;
  pending_.clear();
  if (units.empty() && !odd) return {};
  return Add(units, odd);
}

std::string_view Utf16Decoder::Add(std::u16string_view units, bool odd_byte_at_end) {
  Piece piece;
  piece.utf8_begin = utf8_offset_;
  piece.file_begin = file_offset_;
  piece.utf8.resize(units.size() * 3 + kReplacement.size());
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strToUTF8WithSub(piece.utf8.data(), static_cast<int32_t>(piece.utf8.size()), &length,
                     reinterpret_cast<const UChar*>(units.data()),
                     static_cast<int32_t>(units.size()), 0xFFFD, nullptr, &status);
  piece.utf8.resize(U_SUCCESS(status) ? static_cast<size_t>(length) : 0);
  if (odd_byte_at_end) {
    piece.utf8.append(kReplacement);
    piece.odd_byte_at_end = true;
  }
  file_offset_ += 2 * units.size() + (odd_byte_at_end ? 1 : 0);
  utf8_offset_ += piece.utf8.size();
  pieces_.push_back(std::move(piece));
  if (pieces_.size() > kPiecesKept) pieces_.pop_front();
  return pieces_.back().utf8;
}

uint64_t Utf16Decoder::FileOffset(uint64_t at) {
  if (pieces_.empty()) return file_offset_;
  // The last piece that begins at or before `at`.
  auto it = std::find_if(pieces_.rbegin(), pieces_.rend(),
                         [&](const Piece& p) { return p.utf8_begin <= at; });
  if (it == pieces_.rend()) return pieces_.front().file_begin;  // not kept: never asked
  Piece& p = *it;
  size_t local = static_cast<size_t>(std::min<uint64_t>(at - p.utf8_begin, p.utf8.size()));
  if (local < p.cursor_utf8) {
    p.cursor_utf8 = 0;
    p.cursor_file = 0;
  }
  while (p.cursor_utf8 < local) {
    auto lead = static_cast<unsigned char>(p.utf8[p.cursor_utf8]);
    size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    bool odd = p.odd_byte_at_end && p.cursor_utf8 + kReplacement.size() == p.utf8.size();
    p.cursor_file += odd ? 1 : length == 4 ? 4 : 2;
    p.cursor_utf8 += length;
  }
  return p.file_begin + p.cursor_file;
}

}  // namespace vigie::cli
