// What a Finding says of itself: its category's and qualifiers' names, and
// its value masked (finding.h).
#include "vigie/finding.h"

#include <vector>

#include "text/utf8.h"

namespace vigie {

std::string_view CategoryName(Category category) {
  switch (category) {
    case Category::kIdentity:
      return "identity";
    case Category::kContact:
      return "contact";
    case Category::kFinancial:
      return "financial";
    case Category::kHealth:
      return "health";
  }
  return "identity";
}

std::string_view QualifierName(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::kNegated:
      return "negated";
    case Qualifier::kHypothetical:
      return "hypothetical";
    case Qualifier::kFamily:
      return "family";
    case Qualifier::kHistory:
      return "history";
  }
  return "unknown";
}

std::vector<std::string> QualifierNames(const Finding& finding) {
  std::vector<std::string> names;
  for (Qualifier q :
       {Qualifier::kNegated, Qualifier::kHypothetical, Qualifier::kFamily, Qualifier::kHistory}) {
    if (finding.Has(q)) names.emplace_back(QualifierName(q));
  }
  return names;
}

std::string MaskValue(std::string_view value) {
  // Code points: ASCII letters and digits and every non-ASCII character
  // (accented letters, Greek...) are hidden; ASCII punctuation and spaces
  // keep the shape. A code point is its first byte and the continuation
  // bytes after it.
  auto continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
  auto hidden = [](char first) {
    return static_cast<unsigned char>(first) >= 0x80 || text::IsAsciiAlnum(first);
  };
  size_t letters = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    if (!continuation(value[i]) || i == 0) letters += hidden(value[i]);
  }
  size_t keep = letters >= 8 ? 2 : 0;  // the last two stay visible
  // Never longer than the value: written in place, then cut.
  std::string out(value.size(), '\0');
  char* p = out.data();
  size_t seen = 0;
  for (size_t i = 0; i < value.size();) {
    size_t n = 1;
    while (i + n < value.size() && continuation(value[i + n])) ++n;
    bool masked = hidden(value[i]) && ++seen + keep <= letters;
    if (masked) {
      *p++ = '*';
    } else {
      for (size_t k = 0; k < n; ++k) *p++ = value[i + k];  // a byte or a few
    }
    i += n;
  }
  out.resize(static_cast<size_t>(p - out.data()));
  return out;
}

}  // namespace vigie
