// SPDX-License-Identifier: Apache-2.0
#include "redact/surrogate.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <vector>

#include "data/tables.h"
#include "text/utf8.h"
#include "validate/checksum.h"
#include "validate/person.h"
#include "vigie/address.h"
#include "vigie/person.h"
#include "vigie/validate.h"

namespace vigie::redact {
namespace {

using text::IsAsciiAlnum;
using text::IsAsciiAlpha;
using text::IsAsciiDigit;

// ARCEP's blocks reserved for fiction (plan national de numérotation,
// decision 2018-0881): the first five digits of the national number, by
// zone (01-05) and for mobiles.
constexpr std::array<std::string_view, 6> kFictionBlocks = {"19900", "26191", "35301",
                                                            "46571", "53649", "63998"};

// Street names of the invented street lines: the commonest kinds of French
// street names, none a person's.
constexpr std::array<std::string_view, 20> kStreetNames = {
    "des Lilas",      "des Tilleuls",    "des Acacias", "des Peupliers", "du Moulin",
    "de la Fontaine", "des Ecoles",      "du Stade",    "de la Gare",    "des Jardins",
    "du Chateau",     "des Vignes",      "de l'Eglise", "des Pres",      "du Lavoir",
    "des Cerisiers",  "des Hirondelles", "des Rosiers", "du Marche",     "de la Source"};
constexpr std::array<std::string_view, 6> kStreetTypes = {"rue",   "avenue",  "chemin",
                                                          "allee", "impasse", "boulevard"};
constexpr std::array<std::string_view, 12> kMonths = {
    "janvier", "février", "mars",      "avril",   "mai",      "juin",
    "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};

// `n` random digits, drawn nine at a time.
std::string Digits(KeyedChoice& choice, size_t n) {
  std::string out;
  while (out.size() < n) {
    size_t k = std::min<size_t>(9, n - out.size());
    uint64_t ten_to_k = 1;
    for (size_t i = 0; i < k; ++i) ten_to_k *= 10;
    uint64_t draw = choice.Below(ten_to_k);
    std::string part = std::to_string(draw);
    out.append(k - part.size(), '0');
    out.append(part);
  }
  return out;
}

// 0-99 in two digits.
std::string TwoDigits(int n) {
  return {static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
}

// `digits` with its last digit set so that the Luhn check holds.
std::string WithLuhn(std::string digits) {
  for (char d = '0'; d <= '9'; ++d) {
    digits.back() = d;
    if (validate::LuhnValid(digits)) break;
  }
  return digits;
}

// The ASCII letters and digits of `raw` replaced, in order, by those of
// `fill` (as many); the rest of `raw` kept. Nothing when the counts differ.
std::optional<std::string> FillShape(std::string_view raw, std::string_view fill) {
  std::string out(raw);
  size_t k = 0;
  for (char& c : out) {
    if (!IsAsciiAlnum(c)) continue;
    if (k == fill.size()) return std::nullopt;
    char f = fill[k++];
    c = IsAsciiAlpha(c) && IsAsciiAlpha(f) && c >= 'a' ? text::AsciiLower(f) : f;
  }
  if (k != fill.size()) return std::nullopt;
  return out;
}

// The last `fill.size()` digits of `raw` replaced by `fill`.
std::optional<std::string> FillLastDigits(std::string_view raw, std::string_view fill) {
  std::string out(raw);
  size_t k = fill.size();
  for (size_t i = out.size(); i-- > 0 && k > 0;) {
    if (IsAsciiDigit(out[i])) out[i] = fill[--k];
  }
  if (k != 0) return std::nullopt;
  return out;
}

// The letters and digits of `raw`, each replaced by a random one of its
// sort: a custom kind's surrogate keeps its shape.
std::string Scramble(std::string_view raw, KeyedChoice& choice) {
  std::string out(raw);
  for (char& c : out) {
    if (IsAsciiDigit(c)) {
      c = static_cast<char>('0' + choice.Below(10));
    } else if (c >= 'a' && c <= 'z') {
      c = static_cast<char>('a' + choice.Below(26));
    } else if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>('A' + choice.Below(26));
    }
  }
  return out;
}

std::string AsciiUpper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

// "JEAN-PIERRE" -> "Jean-Pierre": upper case after a space, hyphen or
// apostrophe, lower case elsewhere.
std::string TitleCase(std::string_view upper) {
  std::string out(upper);
  bool start = true;
  for (char& c : out) {
    if (IsAsciiAlpha(c)) {
      c = start ? c : text::AsciiLower(c);
      start = false;
    } else {
      start = true;
    }
  }
  return out;
}

// Whether the letters of `s` are all upper case (ASCII), with two at least.
bool Shouting(std::string_view s) {
  int upper = 0;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    upper += c >= 'A' && c <= 'Z';
  }
  return upper >= 2;
}

std::string LikeCase(std::string_view model, std::string_view upper) {
  return Shouting(model) ? std::string(upper) : TitleCase(upper);
}

// --- NIR ------------------------------------------------------------------

std::optional<std::string> NirSurrogate(std::string_view raw, KeyedChoice& choice) {
  NirValidation v = ValidateNir(raw);
  const std::string& n = v.normalized;
  if (!v.valid || n.size() != 15) return std::nullopt;
  // Sex, year, month and department stay; the commune (or country), order
  // and key are new.
  bool overseas = n.compare(5, 2, "97") == 0 || n.compare(5, 2, "98") == 0;
  size_t place = overseas ? 8 : 7;
  std::string out = n.substr(0, place);
  if (n.compare(5, 2, "99") == 0) {
    out += n.substr(7, 3);  // the country of birth stays, as a department would
  } else {
    size_t digits = 10 - place;
    uint64_t most = digits == 3 ? 250 : 50;
    std::string commune = std::to_string(1 + choice.Below(most));
    out += std::string(digits - commune.size(), '0') + commune;
  }
  std::string order = std::to_string(1 + choice.Below(999));
  out += std::string(3 - order.size(), '0') + order;
  std::string numeric = out;
  // Corsica's 2A and 2B count as 19 and 18 in the key.
  if (numeric[6] == 'A' || numeric[6] == 'B')
    numeric.replace(5, 2, numeric[6] == 'A' ? "19" : "18");
  int key = 97 - validate::Mod97(numeric);
  out += TwoDigits(key);
  return FillShape(raw, out);
}

// --- phones ---------------------------------------------------------------

std::optional<std::string> PhoneSurrogate(std::string_view raw, KeyedChoice& choice) {
  PhoneValidation v = ValidatePhone(raw);
  if (!v.valid) return std::nullopt;
  // The national number: the digits after the country code.
  std::string national = v.e164.size() > 9 ? v.e164.substr(v.e164.size() - 9) : "";
  if (national.size() != 9 || v.type == "m2m") return std::nullopt;
  size_t zone = national[0] >= '1' && national[0] <= '5' ? static_cast<size_t>(national[0] - '1')
                : v.type == "mobile"                     ? 5
                                                         : 0;
  std::string fake = std::string(kFictionBlocks[zone]).substr(1) + Digits(choice, 4);
  fake.insert(0, 1, kFictionBlocks[zone][0]);
  if (v.territory != "FR" && v.e164.rfind("+33", 0) != 0) {
    // Overseas numbers written with their own country code have no block
    // of their own: the number is written the national way.
    return "0" + fake;
  }
  return FillLastDigits(raw, fake);
}

// --- IBAN -----------------------------------------------------------------

std::optional<std::string> IbanSurrogate(std::string_view raw, KeyedChoice& choice) {
  IbanValidation v = ValidateIban(raw);
  const std::string& n = v.normalized;
  if (!v.valid || n.size() < 8) return std::nullopt;
  std::string bban = n.substr(4);
  if (v.country == "FR" || v.country == "MC") {
    // Bank code kept; branch and account new, digits only; then the RIB key.
    std::string body = bban.substr(0, 5) + Digits(choice, 16);
    int key = 97 - validate::Mod97(body + "00");
    bban = body + TwoDigits(key);
  } else {
    // Digits new, letters kept: the BBAN's structure holds.
    for (char& c : bban) {
      if (IsAsciiDigit(c)) c = static_cast<char>('0' + choice.Below(10));
    }
  }
  int check = 98 - validate::Mod97(bban + v.country + "00");
  std::string out = v.country + TwoDigits(check) + bban;
  return FillShape(raw, out);
}

// --- names ----------------------------------------------------------------

// INSEE's names by sex and frequency (the number of digits of their
// births), for given names and family names; built once.
struct NamePools {
  // given[sex][digits]: sex 0 men, 1 women; digits 0-7.
  std::array<std::array<std::vector<uint32_t>, 8>, 2> given;
  std::array<std::vector<uint32_t>, 8> family;
};

size_t Magnitude(uint64_t births) {
  size_t m = 0;
  while (births >= 10 && m < 7) {
    births /= 10;
    ++m;
  }
  return m;
}

bool PlainName(std::string_view key) {
  return !key.empty() && std::all_of(key.begin(), key.end(),
                                     [](char c) { return (c >= 'A' && c <= 'Z') || c == '-'; });
}

const NamePools& Pools() {
  static const NamePools pools = [] {
    NamePools p;
    const data::SortedRows& rows = data::kNamesByKey;
    for (size_t i = 0; i < rows.rows; ++i) {
      const data::NameEntry& e = data::kNameEntries[i];
      std::string_view key = data::Field(rows.Row(i), 0);
      if (!PlainName(key)) continue;
      // Names that are also words, communes or countries are left out, and
      // names too rare to be anyone's but a few people's.
      if (e.given >= 20 && !e.given_ambiguous && (e.sex == 'M' || e.sex == 'F')) {
        p.given[e.sex == 'F'][Magnitude(e.given)].push_back(static_cast<uint32_t>(i));
      }
      if (e.family >= 20 && !e.family_ambiguous && key.find('-') == std::string_view::npos) {
        p.family[Magnitude(e.family)].push_back(static_cast<uint32_t>(i));
      }
    }
    return p;
  }();
  return pools;
}

// A name from `pool` by the magnitude nearest `magnitude` that has some.
std::string_view Pick(const std::array<std::vector<uint32_t>, 8>& pool, size_t magnitude,
                      KeyedChoice& choice) {
  for (size_t d = 0; d < 8; ++d) {
    for (size_t m : {magnitude - std::min(magnitude, d), magnitude + d}) {
      if (m < 8 && !pool[m].empty()) {
        uint32_t row = pool[m][choice.Below(pool[m].size())];
        return data::Field(data::kNamesByKey.Row(row), 0);
      }
    }
  }
  return "MARTIN";
}

// `written` with `part` replaced by `upper` (a name in upper case), written
// as `part` was there: "J." by its initial, upper case by upper case. The
// part is found word by word, folded ("LEVEQUE" is "Lévêque").
void ReplacePart(std::string& written, std::string_view part, std::string_view upper) {
  auto words = [](std::string_view s) {
    std::vector<std::pair<size_t, size_t>> spans;
    for (size_t i = 0; i < s.size();) {
      while (i < s.size() && s[i] == ' ') ++i;
      size_t j = i;
      while (j < s.size() && s[j] != ' ') ++j;
      if (j > i) spans.emplace_back(i, j);
      i = j;
    }
    return spans;
  };
  auto part_words = words(part);
  auto text_words = words(written);
  if (part_words.empty()) return;
  for (size_t w = 0; w + part_words.size() <= text_words.size(); ++w) {
    bool same = true;
    for (size_t k = 0; k < part_words.size() && same; ++k) {
      auto [pb, pe] = part_words[k];
      auto [tb, te] = text_words[w + k];
      same = validate::FoldName(part.substr(pb, pe - pb)) ==
             validate::FoldName(std::string_view(written).substr(tb, te - tb));
    }
    if (!same) continue;
    size_t begin = text_words[w].first;
    size_t end = text_words[w + part_words.size() - 1].second;
    std::string_view was = std::string_view(written).substr(begin, end - begin);
    std::string by = was.size() <= 3 && was.back() == '.' ? std::string(1, upper.front()) + "."
                                                          : LikeCase(was, upper);
    written.replace(begin, end - begin, by);
    return;
  }
}

std::optional<std::string> PersonSurrogate(std::string_view raw, Mac& key) {
  NameParse p = ParsePersonName(raw);
  const NamePools& pools = Pools();
  if (!p.valid) {
    // A name the lists do not confirm alone (a family name that is also a
    // word): one family name of middling frequency in its place.
    KeyedChoice choice(key, "family", AsciiUpper(std::string(raw)));
    return LikeCase(raw, Pick(pools.family, 2, choice));
  }
  std::string out(raw);
  // Given and family names are chosen apart, each from its own folded
  // form: "Jean DUPONT" and "DUPONT Jean" give the same person.
  if (!p.name.given.empty()) {
    std::string folded = AsciiUpper(std::string(p.name.given));
    KeyedChoice choice(key, "given", std::string(1, p.name.sex) + folded);
    int sex = p.name.sex == 'F' ? 1 : p.name.sex == 'M' ? 0 : static_cast<int>(choice.Below(2));
    std::string_view name = Pick(pools.given[sex], Magnitude(p.given_births), choice);
    ReplacePart(out, p.name.given, name);
  }
  if (!p.name.family.empty()) {
    KeyedChoice choice(key, "family", AsciiUpper(p.name.family));
    std::string_view name = Pick(pools.family, Magnitude(p.family_births), choice);
    ReplacePart(out, p.name.family, name);
  }
  if (out == raw) return std::nullopt;
  return out;
}

// --- e-mail ---------------------------------------------------------------

std::optional<std::string> EmailSurrogate(std::string_view value, Mac& key) {
  KeyedChoice choice(key, "email", value);
  const NamePools& pools = Pools();
  std::string given(Pick(pools.given[choice.Below(2)], 4, choice));
  std::string family(Pick(pools.family, 3, choice));
  constexpr std::array<std::string_view, 3> kDomains = {"example.com", "example.net",
                                                        "example.org"};
  std::string local = text::AsciiLowered(given) + "." + text::AsciiLowered(family) +
                      std::to_string(choice.Below(100));
  return local + "@" + std::string(kDomains[choice.Below(kDomains.size())]);
}

// --- addresses ------------------------------------------------------------

// The department of a postcode: its first two digits, three overseas.
std::string_view Department(std::string_view postcode) {
  return postcode.substr(0, postcode.rfind("97", 0) == 0 || postcode.rfind("98", 0) == 0 ? 3 : 2);
}

// The rows of the postcode table of each department, [first, last): the
// table is sorted by postcode, so a department's rows are together.
const std::map<std::string, std::pair<size_t, size_t>, std::less<>>& DepartmentRows() {
  using Rows = std::map<std::string, std::pair<size_t, size_t>, std::less<>>;
  static const Rows rows = [] {
    Rows by_department;
    const data::SortedRows& table = data::kCommunesByPostcode;
    for (size_t i = 0; i < table.rows; ++i) {
      std::string department(Department(data::Field(table.Row(i), 0)));
      auto [it, added] = by_department.try_emplace(department, i, i + 1);
      if (!added) it->second.second = i + 1;
    }
    return by_department;
  }();
  return rows;
}

// Where the postcode of an address that the scan found lies in `raw`: the
// last run of exactly five digits followed by a word (the commune); npos
// for a street line alone. (The scan has parsed and checked the address:
// it is not parsed again.)
size_t PostcodeAt(std::string_view raw) {
  size_t found = std::string_view::npos;
  for (size_t i = 0; i < raw.size();) {
    if (!IsAsciiDigit(raw[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < raw.size() && IsAsciiDigit(raw[j])) ++j;
    size_t k = j;
    while (k < raw.size() && (raw[k] == ' ' || raw[k] == ',' || raw[k] == ';' || raw[k] == '\t' ||
                              raw[k] == '\n' || raw[k] == '\r' || raw[k] == '"')) {
      ++k;
    }
    bool word =
        k < raw.size() && (IsAsciiAlpha(raw[k]) || static_cast<unsigned char>(raw[k]) >= 0x80);
    if (j - i == 5 && (i == 0 || !IsAsciiAlnum(raw[i - 1])) && word) found = i;
    i = j;
  }
  return found;
}

std::optional<std::string> AddressSurrogate(std::string_view raw, std::string_view value,
                                            Mac& key) {
  KeyedChoice choice(key, "address", value);
  std::string street = std::to_string(1 + choice.Below(120)) + " " +
                       std::string(kStreetTypes[choice.Below(kStreetTypes.size())]) + " " +
                       std::string(kStreetNames[choice.Below(kStreetNames.size())]);
  bool upper = Shouting(raw);
  size_t at = PostcodeAt(raw);
  if (at == std::string_view::npos) return upper ? AsciiUpper(street) : street;
  const auto& departments = DepartmentRows();
  auto found = departments.find(Department(raw.substr(at, 5)));
  if (found == departments.end()) return std::nullopt;
  auto [first, last] = found->second;
  std::string_view row = data::kCommunesByPostcode.Row(first + choice.Below(last - first));
  // The parts are separated as they were (a line break, a comma, a space,
  // the delimiter of a table whose columns hold them): the separators of
  // `raw` around its postcode are kept.
  size_t street_end = at;
  while (street_end > 0 && !IsAsciiAlnum(raw[street_end - 1])) --street_end;
  size_t commune_at = at + 5;
  while (commune_at < raw.size() && !IsAsciiAlnum(raw[commune_at]) &&
         static_cast<unsigned char>(raw[commune_at]) < 0x80) {
    ++commune_at;
  }
  std::string_view before = raw.substr(street_end, at - street_end);
  std::string_view between = raw.substr(at + 5, commune_at - at - 5);
  std::string locality = std::string(data::Field(row, 0)) +
                         std::string(between.empty() ? " " : between) +
                         std::string(data::Field(row, 2));
  std::string out = street_end > 0 ? street + std::string(before) + locality : locality;
  return upper ? AsciiUpper(out) : out;
}

// --- dates ----------------------------------------------------------------

// A date written as `raw` with its day, month and year set to `to`: each
// number keeps its width, a month written in words is written in words.
std::optional<std::string> RewriteDate(std::string_view raw, std::chrono::year_month_day to,
                                       bool full_year) {
  struct Run {
    size_t begin, end;
    bool digits;
  };
  std::vector<Run> runs;
  for (size_t i = 0; i < raw.size();) {
    bool digit = IsAsciiDigit(raw[i]);
    bool letter = !digit && (IsAsciiAlpha(raw[i]) || static_cast<unsigned char>(raw[i]) >= 0x80);
    if (!digit && !letter) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < raw.size() &&
           (digit ? IsAsciiDigit(raw[j])
                  : IsAsciiAlpha(raw[j]) || static_cast<unsigned char>(raw[j]) >= 0x80)) {
      ++j;
    }
    runs.push_back({i, j, digit});
    i = j;
  }
  std::vector<Run> numbers;
  const Run* month_word = nullptr;
  for (const Run& r : runs) {
    if (r.digits) {
      numbers.push_back(r);
    } else if (month_word == nullptr && r.end - r.begin >= 3) {
      month_word = &r;  // "1er" is a digit run then "er", too short
    }
  }
  int y = static_cast<int>(to.year());
  unsigned m = static_cast<unsigned>(to.month()), d = static_cast<unsigned>(to.day());
  auto number = [](long v, size_t width) {
    std::string s = std::to_string(v);
    if (s.size() > width) s = s.substr(s.size() - width);
    return std::string(width > s.size() ? width - s.size() : 0, '0') + s;
  };
  // Which number is which: year first (ISO), or day first.
  struct Part {
    Run run;
    std::string text;
  };
  std::vector<Part> parts;
  if (month_word != nullptr && numbers.size() == 2) {
    parts.push_back({numbers[0], std::to_string(d)});
    std::string name(kMonths[m - 1]);
    std::string_view old = raw.substr(month_word->begin, month_word->end - month_word->begin);
    if (Shouting(old))
      name = AsciiUpper(name);
    else if (old[0] >= 'A' && old[0] <= 'Z')
      name[0] = static_cast<char>(name[0] - 'a' + 'A');
    parts.push_back({*month_word, name});
    parts.push_back({numbers[1], number(y, full_year ? 4 : numbers[1].end - numbers[1].begin)});
  } else if (numbers.size() == 3) {
    size_t w0 = numbers[0].end - numbers[0].begin;
    bool iso = w0 == 4;
    const Run& yr = iso ? numbers[0] : numbers[2];
    const Run& dy = iso ? numbers[2] : numbers[0];
    parts.push_back({dy, number(d, std::max<size_t>(dy.end - dy.begin, 1))});
    parts.push_back({numbers[1], number(m, numbers[1].end - numbers[1].begin)});
    parts.push_back({yr, number(y, full_year ? 4 : yr.end - yr.begin)});
    if (dy.end - dy.begin == 1 && d >= 10) parts[0].text = std::to_string(d);
  } else {
    return std::nullopt;
  }
  std::sort(parts.begin(), parts.end(),
            [](const Part& a, const Part& b) { return a.run.begin < b.run.begin; });
  std::string out;
  size_t at = 0;
  for (const Part& p : parts) {
    out.append(raw.substr(at, p.run.begin - at));
    out.append(p.text);
    at = p.run.end;
  }
  out.append(raw.substr(at));
  return out;
}

std::optional<std::chrono::year_month_day> ParseDate(std::string_view raw) {
  DateValidation v = ValidateDate(raw);
  if (!v.valid) return std::nullopt;
  std::chrono::year_month_day date{std::chrono::year(v.year),
                                   std::chrono::month(static_cast<unsigned>(v.month)),
                                   std::chrono::day(static_cast<unsigned>(v.day))};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::optional<std::string> DateSurrogate(std::string_view raw, int shift_days) {
  auto date = ParseDate(raw);
  if (!date) return std::nullopt;
  std::chrono::year_month_day moved{std::chrono::sys_days(*date) + std::chrono::days(shift_days)};
  auto out = RewriteDate(raw, moved, false);
  // A year of two digits that the shift moved across the century that
  // such years are read in (1927-2026) is written in full.
  if (out && ValidateDate(*out).year != static_cast<int>(moved.year())) {
    out = RewriteDate(raw, moved, true);
  }
  return out;
}

// --- other identifiers ------------------------------------------------------

bool IsKind(std::string_view kind, std::initializer_list<std::string_view> kinds) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

std::string OnlyDigits(std::string_view raw) {
  std::string d;
  for (char c : raw) {
    if (IsAsciiDigit(c)) d.push_back(c);
  }
  return d;
}

// Numbers whose last digit is a Luhn check (cards keep their first four
// digits, the issuer's; the others their first, a register's).
std::optional<std::string> LuhnSurrogate(std::string_view raw, size_t kept, KeyedChoice& choice) {
  std::string digits = OnlyDigits(raw);
  if (digits.size() <= kept + 1) return std::nullopt;
  std::string out = WithLuhn(digits.substr(0, kept) + Digits(choice, digits.size() - kept));
  return FillShape(raw, out);
}

}  // namespace

bool HasSurrogate(std::string_view kind) { return kind.rfind("HEALTH_", 0) != 0; }

namespace {

// One draw of a surrogate for `f`; `choice` goes on from earlier draws.
std::optional<std::string> Draw(const Finding& f, std::string_view raw, Mac& key, int shift_days,
                                KeyedChoice& choice) {
  const std::string& kind = f.kind;
  if (IsKind(kind, {"FR_NIR", "FR_INS"})) return NirSurrogate(raw, choice);
  if (kind == "PHONE_NUMBER") return PhoneSurrogate(raw, choice);
  if (kind == "IBAN_CODE") return IbanSurrogate(raw, choice);
  if (kind == "EMAIL_ADDRESS") return EmailSurrogate(f.value, key);
  if (kind == "PERSON") return PersonSurrogate(raw, key);
  if (kind == "FR_POSTAL_ADDRESS") return AddressSurrogate(raw, f.value, key);
  if (kind == "DATE_OF_BIRTH") return DateSurrogate(raw, shift_days);
  if (kind == "CREDIT_CARD") return LuhnSurrogate(raw, 4, choice);
  if (kind == "FR_SIRET") {
    // A SIREN (Luhn) and an establishment number, Luhn over the fourteen.
    std::string siren = WithLuhn(Digits(choice, 9));
    if (OnlyDigits(raw).size() != 14) return std::nullopt;
    return FillShape(raw, WithLuhn(siren + Digits(choice, 5)));
  }
  if (IsKind(kind, {"FR_SIREN", "FR_RPPS", "FR_ADELI", "FR_FINESS"})) {
    return LuhnSurrogate(raw, kind == "FR_FINESS" ? 2 : 1, choice);
  }
  if (kind == "FR_TVA") {
    std::string siren = WithLuhn(Digits(choice, 9));
    int key97 = static_cast<int>((12 + 3 * (std::stoull(siren) % 97)) % 97);
    if (OnlyDigits(raw).size() != 11) return std::nullopt;
    return FillLastDigits(raw, TwoDigits(key97) + siren);
  }
  if (kind == "FR_NIF") {
    std::string body = std::to_string(choice.Below(4)) + Digits(choice, 9);
    std::string key3 = std::to_string(std::stoull(body) % 511);
    return FillShape(raw, body + std::string(3 - key3.size(), '0') + key3);
  }
  if (HasSurrogate(kind)) return Scramble(raw, choice);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> Surrogate(const Finding& f, std::string_view raw, Mac& key,
                                     int shift_days) {
  KeyedChoice choice(key, f.kind, f.value);
  // A draw that gives the value back (a NIR born abroad keeps all but its
  // order: one chance in 999) draws again, from the same keyed stream.
  for (int attempt = 0; attempt < 8; ++attempt) {
    std::optional<std::string> out = Draw(f, raw, key, shift_days, choice);
    if (!out || *out != raw) return out;
  }
  return std::nullopt;
}

std::vector<std::string_view> GeneralizationLevels(std::string_view kind) {
  if (kind == "DATE_OF_BIRTH") return {"year", "age_band"};
  if (kind == "FR_POSTAL_ADDRESS") return {"commune", "department"};
  if (kind == "FR_NIR" || kind == "FR_INS") return {"sex_year"};
  return {};
}

std::optional<std::string> Generalize(const Finding& f, std::string_view raw,
                                      std::string_view level, int reference_year) {
  if (f.kind == "DATE_OF_BIRTH") {
    auto date = ParseDate(raw);
    if (!date) return std::nullopt;
    int year = static_cast<int>(date->year());
    if (level == "age_band") {
      int age = std::max(0, reference_year - year);
      int band = age / 10 * 10;
      return std::to_string(band) + "-" + std::to_string(band + 9) + " ans";
    }
    return std::to_string(year);
  }
  if (f.kind == "FR_POSTAL_ADDRESS") {
    AddressParse p = ParseAddress(raw);
    if (!p.valid || !p.has_locality) return std::nullopt;
    if (level == "department") return std::string(Department(p.address.postcode));
    return p.address.commune_official.empty() ? p.address.commune : p.address.commune_official;
  }
  if (f.kind == "FR_NIR" || f.kind == "FR_INS") {
    NirValidation v = ValidateNir(raw);
    if (!v.valid || v.birth_year < 0) return std::nullopt;
    // Two digits of year: the latest century that is not in the future.
    int year = 2000 + v.birth_year;
    if (year > reference_year) year -= 100;
    return std::string(v.sex == 2 ? "F " : "H ") + std::to_string(year);
  }
  return std::nullopt;
}

int DateShift(Mac& key, std::string_view identity, int max_days) {
  if (max_days <= 0) return 0;
  KeyedChoice choice(key, "shift", identity);
  int shift = static_cast<int>(choice.Below(2 * static_cast<uint64_t>(max_days))) - max_days;
  return shift >= 0 ? shift + 1 : shift;  // [-max, -1] and [1, max]
}

}  // namespace vigie::redact
