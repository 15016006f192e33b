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

std::string FoldForCompare(std::string_view term) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(term.data(), static_cast<int32_t>(term.size())));
  return ToUtf8(StripMarks(Normalize(Nfc(), s).toLower(icu::Locale::getRoot())));
}

}  // namespace vigie::text
