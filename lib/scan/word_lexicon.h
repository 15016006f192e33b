// SPDX-License-Identifier: Apache-2.0
// WordLexicon: the spellings of the compiled lexicons that end on a letter
// or a digit, found from the words of the text instead of by Hyperscan.
// A lexicon holds 131k spellings; as Hyperscan literals they cost more than
// every other pattern together (under 150 MB/s, and most of a short
// scan's time). Here each spelling is filed under a key: its last two words
// (runs of word characters, ASCII case folded) with the bytes between
// them, or its only word. At each end of a word in the text, a bit set of
// the spellings' endings (a last word, with the byte before it when the
// key has two words) tells whether any spelling may end there (most words
// end none); a second one whether its key is filed; then the spellings
// filed under it are compared with the bytes before.
//
// The keys' hashes are computed when the lexicon is compiled
// (lib/data/lexicon_compiler.cc calls KeysOf), so that a scanner files
// 131k spellings at start-up with no Unicode work.
//
// It reports what Hyperscan and the boundary checks after it would keep: a
// spelling that ends at a word's end (MatchEvents' check) and starts where
// no word goes on before it (Confirmer's check), caseless for ASCII as the
// literal database is. A match that begins before the stream's first byte
// is not reported, as a stream would not report it.
#ifndef VIGIE_LIB_SCAN_WORD_LEXICON_H_
#define VIGIE_LIB_SCAN_WORD_LEXICON_H_

#include <absl/functional/function_ref.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "scan/text_window.h"

namespace vigie::internal {

class WordLexicon {
 public:
  // The longest key: a spelling is filed under its last two words when
  // they hold at most kMaxKey bytes, else under its last word; one whose
  // last word is longer is left to Hyperscan.
  static constexpr size_t kMaxKey = 48;

  // The hashes a spelling is filed under (never 0).
  struct Keys {
    uint64_t key = 0;  // of its key
    // What the first bit set holds: the hash of its last word, mixed with
    // the byte before that word when the key has two words (most
    // spellings of one word end on a word that ends many: "de" after a
    // decomposed accent, "B", "2"; the byte before tells them apart).
    uint64_t ending = 0;
  };
  // The keys of `spelling`, or false when it cannot be filed: it ends on
  // no word character, or its last word is longer than kMaxKey.
  static bool KeysOf(std::string_view spelling, Keys* keys);

  // Files the spellings of one lexicon: spelling k as database id
  // first_id + k, under keys[k] and endings[k] (KeysOf's; a key of 0 is
  // not filed). The spellings stay where they are; ranges come in
  // ascending order of their ids, which do not overlap.
  void AddRange(uint32_t first_id, std::span<const std::string_view> spellings,
                std::span<const uint64_t> keys, std::span<const uint64_t> endings);
  // Builds the table of what was added; call once, before Match.
  void Finish();
  bool empty() const { return entries_.empty(); }

  // Calls `emit(end, id)` for each filed spelling that ends in (from, to]
  // and begins at or after `base`, by end (the ids of one end in no set
  // order); `window` holds the bytes from `base` (or from the longest
  // spelling before `from`) to `to`.
  void Match(const TextWindow& window, uint64_t base, uint64_t from, uint64_t to,
             absl::FunctionRef<void(uint64_t end, uint32_t id)> emit) const;

 private:
  struct Entry {
    uint32_t tag = 0;  // the low half of the key's hash
    uint32_t id = 0;
  };
  struct Range {
    uint32_t first_id = 0;
    std::span<const std::string_view> spellings;
    std::span<const uint64_t> keys, endings;
  };
  std::string_view Spelling(uint32_t id) const;
  // The spellings filed under the key text[key, end) (of hash `hash`),
  // which ends a word.
  void Probe(std::string_view text, uint64_t text_start, uint64_t hash, size_t key, size_t end,
             size_t lowest, absl::FunctionRef<void(uint64_t, uint32_t)> emit) const;

  std::vector<Range> ranges_;
  // A bit per prefix of a hash: of the spellings' endings, of their keys.
  std::vector<uint64_t> endings_;
  std::vector<uint64_t> keys_;
  // The entries by bucket (the key hash's high bits): bucket b's are
  // [starts_[b], starts_[b + 1]).
  unsigned bucket_bits_ = 0;
  std::vector<uint32_t> starts_;
  std::vector<Entry> entries_;
};

}  // namespace vigie::internal

#endif  // VIGIE_LIB_SCAN_WORD_LEXICON_H_
