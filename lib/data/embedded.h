// The data files of lib/data, compiled into the library.
#ifndef VIGIE_LIB_DATA_EMBEDDED_H_
#define VIGIE_LIB_DATA_EMBEDDED_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::data {

// lib/data/iban_registry.tsv: country, IBAN length, BBAN structure.
extern const std::string_view kIbanRegistry;

// lib/data/places: types of way (libpostal: "full|variant|..."; RNA
// register: code, label). The postcode-commune table is prepared at build
// time (data/tables.h).
extern const std::string_view kStreetTypesLibpostal;
extern const std::string_view kStreetTypesRna;

// lib/data/health/*.tsv compiled by lib/data/lexicon_compiler.cc: the
// health terms with their spellings, and the qualifier triggers.
extern const std::string_view kHealthLexicon;

// Calls `row` with the tab-separated cells of every line of `table`,
// skipping empty lines and '#' comments: the one reader of lib/data tables.
void ForEachRow(std::string_view table,
                const std::function<void(const std::vector<std::string_view>& cells)>& row);

// The bytes of a file, for the build-time tools that prepare the tables
// (lexicon_compiler.cc, table_compiler.cc); throws std::runtime_error when
// it cannot be read.
std::string ReadDataFile(const std::string& path);

}  // namespace vigie::data

#endif  // VIGIE_LIB_DATA_EMBEDDED_H_
