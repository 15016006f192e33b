// SPDX-License-Identifier: Apache-2.0
#include "scan/word_lexicon.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "text/utf8.h"

namespace vigie::internal {
namespace {

// Bits of the two bit sets: of the spellings' endings (probed at every end
// of a word, twice: small enough for the first-level cache), and of their
// keys (probed for the words that pass the first).
constexpr unsigned kEndingBits = 20;
constexpr unsigned kKeyBits = 20;

constexpr std::array<bool, 128> kAsciiWord = [] {
  std::array<bool, 128> word{};
  for (int c = 0; c < 128; ++c) word[c] = text::IsAsciiAlnum(static_cast<char>(c));
  return word;
}();

bool Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Of the characters of French text beyond ASCII, those read here without
// ICU, as ICU reads them (u_isalnum): U+0080 to U+00BF (no-break space,
// « », °; only ª, µ and º are letters), U+00C0 to U+00FF ("é", "À"; only ×
// and ÷ are no letters), U+2000 to U+203F (spaces, dashes, ’, …: none
// are). Each reads back as itself whatever comes before: its first byte
// is no continuation byte.
// The length of such a character ending at `p`, or 0.
size_t KnownBefore(std::string_view text, size_t p) {
  if (p < 2 || !Continuation(text[p - 1])) return 0;
  auto lead = static_cast<unsigned char>(text[p - 2]);
  if (lead == 0xC2 || lead == 0xC3) return 2;
  if (p >= 3 && lead == 0x80 && static_cast<unsigned char>(text[p - 3]) == 0xE2) return 3;
  return 0;
}
// Whether the character text[p - length, p) that KnownBefore found is a
// letter or a digit.
bool KnownIsWord(std::string_view text, size_t p, size_t length) {
  if (length == 3) return false;
  auto last = static_cast<unsigned char>(text[p - 1]);
  if (static_cast<unsigned char>(text[p - 2]) == 0xC3) return last != 0x97 && last != 0xB7;
  return last == 0xAA || last == 0xB5 || last == 0xBA;
}

// WordBefore beyond ASCII. A first byte of a character just before `p`
// (at the second byte of "é") begins none that reads back: no word
// character.
bool WordBeforeBeyondAscii(std::string_view text, size_t p) {
  auto last = static_cast<unsigned char>(text[p - 1]);
  if (last >= 0xC0) return false;
  if (size_t n = KnownBefore(text, p); n != 0) return KnownIsWord(text, p, n);
  return text::WordCharBefore(text, p);
}

// A word character before `p` (WordCharBefore).
inline bool WordBefore(std::string_view text, size_t p) {
  auto last = static_cast<unsigned char>(text[p - 1]);
  return last < 0x80 ? kAsciiWord[last] : WordBeforeBeyondAscii(text, p);
}

// WordGoesOnAt beyond ASCII.
bool WordGoesOnAtBeyondAscii(std::string_view text, size_t p) {
  auto c = static_cast<unsigned char>(text[p]);
  if ((c == 0xC2 || c == 0xC3) && p + 1 < text.size() && Continuation(text[p + 1])) {
    return KnownIsWord(text, p + 2, 2);
  }
  if (c == 0xE2 && p + 2 < text.size() && static_cast<unsigned char>(text[p + 1]) == 0x80 &&
      Continuation(text[p + 2])) {
    return false;
  }
  return text::WordCharAt(text, p) || text::InsideCodePoint(text, p);
}

// At `p`, a word character or the inside of one (WordCharAt, or
// InsideCodePoint): no word ends there.
inline bool WordGoesOnAt(std::string_view text, size_t p) {
  auto c = static_cast<unsigned char>(text[p]);
  return c < 0x80 ? kAsciiWord[c] : WordGoesOnAtBeyondAscii(text, p);
}

// One code point back from `p`, as WordCharBefore reads it.
size_t Back(std::string_view text, size_t p) {
  if (static_cast<unsigned char>(text[p - 1]) < 0x80) return p - 1;
  if (size_t n = KnownBefore(text, p); n != 0) return p - n;
  auto i = static_cast<int32_t>(p);
  U8_BACK_1(reinterpret_cast<const uint8_t*>(text.data()), 0, i);
  return static_cast<size_t>(i);
}

// Where the word that ends at `end` starts, walking back one code point at
// a time, no further than `lowest` nor than kMaxKey bytes before `end`
// (npos then).
size_t WordStart(std::string_view text, size_t lowest, size_t end) {
  size_t p = end;
  while (p > lowest && WordBefore(text, p)) {
    p = Back(text, p);
    if (end - p > WordLexicon::kMaxKey) return std::string_view::npos;
  }
  return p;
}

// Where the word before the word that starts at `word` starts (the bytes
// between them are no word characters): npos when there is none within
// kMaxKey bytes before `end`, or it reaches `lowest`.
size_t PreviousWordStart(std::string_view text, size_t lowest, size_t word, size_t end) {
  size_t p = word;
  while (p > lowest && !WordBefore(text, p)) {
    p = Back(text, p);
    if (end - p > WordLexicon::kMaxKey) return std::string_view::npos;
  }
  if (p == word || p == 0 || !WordBefore(text, p)) return std::string_view::npos;
  size_t start = WordStart(text, lowest, p);
  return start == std::string_view::npos || end - start > WordLexicon::kMaxKey
             ? std::string_view::npos
             : start;
}

// Eight bytes with their ASCII capitals in lower case (AsciiLower on each).
uint64_t Lower8(uint64_t bytes) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  uint64_t heptets = bytes & (0x7F * kOnes);
  uint64_t from_a = heptets + (0x80 - 'A') * kOnes;      // bit 7: at least 'A'
  uint64_t past_z = heptets + (0x80 - 'Z' - 1) * kOnes;  // bit 7: past 'Z'
  uint64_t capitals = from_a & ~past_z & ~bytes & (0x80 * kOnes);
  return bytes | (capitals >> 2);
}

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// Of eight ASCII bytes, those that are letters or digits, as the bits of
// a byte (bit k for byte k, little-endian).
unsigned AsciiWordBits(uint64_t bytes) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  auto at_least = [&](uint64_t x, char c) { return x + (0x80 - static_cast<uint64_t>(c)) * kOnes; };
  uint64_t lower = bytes | (0x20 * kOnes);
  uint64_t digits = at_least(bytes, '0') & ~at_least(bytes, '9' + 1);
  uint64_t letters = at_least(lower, 'a') & ~at_least(lower, 'z' + 1);
  uint64_t marks = ((digits | letters) & kHighBits) >> 7;
  if constexpr (std::endian::native == std::endian::little) {
    return static_cast<unsigned>((marks * 0x0102040810204080ULL) >> 56);
  } else {
    return static_cast<unsigned>((marks * 0x8040201008040201ULL) >> 56);
  }
}

