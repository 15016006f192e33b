// SPDX-License-Identifier: Apache-2.0
// The syntax around each byte of a text being redacted: a delimited file's
// cells (RFC 4180 quoting) or JSON's strings, followed byte by byte, so that
// a replacement is written the way its place needs (Fit).
#ifndef VIGIE_LIB_REDACT_SYNTAX_H_
#define VIGIE_LIB_REDACT_SYNTAX_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::redact {

enum class Syntax : uint8_t { kText, kDelimited, kJson };

// Where a byte lies.
enum class Place : uint8_t {
  kText,        // running text: anything goes
  kBareCell,    // an unquoted cell
  kQuotedCell,  // inside the quotes of a cell
  kJsonString,  // inside a JSON string that is a value
  kJsonKey,     // inside a JSON string that names a member: no one's data
  kJsonOther,   // JSON outside strings (a number, structure)
};

class SyntaxFollower {
 public:
  SyntaxFollower() = default;
  SyntaxFollower(Syntax syntax, char delimiter) : syntax_(syntax), delimiter_(delimiter) {}

  // The place of the next byte, before it is followed.
  Place Next() const;
  // Follows one byte; true when it ends a record (a line break outside
  // quotes and strings).
  bool Follow(char c);
  // Follows `bytes` up to the end of the first record that ends among them:
  // the count of bytes followed (all of them when no record ends there);
  // `*ended` says whether one did.
  size_t FollowRecord(std::string_view bytes, bool* ended);
  // Follows all of `bytes`.
  void FollowAll(std::string_view bytes);
  // A delimited text: follows `bytes` as FollowAll does, and calls
  // `on_cell(column, filled, at, ends_record)` at each cell's end (the
  // delimiter or line break at bytes[at]): its column from 0, and whether
  // it held anything but quotes and a carriage return.
  template <typename OnCell>
  void FollowCells(std::string_view bytes, OnCell&& on_cell) {
    for (size_t i = 0; i < bytes.size(); ++i) {
      i += Plain(bytes.substr(i));
      if (i == bytes.size()) break;
      char c = bytes[i];
      bool ends = !in_quotes_ && (c == delimiter_ || c == '\n');
      uint32_t column = column_;
      bool filled = filled_;
      Follow(c);
      if (ends) on_cell(column, filled, i, c == '\n');
    }
  }
  // A delimited text: the column of the cell being followed, and whether it
  // holds anything yet.
  uint32_t column() const { return column_; }
  bool filled() const { return filled_; }
  Syntax syntax() const { return syntax_; }

 private:
  // How many of the first bytes change nothing of the state but that a
  // cell has begun (they are passed over without Follow).
  size_t Plain(std::string_view bytes);
  Syntax syntax_ = Syntax::kText;
  char delimiter_ = ',';
  bool in_quotes_ = false;    // delimited: inside a quoted cell's quotes
  bool quoted_cell_ = false;  // delimited: the cell began with a quote
  bool at_cell_start_ = true;
  uint32_t column_ = 0;      // delimited: the current cell's column
  bool filled_ = false;      // delimited: the current cell holds a character
  bool in_string_ = false;   // JSON
  bool escape_ = false;      // JSON: after a backslash in a string
  bool in_key_ = false;      // JSON: the string is a member's name
  bool expect_key_ = false;  // JSON: the next string names a member
  // JSON: the containers open, innermost last, true for an object (as
  // deep as kMaxDepth; deeper ones are taken for arrays).
  std::vector<bool> objects_;
};

// `replacement` written so that it stays within its place: quotes doubled
// in a quoted cell; delimiter, quotes and line breaks made spaces in a bare
// cell; escaped in a JSON string; made a JSON string outside strings.
std::string Fit(std::string_view replacement, Place place, char delimiter);

// The syntax of a text from its first bytes: JSON when its first byte that
// is not a space is '{' or '['; `delimited` otherwise when the scan found a
// delimited layout.
Syntax SyntaxOf(std::string_view head, bool delimited);

}  // namespace vigie::redact

#endif  // VIGIE_LIB_REDACT_SYNTAX_H_
