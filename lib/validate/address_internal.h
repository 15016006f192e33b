// What the address parser knows that other detectors ask too.
#ifndef VIGIE_LIB_VALIDATE_ADDRESS_INTERNAL_H_
#define VIGIE_LIB_VALIDATE_ADDRESS_INTERNAL_H_

#include <string>

namespace vigie {

// `key` (lower case, no accents: "rue", "av", "allee") is a type of way of
// the embedded tables (libpostal, RNA): "rue Victor Hugo" names a street.
bool IsStreetTypeKey(const std::string& key);

}  // namespace vigie

#endif  // VIGIE_LIB_VALIDATE_ADDRESS_INTERNAL_H_
