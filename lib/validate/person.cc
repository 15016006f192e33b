// SPDX-License-Identifier: Apache-2.0
// Person names, parsed token by token: titles, initials, particles and
// name words, then the split into given names and family name that the
// INSEE lists (lib/data/names) support best.
#include "validate/person.h"

#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <array>
#include <cstdlib>

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
using Entry = data::NameEntry;
using Token = NameToken;
using TokenType = NameToken::Type;

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

int GivenEntryStrength(const Entry* e) {
  if (!e || e->given == 0) return 0;
  if (e->given >= kFrequentGiven || (e->given >= kRareGiven && !e->given_ambiguous)) return 2;
  return 1;
}

int FamilyEntryStrength(const Entry* e) {
  if (!e || e->family == 0) return 0;
  bool common = e->family >= kCommonFamily && !e->family_ambiguous;
  return e->family >= kFrequentFamily || common ? 2 : 1;
}

// 1 when each part of a hyphenated or apostrophized key is found in the
// table with a strength, else 0.
int PartsStrength(std::string_view key, int (*strength)(const Entry*)) {
  size_t from = 0;
  for (size_t i = 0; i <= key.size(); ++i) {
    if (i < key.size() && key[i] != '-' && key[i] != '\'') continue;
    std::string_view part = key.substr(from, i - from);
    if (part.size() > 1 && strength(Find(part)) == 0) return 0;
    from = i + 1;
  }
  return 1;
}

// What `raw` is, with its key, its entry in the lists and what they say.
Token ReadNewToken(std::string_view raw) {
  Token t;
  t.raw = raw;
  if (IsInitial(raw)) {
    t.type = TokenType::kInitial;
  } else if (IsParticle(raw)) {
    t.type = TokenType::kParticle;
  } else if (!IsNameWord(raw, &t.upper)) {
    t.type = TokenType::kNone;
    return t;
  }
  t.key = FoldName(raw);
  t.entry = Find(t.key);
  // Parts count only when the whole is unknown ("JEAN-LUC", "D'ARC").
  bool parts =
      std::any_of(t.key.begin(), t.key.end(), [](char c) { return c == '-' || c == '\''; });
  int given = GivenEntryStrength(t.entry);
  if (given == 0 && parts) given = PartsStrength(t.key, GivenEntryStrength);
  t.given = static_cast<uint8_t>(t.type == TokenType::kInitial ? 1 : given);
  int family = FamilyEntryStrength(t.entry);
  if (family == 0 && parts) family = PartsStrength(t.key, FamilyEntryStrength);
  t.family = static_cast<uint8_t>(family);
  auto [first, last] = data::kNameFirstWords.EqualRange(t.key);
  t.opens_entry = first != last;
  return t;
}

// ReadNewToken, through the words this thread read last: the runs that
// end at consecutive words share all their words but one.
Token ReadToken(std::string_view raw) {
  struct Recent {
    std::string raw;
    Token token;
  };
  constexpr size_t kRecent = 2 * kMaxNameWords;
  static thread_local std::array<Recent, kRecent> recent;
  static thread_local size_t next = 0;
  for (const Recent& r : recent) {
    if (r.raw == raw) {
      Token t = r.token;
      t.raw = raw;
      return t;
    }
  }
  Recent& r = recent[next];
  next = (next + 1) % kRecent;
  r.raw.assign(raw);
  r.token = ReadNewToken(raw);
  r.token.raw = {};  // the text it was read from may be gone
  Token t = r.token;
  t.raw = raw;
  return t;
}

int GivenStrength(const Token& t, char* sex, bool* ambiguous) {
  // What the entry says of sex and ambiguity, when it knows the given name.
  if (t.type != TokenType::kInitial && t.entry && t.entry->given > 0) {
    if (sex && *sex == 0) *sex = t.entry->sex;
    *ambiguous = *ambiguous || t.entry->given_ambiguous;
  }
  return t.given;
}

