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
  // keep the shape.
  std::vector<std::string_view> units;
  for (size_t i = 0; i < value.size();) {
    size_t n = 1;
    while (i + n < value.size() && (static_cast<unsigned char>(value[i + n]) & 0xC0) == 0x80) ++n;
    units.push_back(value.substr(i, n));
    i += n;
  }
  auto hidden = [](std::string_view u) {
    return static_cast<unsigned char>(u[0]) >= 0x80 || text::IsAsciiAlnum(u[0]);
  };
  size_t letters = 0;
  for (auto u : units) letters += hidden(u);
  size_t keep = letters >= 8 ? 2 : 0;
  std::string out;
  out.reserve(value.size());
  size_t seen = 0;
  for (auto u : units) {
    if (!hidden(u)) {
      out += u;
      continue;
    }
    ++seen;
    out += seen + keep <= letters ? std::string_view("*") : u;
  }
  return out;
}

}  // namespace vigie
