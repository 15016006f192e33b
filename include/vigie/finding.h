// SPDX-License-Identifier: Apache-2.0
// Finding: one piece of personal or health data found in a text.
// Offsets are byte offsets into the caller's buffer, half-open [begin, end).
#ifndef VIGIE_FINDING_H_
#define VIGIE_FINDING_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/export.h"

namespace vigie {

// The broad family a kind belongs to; stable in every output.
enum class Category : uint8_t {
  kIdentity,   // who a person is: NIR, names, identity documents
  kContact,    // how to reach them: phone, e-mail, postal address
  kFinancial,  // their money: IBAN, card numbers
  kHealth,     // GDPR Article 9 health data
};

// "identity", "contact", "financial" or "health".
VIGIE_EXPORT std::string_view CategoryName(Category category);

// How far the detector's own checks went.
enum class Confidence : uint8_t {
  kUnconfirmed,  // the shape matched, the structure or checksum did not
  kConfirmed,    // structure and checksum hold
};

// What the text says of a health finding. A qualified finding is still
// health data ("sérologie VIH négative" reveals that a test was done).
enum class Qualifier : uint8_t {
  kNegated = 1,       // said to be absent: "pas de diabète"
  kHypothetical = 2,  // suspected or possible: "suspicion de tuberculose"
  kFamily = 4,        // of a relative: "mère diabétique"
  kHistory = 8,       // past: "antécédents d'asthme"
};

// "negated", "hypothetical", "family" or "history".
VIGIE_EXPORT std::string_view QualifierName(Qualifier qualifier);

struct Finding {
  // Stable kind name: "FR_NIR", "PHONE_NUMBER", "EMAIL_ADDRESS", or the
  // kind of a custom detector.
  std::string kind;
  Category category = Category::kIdentity;
  Confidence confidence = Confidence::kConfirmed;
  // Byte offsets into the scanned text (for a stream: since its first byte).
  uint64_t begin = 0;
  uint64_t end = 0;
  // 1-based line, and 1-based column in code points from the line start
  // (an invalid UTF-8 byte counts as one).
  uint64_t line = 0;
  uint64_t column = 0;
  // The record the finding begins in, from 0: in a delimited text, the row
  // of its cell (the header, when there is one, is row 0; a quoted cell may
  // hold line breaks, so rows and lines can differ); in JSON, its record
  // (a top-level value, such as a line of JSON Lines, or an item of a
  // top-level array; from 0); in running text, its line (line - 1).
  uint64_t record = 0;
  // In a delimited text, the column of the cell the finding begins in, from
  // 0; kNoField in JSON and running text.
  static constexpr uint32_t kNoField = UINT32_MAX;
  uint32_t field = kNoField;
  // In [0, 1]: above 0.85 a reviewer would almost always agree; below 0.5
  // it is a weak guess.
  double score = 0;
  // The normalized value (digits of a NIR, E.164 phone, lower-case e-mail).
  // This is the personal data itself: vigie's own outputs never print it
  // unless asked to.
  std::string value;
  // Health findings: the Qualifier bits that apply, 0 for none.
  uint8_t qualifiers = 0;
  // A kind this finding is tied to, or empty: "HEALTH_PROVIDER" for the
  // name of a physician ("médecin traitant : Dr Martin").
  std::string context;

  bool Has(Qualifier q) const { return (qualifiers & static_cast<uint8_t>(q)) != 0; }
};

// "negated", "family": the names of a finding's qualifiers, in the order of
// their bits.
VIGIE_EXPORT std::vector<std::string> QualifierNames(const Finding& finding);

// A value as vigie's reports show it when values are not asked for: its
// letters and digits (any script) hidden, but for the last two of a value
// of eight or more ("2 84 05 88 321 025 32" -> "* ** ** ** *** *** 32");
// punctuation and spaces keep the shape.
VIGIE_EXPORT std::string MaskValue(std::string_view value);

}  // namespace vigie

#endif  // VIGIE_FINDING_H_
