// SPDX-License-Identifier: Apache-2.0
// Calendar dates written the French way, numeric or with the month's name.
#include <absl/strings/str_format.h>

#include <array>
#include <string>

#include "text/fold.h"
#include "text/utf8.h"
#include "vigie/validate.h"

namespace vigie {
namespace {

struct MonthName {
  std::string_view name;  // folded: lower case, no accents
  int month;
};

constexpr std::array<MonthName, 25> kMonthNames = {{
    {"janvier", 1},   {"janv", 1},     {"fevrier", 2}, {"fevr", 2},      {"fev", 2},
    {"mars", 3},      {"avril", 4},    {"avr", 4},     {"mai", 5},       {"juin", 6},
    {"juillet", 7},   {"juil", 7},     {"aout", 8},    {"septembre", 9}, {"sept", 9},
    {"sep", 9},       {"octobre", 10}, {"oct", 10},    {"novembre", 11}, {"nov", 11},
    {"decembre", 12}, {"dec", 12},     {"jan", 1},     {"fevri", 2},     {"juil.", 7},
}};

// 12/03/85 is 1985, 12/03/19 is 2019: two-digit years up to this one are
// read in the 2000s.
constexpr int kTwoDigitYearPivot = 26;

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

// Reads 1 to `max` digits at `pos`; -1 when there is none.
int ReadNumber(std::string_view s, size_t& pos, size_t max) {
  size_t start = pos;
  int v = 0;
  while (pos < s.size() && pos - start < max && text::IsAsciiDigit(s[pos])) {
    v = v * 10 + (s[pos] - '0');
    ++pos;
  }
  return pos == start ? -1 : v;
}

DateValidation Finish(DateValidation out, int year, int month, int day) {
  out.year = year;
  out.month = month;
  out.day = day;
  if (year < 1000 || year > 2999) {
    out.reason = "year out of range";
  } else if (month < 1 || month > 12) {
    out.reason = "month out of range";
  } else if (day < 1 || day > DaysIn(year, month)) {
    out.reason = "no such day in that month";
  } else {
    out.valid = true;
    out.normalized = absl::StrFormat("%04d-%02d-%02d", year, month, day);
  }
  return out;
}

}  // namespace

DateValidation ValidateDate(std::string_view text) {
  DateValidation out;
  size_t pos = 0;
  int first = ReadNumber(text, pos, 4);
  if (first < 0) {
    out.reason = "does not start with a number";
    return out;
  }
  if (pos == 4) {  // 1985-03-12
    if (pos >= text.size() || text[pos] != '-') {
      out.reason = "not a date layout";
      return out;
    }
    ++pos;
    int month = ReadNumber(text, pos, 2);
    if (month < 0 || pos >= text.size() || text[pos] != '-') {
      out.reason = "not a date layout";
      return out;
    }
    ++pos;
    int day = ReadNumber(text, pos, 2);
    if (day < 0 || pos != text.size()) {
      out.reason = "not a date layout";
      return out;
    }
    return Finish(out, first, month, day);
  }
  if (pos > 2) {
    out.reason = "not a date layout";
    return out;
  }
  if (pos < text.size() && (text[pos] == '/' || text[pos] == '-' || text[pos] == '.')) {
    char separator = text[pos++];  // 12/03/1985: the same separator twice
    int month = ReadNumber(text, pos, 2);
    if (month < 0 || pos >= text.size() || text[pos] != separator) {
      out.reason = "not a date layout";
      return out;
    }
    ++pos;
    size_t year_start = pos;
    int year = ReadNumber(text, pos, 4);
    size_t year_digits = pos - year_start;
    if (year < 0 || pos != text.size() || (year_digits != 4 && year_digits != 2)) {
      out.reason = "year is not 2 or 4 digits";
      return out;
    }
    if (year_digits == 2) year += year <= kTwoDigitYearPivot ? 2000 : 1900;
    return Finish(out, year, month, first);
  }
  // 12 mars 1985, 1er mars 1985, 12 févr. 1985
  std::string_view rest = text.substr(pos);
  if (rest.substr(0, 2) == "er") rest.remove_prefix(2);
  size_t space = rest.find_first_not_of(' ');
  if (space == 0 || space == std::string_view::npos) {
    out.reason = "not a date layout";
    return out;
  }
  rest.remove_prefix(space);
  size_t name_end = rest.find(' ');
  if (name_end == std::string_view::npos) {
    out.reason = "no year";
    return out;
  }
  std::string name = text::FoldForCompare(rest.substr(0, name_end));
  if (!name.empty() && name.back() == '.') name.pop_back();
  int month = 0;
  for (const MonthName& m : kMonthNames) {
    if (m.name == name) month = m.month;
  }
  if (month == 0) {
    out.reason = "unknown month name";
    return out;
  }
  std::string_view year_text = rest.substr(name_end + 1);
  size_t ypos = 0;
  int year = ReadNumber(year_text, ypos, 4);
  if (year < 0 || ypos != year_text.size() || ypos != 4) {
    out.reason = "year is not 4 digits";
    return out;
  }
  return Finish(out, year, month, first);
}

}  // namespace vigie