// The hash of the key text[begin, end) with its ASCII letters in lower
// case: its bytes eight at a time (little-endian, the last ones padded with
// zeros), mixed; never 0. The lexicon compiler computes it too: it must not
// change without the lexicons being compiled again (the build does that).
constexpr uint64_t kSeed = 0x9E3779B97F4A7C15ULL;
uint64_t Mix(uint64_t h, uint64_t word) {
  h ^= word;
  h *= 0xBF58476D1CE4E5B9ULL;
  return h ^ (h >> 31);
}
uint64_t Finalize(uint64_t h) {
  h *= 0x94D049BB133111EBULL;
  h ^= h >> 29;
  return h != 0 ? h : 1;
}

uint64_t KeyHash(std::string_view text, size_t begin, size_t end) {
  uint64_t h = kSeed ^ (end - begin);
  auto mix = [&h](uint64_t word) { h = Mix(h, word); };
  for (size_t i = begin; i < end; i += 8) {
    size_t n = std::min<size_t>(8, end - i);
    uint64_t word = 0;
    if constexpr (std::endian::native == std::endian::little) {
      if (i + 8 <= text.size()) {
        std::memcpy(&word, text.data() + i, 8);
        if (n < 8) word &= (uint64_t{1} << (8 * n)) - 1;
        mix(Lower8(word));
        continue;
      }
    }
    for (size_t k = 0; k < n; ++k) {
      word |= static_cast<uint64_t>(static_cast<unsigned char>(text[i + k])) << (8 * k);
    }
    mix(Lower8(word));
  }
  return Finalize(h);
}

