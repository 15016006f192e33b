// SPDX-License-Identifier: Apache-2.0
// French postal addresses: parsed into their components and checked
// against the embedded table of postcodes and communes (COG 2026).
//
//   vigie::AddressParse p = vigie::ParseAddress("12 bis rue des Lilas, 56000 Vannes");
//   // p.valid, p.address.street_type == "RUE", p.address.commune_official == "Vannes",
//   // p.address.normalized == "12 BIS RUE DES LILAS\n56000 VANNES"
#ifndef VIGIE_ADDRESS_H_
#define VIGIE_ADDRESS_H_

#include <string>
#include <string_view>

#include "vigie/export.h"

namespace vigie {

struct PostalAddress {
  std::string number;            // "12", "15-17"
  std::string number_suffix;     // "BIS", "TER", "A"
  std::string street_type;       // the type of way, in full: "RUE", "AVENUE", "LIEU-DIT"
  std::string street_name;       // "DES LILAS"
  std::string complement;        // "BP 381", "CS 11021", "BATIMENT B"
  std::string postcode;          // "56000"
  std::string commune;           // as written: "ST DENIS"
  std::string commune_official;  // from the table: "Saint-Denis"
  bool cedex = false;            // a CEDEX postcode (a company's, not in the table)
  // AFNOR NF Z10-011 style: upper case without accents or punctuation, the
  // street line then "POSTCODE COMMUNE", separated by a line break.
  std::string normalized;
};

struct AddressParse {
  // A whole address whose postcode and commune agree (for a CEDEX code:
  // the commune lies in the code's department), or a street line alone.
  bool valid = false;
  std::string reason;  // why not, when not valid
  // A type of way or a BP/CS complement was found.
  bool has_street = false;
  // "POSTCODE COMMUNE" was found and checked; false for a street line alone.
  bool has_locality = false;
  PostalAddress address;
};

// Parses one address written on one line or several (AFNOR order): the
// street line and complements, then "POSTCODE COMMUNE [CEDEX [n]]" at the
// end. Case, accents, hyphens and "ST"/"STE" for Saint/Sainte do not matter.
// Text without a postcode is valid only as a street line in running text:
// number, type of way and a capitalized name ("12 bis rue des Lilas"),
// with `has_locality` false.
VIGIE_EXPORT AddressParse ParseAddress(std::string_view text);

}  // namespace vigie

#endif  // VIGIE_ADDRESS_H_
