// SPDX-License-Identifier: Apache-2.0
// Person-name helpers shared by vigie::ParsePersonName and the PERSON
// detector, which weighs the same parse with the text before the name.
#ifndef VIGIE_LIB_VALIDATE_PERSON_H_
#define VIGIE_LIB_VALIDATE_PERSON_H_

#include <string>
#include <string_view>

#include "vigie/person.h"

namespace vigie::validate {

// How much a part of a name says that it is one: 2 a frequent name that is
// no everyday word (or a very frequent one: JEAN, PIERRE, MARTIN), 1 a rare
// or ambiguous name, an initial, or an unknown family name in capitals, 0
// nothing (an unknown capitalized word).
struct NameEvidence {
  NameParse parse;
  int given = 0;
  int family = 0;
  bool titled = false;
  // The span's first word is an everyday word that is no frequent name
  // ("Vu", "Compte", "Patient"): at a sentence start it is just a word.
  bool weak_first = false;
  // Words in capitals beside words that are not ("DUPONT Jean").
  bool mixed = false;
  // Every word in capitals ("DUPONT JEAN").
  bool all_caps = false;
};

// The title ("Dr", "Madame", "M.") that ends `before`, followed by spaces,
// normalized ("Dr", "Mme", "M."); "" when there is none. `*length` gets
// the bytes it takes from the end of `before`, spaces included.
std::string_view TitleAtEnd(std::string_view before, size_t* length);

// A cheap test on the first word of a span: can a name start with it? An
// initial, a particle, a word in capitals or one the lists know, or any
// name word after a title.
bool MayStartName(std::string_view word, bool titled);

// `word` is a title ("Dr", "Mme", "M.").
bool IsTitle(std::string_view word);

// Parses `span` as a name written after `title` ("" for none).
NameEvidence WeighName(std::string_view title, std::string_view span);

// A name token starts at text[pos]: an upper-case letter (ASCII or
// Latin-1), or a particle.
bool NameTokenStart(std::string_view text, size_t pos);

// `word` in upper case without accents ("Hélène" -> "HELENE", "’" -> "'").
std::string FoldName(std::string_view word);

}  // namespace vigie::validate

#endif  // VIGIE_LIB_VALIDATE_PERSON_H_
