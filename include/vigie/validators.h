// SPDX-License-Identifier: Apache-2.0
// Every validator by name, its verdict as named fields: for programs that
// take the kind as data (`vigie validate KIND`, the Python package's
// `validate.check`), so that all of them speak of a value in the same words.
#ifndef VIGIE_VALIDATORS_H_
#define VIGIE_VALIDATORS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "vigie/export.h"
#include "vigie/result.h"

namespace vigie {

// A field of a verdict: a flag, a number or a text.
using VerdictField = std::variant<bool, int64_t, std::string>;

struct NamedVerdict {
  bool valid = false;
  std::string normalized;
  std::string reason;  // why not, when not valid
  // What the validator parsed, by name, in a fixed order: for a NIR
  // "form", "sex", "birth_year", "birth_month", "department", "commune",
  // "country"; for a phone "e164", "territory", "type"; for an address its
  // parts; for a name its parts and the INSEE counts.
  std::vector<std::pair<std::string, VerdictField>> fields;
};

// The validator names, sorted: "address", "adeli", "card", "cip13",
// "cni", "date", "email", "finess", "iban", "name", "nif", "nir",
// "passport", "phone", "rpps", "siren", "siret", "tva".
VIGIE_EXPORT std::vector<std::string> ValidatorNames();

// The verdict of validator `kind` on `value`; kInvalidArgument for a kind
// that is none of ValidatorNames().
VIGIE_EXPORT Result<NamedVerdict> ValidateNamed(std::string_view kind, std::string_view value);

}  // namespace vigie

#endif  // VIGIE_VALIDATORS_H_
