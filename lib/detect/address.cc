// SPDX-License-Identifier: Apache-2.0
// FR_POSTAL_ADDRESS: found from its end, "POSTCODE COMMUNE", which must
// agree with the postcode table; the start is the leftmost street line
// (number, type of way, BP/CS) that still parses as one address, on the
// same line or the two before (AFNOR order), or in the cells before in a
// delimited record. Postcode and commune alone are a weak guess: they
// need context ("adresse", "domicile", a column named so). A street line
// alone ("12 bis rue des Lilas") is a medium one.
#include "vigie/address.h"

#include <algorithm>
#include <optional>

#include "detect/builtin.h"
#include "text/utf8.h"
#include "validate/address_internal.h"

namespace vigie::detect {
namespace {

using internal::DetectorDef;

constexpr double kStreetScore = 0.9;
constexpr double kLocalityScore = 0.4;
// A street line without its postcode: an address, less surely.
constexpr double kStreetOnlyScore = 0.6;
// The longest address: a street line, complements and the postcode line.
constexpr size_t kMaxAddress = 200;
// Lines an address may span before its postcode line.
constexpr int kMaxLines = 2;

bool Digit(char c) { return c >= '0' && c <= '9'; }

// Where the postcode of a match ending at `end` starts: the last run of
// five digits (a commune's name has none).
size_t PostcodeStart(std::string_view text, size_t earliest, size_t end) {
  for (size_t i = end; i >= earliest + 5; --i) {
    size_t p = i - 5;
    bool digits = std::all_of(text.begin() + static_cast<std::ptrdiff_t>(p),
                              text.begin() + static_cast<std::ptrdiff_t>(i), Digit);
    if (digits && (p == 0 || !Digit(text[p - 1])) && (i == text.size() || !Digit(text[i]))) {
      return p;
    }
  }
  return std::string_view::npos;
}

// The verdict on an address parsed as `parse`, and its value: the
// normalized address on one line.
Verdict Judge(const AddressParse& parse) {
  if (!parse.valid) return Verdict::Reject();
  std::string value;
  value.reserve(parse.address.normalized.size() + 4);
  for (char c : parse.address.normalized) {
    if (c == '\n') {
      value += ", ";
    } else {
      value += c;
    }
  }
  double score = !parse.has_locality ? kStreetOnlyScore
                 : parse.has_street  ? kStreetScore
                                     : kLocalityScore;
  return Verdict::Confirmed(score, std::move(value));
}

// A street line alone ("12 bis rue des Lilas"), on one line and in one
// cell (a semicolon or a tab is no part of it): it starts with its
// number. The words of the line are cut and folded once.
internal::Located StreetLineStart(std::string_view text, size_t earliest, size_t end) {
  size_t line = text.substr(earliest, end - earliest).find_last_of("\n;\t");
  if (line != std::string_view::npos) earliest += line + 1;
  std::optional<AddressWords> words;
  return internal::LeftmostStart(text, earliest, end, 5, [&](std::string_view span) {
    if (!Digit(span[0])) return Verdict::Reject();
    if (!words) words.emplace(text.substr(earliest, end - earliest));
    size_t start = static_cast<size_t>(span.data() - text.data()) - earliest;
    if (!words->MayStartAt(start)) return Verdict::Reject();
    return Judge(words->ParseFrom(start));
  });
}

internal::Located AddressStart(std::string_view text, size_t earliest, size_t end) {
  size_t p = PostcodeStart(text, earliest, end);
  if (p == std::string_view::npos) return StreetLineStart(text, earliest, end);
  // Candidate starts: word starts within kMaxLines line breaks before the
  // postcode, leftmost first; the first that parses with a street wins.
  size_t from = p;
  int lines = 0;
  while (from > earliest) {
    char c = text[from - 1];
    if (c == '\n' && ++lines > kMaxLines) break;
    if (c == ':') break;  // a label ends there
    --from;
  }
  AddressWords words(text.substr(from, end - from));
  // Postcode and commune alone first: when the postcode is a word of its
  // own, every start before it shares their check, and when that fails
  // (the words after the postcode are no commune of it, or only the first
  // words of one) no start can parse.
  bool locality = words.LocalityValidAt(p - from);
  auto separator = [&](size_t at) {
    return std::string_view(" ,;\t\r\n").find(text[at]) != std::string_view::npos;
  };
  bool own_word = (p == from || separator(p - 1)) && (p + 5 == end || separator(p + 5));
  if (!locality && own_word) {
    return StreetLineStart(text, p + 5, end);
  }
  for (size_t s = from; s < p; ++s) {
    if (text::WordCharBefore(text, s) || !text::WordCharAt(text, s)) continue;
    if (!words.MayStartAt(s - from)) continue;
    AddressParse parse = words.ParseFrom(s - from);
    if (parse.valid && parse.has_street) return {s, Judge(parse)};
  }
  if (locality) return {p, Judge(words.ParseFrom(p - from))};
  return StreetLineStart(text, p + 5, end);
}

}  // namespace

// A street line alone: a number, maybe "bis" or a letter, a common type of
// way (literals for Hyperscan to look for; the parser knows every type and
// decides), then the way's name on the same line, its last word beginning
// with a capital and ending on an ASCII letter at a word boundary, so that
// Hyperscan reports the ends of capitalized words, not every letter.
// The whole table of types makes a pattern longer than Hyperscan accepts;
// addresses with a postcode are found whatever their type.
std::string StreetLinePattern() {
  static const char* const kTypes[] = {
      "rue",       "r",          "avenue",   "av",      "ave",      "bd",        "boulevard",
      "bld",       "place",      "pl",       "all&e",   "all",      "impasse",   "imp",
      "chemin",    "che",        "chem",     "ch",      "route",    "rte",       "quai",
      "cours",     "crs",        "square",   "sq",      "passage",  "r&sidence", "res",
      "lieu-dit",  "lieudit",    "ld",       "hameau",  "ham",      "cit&",      "lotissement",
      "promenade", "esplanade",  "faubourg", "fbg",     "voie",     "sentier",   "sente",
      "parvis",    "rond-point", "zone",     "za",      "zi",       "zac",       "domaine",
      "villa",     "mont&e",     "ruelle",   "venelle", "traverse", "clos",      "mail",
      "carrefour", "quartier",   "chauss&e", "cour",    "galerie",  "port",      "tour"};
  // Letters in either case: the pattern is case-sensitive, for its last
  // word must begin with a capital (a street line alone names its way with
  // one, and its last word is one or a particle: "12 rue Jean de" is no
  // line of its own beside "12 rue Jean de La Fontaine").
  auto either_case = [](char c) {
    if (c < 'a' || c > 'z') return std::string(1, c);
    return std::string{'[', c, static_cast<char>(c - 'a' + 'A'), ']'};
  };
  std::string types;
  for (const char* type : kTypes) {
    if (!types.empty()) types += '|';
    for (const char* c = type; *c; ++c) {
      if (*c == '&') {
        types += "(?:[eE]|\\xc3\\xa9|\\xc3\\x89)";  // é, É, or e
      } else if (*c == '-') {
        types += "[ -]";
      } else {
        types += either_case(*c);
      }
    }
  }
  std::string suffixes;
  for (const char* suffix : {"bis", "ter", "quater"}) {
    for (const char* c = suffix; *c; ++c) suffixes += either_case(*c);
    suffixes += '|';
  }
  return "\\b[0-9]{1,4}(?:-[0-9]{1,4})?,?(?: +(?:" + suffixes + "[a-dA-D]),?)? +(?:" + types +
         ")\\.?(?: +[A-Za-z\\x80-\\xff][A-Za-z\\x80-\\xff'-]*){0,5} +(?:[A-Z]|\\xc3[\\x80-\\x9e])"
         "[A-Za-z\\x80-\\xff'-]*[A-Za-z]\\b";
}

DetectorDef AddressDetector() {
  DetectorDef d;
  d.kind = "FR_POSTAL_ADDRESS";
  d.category = Category::kContact;
  // A postcode and up to six words of a commune's name (letters, bytes of
  // accented letters, hyphens, apostrophes).
  // In a delimited record the commune may be the next cell.
  d.patterns = {{"\\b[0-9]{5}(?:[;,\\t]|[ \\t]+)[A-Za-z\\x80-\\xff][A-Za-z\\x80-\\xff'-]*"
                 "(?:[ \\t]+[A-Za-z\\x80-\\xff][A-Za-z\\x80-\\xff'-]*){0,5}",
                 internal::Shape::kDigitLed, false},
                {StreetLinePattern(), internal::Shape::kDigitLed, false}};
  d.spans_cells = true;
  d.max_width = kMaxAddress;
  d.keywords = {"adresse",   "domicile",     "domicilié",   "domiciliée", "habite",  "réside",
                "demeurant", "demeurant au", "code postal", "ville",      "commune", "CP"};
  d.window_before = 64;
  d.window_after = 16;
  d.find_start = [](std::string_view text, size_t earliest, size_t end) -> internal::Located {
    // An address ends on a whole word: a match that stops before the
    // hyphen or apostrophe of "Saint-Michel" or "Val-d'Oise" has a longer
    // match beside it, which Hyperscan reports too, and would lose to it.
    if (text::WordGoesOn(text, end)) return {};
    return AddressStart(text, earliest, end);
  };
  d.confirm = [](std::string_view match) { return Judge(ParseAddress(match)); };
  return d;
}

}  // namespace vigie::detect
