// SPDX-License-Identifier: Apache-2.0
// vigie_table_compiler: prepares the tables of lib/data/names and
// lib/data/places at build time (see data/tables.h). Names are folded
// with FoldName and their given- and family-name rows merged; communes
// are folded with CommuneKey; every table is sorted by its key, stably, so
// that rows with one key keep the order of the source file.
//
//   vigie_table_compiler OUT.cc --given FILE --family FILE --places FILE
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "data/embedded.h"
#include "data/tables.h"
#include "validate/address_internal.h"
#include "validate/person.h"

namespace {

uint32_t Count(std::string_view cell) {
  return static_cast<uint32_t>(std::strtoul(std::string(cell).c_str(), nullptr, 10));
}

// Writes `rows` (each "KEY\t..." without its line break) as a SortedRows
// named `name`.
void WriteRows(std::ostream& out, const std::string& name, const std::vector<std::string>& rows) {
  std::string text;
  std::vector<size_t> starts;
  for (const std::string& row : rows) {
    if (row.find(")vigie_data\"") != std::string::npos) throw std::runtime_error("bad row");
    starts.push_back(text.size());
    text += row + "\n";
  }
  starts.push_back(text.size());
  // The index: each distinct key's first row, at most half full.
  size_t slots = 16;
  while (slots < 2 * rows.size()) slots *= 2;
  std::vector<uint32_t> index(slots, 0);
  for (size_t i = 0; i < rows.size(); ++i) {
    std::string_view key = std::string_view(rows[i]).substr(0, rows[i].find('\t'));
    if (i > 0 && std::string_view(rows[i - 1]).substr(0, rows[i - 1].find('\t')) == key) continue;
    size_t slot = vigie::data::KeyHash(key) & (slots - 1);
    while (index[slot] != 0) slot = (slot + 1) & (slots - 1);
    index[slot] = static_cast<uint32_t>(i + 1);
  }
  out << "namespace {\nconst char " << name << "Text[] = R\"vigie_data(" << text
      << ")vigie_data\";\nconst uint32_t " << name << "Starts[] = {";
  for (size_t i = 0; i < starts.size(); ++i) {
    out << (i == 0 ? "\n    " : i % 16 ? ", " : ",\n    ") << starts[i];
  }
  out << "};\nconst uint32_t " << name << "Slots[] = {";
  for (size_t i = 0; i < index.size(); ++i) {
    out << (i == 0 ? "\n    " : i % 16 ? ", " : ",\n    ") << index[i];
  }
  out << "};\n}  // namespace\nconst SortedRows " << name << " = {std::string_view(" << name
      << "Text, sizeof " << name << "Text - 1), " << name << "Starts, " << rows.size() << ", "
      << name << "Slots, " << slots - 1 << "};\n\n";
}

// Sorts rows by their first field, keeping the source order within a key.
void SortByKey(std::vector<std::string>& rows) {
  auto key = [](const std::string& row) { return std::string_view(row).substr(0, row.find('\t')); };
  std::stable_sort(rows.begin(), rows.end(),
                   [&](const std::string& a, const std::string& b) { return key(a) < key(b); });
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc < 2) {
    std::cerr << "usage: vigie_table_compiler OUT.cc --given FILE --family FILE --places FILE\n";
    return 2;
  }
  std::map<std::string, std::string> files;
  for (int i = 2; i + 1 < argc; i += 2) files[argv[i]] = argv[i + 1];
  for (const char* needed : {"--given", "--family", "--places"}) {
    if (!files.count(needed)) throw std::runtime_error(std::string("missing ") + needed);
  }

  // Names: accented and plain spellings of a name are one entry.
  std::map<std::string, vigie::data::NameEntry> names;
  std::string given = vigie::data::ReadDataFile(files["--given"]);
  vigie::data::ForEachRow(given, [&](const std::vector<std::string_view>& cells) {
    if (cells.size() < 4 || cells[0] == "name") return;
    vigie::data::NameEntry& e = names[vigie::validate::FoldName(cells[0])];
    uint32_t births = Count(cells[2]);
    if (births > e.given) e.sex = cells[1] == "1" ? 'M' : cells[1] == "2" ? 'F' : 0;
    e.given += births;
    e.given_ambiguous = e.given_ambiguous || cells[3] == "1";
  });
  std::string family = vigie::data::ReadDataFile(files["--family"]);
  vigie::data::ForEachRow(family, [&](const std::vector<std::string_view>& cells) {
    if (cells.size() < 3 || cells[0] == "name") return;
    vigie::data::NameEntry& e = names[vigie::validate::FoldName(cells[0])];
    e.family += Count(cells[1]);
    e.family_ambiguous = e.family_ambiguous || cells[2] == "1";
  });

  // Places: communes by postcode, postcodes by commune.
  std::vector<std::string> communes, postcodes;
  std::string places = vigie::data::ReadDataFile(files["--places"]);
  vigie::data::ForEachRow(places, [&](const std::vector<std::string_view>& cells) {
    if (cells.size() < 3 || cells[0] == "code_postal") return;
    std::string postcode(cells[0]), key = vigie::CommuneKey(cells[2]);
    communes.push_back(postcode + "\t" + key + "\t" + std::string(cells[2]));
    postcodes.push_back(key + "\t" + postcode);
  });
  SortByKey(communes);
  SortByKey(postcodes);

  std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
  out << "// Generated by vigie_table_compiler from lib/data/names and lib/data/places;\n"
         "// do not edit.\n#include \"data/tables.h\"\n\nnamespace vigie::data {\n\n";
  std::vector<std::string> keys;
  keys.reserve(names.size());
  for (const auto& [key, entry] : names) keys.push_back(key);
  WriteRows(out, "kNamesByKey", keys);
  std::set<std::string> firsts;
  for (const std::string& key : keys) {
    if (size_t space = key.find(' '); space != std::string::npos)
      firsts.insert(key.substr(0, space));
  }
  WriteRows(out, "kNameFirstWords", std::vector<std::string>(firsts.begin(), firsts.end()));
  out << "const NameEntry kNameEntries[] = {";
  size_t n = 0;
  for (const auto& [key, e] : names) {
    out << (n++ % 4 ? " " : "\n    ") << "{" << e.given << ", " << e.family << ", "
        << static_cast<int>(e.sex) << ", " << e.given_ambiguous << ", " << e.family_ambiguous
        << "},";
  }
  out << "};\n\n";
  WriteRows(out, "kCommunesByPostcode", communes);
  WriteRows(out, "kPostcodesByCommune", postcodes);
  out << "}  // namespace vigie::data\n";
  out.close();
  if (!out) throw std::runtime_error(std::string("cannot write ") + argv[1]);
  std::cout << names.size() << " names, " << communes.size() << " communes\n";
  return 0;
} catch (const std::exception& e) {
  std::cerr << "vigie_table_compiler: " << e.what() << "\n";
  return 1;
}
