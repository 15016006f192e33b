// SPDX-License-Identifier: Apache-2.0
// Validators: pure functions that say whether a value is a well-formed
// identifier of its kind and, when it is not, why. Each takes the value
// alone (separators allowed as people write them) and never allocates more
// than its result. Thread-safe.
#ifndef VIGIE_VALIDATE_H_
#define VIGIE_VALIDATE_H_

#include <string>
#include <string_view>

#include "vigie/export.h"

namespace vigie {

// The verdict every validator returns, possibly with more fields.
struct Validation {
  bool valid = false;
  // Why the value is not valid, in a few words; empty when valid.
  std::string reason;
  // The value without separators, upper-cased, when its shape held.
  std::string normalized;
};

// French social security number (NIR), its temporary forms and the NIA.
struct NirValidation : Validation {
  enum class Form {
    kPermanent,  // sex 1 or 2: a NIR or NIA
    kTemporary,  // sex 3, 4, 7 or 8 with a key: a temporary number
    kNnp,        // 13 digits [78][12] + fund + order: provisional (NNP)
    kMigrant,    // 13 digits [56][12] + fund + order: migrant in transit
  };
  Form form = Form::kPermanent;
  // Separators fall where a NIR is written: 1 85 03 75 123 456 41.
  bool grouped = false;
  int sex = 0;             // 1 man, 2 woman (also for 3/7 and 4/8)
  int birth_year = -1;     // two digits
  int birth_month = 0;     // 1-12; 0 when unknown (20-99 in the number)
  std::string department;  // "75", "2A", "974"; "99" born abroad
  std::string commune;     // INSEE commune code within the department
  std::string country;     // INSEE country code when born abroad
  int order = 0;
  int key = 0;  // 0 for the 13-digit forms
};

// 15 characters (13 digits, 2A/2B, 2-digit key) or, for NNP and MIG
// numbers, 13 digits; single spaces, dots or hyphens between groups.
VIGIE_EXPORT NirValidation ValidateNir(std::string_view text);

// National health identifier (INS): a NIR or NIA with its OID,
// 1.2.250.1.213.1.4.8 (NIR), .9 (NIA) or .10 (test). `normalized` is the
// NIR; `reason` explains an unknown OID.
VIGIE_EXPORT Validation ValidateIns(std::string_view nir, std::string_view oid);

// French phone numbers in every usual writing, metropolitan and overseas.
struct PhoneValidation : Validation {
  std::string e164;       // "+33612345678", "+262692123456"
  std::string territory;  // "FR", "RE", "YT", "GP", "GF", "MQ", "PM", "WF", "NC", "PF"
  // "geographic", "mobile", "toll-free" (0800-0805), "special" (other 08),
  // "non-geographic" (09), "m2m" (14 digits in 0700), "any".
  std::string type;
  bool formatted = false;  // written with a country code or separators
};
VIGIE_EXPORT PhoneValidation ValidatePhone(std::string_view text);

// E-mail address: dot-atom local part of 1-64 characters, domain of at most
// 253 with an alphabetic top-level label. `normalized` is lower case.
VIGIE_EXPORT Validation ValidateEmail(std::string_view text);

// IBAN of any country in SWIFT's registry: length and BBAN structure for
// its country, mod-97; for FR and MC also the French RIB key.
struct IbanValidation : Validation {
  std::string country;
  bool rib_key_checked = false;  // FR and MC: the RIB key was checked too
};
VIGIE_EXPORT IbanValidation ValidateIban(std::string_view text);

// Payment card number: 12-19 digits, Luhn, and a known issuer range.
struct CardValidation : Validation {
  std::string brand;  // "visa", "mastercard", "amex", ... or "unknown"
};
VIGIE_EXPORT CardValidation ValidateCard(std::string_view text);

// French company, establishment and tax numbers.
VIGIE_EXPORT Validation ValidateSiren(std::string_view text);  // 9 digits, Luhn
VIGIE_EXPORT Validation ValidateSiret(std::string_view text);  // 14, Luhn; La Poste 356000000
VIGIE_EXPORT Validation ValidateTvaFr(std::string_view text);  // FR + key + SIREN (Monaco too)
VIGIE_EXPORT Validation ValidateNifFr(std::string_view text);  // 13 digits, key mod 511

// Health professionals, establishments and drugs.
VIGIE_EXPORT Validation ValidateRpps(std::string_view text);    // 11 digits, Luhn
VIGIE_EXPORT Validation ValidateAdeli(std::string_view text);   // 9 digits, Luhn
VIGIE_EXPORT Validation ValidateFiness(std::string_view text);  // 9 characters, Luhn
VIGIE_EXPORT Validation ValidateCip13(std::string_view text);   // 34009 + EAN-13

// Identity documents. The identity card number is 9 letters and digits
// (since 2021) or 12 characters (1994-2021); its check digit stands apart
// in the machine-readable zone: `check_digit`, when given, is verified
// with the ICAO 9303 weights 7-3-1.
VIGIE_EXPORT Validation ValidateCni(std::string_view text, std::string_view check_digit = {});
// Passport: 2 digits, 2 letters, 5 digits. Structure only.
VIGIE_EXPORT Validation ValidatePassportFr(std::string_view text);

// A calendar date written the French way: 12/03/1985, 12-03-1985,
// 12.03.1985, 12/03/85 (00-26 read as 2000-2026, 27-99 as 1927-1999),
// 1985-03-12, 12 mars 1985 (also "1er", abbreviated months).
struct DateValidation : Validation {
  int year = 0;
  int month = 0;
  int day = 0;
};
VIGIE_EXPORT DateValidation ValidateDate(std::string_view text);

}  // namespace vigie

#endif  // VIGIE_VALIDATE_H_
