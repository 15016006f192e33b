// SPDX-License-Identifier: Apache-2.0
// French postal addresses, parsed from their end: "POSTCODE COMMUNE
// [CEDEX [n]]", then before it the street line and complements. The
// postcode-commune table (COG 2026) and the types of way (libpostal's list
// and the RNA codes) are embedded from lib/data/places.
#include "vigie/address.h"

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <absl/strings/str_split.h>

#include <algorithm>
#include <span>
#include <vector>

#include "data/embedded.h"
#include "data/tables.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "validate/address_internal.h"
#include "validate/checksum.h"

namespace vigie {
namespace {

using validate::Fail;

// A folded key in upper case: "des lilas" -> "DES LILAS".
std::string UpperKey(std::string key) {
  for (char& c : key) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return key;
}

// The types of way; communes and postcodes are in data/tables.h.
struct Places {
  // folded variant ("av", "bd", "rue") -> type of way in full, upper case.
  absl::flat_hash_map<std::string, std::string> street_types;
  // The first word of every type of way: a word that is none cannot begin one.
  absl::flat_hash_set<std::string> type_first_words;
  // The first words of the types of several words ("rond", "rond point"
  // of "rond point de..."): a phrase that is none begins no longer type.
  absl::flat_hash_set<std::string> type_prefixes;
  size_t longest_type_words = 1;
};

const Places& PlaceTables() {
  static const Places places = [] {
    Places p;
    auto add_type = [&](std::string_view variant, const std::string& full) {
      std::string key = CommuneKey(variant);
      // Abbreviations that are, first, other French words: "au" (quai),
      // "pour" (pourtour), "sens" (sentes), "art" (ancienne route)...
      static const absl::flat_hash_set<std::string> other_words = {
          "a",    "au",   "pour", "sens", "sent", "sen",   "met",    "but",  "art",
          "arts", "lot",  "plat", "pro",  "raid", "roc",   "vois",   "arc",  "deg",
          "gal",  "gals", "dom",  "cor",  "cors", "ber",   "pat",    "rem",  "gri",
          "peri", "enc",  "leve", "ave",  "aven", "avenu", "avenus", "code", "libelle"};
      if (key.empty() || other_words.contains(key)) return;
      p.street_types.emplace(key, full);
      p.type_first_words.insert(key.substr(0, key.find(' ')));
      for (size_t space = key.find(' '); space != std::string::npos;
           space = key.find(' ', space + 1)) {
        p.type_prefixes.insert(key.substr(0, space));
      }
      size_t words = 1 + static_cast<size_t>(std::count(key.begin(), key.end(), ' '));
      p.longest_type_words = std::max(p.longest_type_words, words);
    };
    // libpostal: "full|variant|variant..." per line. (Debian's Abseil has
    // its own string_view.)
    auto view = [](absl::string_view v) { return std::string_view(v.data(), v.size()); };
    absl::string_view table(data::kStreetTypesLibpostal.data(), data::kStreetTypesLibpostal.size());
    for (absl::string_view line : absl::StrSplit(table, '\n', absl::SkipEmpty())) {
      std::vector<absl::string_view> variants = absl::StrSplit(line, '|');
      std::string full = UpperKey(CommuneKey(view(variants[0])));
      for (absl::string_view v : variants) add_type(view(v), full);
    }
    data::ForEachRow(data::kStreetTypesRna, [&](const std::vector<std::string_view>& cells) {
      if (cells.size() < 2 || cells[0] == "code") return;
      std::string full = UpperKey(CommuneKey(cells[1]));
      add_type(cells[0], full);
      add_type(cells[1], full);
    });
    // Common in French registers and not in either list.
    add_type("lieu dit", "LIEU-DIT");
    add_type("lieudit", "LIEU-DIT");
    add_type("ld", "LIEU-DIT");
    add_type("cite", "CITE");
    add_type("residence", "RESIDENCE");
    return p;
  }();
  return places;
}

using Tokens = std::span<const AddressToken>;

bool Separator(char c) {
  return c == ' ' || c == ',' || c == '\t' || c == '\n' || c == '\r' || c == ';';
}

// A dash standing alone between words ("Saint - Malo") is no word.
bool IsLoneDash(std::string_view raw) { return raw == "-" || raw == "–"; }

std::vector<AddressToken> Tokenize(std::string_view text) {
  std::vector<AddressToken> tokens;
  tokens.reserve(16);  // a record's words, most often
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && Separator(text[i])) ++i;
    size_t start = i;
    while (i < text.size() && !Separator(text[i])) ++i;
    if (i > start) {
      std::string_view raw = text.substr(start, i - start);
      if (IsLoneDash(raw)) continue;
      tokens.emplace_back(raw, start);
    }
  }
  return tokens;
}