// KeyHash of a word, most of which are eight bytes at most and can be
// read eight bytes at a time: one step.
uint64_t WordHash(std::string_view text, size_t begin, size_t end) {
  if constexpr (std::endian::native == std::endian::little) {
    size_t n = end - begin;
    if (n <= 8 && begin + 8 <= text.size()) {
      uint64_t word = 0;
      std::memcpy(&word, text.data() + begin, 8);
      if (n < 8) word &= (uint64_t{1} << (8 * n)) - 1;
      return Finalize(Mix(kSeed ^ n, Lower8(word)));
    }
  }
  return KeyHash(text, begin, end);
}

// The ending of a key of two words: its last word's hash and the byte
// before that word.
uint64_t Ending(uint64_t last_word, char before) {
  return Finalize(Mix(last_word, 0x100 | static_cast<unsigned char>(before)));
}

// A bit set of 2^`width` bits, of hashes by their high bits.
void Set(std::vector<uint64_t>& bits, unsigned width, uint64_t hash) {
  uint64_t bit = hash >> (64 - width);
  bits[bit / 64] |= uint64_t{1} << (bit % 64);
}
bool Test(const std::vector<uint64_t>& bits, unsigned width, uint64_t hash) {
  uint64_t bit = hash >> (64 - width);
  return (bits[bit / 64] & (uint64_t{1} << (bit % 64))) != 0;
}

// The bytes equal, ASCII letters in either case (as Hyperscan's caseless
// literals compare).
bool EqualCaseless(std::string_view a, std::string_view b) {
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i] && text::AsciiLower(a[i]) != text::AsciiLower(b[i])) return false;
  }
  return true;
}

// The key a spelling is filed under, or looked up with at the end of a
// word: its last two words with what is between them, or its only word.
// npos when the key would be longer than kMaxKey.
size_t KeyStart(std::string_view text, size_t lowest, size_t end) {
  size_t word = WordStart(text, lowest, end);
  if (word == std::string_view::npos || word == end) return std::string_view::npos;
  size_t previous = PreviousWordStart(text, lowest, word, end);
  return previous != std::string_view::npos ? previous : word;
}

}  // namespace

bool WordLexicon::KeysOf(std::string_view spelling, Keys* keys) {
  if (!text::WordCharBefore(spelling, spelling.size())) return false;
  size_t word = WordStart(spelling, 0, spelling.size());
  if (word == std::string_view::npos) return false;
  size_t key = KeyStart(spelling, 0, spelling.size());
  uint64_t last = KeyHash(spelling, word, spelling.size());
  keys->key = KeyHash(spelling, key, spelling.size());
  keys->ending = key == word ? last : Ending(last, spelling[word - 1]);
  return true;
}

void WordLexicon::AddRange(uint32_t first_id, std::span<const std::string_view> spellings,
                           std::span<const uint64_t> keys, std::span<const uint64_t> endings) {
  ranges_.push_back({first_id, spellings, keys, endings});
}

std::string_view WordLexicon::Spelling(uint32_t id) const {
  size_t r = ranges_.size() - 1;
  while (ranges_[r].first_id > id) --r;
  return ranges_[r].spellings[id - ranges_[r].first_id];
}

