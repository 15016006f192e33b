// The data files of lib/data, compiled into the library.
#ifndef VIGIE_LIB_DATA_EMBEDDED_H_
#define VIGIE_LIB_DATA_EMBEDDED_H_

#include <string_view>

namespace vigie::data {

// lib/data/iban_registry.tsv: country, IBAN length, BBAN structure.
extern const std::string_view kIbanRegistry;

}  // namespace vigie::data

#endif  // VIGIE_LIB_DATA_EMBEDDED_H_
