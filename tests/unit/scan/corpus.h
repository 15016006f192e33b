// SPDX-License-Identifier: Apache-2.0
// Generated texts for the scan tests and benchmarks: French prose and a
// lab export, with invented values, reproducible from a seed.
#ifndef VIGIE_TESTS_UNIT_SCAN_CORPUS_H_
#define VIGIE_TESTS_UNIT_SCAN_CORPUS_H_

#include <cstdint>
#include <random>
#include <string>

namespace vigie::testing {

inline std::string NirWithKey(std::mt19937& rng) {
  std::string first13 = std::to_string(1 + rng() % 2);
  auto two = [&](unsigned lo, unsigned hi) {
    unsigned v = lo + static_cast<unsigned>(rng() % (hi - lo + 1));
    return std::string(v < 10 ? "0" : "") + std::to_string(v);
  };
  first13 += two(0, 99) + two(1, 12) + two(1, 95);
  for (int i = 0; i < 6; ++i) first13 += static_cast<char>('0' + rng() % 10);
  if (first13.substr(10, 3) == "000") first13[12] = '1';
  uint64_t n = std::stoull(first13);
  unsigned key = static_cast<unsigned>(97 - n % 97);
  return first13 + (key < 10 ? "0" : "") + std::to_string(key);
}

inline std::string Phone(std::mt19937& rng) {
  std::string p = "0" + std::to_string(1 + rng() % 6);
  for (int i = 0; i < 4; ++i) {
    p += " ";
    p += static_cast<char>('0' + rng() % 10);
    p += static_cast<char>('0' + rng() % 10);
  }
  return p;
}

// About `bytes` bytes of French prose, with an identifier every few lines.
inline std::string FrenchProse(size_t bytes, uint32_t seed = 7) {
  static const char* kSentences[] = {
      "Le patient a été reçu en consultation ce matin pour un suivi régulier. ",
      "Les résultats du bilan sanguin sont dans les normes habituelles. ",
      "Une nouvelle ordonnance a été remise, à renouveler dans trois mois. ",
      "La secrétaire a confirmé le rendez-vous de contrôle par courrier. ",
      "Aucune allergie connue, pas d'antécédent familial particulier. ",
      "Le compte rendu sera adressé au médecin traitant dans la semaine. ",
      "Référence interne du dossier : 2024-08-117, archivée au service. ",
      "Il fait beau sur la côte, les élèves préparent la fête de l'école. "};
  std::mt19937 rng(seed);
  std::string out;
  out.reserve(bytes + 256);
  while (out.size() < bytes) {
    out += kSentences[rng() % 8];
    switch (rng() % 12) {
      case 0:
        out += "N° de sécurité sociale : " + NirWithKey(rng) + ". ";
        break;
      case 1:
        out += "Tél. : " + Phone(rng) + ". ";
        break;
      case 2:
        out += "Écrire à patient" + std::to_string(rng() % 1000) + "@example.org. ";
        break;
      case 3:
        out += "\n";
        break;
      default:
        break;
    }
  }
  return out;
}

// About `bytes` bytes of a ';'-separated lab export with a header row.
inline std::string LabExport(size_t bytes, uint32_t seed = 11) {
  std::mt19937 rng(seed);
  std::string out =
      "nom;prenom;date_naissance;telephone;email;num_secu;groupe_sanguin;commentaire\n";
  while (out.size() < bytes) {
    unsigned id = static_cast<unsigned>(rng() % 100000);
    out += "NOM" + std::to_string(id) + ";Prénom;0" + std::to_string(1 + rng() % 9) + "/0" +
           std::to_string(1 + rng() % 9) + "/19" + std::to_string(40 + rng() % 60) + ";" +
           Phone(rng) + ";p" + std::to_string(id) + "@example.com;" + NirWithKey(rng) +
           ";O+;RAS, contrôle dans six mois\n";
  }
  return out;
}

// The same records as a JSON document (`pretty`: an item over several
// lines in a top-level list) or JSON Lines, with names no list knows under
// "nom", a nested contact and a list of given names.
inline std::string JsonExport(size_t bytes, bool pretty, uint32_t seed = 13) {
  std::mt19937 rng(seed);
  std::string out = pretty ? "[\n" : "";
  const char* sep = pretty ? ",\n    " : ", ";
  bool first = true;
  while (out.size() < bytes) {
    unsigned id = static_cast<unsigned>(rng() % 100000);
    if (pretty && !first) out += ",\n";
    first = false;
    std::string suffix;  // the id in letters: a name no list knows
    for (char c : std::to_string(id)) suffix += static_cast<char>('a' + (c - '0'));
    out += std::string(pretty ? "  {\n    " : "{") + "\"nom\": \"Zorvath" + suffix + "\"" + sep +
           "\"prenoms\": [\"Anatole\", \"Théodebert\"]" + sep + "\"dateNaissance\": \"0" +
           std::to_string(1 + rng() % 9) + "/0" + std::to_string(1 + rng() % 9) + "/19" +
           std::to_string(40 + rng() % 60) + "\"" + sep + "\"contact\": {\"tel\": \"" + Phone(rng) +
           "\", \"email\": \"p" + std::to_string(id) + "@example.com\"}" + sep +
           "\"num_secu\": " + NirWithKey(rng) + sep +
           "\"commentaire\": \"RAS, contr\\u00f4le \\\"dans\\\" six mois\"" +
           (pretty ? "\n  }" : "}\n");
  }
  if (pretty) out += "\n]\n";
  return out;
}

}  // namespace vigie::testing

#endif  // VIGIE_TESTS_UNIT_SCAN_CORPUS_H_