void WordLexicon::Finish() {
  size_t filed = 0;
  for (const Range& r : ranges_) {
    filed += static_cast<size_t>(
        std::count_if(r.keys.begin(), r.keys.end(), [](uint64_t key) { return key != 0; }));
  }
  if (filed == 0) return;
  // A bucket per entry or so; the entries in buckets by a counting sort,
  // in the order of their ids within each.
  bucket_bits_ = 1;
  while ((size_t{1} << bucket_bits_) < filed) ++bucket_bits_;
  starts_.assign((size_t{1} << bucket_bits_) + 2, 0);
  endings_.assign((size_t{1} << kEndingBits) / 64, 0);
  keys_.assign((size_t{1} << kKeyBits) / 64, 0);
  for (const Range& r : ranges_) {
    for (size_t k = 0; k < r.keys.size(); ++k) {
      if (r.keys[k] == 0) continue;
      ++starts_[(r.keys[k] >> (64 - bucket_bits_)) + 2];
      Set(endings_, kEndingBits, r.endings[k]);
      Set(keys_, kKeyBits, r.keys[k]);
    }
  }
  // starts_[b + 2] becomes the end of bucket b; placing the entries from
  // the last takes it down to the bucket's first entry; then each is put
  // in its place, starts_[b].
  for (size_t b = 2; b < starts_.size(); ++b) starts_[b] += starts_[b - 1];
  entries_.resize(filed);
  for (size_t r = ranges_.size(); r-- > 0;) {
    const Range& range = ranges_[r];
    for (size_t k = range.keys.size(); k-- > 0;) {
      uint64_t key = range.keys[k];
      if (key == 0) continue;
      uint32_t at = --starts_[(key >> (64 - bucket_bits_)) + 2];
      entries_[at] = {static_cast<uint32_t>(key), range.first_id + static_cast<uint32_t>(k)};
    }
  }
  size_t buckets = size_t{1} << bucket_bits_;
  for (size_t b = 0; b < buckets; ++b) starts_[b] = starts_[b + 2];
  starts_[buckets] = static_cast<uint32_t>(filed);
  starts_.resize(buckets + 1);
}

void WordLexicon::Probe(std::string_view text, uint64_t text_start, uint64_t hash, size_t key,
                        size_t end, size_t lowest,
                        absl::FunctionRef<void(uint64_t, uint32_t)> emit) const {
  size_t bucket = hash >> (64 - bucket_bits_);
  auto tag = static_cast<uint32_t>(hash);
  for (uint32_t e = starts_[bucket]; e < starts_[bucket + 1]; ++e) {
    if (entries_[e].tag != tag) continue;
    std::string_view spelling = Spelling(entries_[e].id);
    size_t length = spelling.size();
    if (length > end - lowest || length < end - key) continue;
    size_t begin = end - length;
    if (!EqualCaseless(text.substr(begin, length), spelling)) continue;
    if (text::WordCharBefore(text, begin)) continue;
    emit(text_start + end, entries_[e].id);
  }
}

