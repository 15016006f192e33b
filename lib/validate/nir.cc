// NIR checks following the INSEE layout and the national health insurance
// validator (month 20-99 for an unknown month, Corsica 2A/2B in the key).
#include "validate/nir.h"

#include <cstdint>

#include "text/utf8.h"

namespace vigie::validate {
namespace {

constexpr int kNirKeyModulus = 97;
constexpr size_t kNirLength = 15;
// Group sizes of a NIR written by hand: sex, year, month, department,
// commune, order, key.
constexpr int kNirGroups[] = {1, 2, 2, 2, 3, 3, 2};

bool IsSeparator(char c) { return c == ' ' || c == '.' || c == '-'; }

int TwoDigits(std::string_view s, size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

}  // namespace

int NirKey(std::string_view first13) {
  uint64_t n = 0;
  for (size_t i = 0; i < first13.size(); ++i) {
    char c = first13[i];
    if (i == 6 && (c == 'A' || c == 'a')) {  // 2A counts as 19
      n = (n - 2) * 10 + 19;
      continue;
    }
    if (i == 6 && (c == 'B' || c == 'b')) {  // 2B counts as 18
      n = (n - 2) * 10 + 18;
      continue;
    }
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  return kNirKeyModulus - static_cast<int>(n % kNirKeyModulus);
}

NirCheck CheckNir(std::string_view text) {
  NirCheck out;
  std::string compact;
  int group_sizes[16] = {};
  int groups = 0, run = 0;
  char separator = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (IsSeparator(c)) {
      if (run == 0 || (separator != 0 && c != separator)) {
        out.reason = "irregular separators";
        return out;
      }
      separator = c;
      if (groups < 15) group_sizes[groups++] = run;
      run = 0;
      continue;
    }
    bool corsica_letter = compact.size() == 6 && (c == 'A' || c == 'B' || c == 'a' || c == 'b');
    if (!text::IsAsciiDigit(c) && !corsica_letter) {
      out.reason = "not a digit";
      return out;
    }
    compact.push_back(corsica_letter ? static_cast<char>(c & ~0x20) : c);
    ++run;
  }
  if (run > 0 && groups < 15) group_sizes[groups++] = run;
  if (compact.size() != kNirLength) {
    out.reason = "not 15 characters";
    return out;
  }
  out.compact = compact;
  if (groups == 7) {
    out.grouped = true;
    for (int g = 0; g < 7; ++g) out.grouped &= group_sizes[g] == kNirGroups[g];
  }
  if (compact[6] == 'A' || compact[6] == 'B') {
    if (compact[5] != '2') {
      out.reason = "letter outside Corsica 2A/2B";
      return out;
    }
  }
  char sex = compact[0];
  if (sex != '1' && sex != '2') {
    out.reason = "sex digit is not 1 or 2";
    return out;
  }
  int month = TwoDigits(compact, 3);
  if (month == 0 || (month > 12 && month < 20)) {
    out.reason = "month out of range";
    return out;
  }
  bool corsica = compact[6] == 'A' || compact[6] == 'B';
  if (!corsica) {
    int department = TwoDigits(compact, 5);
    if (department == 0 || department == 96) {
      out.reason = "department out of range";
      return out;
    }
  }
  if (TwoDigits(compact, 10) == 0 && compact[12] == '0') {
    out.reason = "order number 000";
    return out;
  }
  int key = TwoDigits(compact, 13);
  if (key < 1 || key > kNirKeyModulus) {
    out.reason = "key out of range";
    return out;
  }
  if (key != NirKey(std::string_view(compact).substr(0, 13))) {
    out.reason = "key does not match";
    return out;
  }
  out.valid = true;
  return out;
}

}  // namespace vigie::validate
