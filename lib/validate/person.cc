// SPDX-License-Identifier: Apache-2.0
// Person names, parsed token by token: titles, initials, particles and
// name words, then the split into given names and family name that the
// INSEE lists (lib/data/names) support best.
#include "validate/person.h"

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <vector>

#include "data/tables.h"

namespace vigie {
namespace validate {
namespace {

// Very frequent names are names first, even when they are words too
// (JEAN, PIERRE, MARIE; MARTIN, PETIT).
constexpr uint64_t kFrequentGiven = 100000;
constexpr uint64_t kFrequentFamily = 20000;
// Below this many births a given name, or a family name, is rare: weak
// evidence.
constexpr uint64_t kRareGiven = 1000;
constexpr uint64_t kCommonFamily = 1000;
constexpr size_t kMaxTokens = 6;

using Entry = data::NameEntry;

// The entry of INSEE's lists for a FoldName key, or null.
const Entry* Find(std::string_view key) {
  auto [first, last] = data::kNamesByKey.EqualRange(key);
  return first == last ? nullptr : &data::kNameEntries[first];
}

// Latin-1 letters in UTF-8 (C3 80..BF): upper case below C3 9F.
bool Latin1Upper(unsigned char second) {
  return second >= 0x80 && second <= 0x9E && second != 0x97;
}
bool Latin1Lower(unsigned char second) {
  return second >= 0x9F && second <= 0xBF && second != 0xB7;
}

bool UpperAt(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && i + 1 < s.size()) return Latin1Upper(static_cast<unsigned char>(s[i + 1]));
  return c == 0xC5 && i + 1 < s.size() && (s[i + 1] == '\x92' || s[i + 1] == '\xB8');  // Œ Ÿ
}

bool LowerAt(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c >= 'a' && c <= 'z') return true;
  if (c == 0xC3 && i + 1 < s.size()) return Latin1Lower(static_cast<unsigned char>(s[i + 1]));
  return c == 0xC5 && i + 1 < s.size() && s[i + 1] == '\x93';  // œ
}

// Particles of French and other family names, as written in lower case.
bool IsParticle(std::string_view word) {
  static const absl::flat_hash_set<std::string_view> particles = {
      "de",  "du", "des", "d'",    "le",  "la",  "les", "van", "von", "der", "den", "da", "dos",
      "das", "di", "del", "della", "ben", "bin", "ibn", "el",  "al",  "ter", "ten", "y"};
  char lower[8];
  if (word.empty() || word.size() > sizeof lower) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return particles.contains(std::string_view(lower, word.size()));
}

enum class TokenType : uint8_t { kWord, kInitial, kParticle };

struct Token {
  std::string_view raw;
  TokenType type = TokenType::kWord;
  bool upper = false;            // a word in capitals ("DUPONT")
  std::string key;               // FoldName(raw)
  const Entry* entry = nullptr;  // the lists' entry for `key`, looked up once
};

// "J." or "J.-P.".
bool IsInitial(std::string_view raw) {
  size_t i = 0;
  for (;;) {
    if (!UpperAt(raw, i)) return false;
    i += static_cast<unsigned char>(raw[i]) < 0x80 ? 1 : 2;
    if (i >= raw.size() || raw[i] != '.') return false;
    ++i;
    if (i == raw.size()) return true;
    if (raw[i] != '-') return false;
    ++i;
  }
}

// A name word: a capital, then letters, hyphens and apostrophes; "d'" or
// "O'" may come first ("d'Artagnan", "N'Diaye").
bool IsNameWord(std::string_view raw, bool* upper) {
  size_t i = 0;
  if (raw.size() > 2 && (raw[1] == '\'' || raw.substr(1, 3) == "\xE2\x80\x99")) {
    i = raw[1] == '\'' ? 2 : 4;
  }
  if (!UpperAt(raw, i)) return false;
  bool lower = false;
  size_t letters = 0;
  while (i < raw.size()) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c == '-' || c == '\'') {
      if (i + 1 >= raw.size() || raw[i + 1] == '-' || raw[i + 1] == '\'') return false;
      ++i;
      continue;
    }
    if (raw.substr(i, 3) == "\xE2\x80\x99") {
      i += 3;
      continue;
    }
    if (UpperAt(raw, i)) {
      i += c < 0x80 ? 1 : 2;
    } else if (LowerAt(raw, i)) {
      lower = true;
      i += c < 0x80 ? 1 : 2;
    } else {
      return false;
    }
    ++letters;
  }
  *upper = !lower;
  return letters >= 2;
}

