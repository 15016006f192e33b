// SPDX-License-Identifier: Apache-2.0
// Built-in detectors: NIR, French phone numbers, e-mail addresses.
// Scores without context follow one scale: 0.8 for a value written the way
// that kind is written, 0.45-0.5 for a bare digit run that only passes its
// checksum; context keywords move them (see scan/score.h).
#include "detect/builtin.h"

#include "text/utf8.h"
#include "validate/email.h"
#include "vigie/validate.h"

namespace vigie::detect {
namespace {

using internal::DetectorDef;
using internal::PatternDef;
using internal::Shape;

constexpr size_t kNirMinWidth = 15;
constexpr size_t kPhoneMinWidth = 10;
constexpr size_t kEmailMaxLocal = 64;
constexpr size_t kEmailMaxWidth = 320;

// Words around identifiers that make them anything but personal data.
const std::vector<std::string>& BusinessNegatives() {
  static const std::vector<std::string> words = {
      "commande", "facture",    "référence", "réf",   "n° de lot", "numéro de lot", "lot",
      "isbn",     "horodatage", "timestamp", "siret", "siren",     "order",         "invoice"};
  return words;
}

}  // namespace

std::string NirPattern() {
  // \b at both ends: see identifiers.cc, Digits().
  return "\\b[12][ .\\-]?[0-9]{2}[ .\\-]?[0-9]{2}[ .\\-]?(?:[0-9]{2}|2[ABab])"
         "[ .\\-]?[0-9]{3}[ .\\-]?[0-9]{3}[ .\\-]?[0-9]{2}\\b";
}

DetectorDef NirDetector() {
  DetectorDef d;
  d.kind = "FR_NIR";
  d.category = Category::kIdentity;
  d.patterns = {{NirPattern(), Shape::kDigitLed, false}};
  d.keywords = {
      "nir",           "nia",      "insee",          "n° insee", "numéro insee", "sécurité sociale",
      "sécu",          "num secu", "n° ss",          "nss",      "carte vitale", "immatriculation",
      "assuré social", "ssn",      "social security"};
  d.negative_keywords = BusinessNegatives();
  // A bare NIR after a generic label is reported (0.62): of 15-digit
  // numbers that are no NIR, 1 in 500 drawn at random and 1 in 186 cuts of
  // dates and times pass its checks, none in sequence nor IMEIs, and none
  // in 26 MB of manual pages (benchmarks/nir_false_positives.py).
  d.weak_keywords = {"identifiant", "id", "numéro", "n°", "no", "num", "matricule"};
  d.confirm = [](std::string_view match) {
    NirValidation check = ValidateNir(match);
    if (check.normalized.size() != 15) return Verdict::Reject();
    if (!check.valid) return Verdict::Unconfirmed(0.2, check.normalized);
    bool separated = check.normalized.size() != match.size();
    double score = check.grouped ? 0.8 : separated ? 0.6 : 0.45;
    return Verdict::Confirmed(score, check.normalized);
  };
  // The leftmost start whose span has the shape of a NIR, checked or not.
  d.find_start = [confirm = d.confirm](std::string_view text, size_t earliest, size_t end) {
    return internal::LeftmostStart(text, earliest, end, kNirMinWidth, confirm);
  };
  return d;
}

DetectorDef PhoneDetector() {
  DetectorDef d;
  d.kind = "PHONE_NUMBER";
  d.category = Category::kContact;
  const std::string tail = "[1-9](?:[ .\\-/]?[0-9]){8}";
  d.patterns = {
      {"\\b0[ .\\-/]?" + tail + "\\b", Shape::kDigitLed, false},
      {"\\b00[ .\\-]?(?:33|262|590|594|596)[ .\\-]?(?:\\(0\\)[ .\\-]?|0[ .\\-]?)?" + tail + "\\b",
       Shape::kDigitLed, false},
      {"\\+[ .\\-]?(?:33|262|590|594|596)[ .\\-]?(?:\\(0\\)[ .\\-]?|0[ .\\-]?)?" + tail,
       Shape::kOther, false},
      {"\\(\\+(?:33|262|590|594|596)\\)[ .\\-]?" + tail, Shape::kOther, false},
      {"(?:\\+|00)(?:508|681|687)(?:[ .\\-]?[0-9]){6}", Shape::kOther, false},
      {"(?:\\+|00)689(?:[ .\\-]?[0-9]){8}", Shape::kOther, false},
      // Other countries, validated with libphonenumber.
      {"\\+[1-9][0-9]{0,2}[ .\\-]?(?:\\(0\\)[ .\\-]?)?[0-9][0-9 .\\-]{4,18}[0-9]\\b", Shape::kOther,
       false},
  };
  d.keywords = {"tél",    "tel", "téléphone", "phone",   "portable", "mobile",
                "fixe",   "fax", "gsm",       "appeler", "joindre",  "numéro de téléphone",
                "contact"};
  d.negative_keywords = BusinessNegatives();
  d.confirm = [](std::string_view match) {
    PhoneValidation check = ValidatePhone(match);
    if (!check.valid) return Verdict::Reject();
    return Verdict::Confirmed(check.formatted ? 0.8 : 0.5, check.e164);
  };
  d.find_start = [confirm = d.confirm](std::string_view text, size_t earliest, size_t end) {
    return internal::LeftmostStart(text, earliest, end, kPhoneMinWidth, [&](std::string_view s) {
      char first = s[0];
      return first == '0' || first == '+' || first == '(' ? confirm(s) : Verdict::Reject();
    });
  };
  return d;
}

DetectorDef EmailDetector() {
  DetectorDef d;
  d.kind = "EMAIL_ADDRESS";
  d.category = Category::kContact;
  // Anchored on '@': the match ends at the end of the domain and the start
  // is found by walking back over the local part.
  d.patterns = {
      {"[A-Za-z0-9._%+\\-]@[A-Za-z0-9][A-Za-z0-9.\\-]*\\.[A-Za-z]{2,24}", Shape::kOther, false}};
  d.keywords = {"email", "e-mail", "mail", "courriel", "adresse électronique", "contact"};
  d.max_width = kEmailMaxWidth;
  d.find_start = [](std::string_view text, size_t earliest, size_t end) -> internal::Located {
    size_t at = text.rfind('@', end);
    if (at == std::string_view::npos || at < earliest || at == 0) return {};
    size_t begin = at;
    while (begin > earliest && at - begin < kEmailMaxLocal &&
           validate::IsEmailLocalChar(text[begin - 1])) {
      --begin;
    }
    while (begin < at && (text[begin] == '.' || text[begin] == '-')) ++begin;
    if (begin == at || text::WordCharBefore(text, begin)) return {};
    return {begin, std::nullopt};
  };
  d.confirm = [](std::string_view match) {
    Validation check = ValidateEmail(match);
    if (!check.valid) return Verdict::Reject();
    return Verdict::Confirmed(0.9, check.normalized);
  };
  return d;
}

std::vector<DetectorDef> BuiltinDetectors() {
  std::vector<DetectorDef> all = {NirDetector(), PhoneDetector(), EmailDetector(),
                                  AddressDetector(), PersonDetector()};
  for (DetectorDef& d : IdentifierDetectors()) all.push_back(std::move(d));
  for (DetectorDef& d : HealthDetectors()) all.push_back(std::move(d));
  return all;
}

}  // namespace vigie::detect