// Five digits: a postcode (or a CEDEX code).
bool IsPostcode(const AddressToken& t) { return t.raw.size() == 5 && validate::AllDigits(t.raw); }

bool IsNumber(std::string_view s) {
  size_t dash = s.find('-');
  if (dash == std::string_view::npos) return !s.empty() && s.size() <= 5 && validate::AllDigits(s);
  return validate::AllDigits(s.substr(0, dash)) && validate::AllDigits(s.substr(dash + 1)) &&
         dash > 0 && dash + 1 < s.size();
}

// "bis", "ter", "quater", or one letter ("12 B rue…").
bool IsSuffix(const std::string& key) {
  return key == "bis" || key == "ter" || key == "quater" ||
         (key.size() == 1 && key[0] >= 'a' && key[0] <= 'z');
}

// Words that open a complement; the next token is its number or name.
bool IsComplement(const std::string& key) {
  static const absl::flat_hash_set<std::string> words = {
      "bp",    "cs",  "tsa",  "chez",        "bat",   "batiment", "esc", "escalier",
      "etage", "apt", "appt", "appartement", "porte", "boite",    "bal"};
  return words.contains(key);
}

bool CommonWord(const std::string& key) {
  static const absl::flat_hash_set<std::string> words = {
      "aire", "base", "camp", "car",  "champ", "coin", "col", "cote", "cour", "gare", "pas",
      "plan", "pont", "port", "tour", "val",   "voie", "mar", "rang", "via",  "anse", "clos"};
  return words.contains(key);
}

// Longest type of way starting at tokens[i]: its length in tokens, or 0.
size_t TypeAt(Tokens tokens, size_t i, size_t end, std::string* full) {
  const Places& p = PlaceTables();
  if (i >= end) return 0;
  // Most words begin no type of way: one lookup of the first word says so
  // before the next words are folded and joined.
  std::string_view first = tokens[i].key();
  first = first.substr(0, first.find(' '));
  if (!p.type_first_words.contains(absl::string_view(first.data(), first.size()))) return 0;
  // The keys of the tokens joined one more at a time while they begin a
  // type of several words; the longest type wins.
  size_t most = std::min(p.longest_type_words, end - i);
  thread_local std::string joined;
  joined.clear();
  size_t found = 0;
  for (size_t k = 0; k < most; ++k) {
    if (k > 0) joined += ' ';
    joined += tokens[i + k].key();
    absl::string_view phrase(joined.data(), joined.size());
    if (auto it = p.street_types.find(phrase); it != p.street_types.end()) {
      *full = it->second;
      found = k + 1;
    }
    if (!p.type_prefixes.contains(phrase)) break;
  }
  return found;
}

std::string Join(Tokens tokens, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += UpperKey(tokens[i].key());
  }
  return out;
}

// Parses the street line and complements in tokens[0, end) into `a`:
// returns why they do not form one, or "" when they do.
std::string ParseStreet(Tokens tokens, size_t end, PostalAddress& a) {
  size_t i = 0;
  bool started = false;
  size_t name_from = 0;
  bool in_name = false;
  std::vector<std::string> complements;
  while (i < end) {
    const AddressToken& t = tokens[i];
    std::string full;
    if (IsPostcode(t) || t.key() == "cedex") {
      return "another postcode before the postcode";  // two addresses
    }
    if (!in_name && a.number.empty() && a.street_type.empty() && IsNumber(t.raw)) {
      a.number = std::string(t.raw);
      ++i;
      // "bis"/"ter", or one letter when a type of way follows ("12 B rue").
      std::string unused;
      if (i + 1 < end && IsSuffix(tokens[i].key())) {
        if (tokens[i].key().size() > 1 || TypeAt(tokens, i + 1, end, &unused) > 0) {
          a.number_suffix = UpperKey(tokens[i].key());
          ++i;
        }
      }
      started = true;
      continue;
    }
    if (IsComplement(t.key()) && i + 1 < end) {
      if (in_name) {
        a.street_name = Join(tokens, name_from, i);
        in_name = false;
      }
      complements.push_back(UpperKey(t.key()) + " " + UpperKey(tokens[i + 1].key()));
      i += 2;
      started = true;
      continue;
    }
    if (!in_name && a.street_type.empty()) {
      size_t n = TypeAt(tokens, i, end, &full);
      // Without a number first, a type of way that is also a common word
      // ("tour", "port", "gare") does not start an address.
      if (n > 0 && !started && CommonWord(t.key())) n = 0;
      if (n > 0) {
        a.street_type = full;
        i += n;
        name_from = i;
        in_name = true;
        started = true;
        continue;
      }
    }
    if (!started) return "the street line must begin with a number, a type of way or BP/CS";
    if (!in_name && !complements.empty()) {
      complements.back() += " " + UpperKey(t.key());  // a complement's words ("BP 4 MATA UTU")
    } else if (!in_name) {
      return "words between the number and the type of way";
    }
    ++i;
  }
  if (in_name) a.street_name = Join(tokens, name_from, end);
  for (size_t k = 0; k < complements.size(); ++k) a.complement += (k ? " " : "") + complements[k];
  if (!a.number.empty() && a.street_type.empty()) return "a number without a type of way";
  return {};
}

