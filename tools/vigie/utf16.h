// SPDX-License-Identifier: Apache-2.0
// Text in UTF-16 with a byte-order mark (as Windows tools export it) read
// as UTF-8 for the scanner, and the findings' offsets taken back into the
// original bytes.
#ifndef VIGIE_TOOLS_VIGIE_UTF16_H_
#define VIGIE_TOOLS_VIGIE_UTF16_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

namespace vigie::cli {

// How a file's first bytes say it is to be read.
enum class Encoding {
  kUtf8,     // or any other text: scanned as it is
  kBinary,   // a NUL byte among the first bytes, and no UTF-16 mark
  kUtf16Le,  // FF FE
  kUtf16Be,  // FE FF
};

// Bytes looked at to tell binary files from text (grep and ripgrep look
// at about as many).
constexpr size_t kProbeBytes = 8 << 10;

// The encoding of a file that begins with `head` (its first kProbeBytes,
// or all of it when shorter).
Encoding Sniff(std::string_view head);

// Decodes a UTF-16 file piece by piece, in order, into UTF-8. Unpaired
// surrogates and an odd last byte become U+FFFD. The UTF-8 offsets of the
// findings in a piece, and in the two before it, can be taken back to
// offsets in the file (the stream holds back far less than a piece).
class Utf16Decoder {
 public:
  explicit Utf16Decoder(Encoding encoding);

  // The UTF-8 of the next `bytes` of the file (the first piece begins
  // with the byte-order mark, which is skipped). A surrogate pair or a
  // code unit cut by the end of `bytes` is decoded with the next piece.
  std::string_view Decode(std::string_view bytes);
  // The UTF-8 of what is left at the end of the file.
  std::string_view Finish();

  // The offset in the file of UTF-8 offset `at`: the start of the code
  // point that begins there, or the end of the file's decoded bytes. Asked
  // in increasing order, each costs the bytes between two calls.
  uint64_t FileOffset(uint64_t at);

 private:
  struct Piece {
    uint64_t utf8_begin = 0;
    uint64_t file_begin = 0;
    std::string utf8;
    // A cursor: utf8 bytes [0, cursor_utf8) took file bytes [0, cursor_file).
    size_t cursor_utf8 = 0;
    uint64_t cursor_file = 0;
    // The UTF-8 of an odd last byte: U+FFFD for one byte, not two.
    bool odd_byte_at_end = false;
  };
  std::string_view Add(std::u16string_view units, bool odd_byte_at_end);

  bool big_endian_;
  bool mark_seen_ = false;
  std::string pending_;  // bytes of a code unit or a pair cut by a piece's end
  uint64_t file_offset_ = 0;
  uint64_t utf8_offset_ = 0;
  std::deque<Piece> pieces_;  // the last few, for FileOffset
};

}  // namespace vigie::cli

#endif  // VIGIE_TOOLS_VIGIE_UTF16_H_