bool Tokenize(std::string_view span, std::vector<Token>* tokens, std::string* why) {
  size_t i = 0;
  while (i < span.size()) {
    while (i < span.size() && (span[i] == ' ' || span[i] == '\t')) ++i;
    size_t start = i;
    while (i < span.size() && span[i] != ' ' && span[i] != '\t') ++i;
    if (i == start) break;
    if (tokens->size() == kMaxTokens) {
      *why = "too many words for a name";
      return false;
    }
    Token t;
    t.raw = span.substr(start, i - start);
    if (IsInitial(t.raw)) {
      t.type = TokenType::kInitial;
    } else if (IsParticle(t.raw)) {
      t.type = TokenType::kParticle;
    } else if (!IsNameWord(t.raw, &t.upper)) {
      *why = "'" + std::string(t.raw) + "' is no name word";
      return false;
    }
    t.key = FoldName(t.raw);
    t.entry = Find(t.key);
    tokens->push_back(std::move(t));
  }
  if (tokens->empty()) {
    *why = "no name";
    return false;
  }
  return true;
}

// Each part of a hyphenated or apostrophized key, found in the table.
template <typename Strength>
int PartsStrength(const std::string& key, Strength strength) {
  if (key.find_first_of("-'") == std::string::npos) return 0;
  size_t from = 0;
  for (;;) {
    size_t to = key.find_first_of("-'", from);
    std::string part = key.substr(from, to == std::string::npos ? to : to - from);
    if (part.size() > 1 && strength(Find(part)) == 0) return 0;
    if (to == std::string::npos) break;
    from = to + 1;
  }
  return 1;
}

int GivenStrength(const Token& t, char* sex, bool* ambiguous) {
  if (t.type == TokenType::kInitial) return 1;
  auto strength = [](const Entry* e) {
    if (!e || e->given == 0) return 0;
    if (e->given >= kFrequentGiven || (e->given >= kRareGiven && !e->given_ambiguous)) return 2;
    return 1;
  };
  const Entry* e = t.entry;
  int s = strength(e);
  if (s > 0) {
    if (sex && *sex == 0) *sex = e->sex;
    *ambiguous = *ambiguous || e->given_ambiguous;
    return s;
  }
  return PartsStrength(t.key, strength);
}

// The lists' entry for the family name tokens[from, to) as a whole, with
// its particles ("LE GALL", "DE SOUSA"), or null.
const Entry* WholeFamily(const std::vector<Token>& tokens, size_t from, size_t to) {
  if (to - from == 1) return tokens[from].entry;
  std::string joined;
  for (size_t i = from; i < to; ++i) joined += (i > from ? " " : "") + tokens[i].key;
  return Find(joined);
}

