// SPDX-License-Identifier: Apache-2.0
// `vigie validate`: the public validators from the command line, one JSON
// object per value, for scripts and for comparing vigie with other tools.
// The verdicts and their fields come from the library (vigie/validators.h).
#include "validate_command.h"

#include <nlohmann/json.hpp>

#include "vigie/validators.h"

namespace vigie::cli {
namespace {

using nlohmann::json;

// The verdict with the value it is about.
json Verdict(const NamedVerdict& v, const std::string& value) {
  json j = {{"valid", v.valid}, {"normalized", v.normalized}, {"value", value}};
  if (!v.valid) j["reason"] = v.reason;
  for (const auto& [name, field] : v.fields) {
    std::visit([&, &name = name](const auto& x) { j[name] = x; }, field);
  }
  return j;
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

int RunValidate(const std::string& kind, const std::vector<std::string>& values, std::istream& in,
                std::ostream& out) {
  bool all_valid = true;
  auto one = [&](const std::string& value) {
    Result<NamedVerdict> verdict = ValidateNamed(kind, value);
    if (!verdict.ok()) return;  // the kind was checked before
    all_valid &= verdict->valid;
    out << Dump(Verdict(*verdict, value)) << "\n";
  };
  if (values.empty()) {
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      one(line);
    }
  } else {
    for (const auto& v : values) one(v);
  }
  return all_valid ? 0 : 1;
}

}  // namespace vigie::cli
