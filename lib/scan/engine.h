// SPDX-License-Identifier: Apache-2.0
// Engine: the compiled, immutable heart of a Scanner. It owns the Hyperscan
// databases, the table that maps each database id to a detector or keyword,
// and a pool of scratch spaces handed to one scan at a time.
#ifndef VIGIE_LIB_SCAN_ENGINE_H_
#define VIGIE_LIB_SCAN_ENGINE_H_

#include <absl/container/flat_hash_map.h>
#include <hs/hs.h>

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "scan/detector_def.h"
#include "scan/detector_set.h"
#include "scan/word_lexicon.h"
#include "vigie/options.h"
#include "vigie/result.h"
#include "vigie/scanner.h"

namespace vigie::internal {

// Owners of Hyperscan's handles. A database is Hyperscan's allocation, or
// a mapping of `mapped` bytes that a load made for it (DeserializeMapped).
struct DatabaseFree {
  size_t mapped = 0;
  void operator()(hs_database_t* db) const;
};
struct ScratchFree {
  void operator()(hs_scratch_t* scratch) const { hs_free_scratch(scratch); }
};
using DatabasePtr = std::unique_ptr<hs_database_t, DatabaseFree>;
using ScratchPtr = std::unique_ptr<hs_scratch_t, ScratchFree>;

// What a database id stands for.
struct MatchTarget {
  enum class Type : uint8_t { kCandidate, kKeyword };
  Type type = Type::kCandidate;
  uint32_t index = 0;     // detector index, or keyword index
  uint32_t length = 0;    // byte length of a literal; 0 for a regex
  uint32_t spelling = 0;  // for a detector's `spellings`: which one
  bool spelled = false;   // it is one of a detector's `spellings`
};

struct KeywordOwner {
  uint32_t detector = 0;
  bool positive = true;
  // Context only as a column's name in a delimited file's header.
  bool column_only = false;
  // A generic label: positive, but weaker (kWeakGain).
  bool weak = false;
};

struct KeywordDef {
  uint32_t length = 0;
  std::vector<KeywordOwner> owners;
  // As a qualifier trigger: the Qualifier bits it gives to a health-term
  // finding that follows it (`before`) or precedes it (`after`); a pseudo
  // trigger cancels the triggers it contains.
  uint8_t qualifies_before = 0;
  uint8_t qualifies_after = 0;
  bool pseudo = false;
};

// The stream-mode databases, one per pattern shape.
enum DbRole : uint8_t { kLiteralDb, kDigitLedDb, kOtherDb, kNumStreamDbs };

class Engine {
 public:
  // Compiles the databases of `set`, or loads them from `serialized`
  // when it is not null, or from `cache` (compiling them and saving them
  // there when it holds none for these options).
  static Result<std::shared_ptr<const Engine>> Build(DetectorSet set, const ScanOptions& options,
                                                     const std::string_view* serialized,
                                                     const CacheOptions* cache = nullptr);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  std::string Serialize() const;

  // A scratch space for one scan; give it back with ReleaseScratch (or
  // hold it through a ScratchLease).
  hs_scratch_t* AcquireScratch() const;
  void ReleaseScratch(hs_scratch_t* scratch) const;

  // For custom regexes: the leftmost start such that [start, end) is
  // exactly a match of one of detector `detector`'s patterns.
  size_t AnchoredStart(uint32_t detector, std::string_view text, size_t earliest, size_t end) const;

