// SPDX-License-Identifier: Apache-2.0
// PERSON: a run of capitalized name words ("Jean Dupont", "DUPONT Jean",
// "J. Dupont", "Marie-Thérèse LE GALL"), found from its last word, weighed
// by the INSEE lists and by what is written just before it: a title (Dr,
// Mme, Monsieur) makes any name sure; a type of way or an institution
// ("rue Victor Hugo", "Hôpital Henri Mondor") makes it no one's.
//
// Scores before context: a frequent given name with a known family name
// 0.9, one of them rare or ambiguous 0.75, in the capitals pattern
// ("PICARD Olivie") an unknown given name beside a known family name or
// two weak ones 0.6, both weak otherwise 0.45 (context decides), a
// name alone 0.35 or 0.2 (a header cell or a label decides), a title 0.9.
#include "validate/person.h"

#include <absl/container/flat_hash_map.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "detect/builtin.h"
#include "text/utf8.h"
#include "validate/address_internal.h"

namespace vigie::detect {
namespace {

using internal::DetectorDef;

// The longest name: six words ("Marie-Thérèse de La Tour d'Auvergne").
constexpr size_t kMaxName = 96;
// What a label, a title or a way may be written in, before a name.
constexpr size_t kBefore = 48;

bool Space(char c) { return c == ' ' || c == '\t'; }

// Bytes of a name word: letters (UTF-8 included), hyphens, apostrophes,
// the dot of an initial.
bool NameByte(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '\'' || c == '.' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The start of each word of the run of name words that ends at `end`,
// nearest first: words joined by one or two spaces.
struct WordStarts {
  std::array<size_t, validate::kMaxNameWords> at{};
  size_t size = 0;
};

WordStarts FindWordStarts(std::string_view text, size_t earliest, size_t end) {
  WordStarts starts;
  size_t pos = end;
  while (starts.size < validate::kMaxNameWords) {
    size_t s = pos;
    while (s > earliest && NameByte(text[s - 1])) --s;
    if (s == pos || (s == earliest && s > 0 && NameByte(text[s - 1]))) break;
    if (!validate::NameTokenStart(text, s) || validate::IsTitle(text.substr(s, pos - s))) break;
    starts.at[starts.size++] = s;
    size_t gap = s;
    while (gap > earliest && s - gap < 2 && Space(text[gap - 1])) --gap;
    if (gap == s || gap == earliest || Space(text[gap - 1])) break;
    pos = gap;
  }
  return starts;
}

// What confirm_in_context sees before a name that starts at `start`.
std::string_view Before(std::string_view text, size_t earliest, size_t start) {
  size_t from = std::max(earliest, start > kBefore ? start - kBefore : 0);
  return text.substr(from, start - from);
}

// The words before a name (after its title) that make it a place's or an
// institution's: "rue Victor Hugo", "Lycée Jean Moulin", "Saint Louis".
bool NamedAfter(std::string_view before) {
  // Types of way come from the address parser's table; these are the
  // institutions and honorifics that name places after people (true), and
  // the particles and titles that may stand between them and the name
  // (false: read the word before).
  static const absl::flat_hash_map<std::string_view, bool> kWords = {
      {"HOPITAL", true},   {"CLINIQUE", true},  {"CENTRE", true},   {"LYCEE", true},
      {"COLLEGE", true},   {"ECOLE", true},     {"INSTITUT", true}, {"UNIVERSITE", true},
      {"FONDATION", true}, {"PHARMACIE", true}, {"STADE", true},    {"SAINT", true},
      {"SAINTE", true},    {"ST", true},        {"STE", true},      {"GROUPE", true},
      {"EHPAD", true},     {"CHU", true},       {"GENERAL", true},  {"MARECHAL", true},
      {"PRESIDENT", true}, {"DE", false},       {"DU", false},      {"DES", false},
      {"LA", false},       {"LE", false},       {"D'", false},      {"L'", false},
      {"DR", false},       {"PR", false}};
  // The last three words of the line before the name, particles skipped.
  size_t end = before.size();
  for (int words = 0; words < 3; ++words) {
    while (end > 0 && (Space(before[end - 1]) || before[end - 1] == '.')) --end;
    size_t start = end;
    while (start > 0 && !Space(before[start - 1]) && before[start - 1] != '\n' &&
           before[start - 1] != ',' && before[start - 1] != ':' && before[start - 1] != ';') {
      --start;
    }
    if (start == end) return false;
    std::string word = validate::FoldName(before.substr(start, end - start));
    auto it = kWords.find(word);
    if (it != kWords.end() && it->second) return true;
    if (word.size() >= 2 && IsStreetTypeKey(text::AsciiLowered(word))) return true;
    if (it == kWords.end()) return false;
    end = start;
    if (start > 0 && before[start - 1] != ' ') return false;
  }
  return false;
}

// A physician's title, or a care role written on the name's line before it.
bool Provider(std::string_view title, std::string_view before) {
  if (title == "Dr" || title == "Pr") return true;
  static const std::vector<std::string_view> kRoles = {
      "MEDECIN",    "DOCTEUR",  "PRESCRIPTEUR",     "INFIRMIER",  "INFIRMIERE", "SAGE-FEMME",
      "PHARMACIEN", "DENTISTE", "KINESITHERAPEUTE", "CHIRURGIEN", "BIOLOGISTE", "PSYCHIATRE"};
  // The roles' first two letters, as a set of byte pairs.
  static const std::vector<bool> kOpenings = [] {
    std::vector<bool> openings(1 << 16);
    for (std::string_view role : kRoles) {
      openings[static_cast<unsigned char>(role[0]) << 8 | static_cast<unsigned char>(role[1])] =
          true;
    }
    return openings;
  }();
  size_t line = before.rfind('\n');
  thread_local std::string folded;
  validate::FoldNameInto(line == std::string_view::npos ? before : before.substr(line + 1),
                         &folded);
  std::string_view text = folded;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (!kOpenings[static_cast<unsigned char>(text[i]) << 8 |
                   static_cast<unsigned char>(text[i + 1])]) {
      continue;
    }
    for (std::string_view role : kRoles) {
      if (role[0] == text[i] && text.substr(i, role.size()) == role) return true;
    }
  }
  return false;
}

// The highest score of a name.
constexpr double kSure = 0.9;

double NameScore(const validate::NameEvidence& e) {
  const NameParse& p = e.parse;
  bool has_given = !p.name.given.empty(), has_family = !p.name.family.empty();
  if (e.titled) return e.given + e.family > 0 ? kSure : 0.8;
  if (has_given && has_family) {
    int g = e.given, f = e.family;
    if (g == 2 && f == 2) return kSure;
    // Capitals throughout are headings and acronyms as often as records
    // ("READ BLOCK", "MAX SYS"): only two frequent names make a name.
    if (e.all_caps) return 0;
    if (g + f == 3) return 0.75;
    // The capitals pattern is evidence of its own: "PICARD Olivie", "MERLE
    // Augustin" (an unknown given name, or two weak ones), when the family
    // name is one the list knows (not "MAAF Santé", "Link CIBLE").
    bool known_family = p.family_births > 0;
    if (e.mixed && known_family && (g == 0 ? f == 2 : g + f == 2)) return 0.6;
    if (g + f == 2) return 0.45;
    return 0;
  }
  int s = has_given ? e.given : e.family;
  // An unknown word in capitals alone is anything ("IRM", "TOTAL").
  if (!has_given && p.family_births == 0) return 0;
  return s == 2 ? 0.35 : s == 1 ? 0.2 : 0;
}

// The verdict on the words of `run` from word `from` on, after `title` (or
// none), itself after `ahead`, which names no place or institution
// (NamedAfter); its context is set apart (Provider).
Verdict WeighAfter(std::string_view title, std::string_view ahead, const validate::NameRun& run,
                   size_t from) {
  validate::NameEvidence e = run.Weigh(title, from);
  if (!e.parse.valid) return Verdict::Reject();
  // At a sentence start a capital says nothing: an everyday word there
  // ("Vu Sabine Leduc", "Compte rendu") is no part of a name.
  size_t last = ahead.find_last_not_of(" \t");
  bool sentence_start =
      last != std::string_view::npos && ahead[last] != ':' &&
      (ahead[last] == '\n' || ahead[last] == '.' || ahead[last] == '!' || ahead[last] == '?');
  if (title.empty() && sentence_start && e.weak_first) return Verdict::Reject();
  if (title.empty() && sentence_start && e.parse.ambiguous &&
      run.From(from).find(' ') == std::string_view::npos) {
    return Verdict::Reject();
  }
  double score = NameScore(e);
  if (score == 0) return Verdict::Reject();
  return Verdict::Confirmed(score, std::move(e.parse.name.normalized));
}

// What is written before a name: a title at its end, and the words before.
struct Preceding {
  std::string_view title;
  std::string_view ahead;
};

Preceding ReadBefore(std::string_view before) {
  size_t title_length = 0;
  std::string_view title = validate::TitleAtEnd(before, &title_length);
  return {title, before.substr(0, before.size() - title_length)};
}

// A physician's name is a health provider's.
void SetContext(const Preceding& p, Verdict& v) {
  if (v.status != Verdict::Status::kReject && Provider(p.title, p.ahead)) {
    v.context = "HEALTH_PROVIDER";
  }
}

Verdict Weigh(std::string_view before, std::string_view match) {
  Preceding p = ReadBefore(before);
  if (NamedAfter(p.ahead)) return Verdict::Reject();
  Verdict v = WeighAfter(p.title, p.ahead, validate::NameRun(match), 0);
  SetContext(p, v);
  return v;
}

// Casual text: a given name, in any case, right after a self-introduction
// or a greeting ("je m'appelle julie", "moi c'est marc", "salut léa").
// Only a given name of INSEE's list counts, and after a mere greeting only
// a frequent one that is no everyday word, unless it has its capital:
// "c'est rose", "merci bien" are no one, "salut Marie" is.
struct Intro {
  std::string_view words;  // lower case, straight apostrophe
  bool strong;             // the writer names themself
};
constexpr std::array<Intro, 12> kIntros = {{{"je m'appelle", true},
                                            {"moi c'est", true},
                                            {"je me nomme", true},
                                            {"c'est", false},
                                            {"salut", false},
                                            {"coucou", false},
                                            {"merci", false},
                                            {"bonjour", false},
                                            {"bonsoir", false},
                                            {"hello", false},
                                            {"bisous", false},
                                            {"bises", false}}};
// Births with the given name, at least: after a self-introduction, and
// after a greeting.
constexpr uint32_t kIntroducedBirths = 100;
constexpr uint32_t kGreetedBirths = 2000;
constexpr double kIntroducedScore = 0.7;
constexpr double kGreetedScore = 0.6;

// The pattern of a casual name's intro, for Hyperscan (caseless).
std::string CasualPattern() {
  std::string alternatives;
  for (const Intro& intro : kIntros) {
    std::string words;
    for (char c : intro.words) {
      if (c == '\'') {
        words += "(?:'|\xe2\x80\x99)";
      } else if (c == ' ') {
        words += "[ \\t]+";
      } else {
        words.push_back(c);
      }
    }
    alternatives += (alternatives.empty() ? "" : "|") + words;
  }
  return "\\b(?:" + alternatives + ")[ \\t]+(?:[a-z]|\\xc3[\\x80-\\xbf])*" +
         "(?:[a-z]\\b|\\xc3[\\x80-\\xbf])";
}

// Whether `text` ends with `words` (lower case, straight apostrophe),
// whatever the case, with a curly apostrophe for a straight one and runs of
// spaces for one, at a word's start.
bool EndsWithIntro(std::string_view text, std::string_view words) {
  size_t t = text.size();
  for (size_t w = words.size(); w-- > 0;) {
    char want = words[w];
    if (want == ' ') {
      if (t == 0 || !Space(text[t - 1])) return false;
      while (t > 0 && Space(text[t - 1])) --t;
    } else if (want == '\'' && t >= 3 && text.compare(t - 3, 3, "\xe2\x80\x99") == 0) {
      t -= 3;
    } else {
      if (t == 0) return false;
      char c = text[t - 1];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != want) return false;
      --t;
    }
  }
  return t == 0 || !NameByte(text[t - 1]) || text[t - 1] == '.';
}

// The intro that `before` ends with (after its spaces), if any.
const Intro* IntroAtEnd(std::string_view before) {
  size_t end = before.size();
  while (end > 0 && Space(before[end - 1])) --end;
  if (end == before.size() || end == 0) return nullptr;
  // Every intro ends on a lower-case ASCII letter: most words before a name
  // end on another.
  char last = before[end - 1];
  if (last >= 'A' && last <= 'Z') last = static_cast<char>(last - 'A' + 'a');
  for (const Intro& intro : kIntros) {
    if (intro.words.back() != last) continue;
    if (EndsWithIntro(before.substr(0, end), intro.words)) return &intro;
  }
  return nullptr;
}

// The given name that ends at `end`, after an intro: its verdict.
std::optional<internal::Located> CasualName(std::string_view text, size_t earliest, size_t end) {
  size_t start = end;
  while (start > earliest && NameByte(text[start - 1]) && text[start - 1] != '.' &&
         text[start - 1] != '\'') {
    --start;
  }
  if (start == end || start == earliest) return std::nullopt;
  const Intro* intro = IntroAtEnd(text.substr(earliest, start - earliest));
  if (intro == nullptr) return std::nullopt;
  std::string_view name = text.substr(start, end - start);
  auto [first, last] = data::kNamesByKey.EqualRange(validate::FoldName(name));
  if (first == last) return std::nullopt;
  const data::NameEntry& entry = data::kNameEntries[first];
  uint32_t needed = intro->strong ? kIntroducedBirths : kGreetedBirths;
  // A capital says it is a name even when it is also a word ("salut Marie").
  bool capital = name[0] >= 'A' && name[0] <= 'Z';
  if (entry.given < needed || (entry.given_ambiguous && !intro->strong && !capital)) {
    return std::nullopt;
  }
  double score = intro->strong && !entry.given_ambiguous ? kIntroducedScore : kGreetedScore;
  return internal::Located{start, Verdict::Confirmed(score, std::string(name))};
}

// A value of a column named for names ("prenom", "nom", "patient"): one
// to three capitalized name-shaped words that fill the cell, which no list
// needs to know (old, rare, foreign or invented names fill real
// registers). The column's name is the context that reports it.
constexpr size_t kMaxFieldName = 64;
constexpr double kFieldScore = 0.4;

internal::Located NameInField(std::string_view text, size_t cell, size_t end) {
  size_t s = cell;
  while (s < end && (Space(text[s]) || text[s] == '"')) ++s;
  if (s >= end || end - s > kMaxFieldName) return {};
  // The value fills the cell: no word follows (the byte after the match
  // is in view).
  if (end < text.size() && Space(text[end])) return {};
  std::string_view value = text.substr(s, end - s);
  int words = 0;
  for (size_t i = 0; i < value.size();) {
    if (!validate::UpperAt(value, i)) return {};
    size_t j = i + 1;
    while (j < value.size() && NameByte(value[j]) && value[j] != '.') ++j;
    if (j - i < 2) return {};
    // A title ("Dr Martin") is left to the start finder, which reads it.
    if (words == 0 && validate::IsTitle(value.substr(i, j - i))) return {};
    ++words;
    if (j == value.size()) break;
    if (value[j] != ' ') return {};
    i = j + 1;
  }
  if (words == 0 || words > 3) return {};
  return {s, Verdict::Confirmed(kFieldScore, std::string(value))};
}
}  // namespace

