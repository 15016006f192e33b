// SPDX-License-Identifier: Apache-2.0
#include "redact/syntax.h"

#include "records/layout.h"

namespace vigie::redact {
namespace {

constexpr size_t kMaxDepth = size_t{1} << 16;

}  // namespace

Place SyntaxFollower::Next() const {
  switch (syntax_) {
    case Syntax::kText:
      return Place::kText;
    case Syntax::kDelimited:
      return in_quotes_ ? Place::kQuotedCell : Place::kBareCell;
    case Syntax::kJson:
      return !in_string_ ? Place::kJsonOther : in_key_ ? Place::kJsonKey : Place::kJsonString;
  }
  return Place::kText;
}

bool SyntaxFollower::Follow(char c) {
  switch (syntax_) {
    case Syntax::kText:
      return c == '\n';
    case Syntax::kDelimited:
      if (c == '"') {
        if (at_cell_start_) {
          quoted_cell_ = in_quotes_ = true;
        } else if (quoted_cell_) {
          // A closing quote, or the second of "" (a quote in the cell).
          if (!in_quotes_) filled_ = true;
          in_quotes_ = !in_quotes_;
        } else {
          filled_ = true;  // a quote inside a bare cell is its own
        }
        at_cell_start_ = false;
        return false;
      }
      if (in_quotes_) {
        filled_ = true;
        return false;
      }
      if (c == delimiter_ || c == '\n') {
        at_cell_start_ = true;
        quoted_cell_ = false;
        filled_ = false;
        column_ = c == '\n' ? 0 : column_ + 1;
        return c == '\n';
      }
      if (c != '\r') {
        at_cell_start_ = false;
        filled_ = true;
      }
      return false;
    case Syntax::kJson:
      if (in_string_) {
        if (records::JsonStringCloses(c, escape_)) in_string_ = false;
        return false;
      }
      switch (c) {
        case '"':
          in_string_ = true;
          in_key_ = expect_key_;
          break;
        case '{':
        case '[':
          if (objects_.size() < kMaxDepth) objects_.push_back(c == '{');
          expect_key_ = c == '{';
          break;
        case '}':
        case ']':
          if (!objects_.empty()) objects_.pop_back();
          expect_key_ = false;
          break;
        case ',':
          expect_key_ = !objects_.empty() && objects_.back();
          break;
        case ':':
          expect_key_ = false;
          break;
        default:
          break;
      }
      return c == '\n';
  }
  return false;
}

size_t SyntaxFollower::FollowRecord(std::string_view bytes, bool* ended) {
  *ended = false;
  if (syntax_ == Syntax::kText) {
    size_t nl = bytes.find('\n');
    *ended = nl != std::string_view::npos;
    return *ended ? nl + 1 : bytes.size();
  }
  for (size_t i = 0; i < bytes.size(); ++i) {
    i += Plain(bytes.substr(i));
    if (i == bytes.size()) break;
    if (Follow(bytes[i])) {
      *ended = true;
      return i + 1;
    }
  }
  return bytes.size();
}

void SyntaxFollower::FollowAll(std::string_view bytes) {
  if (syntax_ == Syntax::kText) return;
  for (size_t i = 0; i < bytes.size(); ++i) {
    i += Plain(bytes.substr(i));
    if (i < bytes.size()) Follow(bytes[i]);
  }
}

size_t SyntaxFollower::Plain(std::string_view bytes) {
  // Bytes that change nothing: in a cell, any but the delimiter, quotes and
  // line breaks; in a JSON string, any but quotes and backslashes (outside
  // strings every byte is read).
  size_t i = 0;
  if (syntax_ == Syntax::kDelimited) {
    while (i < bytes.size()) {
      char c = bytes[i];
      if (c == '"' || c == delimiter_ || c == '\n' || c == '\r') break;
      ++i;
    }
    if (i > 0) {
      at_cell_start_ = false;
      filled_ = true;
    }
  } else if (syntax_ == Syntax::kJson && in_string_ && !escape_) {
    while (i < bytes.size() && bytes[i] != '"' && bytes[i] != '\\') ++i;
  }
  return i;
}

std::string Fit(std::string_view replacement, Place place, char delimiter) {
  std::string out;
  out.reserve(replacement.size() + 2);
  switch (place) {
    case Place::kText:
      return std::string(replacement);
    case Place::kBareCell:
      for (char c : replacement) {
        out.push_back(c == delimiter || c == '"' || c == '\n' || c == '\r' ? ' ' : c);
      }
      return out;
    case Place::kQuotedCell:
      for (char c : replacement) {
        out.push_back(c);
        if (c == '"') out.push_back('"');
      }
      return out;
    case Place::kJsonString:
    case Place::kJsonKey:
    case Place::kJsonOther: {
      constexpr char kHex[] = "0123456789abcdef";
      if (place == Place::kJsonOther) out.push_back('"');
      for (char c : replacement) {
        auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
          out.push_back('\\');
          out.push_back(c);
        } else if (c == '\n') {
          out.append("\\n");
        } else if (c == '\r') {
          out.append("\\r");
        } else if (c == '\t') {
          out.append("\\t");
        } else if (u < 0x20) {
          out.append("\\u00");
          out.push_back(kHex[u >> 4]);
          out.push_back(kHex[u & 15]);
        } else {
          out.push_back(c);
        }
      }
      if (place == Place::kJsonOther) out.push_back('"');
      return out;
    }
  }
  return out;
}

Syntax SyntaxOf(std::string_view head, bool delimited) {
  for (char c : head) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (c == '{' || c == '[') return Syntax::kJson;
    break;
  }
  return delimited ? Syntax::kDelimited : Syntax::kText;
}

}  // namespace vigie::redact
