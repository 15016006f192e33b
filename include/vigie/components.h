// SPDX-License-Identifier: Apache-2.0
// The parts of a finding's value, for the kinds that have parts: a postal
// address (number, type of way, postcode, commune...) and a person's name
// (given names, family name, sex). This is personal data, like the value.
//
//   for (const auto& [name, part] : vigie::Components(finding)) ...
//   // FR_POSTAL_ADDRESS: number, number_suffix, street_type, street_name,
//   //   complement, postcode, commune, cedex
//   // PERSON: given, family, sex
#ifndef VIGIE_COMPONENTS_H_
#define VIGIE_COMPONENTS_H_

#include <string>
#include <utility>
#include <vector>

#include "vigie/export.h"
#include "vigie/finding.h"

namespace vigie {

// The non-empty parts of `finding.value`, in a stable order; empty for the
// other kinds. Parsed again from the value with ParseAddress or
// ParsePersonName.
VIGIE_EXPORT std::vector<std::pair<std::string, std::string>> Components(const Finding& finding);

}  // namespace vigie

#endif  // VIGIE_COMPONENTS_H_