DetectorDef PersonDetector() {
  DetectorDef d;
  d.kind = "PERSON";
  d.category = Category::kIdentity;
  // A capitalized word (a capital, then letters, hyphens, apostrophes):
  // each one ends a candidate, whose start the run of name words before it
  // gives. Hyperscan reports every end of a match: the first pattern ends
  // only on an ASCII letter at a word boundary, the second on an accented
  // letter ("Chloé"), so that a word gives one or two matches, not one per
  // letter. A word right after the end of a sentence gives none (a name
  // alone there is never reported, and a name of two words is found from
  // its last one); after an initial or a title ("J. Dupont", "Dr. Martin")
  // it does.
  static constexpr char kAfter[] =
      "(?:^|[\\n;,\\t\"'(:/]|[^.!?\\s][ \\t]+|(?:[A-Z][a-z]{0,3}|\\xc3[\\x80-\\x9e])\\.[ \\t]+)";
  static constexpr char kCapital[] = "(?:[A-Z]|\\xc3[\\x80-\\x9e])";
  static constexpr char kLetters[] =
      "(?:[A-Za-z'-]|\\xc3[\\x80-\\xbf]|\\xc5[\\x92\\x93]|\\xe2\\x80\\x99)*";
  std::string word = std::string(kAfter) + kCapital + kLetters;
  d.patterns = {{word + "[A-Za-z]\\b", internal::Shape::kOther, false},
                {word + "(?:\\xc3[\\x80-\\xbf]|\\xc5[\\x92\\x93])", internal::Shape::kOther, false},
                {CasualPattern(), internal::Shape::kOther, true}};
  d.max_width = kMaxName;
  // Labels that introduce a name in running text, and column names.
  d.keywords = {"prénom", "prénoms", "nom de naissance", "nom d'usage", "nom de famille",
                "nom marital", "patient", "patiente", "née", "épouse", "époux", "veuve", "veuf",
                "médecin", "médecin traitant", "prescripteur", "prescrit par", "interlocuteur",
                "destinataire", "titulaire", "bénéficiaire", "personne à prévenir", "fils de",
                "fille de", "assuré", "assurée",
                // Not "signé" alone: without its accent it is "signe" ("SIGNE
                // PLUS" in a table of characters).
                "signé par", "signé :", "signé:", "validé par", "rédigé par", "adressé par"};
  // Column names only (a header's cell, a JSON member's name such as
  // "firstName" or "nom_complet"): in running text they say nothing.
  d.column_keywords = {"nom",       "noms",        "contact",     "identité",  "signataire",
                       "auteur",    "responsable", "name",        "names",     "first name",
                       "last name", "given name",  "family name", "full name", "surname"};
  d.window_before = kBefore;
  d.window_after = 0;
  d.find_start = [](std::string_view text, size_t earliest, size_t end) -> internal::Located {
    // A name ends on a whole word ("Jean|-Pierre" is no name's end: the
    // longer match beside it is reported too).
    if (text::WordGoesOn(text, end)) return {};
    // The word from which the run reads best as a name (the longest run on
    // a tie: "Appel de Jean-Pierre Moreau" gives "Jean-Pierre Moreau");
    // none when the run names a way or an institution ("Lycée Victor Hugo").
    WordStarts starts = FindWordStarts(text, earliest, end);
    if (starts.size == 0) return CasualName(text, earliest, end).value_or(internal::Located{});
    // The run's words are read once; word k of the run is starts.at[size-1-k].
    size_t first = starts.at[starts.size - 1];
    validate::NameRun run(text.substr(first, end - first));
    internal::Located best;
    Preceding best_before;
    for (size_t k = 0; k < run.size(); ++k) {
      size_t s = first + run.offset(k);
      Preceding p = ReadBefore(Before(text, earliest, s));
      // Most candidates are one capitalized word that no list knows (a
      // sentence start, a column's value): they end here, before any parse.
      if (!run.MayStartAt(k, !p.title.empty())) continue;
      if (NamedAfter(p.ahead)) break;
      Verdict v = WeighAfter(p.title, p.ahead, run, k);
      if (v.status != Verdict::Status::kReject &&
          (!best.verdict || v.score > best.verdict->score)) {
        best = {s, std::move(v)};
        best_before = p;
        // No shorter span can beat it.
        if (best.verdict->score >= kSure) break;
      }
    }
    if (best.verdict) SetContext(best_before, *best.verdict);
    // A given name after an introduction or a greeting, in any case.
    if (!best.verdict || best.verdict->score < kGreetedScore) {
      if (std::optional<internal::Located> casual = CasualName(text, earliest, end)) {
        return std::move(*casual);
      }
    }
    return best;
  };
  d.find_in_field = NameInField;
  d.confirm_in_context = Weigh;
  d.confirm = [](std::string_view match) { return Weigh({}, match); };
  return d;
}

}  // namespace vigie::detect