// `mixed`: the span mixes words in capitals and words that are not, so
// that capitals mark the family name ("Jean KERBRAT").
int FamilyStrength(const NameRun& run, size_t from, size_t to, bool mixed, bool* ambiguous) {
  // Two letters are a word or an abbreviation more often than a name
  // ("TO", "DO", "LE").
  if (to - from == 1 && run[from].key.size() <= 2) return 0;
  if (const Entry* e = run.WholeFamily(from, to); FamilyEntryStrength(e) > 0) {
    *ambiguous = *ambiguous || e->family_ambiguous;
    return FamilyEntryStrength(e);
  }
  // Else each word ("Dupont Martin", "de La Fontaine") must be a family
  // name or written in capitals, and the last one decides.
  int last = 0;
  for (size_t i = from; i < to; ++i) {
    const Token& t = run[i];
    if (t.type == TokenType::kParticle) continue;
    const Entry* e = t.entry;
    // A given name that is no family name ("Jean-Pierre") is none here.
    if (e && e->family == 0) return 0;
    if (e) *ambiguous = *ambiguous || e->family_ambiguous;
    int s = t.family;
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

std::string Join(const NameRun& run, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += run[i].raw;
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
Split Weigh(const NameRun& run, size_t gf, size_t gt, size_t ff, size_t ft, bool titled,
            bool mixed) {
  Split s;
  s.given_from = gf, s.given_to = gt, s.family_from = ff, s.family_to = ft;
  for (size_t i = gf; i < gt; ++i) {
    if (run[i].type == TokenType::kParticle) return s;
    int g = GivenStrength(run[i], &s.sex, &s.ambiguous);
    // An unknown given name only beside a family name in capitals.
    if (g == 0 && !titled && !mixed) return s;
    if (i == gf) s.given = g;
  }
  if (ft > ff) {
    if (run[ft - 1].type != TokenType::kWord) return s;
    for (size_t i = ff; i < ft; ++i) {
      if (run[i].type == TokenType::kInitial) return s;
    }
    s.family = FamilyStrength(run, ff, ft, mixed, &s.ambiguous);
    if (s.family == 0 && !titled) return s;
    // Several family names are rather words in a row ("Appel de
    // Jean-Pierre", "LETTRE ARABE"), unless the list holds them together.
    size_t words = 0;
    for (size_t i = ff; i < ft; ++i) words += run[i].type == TokenType::kWord;
    if (!titled && words > 1) {
      const Entry* e = run.WholeFamily(ff, ft);
      if (!e || e->family == 0) return s;
    }
  }
  if (gt == gf && ft == ff) return s;
  // After a title comes a family name ("Dr Martin", "M. DUPONT Jean").
  if (titled && ft == ff) return s;
  s.ok = titled || s.given > 0 || s.family > 0;
  // Words in capitals are family names, as records write them.
  s.caps_as_family = true;
  for (size_t i = gf; i < gt; ++i) s.caps_as_family = s.caps_as_family && !run[i].upper;
  return s;
}

int Rank(const Split& s) {
  return s.ok ? 1 + 3 * s.given + 3 * s.family + (s.caps_as_family ? 1 : 0) : 0;
}

}  // namespace

bool UpperAt(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && i + 1 < s.size()) return Latin1Upper(static_cast<unsigned char>(s[i + 1]));
  return c == 0xC5 && i + 1 < s.size() && (s[i + 1] == '\x92' || s[i + 1] == '\xB8');  // Œ Ÿ
}

NameRun::NameRun(std::string_view span) : span_(span) {
  size_t i = 0;
  while (i < span.size()) {
    while (i < span.size() && (span[i] == ' ' || span[i] == '\t')) ++i;
    size_t start = i;
    while (i < span.size() && span[i] != ' ' && span[i] != '\t') ++i;
    if (i == start) break;
    if (size_ == tokens_.size()) {
      more_ = true;
      break;
    }
    tokens_[size_] = ReadToken(span.substr(start, i - start));
    offsets_[size_++] = start;
  }
}

bool NameRun::MayStartAt(size_t i, bool titled) const {
  const Token& t = tokens_[i];
  if (titled || t.type == TokenType::kInitial || t.type == TokenType::kParticle) return true;
  return t.type == TokenType::kWord && (t.upper || t.entry != nullptr);
}

const Entry* NameRun::WholeFamily(size_t from, size_t to) const {
  if (to - from == 1) return tokens_[from].entry;
  // Most first words open no entry: nothing to join.
  if (!tokens_[from].opens_entry) return nullptr;
  std::string joined = tokens_[from].key;
  for (size_t i = from + 1; i < to; ++i) (joined += ' ') += tokens_[i].key;
  return Find(joined);
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
  return NameRun(span).Weigh(title, 0);
}

NameEvidence NameRun::Weigh(std::string_view title, size_t from) const {
  NameEvidence out;
  NameParse& p = out.parse;
  out.titled = !title.empty();
  const NameRun& run = *this;
  size_t n = size_;
  for (size_t i = from; i < n; ++i) {
    if (i - from == kMaxNameWords) {
      p.reason = "too many words for a name";
      return out;
    }
    if (tokens_[i].type == TokenType::kNone) {
      p.reason = "'" + std::string(tokens_[i].raw) + "' is no name word";
      return out;
    }
  }
  if (more_) {
    p.reason = "too many words for a name";
    return out;
  }
  if (from >= n) {
    p.reason = "no name";
    return out;
  }
  if (tokens_[from].type == TokenType::kParticle && n - from == 1) {
    p.reason = "a particle alone";
    return out;
  }
  // Words in capitals beside words that are not: the capitals are the
  // family name ("DUPONT Jean", "Jean LE GALL").
  size_t upper_words = 0, words = 0;
  for (size_t i = from; i < n; ++i) {
    const Token& t = tokens_[i];
    if (t.type != TokenType::kWord) continue;
    ++words;
    upper_words += t.upper;
  }
  Split best;
  auto consider = [&](const Split& s) {
    if (Rank(s) > Rank(best)) best = s;
  };
  bool mixed = upper_words > 0 && upper_words < words;
  // Without a title or capitals to mark the family name, a split can hold
  // only given names the lists know and a family name of one word (or of
  // several that the lists hold together): the splits that cannot are not
  // weighed (validate::Weigh would refuse them). Words [from, first_bad)
  // may be given names, and words (last_bad, n).
  bool plain = !out.titled && !mixed;
  size_t first_bad = n, last_bad = from;
  std::array<size_t, kMaxNameWords + 2> words_before{};  // kWord tokens in [from, i)
  for (size_t i = from; i < n; ++i) {
    const Token& t = tokens_[i];
    if (t.type == TokenType::kParticle || t.given == 0) {
      first_bad = std::min(first_bad, i);
      last_bad = i + 1;
    }
    words_before[i - from + 1] = words_before[i - from] + (t.type == TokenType::kWord);
  }
  auto family_may_hold = [&](size_t ff, size_t ft) {
    return words_before[ft - from] - words_before[ff - from] <= 1 || tokens_[ff].opens_entry;
  };
  // Given names first ("Jean Dupont"), longest given part first, then the
  // family name first ("Dupont Jean", as records and lists write them); on
  // a tie the first considered wins.
  for (bool given_first : {true, false}) {
    for (size_t j = 0; j <= n - from; ++j) {
      size_t k = given_first ? n - j : from + j;
      size_t gf = given_first ? from : k, gt = given_first ? k : n;
      size_t ff = given_first ? k : from, ft = given_first ? n : k;
      if (plain && (given_first ? k > first_bad : k < last_bad)) continue;
      if (plain && ft > ff && !family_may_hold(ff, ft)) continue;
      if (mixed) {
        bool family_upper = true, given_lower = true;
        for (size_t i = ff; i < ft; ++i) {
          if (tokens_[i].type == TokenType::kWord && !tokens_[i].upper) family_upper = false;
        }
        for (size_t i = gf; i < gt; ++i) {
          if (tokens_[i].type == TokenType::kWord && tokens_[i].upper) given_lower = false;
        }
        if (!family_upper || !given_lower) continue;
      }
      consider(validate::Weigh(run, gf, gt, ff, ft, out.titled, mixed));
    }
  }
  if (!best.ok) {
    p.reason = out.titled ? "no name after the title" : "neither list knows these words";
    return out;
  }
  PersonName& name = p.name;
  name.title = std::string(title);
  name.given = Join(run, best.given_from, best.given_to);
  name.family = Upper(Join(run, best.family_from, best.family_to));
  name.normalized = name.given;
  if (!name.family.empty()) name.normalized += (name.given.empty() ? "" : " ") + name.family;
  name.sex = title == "M." ? 'M' : (title == "Mme" || title == "Mlle") ? 'F' : best.sex;
  if (best.given_to > best.given_from) {
    const Entry* e = tokens_[best.given_from].entry;
    if (e) p.given_births = e->given;
  }
  if (best.family_to > best.family_from) {
    const Entry* e = tokens_[best.family_to - 1].entry;
    const Entry* whole = WholeFamily(best.family_from, best.family_to);
    if (whole && whole->family > 0) e = whole;
    if (e) p.family_births = e->family;
  }
  p.ambiguous = best.ambiguous;
  p.valid = true;
  out.mixed = mixed;
  // The first word says little at a sentence start when it is an everyday
  // word, or no name the lists know ("Consulter SYS").
  const Entry* first = tokens_[from].entry;
  if (first) {
    bool everyday = first->given_ambiguous || first->family_ambiguous;
    out.weak_first = everyday && first->given < kFrequentGiven && first->family < kFrequentFamily;
  } else {
    out.weak_first = tokens_[from].type == TokenType::kWord;
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