// Small words of a way's name ("rue de la Paix", "allée des Lilas").
bool IsParticle(const std::string& key) {
  static const absl::flat_hash_set<std::string> words = {"de", "du", "des", "la",  "le",  "les",
                                                         "l",  "d",  "au",  "aux", "sur", "sous"};
  return words.contains(key);
}

// A street line alone must read as one in running text: a number, a type
// of way and a name whose words after the first capitalized one are all
// capitalized, numbers or particles ("12 rue des Lilas", not "2 cours de
// maths" nor "12 rue des Lilas et il").
std::string CheckStreetOnly(Tokens tokens, const PostalAddress& a) {
  if (a.number.empty() || a.street_type.empty()) return "no number and type of way";
  if (a.street_name.empty()) return "a type of way without a name";
  // The name's tokens are the last ones (no complement may follow here).
  size_t words =
      1 + static_cast<size_t>(std::count(a.street_name.begin(), a.street_name.end(), ' '));
  if (words > tokens.size()) return "no name";
  bool capital = false;
  for (size_t i = tokens.size() - words; i < tokens.size(); ++i) {
    const AddressToken& t = tokens[i];
    // A capital: ASCII, or Latin-1 in UTF-8 ("Église", "Érables").
    auto second = t.raw.size() > 1 ? static_cast<unsigned char>(t.raw[1]) : 0;
    bool upper = (t.raw[0] >= 'A' && t.raw[0] <= 'Z') ||
                 (t.raw[0] == '\xC3' && second >= 0x80 && second <= 0x9E);
    bool number = t.raw[0] >= '0' && t.raw[0] <= '9';
    bool lower_byte = !upper && !number;
    if (upper) capital = true;
    if (capital && lower_byte && !IsParticle(t.key())) return "a lower-case word in the way's name";
  }
  if (!capital) return "a way's name without a capital";
  return {};
}

// The normalized form: the street line, the complements, then the locality.
void Normalize(PostalAddress& a, const std::string& commune_key) {
  std::string line;
  for (const std::string* part : {&a.number, &a.number_suffix, &a.street_type, &a.street_name}) {
    if (part->empty()) continue;
    if (!line.empty()) line += ' ';
    line += *part;
  }
  a.normalized.clear();
  if (!a.complement.empty()) a.normalized += a.complement + "\n";
  if (!line.empty()) a.normalized = line + "\n" + a.normalized;
  if (!commune_key.empty()) {
    a.normalized += a.postcode + " " + UpperKey(commune_key);  // the official name's key
    if (a.cedex) a.normalized += " CEDEX";
  } else if (!a.normalized.empty() && a.normalized.back() == '\n') {
    a.normalized.pop_back();
  }
}

// The postcode: the last five-digit token; tokens.size() when none.
size_t PostcodeIndex(Tokens tokens) {
  for (size_t i = tokens.size(); i-- > 0;) {
    if (IsPostcode(tokens[i])) return i;
  }
  return tokens.size();
}

// "POSTCODE COMMUNE [CEDEX [n]]" from tokens[pc], checked against the
// table: the same for every start before the postcode.
struct LocalityParse {
  std::string reason;  // why it does not check; empty when it does
  std::string postcode;
  std::string commune;
  std::string commune_official;
  std::string key;  // the commune's, folded
  bool cedex = false;
};