// `mixed`: the span mixes words in capitals and words that are not, so
// that capitals mark the family name ("Jean KERBRAT").
int FamilyStrength(const std::vector<Token>& tokens, size_t from, size_t to, bool mixed,
                   bool* ambiguous) {
  auto strength = [](const Entry* e) {
    if (!e || e->family == 0) return 0;
    bool common = e->family >= kCommonFamily && !e->family_ambiguous;
    return e->family >= kFrequentFamily || common ? 2 : 1;
  };
  // Two letters are a word or an abbreviation more often than a name
  // ("TO", "DO", "LE").
  if (to - from == 1 && tokens[from].key.size() <= 2) return 0;
  if (const Entry* e = WholeFamily(tokens, from, to); strength(e) > 0) {
    *ambiguous = *ambiguous || e->family_ambiguous;
    return strength(e);
  }
  // Else each word ("Dupont Martin", "de La Fontaine") must be a family
  // name or written in capitals, and the last one decides.
  int last = 0;
  for (size_t i = from; i < to; ++i) {
    const Token& t = tokens[i];
    if (t.type == TokenType::kParticle) continue;
    const Entry* e = t.entry;
    // A given name that is no family name ("Jean-Pierre") is none here.
    if (e && e->family == 0) return 0;
    int s = strength(e);
    if (s > 0) {
      *ambiguous = *ambiguous || e->family_ambiguous;
    } else {
      s = PartsStrength(t.key, strength);
    }
    // An unknown name in capitals beside a given name that is not, as
    // letters write family names; not an acronym ("GNU", "SYS").
    if (s == 0 && t.upper && mixed && t.key.size() >= 4) s = 1;
    if (t.key.size() <= 2) s = 0;
    if (s == 0) return 0;
    last = s;
  }
  return last;
}

// Upper case of ASCII and Latin-1 letters; other bytes as they are.
std::string Upper(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c >= 'a' && c <= 'z') {
      out[i] = static_cast<char>(c - 32);
    } else if (c == 0xC3 && i + 1 < out.size() &&
               Latin1Lower(static_cast<unsigned char>(out[i + 1])) && out[i + 1] != '\x9F' &&
               out[i + 1] != '\xBF') {
      out[i + 1] = static_cast<char>(static_cast<unsigned char>(out[i + 1]) - 0x20);
      ++i;
    }
  }
  return out;
}

std::string Join(const std::vector<Token>& tokens, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += tokens[i].raw;
  }
  return out;
}

struct Split {
  bool ok = false;
  size_t given_from = 0, given_to = 0, family_from = 0, family_to = 0;
  int given = 0, family = 0;
  char sex = 0;
  bool ambiguous = false;
  bool caps_as_family = false;
};

// The given part [gf, gt) and the family part [ff, ft): words and initials
// the given list knows, then a family name that ends on a word.
Split Weigh(const std::vector<Token>& tokens, size_t gf, size_t gt, size_t ff, size_t ft,
            bool titled, bool mixed) {
  Split s;
  s.given_from = gf, s.given_to = gt, s.family_from = ff, s.family_to = ft;
  for (size_t i = gf; i < gt; ++i) {
    if (tokens[i].type == TokenType::kParticle) return s;
    int g = GivenStrength(tokens[i], &s.sex, &s.ambiguous);
    // An unknown given name only beside a family name in capitals.
    if (g == 0 && !titled && !mixed) return s;
    if (i == gf) s.given = g;
  }
  if (ft > ff) {
    if (tokens[ft - 1].type != TokenType::kWord) return s;
    for (size_t i = ff; i < ft; ++i) {
      if (tokens[i].type == TokenType::kInitial) return s;
    }
    s.family = FamilyStrength(tokens, ff, ft, mixed, &s.ambiguous);
    if (s.family == 0 && !titled) return s;
    // Several family names are rather words in a row ("Appel de
    // Jean-Pierre", "LETTRE ARABE"), unless the list holds them together.
    size_t words = 0;
    for (size_t i = ff; i < ft; ++i) words += tokens[i].type == TokenType::kWord;
    if (!titled && words > 1) {
      const Entry* e = WholeFamily(tokens, ff, ft);
      if (!e || e->family == 0) return s;
    }
  }
  if (gt == gf && ft == ff) return s;
  // After a title comes a family name ("Dr Martin", "M. DUPONT Jean").
  if (titled && ft == ff) return s;
  s.ok = titled || s.given > 0 || s.family > 0;
  // Words in capitals are family names, as records write them.
  s.caps_as_family = true;
  for (size_t i = gf; i < gt; ++i) s.caps_as_family = s.caps_as_family && !tokens[i].upper;
  return s;
}

