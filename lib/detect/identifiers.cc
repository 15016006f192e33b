// SPDX-License-Identifier: Apache-2.0
// Detectors whose confirm step is a public validator: bank, company, tax,
// health-system and identity-document numbers, and dates of birth. Each is
// data: patterns, keywords, and two scores without context, one for a
// value written with its usual separators and one for a bare run.
#include <functional>

#include "detect/builtin.h"
#include "vigie/validate.h"

namespace vigie::detect {
namespace {

using internal::DetectorDef;
using internal::PatternDef;
using internal::Shape;

struct ValidatedKind {
  std::string kind;
  Category category;
  std::vector<PatternDef> patterns;
  std::vector<std::string> keywords;
  std::vector<std::string> negative_keywords;
  size_t min_width;
  std::function<Validation(std::string_view)> validate;
  double formatted;  // written with separators or a prefix
  double bare;       // a run of characters that only passes the check
  size_t window_before = 64;
};

bool HasSeparator(std::string_view match) {
  for (char c : match) {
    if (c == ' ' || c == '.' || c == '-' || c == '/') return true;
  }
  return false;
}

DetectorDef MakeValidated(ValidatedKind k) {
  DetectorDef d;
  d.kind = k.kind;
  d.category = k.category;
  d.patterns = std::move(k.patterns);
  d.keywords = std::move(k.keywords);
  d.negative_keywords = std::move(k.negative_keywords);
  d.window_before = k.window_before;
  auto validate = k.validate;
  size_t min_width = k.min_width;
  double formatted = k.formatted, bare = k.bare;
  d.confirm = [validate, formatted, bare](std::string_view match) {
    Validation v = validate(match);
    if (!v.valid) return Verdict::Reject();
    return Verdict::Confirmed(HasSeparator(match) ? formatted : bare, v.normalized);
  };
  d.find_start = [confirm = d.confirm, min_width](std::string_view text, size_t earliest,
                                                  size_t end) {
    return internal::LeftmostStart(text, earliest, end, min_width, confirm);
  };
  return d;
}

// Words that make a number a business reference rather than a person's.
std::vector<std::string> Negatives() {
  return {"commande", "facture",    "référence", "réf",   "n° de lot", "lot",
          "isbn",     "horodatage", "timestamp", "order", "invoice",   "ticket"};
}

// Digit-led patterns carry ASCII word boundaries at both ends: without them
// a 9-digit pattern matches at every digit of a longer run, and those
// matches, all rejected later, cost more than the scan itself.
PatternDef Digits(const std::string& regex) {
  return {"\\b(?:" + regex + ")\\b", Shape::kDigitLed, false};
}
// Letter-led patterns that start and end on a letter or digit.
PatternDef Word(const std::string& regex) {
  return {"\\b(?:" + regex + ")\\b", Shape::kOther, false};
}

// An IBAN written across a line break, as in a letter or a PDF's text.
Validation IbanAcrossLines(std::string_view s) {
  std::string joined;
  for (char c : s) {
    if (c != '\n' && c != '\r') joined.push_back(c);
  }
  return ValidateIban(joined);
}

// An INS is a NIR named as such (or by its OID): the same value, reported
// as FR_INS when the INS context outweighs the NIR's own.
Validation Ins(std::string_view s) {
  NirValidation v = ValidateNir(s);
  v.valid = v.valid && v.normalized.size() == 15;
  return v;
}

}  // namespace

std::vector<DetectorDef> IdentifierDetectors() {
  std::vector<DetectorDef> out;
  out.push_back(
      MakeValidated({"FR_INS",
                     Category::kIdentity,
                     {{NirPattern(), Shape::kDigitLed, false}},
                     {"ins", "identité nationale de santé", "matricule ins", "ins-nir",
                      "1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.9", "1.2.250.1.213.1.4.10"},
                     {},
                     15,
                     Ins,
                     0.3,
                     0.3}));
  out.push_back(MakeValidated({"IBAN_CODE",
                               Category::kFinancial,
                               {Word("[A-Z]{2}[0-9]{2}(?:(?:[ ]|\\r?\\n)?[A-Za-z0-9]){11,30}")},
                               {"iban", "rib", "bic", "compte bancaire", "coordonnées bancaires",
                                "virement", "prélèvement", "account", "bank"},
                               {},
                               15,
                               IbanAcrossLines,
                               0.9,
                               0.8}));
  out.push_back(
      MakeValidated({"CREDIT_CARD",
                     Category::kFinancial,
                     {Digits("[2-6][0-9]{3}(?:[ \\-]?[0-9]{4}){2}[ \\-]?[0-9]{1,7}"),
                      Digits("3[47][0-9]{2}[ \\-]?[0-9]{6}[ \\-]?[0-9]{5}"),
                      Digits("3[0689][0-9]{2}[ \\-]?[0-9]{6}[ \\-]?[0-9]{4}")},
                     {"carte bancaire", "carte de crédit", "carte", "cb", "visa", "mastercard",
                      "amex", "credit card", "card", "cvv", "cryptogramme", "expiration"},
                     Negatives(),
                     12,
                     [](std::string_view s) -> Validation { return ValidateCard(s); },
                     0.75,
                     0.55}));
  out.push_back(MakeValidated({"FR_SIRET",
                               Category::kIdentity,
                               {Digits("[0-9]{3}[ .]?[0-9]{3}[ .]?[0-9]{3}[ .]?[0-9]{5}")},
                               {"siret", "n° siret", "établissement"},
                               Negatives(),
                               14,
                               ValidateSiret,
                               0.55,
                               0.35}));
  out.push_back(MakeValidated({"FR_SIREN",
                               Category::kIdentity,
                               {Digits("[0-9]{3}[ .]?[0-9]{3}[ .]?[0-9]{3}")},
                               {"siren", "n° siren", "rcs", "entreprise", "société"},
                               Negatives(),
                               9,
                               ValidateSiren,
                               0.45,
                               0.3}));
  out.push_back(MakeValidated(
      {"FR_TVA",
       Category::kFinancial,
       {Word("[Ff][Rr][ ]?[0-9A-HJ-NP-Za-hj-np-z]{2}[ ]?[0-9]{3}[ ]?[0-9]{3}[ ]?[0-9]{3}")},
       {"tva", "tva intracommunautaire", "n° tva", "vat"},
       {},
       13,
       ValidateTvaFr,
       0.85,
       0.85}));
  out.push_back(MakeValidated({"FR_NIF",
                               Category::kFinancial,
                               {Digits("[0-3][0-9](?:[ ]?[0-9]){11}")},
                               {"nif", "numéro fiscal", "n° fiscal", "spi", "référence fiscale",
                                "identifiant fiscal", "impots", "impôts"},
                               {"commande", "facture", "lot", "isbn"},
                               13,
                               ValidateNifFr,
                               0.5,
                               0.4}));
  out.push_back(MakeValidated({"FR_RPPS",
                               Category::kIdentity,
                               {Digits("[0-9]{11}")},
                               {"rpps", "n° rpps", "idnat", "identifiant national"},
                               Negatives(),
                               11,
                               ValidateRpps,
                               0.3,
                               0.3}));
  out.push_back(MakeValidated({"FR_ADELI",
                               Category::kIdentity,
                               {Digits("[0-9]{9}")},
                               {"adeli", "n° adeli"},
                               Negatives(),
                               9,
                               ValidateAdeli,
                               0.2,
                               0.2}));
  out.push_back(MakeValidated({"FR_FINESS",
                               Category::kHealth,
                               {Digits("[0-9]{9}"), Digits("2[AB][0-9]{7}")},
                               {"finess", "n° finess", "établissement de santé"},
                               Negatives(),
                               9,
                               ValidateFiness,
                               0.25,
                               0.25}));
  out.push_back(MakeValidated({"FR_CIP13",
                               Category::kHealth,
                               {Digits("34009(?:[ ]?[0-9]){8}")},
                               {"cip", "cip13", "code cip", "médicament", "boîte", "pharmacie"},
                               {},
                               13,
                               ValidateCip13,
                               0.7,
                               0.7}));
  out.push_back(MakeValidated({"FR_CNI",
                               Category::kIdentity,
                               {Digits("[0-9]{4}[A-Z0-9]{3}[0-9]{5}"), Word("[A-Z0-9]{9}")},
                               {"carte d'identité", "carte nationale d'identité", "cni",
                                "pièce d'identité", "identity card", "n° de carte"},
                               {},
                               9,
                               [](std::string_view s) -> Validation {
                                 Validation v = ValidateCni(s);
                                 bool letter = false, digit = false;
                                 for (char c : v.normalized)
                                   (c >= '0' && c <= '9' ? digit : letter) = true;
                                 if (v.valid && v.normalized.size() == 9 && !(letter && digit)) {
                                   v.valid = false;
                                   v.reason = "letters and digits both expected";
                                 }
                                 return v;
                               },
                               0.25,
                               0.25}));
  out.push_back(MakeValidated({"FR_PASSPORT",
                               Category::kIdentity,
                               {Digits("[0-9]{2}[A-Za-z]{2}[0-9]{5}")},
                               {"passeport", "passport", "n° de passeport"},
                               {},
                               9,
                               ValidatePassportFr,
                               0.3,
                               0.3}));
  out.push_back(MakeValidated(
      {"DATE_OF_BIRTH",
       Category::kIdentity,
       {Digits("[0-3]?[0-9][/.\\-][01]?[0-9][/.\\-][0-9]{2}(?:[0-9]{2})?"),
        Digits("[12][0-9]{3}-[01][0-9]-[0-3][0-9]"),
        Digits("[0-3]?[0-9](?:er)? (?:janv(?:ier|\\.)?|f(?:e|\xc3\xa9|\xc3\x89)vr(?:ier|\\.)?|"
               "mars|avr(?:il|\\.)?|mai|juin|juil(?:let|\\.)?|ao(?:u|\xc3\xbb|\xc3\x9b)t|"
               "sept(?:embre|\\.)?|oct(?:obre|\\.)?|nov(?:embre|\\.)?|"
               "d(?:e|\xc3\xa9|\xc3\x89)c(?:embre|\\.)?) [12][0-9]{3}")},
       {"né le", "née le", "né(e) le", "né", "née", "date de naissance", "naissance", "ddn",
        "date naissance", "birth", "date of birth", "dob", "born"},
       {"rendez-vous", "rdv", "facture", "commande", "édité le", "imprimé le", "prélèvement"},
       6,
       [](std::string_view s) -> Validation {
         DateValidation v = ValidateDate(s);
         if (v.valid && (v.year < 1900 || v.year > 2026)) {
           v.valid = false;
           v.reason = "not a plausible year of birth";
         }
         return v;
       },
       0.35,
       0.35,
       48}));
  return out;
}

}  // namespace vigie::detect
