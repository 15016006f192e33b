// SPDX-License-Identifier: Apache-2.0
// WordLexicon reports what the literal database and the boundary checks
// after it would keep: every filed spelling, caseless for ASCII, that ends
// where no word goes on and starts where none goes on before it, whatever
// the pieces the text comes in. Checked against a plain search on chosen
// texts and on random mixes of words, accents and invalid bytes; and the
// keys compiled into the health lexicons against those the code computes.
#include "scan/word_lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "scan/detector_set.h"
#include "text/utf8.h"

namespace vigie::internal {
namespace {

using Match = std::pair<uint64_t, uint32_t>;  // end, id

// Spellings as a lexicon writes them: several words, accents decomposed
// or not, hyphens, apostrophes, digits, one that ends on no word character
// (never filed), one word that ends many spellings ("2").
const std::vector<std::string_view> kSpellings = {"diabète de type 2",
                                                  "diabete de type 2",
                                                  "type 2",
                                                  "VIH",
                                                  "VIH+",
                                                  "anti-TNF",
                                                  "maladie de Crohn",
                                                  "Crohn",
                                                  "l'asthme",
                                                  "asthme",
                                                  "e\xCC\x81pilepsie",  // é decomposed
                                                  "\xC3\x89PILEPSIE",   // É composed
                                                  "IRM",
                                                  "hépatite B",
                                                  "B",
                                                  "2"};

struct Lexicon {
  WordLexicon words;
  std::vector<uint64_t> keys, endings;
  std::set<uint32_t> filed;
};

// Files kSpellings under ids 100, 101…
void Build(Lexicon& l) {
  for (size_t k = 0; k < kSpellings.size(); ++k) {
    WordLexicon::Keys keys;
    bool filed = WordLexicon::KeysOf(kSpellings[k], &keys);
    l.keys.push_back(filed ? keys.key : 0);
    l.endings.push_back(filed ? keys.ending : 0);
    if (filed) l.filed.insert(static_cast<uint32_t>(100 + k));
  }
  l.words.AddRange(100, kSpellings, l.keys, l.endings);
  l.words.Finish();
}

bool EqualCaseless(std::string_view a, std::string_view b) {
  return text::AsciiLowered(a) == text::AsciiLowered(b);
}

// The plain search: every occurrence of a filed spelling that begins at or
// after `base`, ends at a word's end (checked on the bytes up to `seen`,
// as a stream sees them) and begins at a word's start.
std::vector<Match> Expected(const Lexicon& l, std::string_view text, uint64_t base) {
  std::vector<Match> out;
  for (size_t end = 1; end <= text.size(); ++end) {
    for (uint32_t id : l.filed) {
      std::string_view s = kSpellings[id - 100];
      if (s.size() > end || end - s.size() < base) continue;
      size_t begin = end - s.size();
      if (!EqualCaseless(text.substr(begin, s.size()), s)) continue;
      if (text::WordCharAt(text, end) || text::InsideCodePoint(text, end)) continue;
      if (text::WordCharBefore(text, begin)) continue;
      out.emplace_back(end, id);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// What Match reports on `text` fed in pieces of `piece` bytes, less what
// only a piece's end made look like a word's end (the boundary checked
// again once the next bytes are seen, as MatchEvents' events are).
std::vector<Match> Found(const Lexicon& l, std::string_view text, uint64_t base, size_t piece) {
  std::vector<Match> out;
  for (uint64_t from = base; from < text.size(); from += piece) {
    uint64_t to = std::min<uint64_t>(text.size(), from + piece);
    l.words.Match({text.substr(0, to), 0}, base, from, to, [&](uint64_t end, uint32_t id) {
      if (!text::WordCharAt(text, end)) out.emplace_back(end, id);
    });
  }
  std::sort(out.begin(), out.end());
  return out;
}

void ExpectSame(const Lexicon& l, std::string_view text) {
  std::vector<Match> want = Expected(l, text, 0);
  for (size_t piece : {text.size() + 1, size_t{1}, size_t{2}, size_t{3}, size_t{7}, size_t{64}}) {
    if (piece == 0) continue;
    EXPECT_EQ(Found(l, text, 0, piece), want) << "pieces of " << piece << ": " << text;
  }
  // A stream that begins later (a part of a file) sees nothing before it.
  for (uint64_t base : {uint64_t{1}, uint64_t{5}, text.size() / 2}) {
    if (base >= text.size()) continue;
    EXPECT_EQ(Found(l, text, base, 5), Expected(l, text, base)) << "from " << base << ": " << text;
  }
}

TEST(WordLexiconTest, KeysOfSpellings) {
  WordLexicon::Keys keys;
  EXPECT_TRUE(WordLexicon::KeysOf("type 2", &keys));
  EXPECT_NE(keys.key, 0u);
  EXPECT_NE(keys.ending, 0u);
  WordLexicon::Keys other;
  // Case does not change a key; a spelling is filed under its last two
  // words, and its ending is its last word with the byte before it.
  EXPECT_TRUE(WordLexicon::KeysOf("diabète de TYPE 2", &other));
  EXPECT_EQ(other.key, keys.key);
  EXPECT_EQ(other.ending, keys.ending);
  EXPECT_TRUE(WordLexicon::KeysOf("type-2", &other));
  EXPECT_NE(other.key, keys.key);
  EXPECT_NE(other.ending, keys.ending);
  // A spelling of one word: its key is its ending.
  EXPECT_TRUE(WordLexicon::KeysOf("2", &other));
  EXPECT_EQ(other.key, other.ending);
  EXPECT_NE(other.key, keys.key);
  // Ending on no word character, or on a word longer than a key: Hyperscan's.
  EXPECT_FALSE(WordLexicon::KeysOf("VIH+", &keys));
  EXPECT_FALSE(WordLexicon::KeysOf("(", &keys));
  EXPECT_FALSE(WordLexicon::KeysOf(std::string(WordLexicon::kMaxKey + 1, 'a'), &keys));
  EXPECT_TRUE(WordLexicon::KeysOf(std::string(WordLexicon::kMaxKey, 'a'), &keys));
}

TEST(WordLexiconTest, FindsWhatAPlainSearchFinds) {
  Lexicon l;
  Build(l);
  for (std::string_view text :
       {"Diabète de type 2 depuis 2010, VIH+ et VIH négatif.",
        "DIABETE DE TYPE 2; type 2 ; type  2; type-2; type 22; atype 2",
        "traitement anti-TNF (anti-TNFs non), maladie de Crohn, crohns, Crohn-like",
        "l'asthme, L'ASTHME, d'asthme, asthmes, ÉPILEPSIE, e\xCC\x81pilepsie, épilepsie",
        "IRM\xC3\x97IRM, IRM\xC3\xA9, \xC3IRM, IRM\x80, \x80IRM, hépatite B, hepatite B, B12", "2",
        "B", "", " ", "type 2"}) {
    ExpectSame(l, text);
  }
  // Found at all: not only the same nothing on both sides.
  EXPECT_EQ(Found(l, "Diabète de type 2.", 0, 4).size(), 3u);  // with its accent, "type 2", "2"
}

TEST(WordLexiconTest, RandomTexts) {
  Lexicon l;
  Build(l);
  // ASCII parts first, then the others.
  std::vector<std::string> parts = {"diabete", "de",       "DE",   "type", "Type",    "2",     "22",
                                    "VIH",     "vih",      "anti", "TNF",  "maladie", "Crohn", "l'",
                                    "asthme",  "pilepsie", "IRM",  "B",    " ",       " ",     "-",
                                    "'",       ",",        ".",    "\n",   "x"};
  const size_t ascii = parts.size();
  for (const char* other :
       {"diabète", "hépatite", "e\xCC\x81", "\xC3\x89", "\xC3\x97", "\xC3", "\x80", "\xE2\x80\x99",
        "\xC2\xA0", "\xC2\xAB", "\xC2\xB5", "\xC2", "\xE2\x80\x93", "\xE2\x80"}) {
    parts.emplace_back(other);
  }
  std::mt19937 rng(2021);
  // Short texts, and long ones that the lexicon reads eight bytes at a
  // time (ASCII only, then with the rest).
  for (int round = 0; round < 500; ++round) {
    std::string text;
    size_t n = rng() % (round < 400 ? 40 : 300);
    size_t ascii_only = round % 2 == 0 ? ascii : parts.size();
    if (round >= 400) {
      for (size_t i = 0; i < n; ++i) text += parts[rng() % ascii_only];
      ExpectSame(l, text);
      continue;
    }
    for (size_t i = 0; i < n; ++i) text += parts[rng() % parts.size()];
    ExpectSame(l, text);
  }
}

// Beside every character of U+0080 to U+00FF and U+2000 to U+207F (which
// the lexicon reads without ICU, or not), before and after a spelling.
TEST(WordLexiconTest, EveryCharacterBesideASpelling) {
  Lexicon l;
  Build(l);
  auto utf8 = [](unsigned cp) {
    std::string out;
    if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    }
    out += static_cast<char>(0x80 | (cp & 0x3F));
    return out;
  };
  std::string text;
  for (unsigned cp = 0x80; cp < 0x2080; cp = cp == 0xFF ? 0x2000 : cp + 1) {
    std::string c = utf8(cp);
    text += c + "VIH" + c + " type" + c + "2" + c + "IRM " + c + "B. ";
  }
  ExpectSame(l, text);
  EXPECT_GT(Found(l, text, 0, text.size() + 1).size(), 100u);
}

// The keys compiled into the health lexicons are those the code computes:
// a change to KeysOf without the lexicons compiled again would lose terms.
TEST(WordLexiconTest, CompiledKeysAreTheCodes) {
  auto set = AssembleDetectors(ScanOptions{});
  ASSERT_TRUE(set.ok());
  size_t checked = 0, filed = 0;
  for (const DetectorDef& d : set->detectors) {
    if (d.spelling_keys.empty()) continue;
    ASSERT_EQ(d.spelling_keys.size(), d.spellings.size()) << d.kind;
    ASSERT_EQ(d.spelling_endings.size(), d.spellings.size()) << d.kind;
    for (size_t k = 0; k < d.spellings.size(); ++k) {
      WordLexicon::Keys keys;
      if (WordLexicon::KeysOf(d.spellings[k], &keys)) {
        ASSERT_EQ(d.spelling_keys[k], keys.key) << d.kind << ": " << d.spellings[k];
        ASSERT_EQ(d.spelling_endings[k], keys.ending) << d.spellings[k];
        ++filed;
      } else {
        ASSERT_EQ(d.spelling_keys[k], 0u) << d.kind << ": " << d.spellings[k];
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 1000u);
  EXPECT_GT(filed, checked * 9 / 10);
}

}  // namespace
}  // namespace vigie::internal
