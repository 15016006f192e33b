// SPDX-License-Identifier: Apache-2.0
// Person-name helpers shared by vigie::ParsePersonName and the PERSON
// detector, which weighs the same parse with the text before the name.
#ifndef VIGIE_LIB_VALIDATE_PERSON_H_
#define VIGIE_LIB_VALIDATE_PERSON_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "data/tables.h"
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

// `word` is a title ("Dr", "Mme", "M.").
bool IsTitle(std::string_view word);

// Parses `span` as a name written after `title` ("" for none).
NameEvidence WeighName(std::string_view title, std::string_view span);

// The most words a name has ("Marie-Thérèse de La Tour d'Auvergne").
inline constexpr size_t kMaxNameWords = 6;

// A word of a span, read once: what it is, its key and its entry in the
// lists.
struct NameToken {
  enum class Type : uint8_t { kWord, kInitial, kParticle, kNone };
  std::string_view raw;
  Type type = Type::kWord;  // kNone: no word of a name ("A1", "l'")
  bool upper = false;       // a word in capitals ("DUPONT")
  std::string key;          // FoldName(raw)
  const data::NameEntry* entry = nullptr;
  // How much it says as a given name, as a family name (2, 1 or 0, as in
  // NameEvidence), from its entry or else from its hyphenated parts.
  uint8_t given = 0;
  uint8_t family = 0;
  bool opens_entry = false;  // some entry of several words starts with it
};

// The words of a span, each read, folded and looked up once, so that the
// spans that end where it ends (every start of a run of name words, which
// the PERSON detector weighs) are weighed without reading a word again.
class NameRun {
 public:
  // Reads the words of `span`, at most kMaxNameWords + 1 of them.
  explicit NameRun(std::string_view span);

  size_t size() const { return size_; }
  const NameToken& operator[](size_t i) const { return tokens_[i]; }
  // Where word i starts in the span.
  size_t offset(size_t i) const { return offsets_[i]; }
  // The span from word i on.
  std::string_view From(size_t i) const { return span_.substr(offsets_[i]); }

  // Whether a name may start with word i: an initial, a particle, a word
  // in capitals or one the lists know, or any name word after a title.
  bool MayStartAt(size_t i, bool titled) const;
  // WeighName(title, the span from word `from` on); `from` > 0 only when
  // the span has at most kMaxNameWords words.
  NameEvidence Weigh(std::string_view title, size_t from) const;
  // The lists' entry for words [from, to) as one family name, with their
  // particles ("LE GALL", "DE SOUSA"), or null.
  const data::NameEntry* WholeFamily(size_t from, size_t to) const;

 private:
  std::string_view span_;
  std::array<NameToken, kMaxNameWords + 1> tokens_;
  std::array<size_t, kMaxNameWords + 1> offsets_{};
  size_t size_ = 0;
  bool more_ = false;  // the span has more words than were read
};

// An upper-case letter starts at s[i]: ASCII, Latin-1, Œ or Ÿ.
bool UpperAt(std::string_view s, size_t i);

// A name token starts at text[pos]: an upper-case letter (ASCII or
// Latin-1), or a particle.
bool NameTokenStart(std::string_view text, size_t pos);

// `word` in upper case without accents ("Hélène" -> "HELENE", "’" -> "'").
std::string FoldName(std::string_view word);
// FoldName into `*key`, whose memory is reused.
void FoldNameInto(std::string_view word, std::string* key);

}  // namespace vigie::validate

#endif  // VIGIE_LIB_VALIDATE_PERSON_H_