LocalityParse ParseLocality(Tokens tokens, size_t pc) {
  LocalityParse l;
  l.postcode = std::string(tokens[pc].raw);
  size_t commune_end = tokens.size();
  for (size_t i = pc + 1; i < tokens.size(); ++i) {
    if (tokens[i].key() == "cedex") {
      l.cedex = true;
      commune_end = i;
      if (i + 2 < tokens.size() ||
          (i + 1 < tokens.size() && !validate::AllDigits(tokens[i + 1].raw))) {
        l.reason = "words after CEDEX";
        return l;
      }
      break;
    }
  }
  if (commune_end == pc + 1) {
    l.reason = "no commune after the postcode";
    return l;
  }
  for (size_t i = pc + 1; i < commune_end; ++i) {
    if (!l.key.empty()) l.key += ' ';
    l.key += tokens[i].key();
    if (!l.commune.empty()) l.commune += ' ';
    l.commune += tokens[i].raw;
  }
  // The official name of the commune under `postcode`, or "".
  auto official = [&](std::string_view postcode) -> std::string {
    auto [first, last] = data::kCommunesByPostcode.EqualRange(postcode);
    for (size_t i = first; i < last; ++i) {
      std::string_view row = data::kCommunesByPostcode.Row(i);
      if (data::Field(row, 1) == l.key) return std::string(data::Field(row, 2));
    }
    return {};
  };
  l.commune_official = official(l.postcode);
  if (l.commune_official.empty() && l.cedex) {
    // A CEDEX code belongs to a company; its commune lies in the code's
    // department (three digits overseas).
    size_t department =
        l.postcode.compare(0, 2, "97") == 0 || l.postcode.compare(0, 2, "98") == 0 ? 3 : 2;
    auto [first, last] = data::kPostcodesByCommune.EqualRange(l.key);
    for (size_t i = first; i < last; ++i) {
      std::string_view code = data::Field(data::kPostcodesByCommune.Row(i), 1);
      if (code.compare(0, department, l.postcode, 0, department) == 0) {
        l.commune_official = official(code);
        break;
      }
    }
  }
  if (l.commune_official.empty()) {
    auto [first, last] = data::kCommunesByPostcode.EqualRange(l.postcode);
    l.reason = first < last ? "commune does not match the postcode" : "unknown postcode";
  }
  return l;
}

// ParseAddress over tokens; `known` is the locality of their postcode when
// it was parsed already.
AddressParse ParseTokens(Tokens tokens, const LocalityParse* known) {
  AddressParse out;
  PostalAddress& a = out.address;
  size_t pc = PostcodeIndex(tokens);
  if (pc == tokens.size()) {
    // A street line alone ("12 bis rue des Lilas").
    std::string why = ParseStreet(tokens, tokens.size(), a);
    if (why.empty() && !a.complement.empty()) why = "complements without a postcode";
    if (why.empty()) why = CheckStreetOnly(tokens, a);
    if (!why.empty()) return Fail(out, "no postcode, and " + why);
    out.has_street = true;
    Normalize(a, {});
    out.valid = true;
    return out;
  }
  LocalityParse parsed;
  const LocalityParse& l = known ? *known : (parsed = ParseLocality(tokens, pc));
  a.postcode = l.postcode;
  a.commune = l.commune;
  a.cedex = l.cedex;
  if (!l.reason.empty()) return Fail(out, l.reason);
  a.commune_official = l.commune_official;

  // The street line and complements, before the postcode.
  if (std::string why = ParseStreet(tokens, pc, a); !why.empty()) return Fail(out, why);
  out.has_street = !a.street_type.empty() || !a.complement.empty();
  out.has_locality = true;
  Normalize(a, l.key);
  out.valid = true;
  return out;
}

// False when tokens[i] cannot follow a street number (or its "bis"): what
// follows one is a complement with its word or a type of way, before the
// postcode.
bool MayFollowNumber(Tokens tokens, size_t i) {
  if (i >= tokens.size() || IsPostcode(tokens[i])) return false;
  if (IsComplement(tokens[i].key())) return i + 1 < tokens.size();
  std::string unused;
  return TypeAt(tokens, i, tokens.size(), &unused) > 0;
}

