// `vigie validate KIND [VALUE...]`: runs one of the public validators on
// each value (or each line of standard input) and prints its verdict.
#ifndef VIGIE_TOOLS_VIGIE_VALIDATE_COMMAND_H_
#define VIGIE_TOOLS_VIGIE_VALIDATE_COMMAND_H_

#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace vigie::cli {

// The validator names `vigie validate` accepts.
std::vector<std::string> ValidatorNames();

// The verdict on one value as a JSON object (its text), the same that
// `vigie validate` prints; empty for an unknown kind. The Python package
// uses it too, so that both speak of a value in the same words.
std::string ValidateToJson(const std::string& kind, const std::string& value);

// One JSON object per value; exit status 0 when all are valid, 1 otherwise.
int RunValidate(const std::string& kind, const std::vector<std::string>& values, std::istream& in,
                std::ostream& out);

}  // namespace vigie::cli

#endif  // VIGIE_TOOLS_VIGIE_VALIDATE_COMMAND_H_
