// SPDX-License-Identifier: Apache-2.0
// Variant generation with ICU: normalization data for accents, root-locale
// case mapping for non-ASCII letters.
#include "text/fold.h"

#include <absl/strings/str_replace.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <mutex>

#include "text/utf8.h"

namespace vigie::text {
namespace {

icu::UnicodeString Normalize(const icu::Normalizer2* n, const icu::UnicodeString& s) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = n->normalize(s, status);
  return U_SUCCESS(status) ? out : s;
}

const icu::Normalizer2* Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  return icu::Normalizer2::getNFCInstance(status);
}

const icu::Normalizer2* Nfd() {
  UErrorCode status = U_ZERO_ERROR;
  return icu::Normalizer2::getNFDInstance(status);
}

icu::UnicodeString StripMarks(const icu::UnicodeString& s) {
  icu::UnicodeString decomposed = Normalize(Nfd(), s);
  icu::UnicodeString out;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) out.append(c);
    i += U16_LENGTH(c);
  }
  return out;
}

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// The code point at text[i] when it is written in one or two bytes (up to
// U+07FF), and their number; 0 for anything else (a longer or invalid
// sequence), which the callers send to ICU whole.
size_t ShortCodePoint(std::string_view text, size_t i, char32_t& c) {
  auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) {
    c = b;
    return 1;
  }
  auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
  if (b < 0xC2 || b > 0xDF || (next & 0xC0) != 0x80) return 0;
  c = (static_cast<char32_t>(b & 0x1F) << 6) | (next & 0x3F);
  return 2;
}

// The forms of a term that its variants come from: the term in NFC, in
// lower case and in upper case (root locale), each also decomposed (NFD)
// and without its marks.
constexpr int kForms = 9;
using Forms = std::array<std::string, kForms>;

Forms FormsWithIcu(std::string_view term) {
  icu::UnicodeString base = icu::UnicodeString::fromUTF8(
      icu::StringPiece(term.data(), static_cast<int32_t>(term.size())));
  icu::UnicodeString nfc = Normalize(Nfc(), base);
  Forms forms;
  int k = 0;
  for (const icu::UnicodeString& cased :
       {nfc, icu::UnicodeString(nfc).toLower(icu::Locale::getRoot()),
        icu::UnicodeString(nfc).toUpper(icu::Locale::getRoot())}) {
    forms[k++] = ToUtf8(cased);
    forms[k++] = ToUtf8(Normalize(Nfd(), cased));
    forms[k++] = ToUtf8(StripMarks(cased));
  }
  return forms;
}

// The forms of each code point below U+0250 (ASCII, Latin-1, Latin
// Extended-A and B: the letters of nearly every keyword), each computed
// with ICU when a term first holds it (ASCII's without ICU). Each is NFC
// alone, combines with nothing before it, and its case mappings and
// decompositions begin with a character that combines with nothing either
// (no mapping of these is cased by context in the root locale), so the
// forms of a text made of them are the concatenations of their forms; any
// other character sends the whole term to ICU.
class LatinForms {
 public:
  static constexpr char32_t kEnd = 0x250;

  // The forms of `c`, or null when they cannot be concatenated.
  const Forms* Of(char32_t c) {
    if (c == 0 || c >= kEnd) return nullptr;
    std::lock_guard<std::mutex> lock(mu_);
    if (!known_[c]) {
      usable_[c] = c < 0x80 ? AsciiForms(static_cast<char>(c), forms_[c]) : Compute(c, forms_[c]);
      known_[c] = true;
    }
    return usable_[c] ? &forms_[c] : nullptr;
  }

 private:
  static bool AsciiForms(char c, Forms& f) {
    char lower = AsciiLower(c);
    char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    for (int k = 0; k < kForms; ++k) f[k] = std::string(1, k < 3 ? c : k < 6 ? lower : upper);
    return true;
  }

  static bool Compute(char32_t c, Forms& f) {
    std::string utf8;
    icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(utf8);
    f = FormsWithIcu(utf8);
    bool starts_clean = std::all_of(f.begin(), f.end(), [](const std::string& form) {
      if (form.empty()) return true;
      UChar32 first = 0;
      int32_t i = 0;
      const auto* bytes = reinterpret_cast<const uint8_t*>(form.data());
      U8_NEXT(bytes, i, static_cast<int32_t>(form.size()), first);
      return u_getCombiningClass(first) == 0;
    });
    return f[0] == utf8 && u_getCombiningClass(static_cast<UChar32>(c)) == 0 && starts_clean;
  }

