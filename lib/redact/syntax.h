// SPDX-License-Identifier: Apache-2.0
// The syntax around each byte of a text being redacted: a delimited file's
// cells (RFC 4180 quoting) or JSON's strings, followed byte by byte, so that
// a replacement is written the way its place needs (Fit).
#ifndef VIGIE_LIB_REDACT_SYNTAX_H_
#define VIGIE_LIB_REDACT_SYNTAX_H_

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