  const std::vector<DetectorDef>& detectors() const { return detectors_; }
  const std::vector<KeywordDef>& keywords() const { return keywords_; }
  // The keywords that a field's name holds as words: "num_secu",
  // "dateNaissance", "Prénom du patient" (words cut at other bytes than
  // letters, digits and non-ASCII ones, and where a lower-case letter meets
  // a capital; runs of up to four words looked up joined by a space, a
  // hyphen or nothing, ASCII case folded).
  std::vector<uint32_t> KeywordsInName(std::string_view name) const;
  // What keyword `keyword` says of detector `detector`'s candidates: a bit
  // set of kPositiveRole and kNegativeRole (one lookup per keyword hit).
  static constexpr uint8_t kPositiveRole = 1;
  static constexpr uint8_t kNegativeRole = 2;
  static constexpr uint8_t kWeakRole = 4;
  uint8_t role(uint32_t detector, uint32_t keyword) const {
    return roles_[static_cast<size_t>(detector) * keywords_.size() + keyword];
  }
  MatchTarget target(DbRole db, unsigned id) const {
    const MatchTarget* stored = stored_target(db, id);
    return stored ? *stored : SpelledTarget(id);
  }
  // The stored target of `id`, or null for a spelled one (always a
  // candidate): what the match callback needs, without computing it.
  const MatchTarget* stored_target(DbRole db, unsigned id) const {
    return id < targets_[db].size() ? &targets_[db][id] : nullptr;
  }
  hs_database_t* database(DbRole db) const { return dbs_[db].get(); }
  // The lexicons' spellings that end a word, found by their last word; the
  // others are in the literal database.
  const WordLexicon& words() const { return words_; }

  // Longest candidate, longest keyword, widest context windows, in bytes.
  size_t max_width() const { return max_width_; }
  size_t max_keyword() const { return max_keyword_; }
  size_t max_before() const { return max_before_; }
  size_t max_after() const { return max_after_; }
  // What a scan chooses when its caller does not (ScanOptions).
  const CallOptions& default_call() const { return default_call_; }

 private:
  Engine() = default;
  struct Plan;
  Result<bool> MakePlan(DetectorSet set, const ScanOptions& options, Plan& plan);
  Result<bool> Compile(const Plan& plan);
  Result<bool> Load(const Plan& plan, std::string_view bytes);
  Result<bool> LoadOrCompileCached(const Plan& plan, const CacheOptions& cache);
  Result<bool> AllocateScratch();
  // The target of literal-database id `id`, one of the spelled ranges.
  MatchTarget SpelledTarget(unsigned id) const;

  std::vector<DetectorDef> detectors_;
  std::vector<KeywordDef> keywords_;
  // Each keyword spelling, ASCII lower-cased, and its index.
  absl::flat_hash_map<std::string, uint32_t> keyword_ids_;
  std::vector<uint8_t> roles_;  // detector-major: detectors x keywords
  std::array<std::vector<MatchTarget>, kNumStreamDbs> targets_;
  // A compiled lexicon's spellings (DetectorDef::spellings with a
  // fingerprint) take the literal database's last ids, one range per
  // detector in order: their targets are computed from the id, so that
  // 131k of them are neither stored nor copied into a plan at start-up.
  struct SpelledRange {
    uint32_t first_id = 0;
    uint32_t detector = 0;
  };
  std::vector<SpelledRange> spelled_;
  WordLexicon words_;
  std::array<DatabasePtr, kNumStreamDbs> dbs_;
  DatabasePtr anchored_db_;               // block mode, custom regexes
  std::vector<uint32_t> anchored_owner_;  // anchored id -> detector
  uint64_t fingerprint_ = 0;

  size_t max_width_ = 0;
  size_t max_keyword_ = 0;
  size_t max_before_ = 0;
  size_t max_after_ = 0;
  CallOptions default_call_;

  ScratchPtr prototype_scratch_;
  mutable std::mutex scratch_mu_;
  mutable std::vector<ScratchPtr> free_scratch_;
};

// A scratch space of `engine` for the lifetime of the lease; get() is null
// when Hyperscan could not allocate one.
class ScratchLease {
 public:
  explicit ScratchLease(const Engine& engine)
      : engine_(engine), scratch_(engine.AcquireScratch()) {}
  ~ScratchLease() { engine_.ReleaseScratch(scratch_); }
  ScratchLease(const ScratchLease&) = delete;
  ScratchLease& operator=(const ScratchLease&) = delete;

  hs_scratch_t* get() const { return scratch_; }

 private:
  const Engine& engine_;
  hs_scratch_t* scratch_;
};

}  // namespace vigie::internal

#endif  // VIGIE_LIB_SCAN_ENGINE_H_
