// SPDX-License-Identifier: Apache-2.0
// DetectorDef: the engine's view of one detector, built-in or custom.
// The engine knows nothing of any kind in particular; detectors are data.
#ifndef VIGIE_LIB_SCAN_DETECTOR_DEF_H_
#define VIGIE_LIB_SCAN_DETECTOR_DEF_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/detector.h"

namespace vigie::internal {

// Patterns are grouped into databases by shape, since Hyperscan is much
// faster on a database of one shape than on a mixture.
enum class Shape {
  kLiteral,   // literal dictionaries and context keywords
  kDigitLed,  // regexes whose matches start with a digit
  kOther,     // every other regex
};

struct PatternDef {
  std::string regex;
  Shape shape = Shape::kOther;
  bool caseless = false;
};

// Where a match starts, and what the start finder already knows of it.
struct Located {
  size_t begin = std::string_view::npos;  // npos: no acceptable start
  // The verdict on [begin, end), when the finder had to judge the span to
  // choose its start (a parse, a checksum): the engine then asks no
  // confirm function, and the span is judged once.
  std::optional<Verdict> verdict;
};

// Finds where a match that ends at `end` starts, looking no further back
// than `earliest` (the detector's widest match, and the start of the cell
// in a delimited file unless the detector spans cells).
using StartFinder = std::function<Located(std::string_view text, size_t earliest, size_t end)>;

// Confirms a match knowing the bytes just before it, for detectors whose
// evidence is written there (a title before a name). `before` holds at
// most the detector's window_before bytes, and never bytes before the
// `earliest` its start finder was given (the match's width, its cell).
using ContextConfirmFn = std::function<Verdict(std::string_view before, std::string_view match)>;

// Confirms literal number `spelling` of a detector's `spellings`.
using SpellingConfirmFn = std::function<Verdict(uint32_t spelling, std::string_view match)>;

// A word that qualifies the health findings near it in its sentence
// ("pas de", "suspicion de", "mère", "antécédents").
struct QualifierTrigger {
  enum class Position : uint8_t {
    kBefore,  // qualifies a finding that follows it
    kAfter,   // qualifies a finding that precedes it
    kBoth,
    kPseudo,  // a phrase that holds a trigger without being one ("pas de doute")
  };
  uint8_t qualifier = 0;  // a vigie::Qualifier bit
  Position position = Position::kBoth;
  std::string_view spelling;  // already spelled as the matcher needs
};

struct DetectorDef {
  std::string kind;
  Category category = Category::kIdentity;
  std::vector<PatternDef> patterns;
  std::vector<std::string> literals;
  // Literals already given in every spelling the matcher needs (a compiled
  // lexicon): added as they are, and confirmed by `confirm_spelling`.
  // They outlive the engine (tables built once per process), and
  // `spellings_fingerprint`, when not 0, stands for their bytes in the
  // plan's fingerprint (computed when they were compiled), so that a start
  // hashes no 131k spellings.
  std::span<const std::string_view> spellings;
  uint64_t spellings_fingerprint = 0;
  // With a fingerprint: the longest spelling in bytes, measured with them.
  size_t spellings_width = 0;
  // With a fingerprint, if not empty: for each spelling, the hashes that
  // WordLexicon files it under, its key and its ending
  // (WordLexicon::KeysOf, computed with them; a key of 0: Hyperscan
  // matches it). Without them, Hyperscan matches all.
  std::span<const uint64_t> spelling_keys;
  std::span<const uint64_t> spelling_endings;
  SpellingConfirmFn confirm_spelling;
  // A match may span the adjacent cells of one record of a delimited file
  // (an address whose street, postcode and commune sit in three columns).
  bool spans_cells = false;
  // Detectors of one family of terms (0: none; the health kinds are one)
  // resolve their overlaps together, as one kind (the longest confirmed
  // wins: "infection par le VIH" over "infection"), and a term of the
  // family that stands on its own (confirmed at kStandaloneTerm without
  // context) is context for the family's terms near it.
  uint8_t term_family = 0;
  // Findings carry the qualifiers (negated, hypothetical, family,
  // history) of the triggers around them in their sentence.
  bool qualified = false;
  // Words of text: a candidate whose neighbourhood (kTextAround bytes on
  // each side, within its windows) does not read as text (text::
  // LooksLikeText: control characters, bytes that are neither UTF-8 nor a
  // one-byte encoding) is no finding. Short terms ("SA", "A-") occur by
  // chance in binary data; identifiers are checked by their own structure.
  bool text_only = false;
  std::vector<std::string> keywords;
  std::vector<std::string> negative_keywords;
  // Positive context only as a column's name in a header ("nom" names a
  // column of names, but says nothing in running text).
  std::vector<std::string> column_keywords;
  // Generic labels ("identifiant", "n°"): weaker positive context
  // (kWeakGain), in text and as a column's name.
  std::vector<std::string> weak_keywords;
  size_t window_before = 64;
  size_t window_after = 24;
  // Longest match in bytes, for a detector whose patterns are unbounded
  // (its start finder then bounds it); bounded patterns give their own.
  size_t max_width = 0;
  // Built-in detectors find their own start; custom regexes use the
  // engine's anchored database.
  StartFinder find_start;
  // In a column that a delimited file's header or a JSON member's name
  // names for this detector (a column keyword, "prenom" for PERSON):
  // asked, with `earliest` at the cell's first byte, when find_start found
  // no start or a later one; it may accept a value that no list knows, on
  // the strength of the column.
  StartFinder find_in_field;
  // Negative context that no keyword says, read when the candidate is
  // scored: its line's bytes before it (within window_before and its
  // cell), the match, and the bytes after it (within window_after; fewer
  // only where the text ends). True counts as a negative
  // keyword, and outweighs the positive ones (a blood group's "a+" that
  // signs off a chat message). Not asked in a column named for the
  // detector.
  std::function<bool(std::string_view before, std::string_view match, std::string_view after)>
      negative_context;
  // Validates the exact match. Always set (the engine fills a default).
  ConfirmFn confirm;
  // When set, used instead of `confirm`.
  ContextConfirmFn confirm_in_context;
};

// The leftmost start in [earliest, end) that is on a word boundary and
// whose span `judge` does not reject, with that verdict. The shared start
// finder of detectors that can judge a whole span cheaply.
Located LeftmostStart(std::string_view text, size_t earliest, size_t end, size_t min_width,
                      const std::function<Verdict(std::string_view)>& judge);

}  // namespace vigie::internal

#endif  // VIGIE_LIB_SCAN_DETECTOR_DEF_H_