int Rank(const Split& s) {
  return s.ok ? 1 + 3 * s.given + 3 * s.family + (s.caps_as_family ? 1 : 0) : 0;
}

}  // namespace

bool MayStartName(std::string_view word, bool titled) {
  if (titled || IsInitial(word) || IsParticle(word)) return true;
  bool upper = false;
  if (!IsNameWord(word, &upper)) return false;
  return upper || Find(FoldName(word)) != nullptr;
}

bool NameTokenStart(std::string_view text, size_t pos) {
  if (UpperAt(text, pos)) return true;
  // Lower-case particles, and "d'Artagnan".
  size_t end = pos;
  while (end < text.size() && text[end] >= 'a' && text[end] <= 'z') ++end;
  if (end < text.size() && text[end] == '\'') ++end;
  return end > pos && end - pos <= 5 && IsParticle(text.substr(pos, end - pos));
}

// Titles as written, and as vigie writes them.
constexpr std::pair<std::string_view, std::string_view> kTitles[] = {
    {"M.", "M."},         {"M", "M."},          {"Mr", "M."},
    {"Mr.", "M."},        {"MR", "M."},         {"Monsieur", "M."},
    {"monsieur", "M."},   {"MONSIEUR", "M."},   {"Mme", "Mme"},
    {"Mme.", "Mme"},      {"MME", "Mme"},       {"Madame", "Mme"},
    {"madame", "Mme"},    {"MADAME", "Mme"},    {"Mlle", "Mlle"},
    {"Mlle.", "Mlle"},    {"MLLE", "Mlle"},     {"Mademoiselle", "Mlle"},
    {"Dr", "Dr"},         {"Dr.", "Dr"},        {"DR", "Dr"},
    {"Dre", "Dr"},        {"Docteur", "Dr"},    {"docteur", "Dr"},
    {"DOCTEUR", "Dr"},    {"Pr", "Pr"},         {"Pr.", "Pr"},
    {"PR", "Pr"},         {"Professeur", "Pr"}, {"professeur", "Pr"},
    {"PROFESSEUR", "Pr"}, {"Me", "Me"},         {"Maître", "Me"},
    {"Maitre", "Me"}};

bool IsTitle(std::string_view word) {
  // Most words are refused on their first letter, which begins no title.
  static constexpr std::array<bool, 256> kInitials = [] {
    std::array<bool, 256> initials{};
    for (const auto& t : kTitles) initials[static_cast<unsigned char>(t.first[0])] = true;
    return initials;
  }();
  if (word.empty() || !kInitials[static_cast<unsigned char>(word[0])]) return false;
  return std::any_of(std::begin(kTitles), std::end(kTitles),
                     [&](const auto& t) { return t.first == word; });
}

std::string_view TitleAtEnd(std::string_view before, size_t* length) {
  size_t end = before.size();
  while (end > 0 && (before[end - 1] == ' ' || before[end - 1] == '\t')) --end;
  if (end == before.size()) return {};  // the name must follow a space
  if (end == 0) return {};
  const char last = before[end - 1];
  for (const auto& [spelling, title] : kTitles) {
    // The last byte first: most words end in none of the titles' last bytes.
    if (spelling.back() != last || end < spelling.size() ||
        before.substr(end - spelling.size(), spelling.size()) != spelling) {
      continue;
    }
    size_t start = end - spelling.size();
    // A whole word: not the end of "Adam" or "DrM".
    if (start > 0) {
      unsigned char c = static_cast<unsigned char>(before[start - 1]);
      if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
          c == '.' || c == '-' || c == '_') {
        continue;
      }
    }
    // "M" without its dot only before a capital ("M DUPONT").
    *length = before.size() - start;
    return title;
  }
  return {};
}

