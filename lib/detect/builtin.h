// SPDX-License-Identifier: Apache-2.0
// The built-in detectors, each defined as data plus its confirm step.
#ifndef VIGIE_LIB_DETECT_BUILTIN_H_
#define VIGIE_LIB_DETECT_BUILTIN_H_

#include <string>
#include <vector>

#include "scan/detector_def.h"

namespace vigie::detect {

// The regex of a NIR as people write it (FR_NIR and FR_INS).
std::string NirPattern();

internal::DetectorDef NirDetector();
internal::DetectorDef PhoneDetector();
internal::DetectorDef EmailDetector();
// Postal addresses ending in "POSTCODE COMMUNE" (lib/detect/address.cc).
internal::DetectorDef AddressDetector();
// Person names (lib/detect/person.cc).
internal::DetectorDef PersonDetector();
// IBAN, cards, SIREN/SIRET/TVA/NIF, RPPS/ADELI/FINESS/CIP13, identity
// documents and dates of birth (lib/detect/identifiers.cc).
std::vector<internal::DetectorDef> IdentifierDetectors();
// One detector per HEALTH_* kind, from the embedded lexicon
// (lib/health/detectors.cc).
std::vector<internal::DetectorDef> HealthDetectors();
// The triggers of the qualifiers that health findings carry.
std::vector<internal::QualifierTrigger> QualifierTriggers();

// Every built-in detector, in a stable order.
std::vector<internal::DetectorDef> BuiltinDetectors();

}  // namespace vigie::detect

#endif  // VIGIE_LIB_DETECT_BUILTIN_H_
