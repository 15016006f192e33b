#include "scan/word_lexicon.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "text/utf8.h"

namespace vigie::internal {
namespace {

// Bits of the two bit sets: of the spellings' last words (38,000 words;
// probed at every end of a word, so small enough for the first-level
// cache, at the price of one false hit in eight), and of their keys
// (probed for the third of the words that pass the first).
constexpr unsigned kLastWordBits = 18;
constexpr unsigned kKeyBits = 20;

constexpr std::array<bool, 128> kAsciiWord = [] {
  std::array<bool, 128> word{};
  for (int c = 0; c < 128; ++c) word[c] = text::IsAsciiAlnum(static_cast<char>(c));
  return word;
}();

// True when the two bytes before `p` are a letter of Latin-1 (U+00C0 to
// U+00FF, "é", "À"), which reads back as itself whatever comes before.
bool Latin1Before(std::string_view text, size_t p) {
  return p >= 2 && static_cast<unsigned char>(text[p - 2]) == 0xC3 &&
         (static_cast<unsigned char>(text[p - 1]) & 0xC0) == 0x80;
}

// A word character before `p` (WordCharBefore), ASCII and Latin-1 read
// here: of U+00C0 to U+00FF only × and ÷ are no letters.
bool WordBefore(std::string_view text, size_t p) {
  auto last = static_cast<unsigned char>(text[p - 1]);
  if (last < 0x80) return kAsciiWord[last];
  if (Latin1Before(text, p)) return last != 0x97 && last != 0xB7;
  return text::WordCharBefore(text, p);
}

// One code point back from `p`, as WordCharBefore reads it.
size_t Back(std::string_view text, size_t p) {
  if (static_cast<unsigned char>(text[p - 1]) < 0x80) return p - 1;
  if (Latin1Before(text, p)) return p - 2;
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
  keys->key = KeyHash(spelling, key, spelling.size());
  keys->last_word = KeyHash(spelling, word, spelling.size());
  return true;
}

void WordLexicon::AddRange(uint32_t first_id, std::span<const std::string_view> spellings,
                           std::span<const uint64_t> keys, std::span<const uint64_t> last_words) {
  ranges_.push_back({first_id, spellings, keys, last_words});
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
  last_words_.assign((size_t{1} << kLastWordBits) / 64, 0);
  keys_.assign((size_t{1} << kKeyBits) / 64, 0);
  for (const Range& r : ranges_) {
    for (size_t k = 0; k < r.keys.size(); ++k) {
      if (r.keys[k] == 0) continue;
      ++starts_[(r.keys[k] >> (64 - bucket_bits_)) + 2];
      Set(last_words_, kLastWordBits, r.last_words[k]);
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
  // Where the word being read starts, when it and the byte before it are
  // ASCII (most words): no walk back at its end.
  constexpr size_t kUnknown = std::string_view::npos;
  size_t run = kUnknown;
  for (size_t i = first; i <= last; ++i) {
    // An end of a word: a word character before, none at i (a match's end
    // is checked so by MatchEvents; past the bytes seen, none is known).
    unsigned char before = s[i - 1];
    if (before < 0x80) {
      if (!kAsciiWord[before]) {
        run = i;
        continue;
      }
    } else {
      run = kUnknown;
      if (!WordBefore(text, i)) continue;
    }
    if (i < text.size()) {
      unsigned char at = s[i];
      if (at < 0x80) {
        if (kAsciiWord[at]) continue;
      } else if (text::WordCharAt(text, i) || text::InsideCodePoint(text, i)) {
        continue;
      }
    }
    size_t word = run == kUnknown     ? WordStart(text, lowest, i)
                  : i - run > kMaxKey ? std::string_view::npos
                                      : run;
    if (word == std::string_view::npos || word == i) continue;
    // Most words end no spelling: one bit tells. Of those that do (a
    // third of a text's: "1", "a", "type"), most are no key; a second set
    // tells, before the table is read.
    uint64_t hash = WordHash(text, word, i);
    if (!Test(last_words_, kLastWordBits, hash)) continue;
    // Spellings of one word, and those whose last two words are too long,
    // are filed under the last word; the others under the last two.
    if (Test(keys_, kKeyBits, hash)) Probe(text, window.start, hash, word, i, lowest, emit);
    size_t previous = PreviousWordStart(text, lowest, word, i);
    if (previous == std::string_view::npos) continue;
    uint64_t pair = KeyHash(text, previous, i);
    if (Test(keys_, kKeyBits, pair)) Probe(text, window.start, pair, previous, i, lowest, emit);
  }
}

}  // namespace vigie::internal
