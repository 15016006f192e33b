// Variant generation with ICU: normalization data for accents, root-locale
// case mapping for non-ASCII letters.
#include "text/fold.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

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

}  // namespace

std::vector<std::string> SpellingVariants(std::string_view term, bool joiners) {
  icu::UnicodeString base = icu::UnicodeString::fromUTF8(
      icu::StringPiece(term.data(), static_cast<int32_t>(term.size())));
  icu::UnicodeString nfc = Normalize(Nfc(), base);
  std::vector<icu::UnicodeString> forms;
  for (const icu::UnicodeString& cased :
       {nfc, icu::UnicodeString(nfc).toLower(icu::Locale::getRoot()),
        icu::UnicodeString(nfc).toUpper(icu::Locale::getRoot())}) {
    forms.push_back(cased);
    forms.push_back(Normalize(Nfd(), cased));
    forms.push_back(StripMarks(cased));
  }
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
    icu::UnicodeString open = forms[i];
    open.findAndReplace(u"œ", u"oe").findAndReplace(u"Œ", u"OE");
    open.findAndReplace(u"æ", u"ae").findAndReplace(u"Æ", u"AE");
    if (open != forms[i]) forms.push_back(open);
  }
  for (const auto& f : forms) {
    std::string v = ToUtf8(f);
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
  for (size_t i = 0; i < term.size(); ++i) {
    auto b = static_cast<unsigned char>(term[i]);
    if (b < 0x80) {
      out += AsciiLower(static_cast<char>(b));
      continue;
    }
    auto next = i + 1 < term.size() ? static_cast<unsigned char>(term[i + 1]) : 0;
    if (b < 0xC2 || b > 0xDF || (next & 0xC0) != 0x80) return FoldWithIcu(term);
    char32_t c = (static_cast<char32_t>(b & 0x1F) << 6) | (next & 0x3F);
    if (c >= TwoByteFolds::kEnd || !table->usable[c - TwoByteFolds::kFirst]) {
      return FoldWithIcu(term);
    }
    out += table->folds[c - TwoByteFolds::kFirst];
    ++i;
  }
  return out;
}

}  // namespace vigie::text