void WordLexicon::Match(const TextWindow& window, uint64_t base, uint64_t from, uint64_t to,
                        absl::FunctionRef<void(uint64_t, uint32_t)> emit) const {
  if (entries_.empty() || to <= from) return;
  std::string_view text = window.bytes.substr(0, to - window.start);
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  size_t lowest = base > window.start ? base - window.start : 0;
  size_t first = from - window.start + 1, last = to - window.start;
  // At the end of the word text[word, end): the spellings that end there.
  // The word that ended last (its start npos when too long to look up).
  size_t last_start = std::string_view::npos, last_end = std::string_view::npos;
  // The word before text[word, end): the last one when only ASCII
  // separators lie between them, else found walking back.
  auto previous_of = [&](size_t word, size_t end) {
    if (last_end == std::string_view::npos || last_end >= word) {
      return PreviousWordStart(text, lowest, word, end);
    }
    for (size_t p = last_end; p < word; ++p) {
      if (s[p] >= 0x80) return PreviousWordStart(text, lowest, word, end);
    }
    if (last_start == std::string_view::npos || last_start < lowest) {
      return PreviousWordStart(text, lowest, word, end);
    }
    return end - last_start > kMaxKey ? std::string_view::npos : last_start;
  };
  auto at_end = [&](size_t word, size_t end) {
    if (word == std::string_view::npos || word == end) {
      last_start = std::string_view::npos, last_end = end;
      return;
    }
    // Spellings of one word, and those whose last two words are too long,
    // are filed under the last word; the others under the last two. Most
    // words end none: the endings' bit set tells, then the keys'.
    uint64_t hash = WordHash(text, word, end);
    if (Test(endings_, kEndingBits, hash) && Test(keys_, kKeyBits, hash)) {
      Probe(text, window.start, hash, word, end, lowest, emit);
    }
    bool two = word > lowest && Test(endings_, kEndingBits, Ending(hash, text[word - 1]));
    size_t previous = two ? previous_of(word, end) : std::string_view::npos;
    last_start = word, last_end = end;
    if (previous == std::string_view::npos) return;
    uint64_t pair = KeyHash(text, previous, end);
    if (Test(keys_, kKeyBits, pair)) Probe(text, window.start, pair, previous, end, lowest, emit);
  };
  // Where the word being read starts, when it and the byte before it are
  // ASCII (most words): no walk back at its end. `word_before`: the byte
  // before position i is (or ends) a word character.
  constexpr size_t kUnknown = std::string_view::npos;
  size_t run = kUnknown;
  bool word_before = true;  // unknown: the word may go on from before
  auto start_of = [&](size_t end) {
    if (run == kUnknown) return WordStart(text, lowest, end);
    return end - run > kMaxKey ? std::string_view::npos : run;
  };
  size_t i = first;
  while (i <= last) {
    // Eight ASCII bytes at a time, s[i - 1, i + 7), the byte after them
    // readable: their word characters as bits, then the ends of words.
    if (i + 8 < last) {
      uint64_t bytes = 0;
      std::memcpy(&bytes, s + i - 1, 8);
      if ((bytes & kHighBits) == 0) {
        unsigned words = AsciiWordBits(bytes);
        size_t after = i + 7;  // the byte after the eight
        bool word_after = WordGoesOnAt(text, after);
        unsigned ends = words & ~((words >> 1) | (word_after ? 0x80u : 0u));
        unsigned starts = words & ~((words << 1) | (word_before ? 1u : 0u));
        while (ends != 0) {
          unsigned k = static_cast<unsigned>(std::countr_zero(ends));
          ends &= ends - 1;
          unsigned below = starts & ((2u << k) - 1);
          size_t end = i + k;
          size_t word =
              below != 0 ? i - 1 + static_cast<size_t>(std::bit_width(below) - 1) : start_of(end);
          if (below != 0 && end - word > kMaxKey) word = std::string_view::npos;
          at_end(word, end);
        }
        word_before = (words & 0x80u) != 0;
        if (!word_before) {
          run = i + 7;
        } else if (starts != 0) {
          run = i - 1 + static_cast<size_t>(std::bit_width(starts) - 1);
        }
        i += 8;
        continue;
      }
    }
    // One position: an end of a word has a word character before it and
    // none at it (a match's end is checked so by MatchEvents; past the
    // bytes seen, none is known).
    unsigned char before = s[i - 1];
    if (before < 0x80) {
      word_before = kAsciiWord[before];
      if (!word_before) run = i;
    } else {
      run = kUnknown;
      word_before = WordBefore(text, i);
    }
    if (word_before && !(i < text.size() && WordGoesOnAt(text, i))) {
      at_end(start_of(i), i);
    }
    ++i;
  }
}

}  // namespace vigie::internal