NameEvidence WeighName(std::string_view title, std::string_view span) {
  NameEvidence out;
  NameParse& p = out.parse;
  out.titled = !title.empty();
  std::vector<Token> tokens;
  std::string why;
  if (!Tokenize(span, &tokens, &why)) {
    p.reason = why;
    return out;
  }
  if (tokens.front().type == TokenType::kParticle && tokens.size() == 1) {
    p.reason = "a particle alone";
    return out;
  }
  size_t n = tokens.size();
  // Words in capitals beside words that are not: the capitals are the
  // family name ("DUPONT Jean", "Jean LE GALL").
  size_t upper_words = 0, words = 0;
  for (const Token& t : tokens) {
    if (t.type != TokenType::kWord) continue;
    ++words;
    upper_words += t.upper;
  }
  Split best;
  auto consider = [&](const Split& s) {
    if (Rank(s) > Rank(best)) best = s;
  };
  bool mixed = upper_words > 0 && upper_words < words;
  // Given names first ("Jean Dupont"), longest given part first, then the
  // family name first ("Dupont Jean", as records and lists write them); on
  // a tie the first considered wins.
  for (bool given_first : {true, false}) {
    for (size_t j = 0; j <= n; ++j) {
      size_t k = given_first ? n - j : j;
      size_t gf = given_first ? 0 : k, gt = given_first ? k : n;
      size_t ff = given_first ? k : 0, ft = given_first ? n : k;
      if (mixed) {
        bool family_upper = true, given_lower = true;
        for (size_t i = ff; i < ft; ++i) {
          if (tokens[i].type == TokenType::kWord && !tokens[i].upper) family_upper = false;
        }
        for (size_t i = gf; i < gt; ++i) {
          if (tokens[i].type == TokenType::kWord && tokens[i].upper) given_lower = false;
        }
        if (!family_upper || !given_lower) continue;
      }
      consider(Weigh(tokens, gf, gt, ff, ft, out.titled, mixed));
    }
  }
  if (!best.ok) {
    p.reason = out.titled ? "no name after the title" : "neither list knows these words";
    return out;
  }
  PersonName& name = p.name;
  name.title = std::string(title);
  name.given = Join(tokens, best.given_from, best.given_to);
  name.family = Upper(Join(tokens, best.family_from, best.family_to));
  name.normalized = name.given;
  if (!name.family.empty()) name.normalized += (name.given.empty() ? "" : " ") + name.family;
  name.sex = title == "M." ? 'M' : (title == "Mme" || title == "Mlle") ? 'F' : best.sex;
  if (best.given_to > best.given_from) {
    const Entry* e = tokens[best.given_from].entry;
    if (e) p.given_births = e->given;
  }
  if (best.family_to > best.family_from) {
    const Entry* e = tokens[best.family_to - 1].entry;
    const Entry* whole = WholeFamily(tokens, best.family_from, best.family_to);
    if (whole && whole->family > 0) e = whole;
    if (e) p.family_births = e->family;
  }
  p.ambiguous = best.ambiguous;
  p.valid = true;
  out.mixed = mixed;
  // The first word says little at a sentence start when it is an everyday
  // word, or no name the lists know ("Consulter SYS").
  const Entry* first = tokens.front().entry;
  if (first) {
    bool everyday = first->given_ambiguous || first->family_ambiguous;
    out.weak_first = everyday && first->given < kFrequentGiven && first->family < kFrequentFamily;
  } else {
    out.weak_first = tokens.front().type == TokenType::kWord;
  }
  out.all_caps = upper_words == words;
  out.given = best.given;
  out.family = best.family;
  return out;
}

}  // namespace validate

NameParse ParsePersonName(std::string_view text) {
  // A title first: "Dr", "Mme", "Monsieur".
  size_t start = 0;
  while (start < text.size() && text[start] == ' ') ++start;
  size_t space = text.find(' ', start);
  std::string_view title;
  if (space != std::string_view::npos) {
    size_t length = 0;
    title = validate::TitleAtEnd(text.substr(0, space + 1), &length);
    if (!title.empty()) start = space + 1;
  }
  return validate::WeighName(title, text.substr(start)).parse;
}

}  // namespace vigie
