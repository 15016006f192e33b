// SPDX-License-Identifier: Apache-2.0
// The parts of addresses and names, parsed again from a finding's value.
#include "vigie/components.h"

#include "vigie/address.h"
#include "vigie/person.h"

namespace vigie {

std::vector<std::pair<std::string, std::string>> Components(const Finding& finding) {
  std::vector<std::pair<std::string, std::string>> parts;
  auto add = [&](const char* name, const std::string& part) {
    if (!part.empty()) parts.emplace_back(name, part);
  };
  if (finding.kind == "FR_POSTAL_ADDRESS") {
    AddressParse p = ParseAddress(finding.value);
    if (!p.valid) return parts;
    const PostalAddress& a = p.address;
    add("number", a.number);
    add("number_suffix", a.number_suffix);
    add("street_type", a.street_type);
    add("street_name", a.street_name);
    add("complement", a.complement);
    add("postcode", a.postcode);
    add("commune", a.commune_official);
    if (a.cedex) add("cedex", "true");
  } else if (finding.kind == "PERSON") {
    NameParse p = ParsePersonName(finding.value);
    if (!p.valid) return parts;
    add("given", p.name.given);
    add("family", p.name.family);
    if (p.name.sex != 0) add("sex", std::string(1, p.name.sex));
  }
  return parts;
}

}  // namespace vigie
