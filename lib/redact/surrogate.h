// SPDX-License-Identifier: Apache-2.0
// Surrogates and generalizations: the values that `surrogate` and
// `generalize` write in place of a finding, per kind.
//
// A surrogate is chosen by the key from the value (the same value gives
// the same surrogate everywhere) and passes vigie's own validators: a NIR
// keeps sex, birth year and month and department with a new commune, order
// and key; a phone falls in ARCEP's blocks reserved for fiction, of the same
// type and zone; an IBAN keeps its country (and French bank) with new
// account numbers and keys; an e-mail is at a domain reserved by RFC 2606;
// a name comes from INSEE's lists, same sex, similar frequency; an address
// has a real postcode and commune of the same department and an invented
// street line; a date moves by the record's shift. Each keeps the way the
// original was written (separators, case).
#ifndef VIGIE_LIB_REDACT_SURROGATE_H_
#define VIGIE_LIB_REDACT_SURROGATE_H_

#include <optional>
#include <string>
#include <string_view>

#include "redact/keyed.h"
#include "vigie/finding.h"

namespace vigie::redact {

// Whether `kind` has a surrogate (every kind but the health terms: a
// custom kind's letters and digits are replaced, keeping its shape).
bool HasSurrogate(std::string_view kind);
// The surrogate of finding `f`, whose text is `raw`; `shift_days` moves a
// date. Nothing when `raw` does not parse as its kind (the caller masks it).
std::optional<std::string> Surrogate(const Finding& f, std::string_view raw, Mac& key,
                                     int shift_days);

// The generalization levels of `kind`, the first being its default; empty
// when it has none.
std::vector<std::string_view> GeneralizationLevels(std::string_view kind);
// `raw` generalized to `level`; nothing when it does not parse.
std::optional<std::string> Generalize(const Finding& f, std::string_view raw,
                                      std::string_view level, int reference_year);

// The shift in days, in [-max_days, max_days] and never 0, of the dates of
// the person `identity` (empty: the same shift for every record without
// one).
int DateShift(Mac& key, std::string_view identity, int max_days);

}  // namespace vigie::redact

#endif  // VIGIE_LIB_REDACT_SURROGATE_H_
