// How a finding is shown without showing it: the masked value and the
// qualifier names, shared by the reports of `vigie scan` and the Python
// package (so that both hide the same characters).
#ifndef VIGIE_TOOLS_VIGIE_FINDING_TEXT_H_
#define VIGIE_TOOLS_VIGIE_FINDING_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "vigie/finding.h"

namespace vigie::cli {

// `value` with its letters and digits (any script) hidden, but for the last two of a
// value of eight or more: "2 84 05 88 321 025 32" -> "* ** ** ** *** *** 32".
std::string MaskValue(std::string_view value);

// "negated", "family": the names of a finding's qualifiers.
std::vector<std::string> QualifierNames(const Finding& finding);

}  // namespace vigie::cli

#endif  // VIGIE_TOOLS_VIGIE_FINDING_TEXT_H_
