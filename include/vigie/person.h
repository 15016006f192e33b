// SPDX-License-Identifier: Apache-2.0
// Person names: parsed into title, given names and family name, and weighed
// against INSEE's lists of French given names (births 1900-2022) and family
// names (births 1891-2000), embedded in the library.
//
//   vigie::NameParse p = vigie::ParsePersonName("Dr Jean-Pierre LE GALL");
//   // p.valid, p.name.title == "Dr", p.name.given == "Jean-Pierre",
//   // p.name.family == "LE GALL", p.name.normalized == "Jean-Pierre LE GALL",
//   // p.name.sex == 'M', p.given_births > 0, p.family_births > 0
#ifndef VIGIE_PERSON_H_
#define VIGIE_PERSON_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "vigie/export.h"

namespace vigie {

struct PersonName {
  std::string title;   // "M.", "Mme", "Mlle", "Dr", "Pr", "Me", as usually abbreviated
  std::string given;   // "Jean-Pierre", "J.", "Marie Hélène"
  std::string family;  // "DUPONT", "de La Fontaine", "LE GALL"
  // "GIVEN FAMILY": given names in their written case, the family name in
  // upper case ("Jean-Pierre LE GALL").
  std::string normalized;
  char sex = 0;  // 'M' or 'F' from the title or the first given name; 0 unknown
};

struct NameParse {
  // A title, a given name or a family name that the lists know, in one of
  // the forms people write: "Jean Dupont", "DUPONT Jean", "J. Dupont",
  // "Mme Dupont", "Dr Xavier".
  bool valid = false;
  std::string reason;  // why not, when not valid
  PersonName name;
  // Births in France with the first given name and with the family name,
  // per INSEE; 0 when the list does not hold it.
  uint64_t given_births = 0;
  uint64_t family_births = 0;
  // The given or family name is also an everyday word, a commune or a
  // country ("Pierre", "Rose", "Blanc", "Nancy", "France").
  bool ambiguous = false;
};

// Parses a name written alone, with or without its title. Case, accents,
// hyphens and the particles (de, du, d', le, la, van...) follow French use.
VIGIE_EXPORT NameParse ParsePersonName(std::string_view text);

}  // namespace vigie

#endif  // VIGIE_PERSON_H_
