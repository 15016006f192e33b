// SPDX-License-Identifier: Apache-2.0
// `vigie validate KIND [VALUE...]`: runs one of the public validators on
// each value (or each line of standard input) and prints its verdict.
#ifndef VIGIE_TOOLS_VIGIE_VALIDATE_COMMAND_H_
#define VIGIE_TOOLS_VIGIE_VALIDATE_COMMAND_H_

#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace vigie::cli {

// One JSON object per value (vigie::ValidateNamed's verdict and fields,
// with the value); exit status 0 when all are valid, 1 otherwise. `kind`
// is one of vigie::ValidatorNames().
int RunValidate(const std::string& kind, const std::vector<std::string>& values, std::istream& in,
                std::ostream& out);

}  // namespace vigie::cli

#endif  // VIGIE_TOOLS_VIGIE_VALIDATE_COMMAND_H_