  std::mutex mu_;
  bool known_[kEnd] = {};
  bool usable_[kEnd] = {};
  Forms forms_[kEnd];
};

// The forms of `term` from the table, or false when some character of it
// is not in the table (or the term is no valid UTF-8).
bool FormsFromTable(std::string_view term, Forms& forms) {
  static LatinForms* const table = new LatinForms();
  for (std::string& f : forms) f.clear();
  for (size_t i = 0; i < term.size();) {
    char32_t c = 0;
    size_t length = ShortCodePoint(term, i, c);
    const Forms* of = length > 0 ? table->Of(c) : nullptr;
    if (!of) return false;
    for (int k = 0; k < kForms; ++k) forms[k] += (*of)[k];
    i += length;
  }
  return true;
}

}  // namespace

std::vector<std::string> SpellingVariants(std::string_view term, bool joiners) {
  Forms cased;
  if (!FormsFromTable(term, cased)) cased = FormsWithIcu(term);
  std::vector<std::string> forms(cased.begin(), cased.end());
  std::vector<std::string> out;
  std::vector<std::string> seen;  // ASCII-lowered, since matching ignores ASCII case
  auto add = [&](std::string v) {
    std::string key = AsciiLowered(v);
    if (v.empty() || std::find(seen.begin(), seen.end(), key) != seen.end()) return;
    seen.push_back(std::move(key));
    out.push_back(std::move(v));
  };
  // Ligatures that normalization keeps: "cœliaque" is also "coeliaque".
  for (size_t i = 0, n = forms.size(); i < n; ++i) {
    std::string open =
        absl::StrReplaceAll(forms[i], {{"œ", "oe"}, {"Œ", "OE"}, {"æ", "ae"}, {"Æ", "AE"}});
    if (open != forms[i]) forms.push_back(std::move(open));
  }
  for (const std::string& v : forms) {
    add(v);
    if (joiners && v.find(' ') != std::string::npos) {
      for (char joiner : {'_', '-'}) {
        std::string joined = v;
        std::replace(joined.begin(), joined.end(), ' ', joiner);
        add(std::move(joined));
      }
    }
  }
  return out;
}

namespace {

std::string FoldWithIcu(std::string_view term) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(term.data(), static_cast<int32_t>(term.size())));
  return ToUtf8(StripMarks(Normalize(Nfc(), s).toLower(icu::Locale::getRoot())));
}

// The fold of each Latin code point from U+0080 to U+024F (Latin-1,
// Latin Extended-A and B), computed once with ICU. None of them combines
// with the code point before it and none is cased by context, so the fold
// of a text made of them and of ASCII is the concatenation of their folds;
// any other code point (a combining mark, Greek's contextual sigma) sends
// the whole text to ICU.
struct TwoByteFolds {
  static constexpr char32_t kFirst = 0x80;
  static constexpr char32_t kEnd = 0x250;
  std::string folds[kEnd - kFirst];
  bool usable[kEnd - kFirst] = {};
  TwoByteFolds() {
    for (char32_t c = kFirst; c < kEnd; ++c) {
      if (u_getCombiningClass(static_cast<UChar32>(c)) != 0) continue;
      std::string utf8{static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
      folds[c - kFirst] = FoldWithIcu(utf8);
      usable[c - kFirst] = true;
    }
  }
};

}  // namespace

std::string FoldForCompare(std::string_view term) {
  static const TwoByteFolds* const table = new TwoByteFolds();
  std::string out;
  out.reserve(term.size());
  for (size_t i = 0; i < term.size();) {
    char32_t c = 0;
    size_t length = ShortCodePoint(term, i, c);
    if (length == 1) {
      out += AsciiLower(static_cast<char>(c));
    } else if (length == 2 && c < TwoByteFolds::kEnd && table->usable[c - TwoByteFolds::kFirst]) {
      out += table->folds[c - TwoByteFolds::kFirst];
    } else {
      return FoldWithIcu(term);
    }
    i += length;
  }
  return out;
}

}  // namespace vigie::text