// False when no address can start with tokens[0]: a street line begins
// with a number that a complement or a type of way follows, with a
// complement or with a type of way, or the text with its postcode (what
// ParseStreet and the postcode rule ask first). Looser than ParseStreet
// (it looks past the postcode), never stricter.
bool MayStartAddress(Tokens tokens) {
  if (tokens.empty()) return true;
  const AddressToken& t = tokens[0];
  if (IsNumber(t.raw)) {
    if (IsPostcode(t) || MayFollowNumber(tokens, 1)) return true;
    return tokens.size() > 2 && IsSuffix(tokens[1].key()) && MayFollowNumber(tokens, 2);
  }
  if (IsComplement(t.key())) return tokens.size() > 1;
  // A token's key may hold several words ("rond-point": "rond point").
  std::string_view first_word = std::string_view(t.key()).substr(0, t.key().find(' '));
  if (!PlaceTables().type_first_words.contains(
          absl::string_view(first_word.data(), first_word.size())) ||
      CommonWord(t.key())) {
    return false;
  }
  std::string unused;
  return TypeAt(tokens, 0, tokens.size(), &unused) > 0;
}

}  // namespace

bool IsStreetTypeKey(const std::string& key) { return PlaceTables().street_types.contains(key); }

const std::string& AddressToken::key() const {
  if (!folded_) {
    key_ = CommuneKey(raw);
    folded_ = true;
  }
  return key_;
}

AddressParse ParseAddress(std::string_view text) { return ParseTokens(Tokenize(text), nullptr); }

AddressWords::AddressWords(std::string_view text) : tokens_(Tokenize(text)) {}
AddressWords::~AddressWords() = default;

struct AddressWords::Locality : LocalityParse {};

size_t AddressWords::Cut(size_t start) {
  // The token that holds `start`: the last that begins at or before it.
  auto it = std::upper_bound(tokens_.begin(), tokens_.end(), start,
                             [](size_t at, const AddressToken& t) { return at < t.offset; });
  size_t first = 0;
  if (it != tokens_.begin()) {
    --it;
    first = static_cast<size_t>(it - tokens_.begin());
    if (start >= it->offset + it->raw.size()) ++first;
  }
  // From inside a token: its end stands in for it, as Tokenize would cut it.
  cut_ = first < tokens_.size() && start > tokens_[first].offset;
  if (cut_) {
    // A dash left alone ("Hugo|-") is no word to Tokenize: the text from
    // `start` begins with the next token.
    std::string_view rest = tokens_[first].raw.substr(start - tokens_[first].offset);
    if (IsLoneDash(rest)) {
      cut_ = false;
      return first + 1;
    }
    whole_ = std::move(tokens_[first]);
    tokens_[first] = AddressToken(whole_.raw.substr(start - whole_.offset), start);
  }
  return first;
}

void AddressWords::Uncut(size_t first) {
  if (cut_) tokens_[first] = std::move(whole_);
  cut_ = false;
}

const AddressWords::Locality* AddressWords::LocalityOf(size_t first,
                                                       std::span<const AddressToken> tokens) {
  size_t pc = PostcodeIndex(tokens);
  if (pc == tokens.size()) return nullptr;
  // Every start before the postcode shares its locality.
  if (!locality_ || locality_at_ != first + pc) {
    locality_ = std::make_unique<Locality>(Locality{ParseLocality(tokens, pc)});
    locality_at_ = first + pc;
  }
  return locality_.get();
}

AddressParse AddressWords::ParseFrom(size_t start) {
  size_t first = Cut(start);
  Tokens tokens = Tokens(tokens_).subspan(first);
  AddressParse parse;
  if (!MayStartAddress(tokens)) {
    parse.reason = "the street line must begin with a number, a type of way or BP/CS";
  } else {
    parse = ParseTokens(tokens, LocalityOf(first, tokens));
  }
  Uncut(first);
  return parse;
}

bool AddressWords::MayStartAt(size_t start) {
  size_t first = Cut(start);
  bool may = MayStartAddress(Tokens(tokens_).subspan(first));
  Uncut(first);
  return may;
}

bool AddressWords::LocalityValidAt(size_t start) {
  size_t first = Cut(start);
  Tokens tokens = Tokens(tokens_).subspan(first);
  bool valid = !tokens.empty() && IsPostcode(tokens[0]);
  if (valid) {
    const LocalityParse* l = LocalityOf(first, tokens);
    valid = l != nullptr && l->reason.empty();
  }
  Uncut(first);
  return valid;
}

AddressParse ParseAddressTokens(std::span<const AddressToken> tokens) {
  return ParseTokens(tokens, nullptr);
}

}  // namespace vigie
