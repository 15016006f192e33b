// The data files of lib/data, compiled into the library.
#ifndef VIGIE_LIB_DATA_EMBEDDED_H_
#define VIGIE_LIB_DATA_EMBEDDED_H_

#include <string_view>

namespace vigie::data {

// lib/data/iban_registry.tsv: country, IBAN length, BBAN structure.
extern const std::string_view kIbanRegistry;

// lib/data/health_curated.tsv: HEALTH_* kind, term, flags.
extern const std::string_view kHealthCurated;

}  // namespace vigie::data

#endif  // VIGIE_LIB_DATA_EMBEDDED_H_
