// SPDX-License-Identifier: Apache-2.0
// Building an Engine: turn detector definitions into a plan of patterns per
// database, compile (or load) the databases, and size the scratch.
#include "scan/engine.h"

#include <absl/container/flat_hash_map.h>
#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <span>

#include "scan/cache.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "vigie/version.h"

namespace vigie::internal {
namespace {

constexpr size_t kMaxCustomWidth = 512;
constexpr char kMagic[8] = {'V', 'I', 'G', 'I', 'E', 'D', 'B', '1'};
constexpr size_t kNumDatabases = kNumStreamDbs + 1;  // the stream dbs + anchored

// The fingerprint of a plan: a stable 64-bit hash (the same in every
// process and build), eight bytes a step, since a plan holds megabytes of
// spellings. Not cryptographic: it tells plans apart, it defends nothing.
uint64_t Mix(uint64_t h, uint64_t word) {
  h ^= word;
  h *= 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 29);
}

uint64_t Mix(uint64_t h, std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word = 0;
    std::memcpy(&word, s.data() + i, 8);
    h = Mix(h, word);
  }
  uint64_t tail = 0;
  if (i < s.size()) std::memcpy(&tail, s.data() + i, s.size() - i);
  return Mix(Mix(h, tail), s.size());
}

void AppendU64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

bool ReadU64(std::string_view& in, uint64_t& v) {
  if (in.size() < 8) return false;
  v = 0;
  for (int i = 0; i < 8; ++i)
    v |= static_cast<uint64_t>(static_cast<unsigned char>(in[i])) << (8 * i);
  in.remove_prefix(8);
  return true;
}

// The leftmost-start search for custom regexes scans each possible start.
struct AnchoredProbe {
  unsigned wanted_length;
  const std::vector<uint32_t>* owner;
  uint32_t detector;
  bool found;
};

int OnAnchoredMatch(unsigned id, unsigned long long /*from*/, unsigned long long to,
                    unsigned /*flags*/, void* ctx) {
  auto* probe = static_cast<AnchoredProbe*>(ctx);
  if (to == probe->wanted_length && (*probe->owner)[id] == probe->detector) {
    probe->found = true;
    return 1;  // stop
  }
  return 0;
}

// A serialized database rebuilt in memory of its own: a mapping advised
// to use huge pages, so that the 13 MB of the health lexicons cost a few
// page faults at start-up instead of three thousand. Null when the bytes
// are no database or memory cannot be had.
DatabasePtr DeserializeMapped(std::string_view bytes) {
  size_t size = 0;
  if (hs_serialized_database_size(bytes.data(), bytes.size(), &size) != HS_SUCCESS || size == 0) {
    return DatabasePtr(nullptr, DatabaseFree{});
  }
  constexpr size_t kHugePage = size_t{2} << 20;
  size_t mapped = (size + kHugePage - 1) / kHugePage * kHugePage;
  void* memory =
      ::mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (memory == MAP_FAILED) return DatabasePtr(nullptr, DatabaseFree{});
  ::madvise(memory, mapped, MADV_HUGEPAGE);  // a hint: without it, small pages
  auto* db = static_cast<hs_database_t*>(memory);
  if (hs_deserialize_database_at(bytes.data(), bytes.size(), db) != HS_SUCCESS) {
    ::munmap(memory, mapped);
    return DatabasePtr(nullptr, DatabaseFree{});
  }
  return DatabasePtr(db, DatabaseFree{mapped});
}

}  // namespace

void DatabaseFree::operator()(hs_database_t* db) const {
  if (mapped != 0) {
    ::munmap(db, mapped);
  } else {
    hs_free_database(db);
  }
}

Located LeftmostStart(std::string_view text, size_t earliest, size_t end, size_t min_width,
                      const std::function<Verdict(std::string_view)>& judge) {
  if (end < min_width) return {};
  for (size_t s = earliest; s + min_width <= end; ++s) {
    if (text::WordCharBefore(text, s)) continue;
    if (s > 0 && text[s - 1] == '+') continue;
    // A match starts on a letter, a digit, '+' or '(': never on a separator
    // that a validator would strip.
    unsigned char first = static_cast<unsigned char>(text[s]);
    if (first < 0x80 && !text::IsAsciiAlnum(text[s]) && first != '+' && first != '(') continue;
    Verdict verdict = judge(text.substr(s, end - s));
    if (verdict.status != Verdict::Status::kReject) return {s, std::move(verdict)};
  }
  return {};
}

// What each database is compiled from. Expressions are views: into the
// detectors (which the engine keeps), into the embedded lexicons, or into
// `owned` for those made here, so that a plan of 131k spellings costs no
// copy of them.
struct Engine::Plan {
  struct Entry {
    std::string_view expression;  // NUL-terminated for regexes (hs_compile_multi)
    unsigned flags = 0;
  };
  std::array<std::vector<Entry>, kNumStreamDbs> stream;
  std::vector<Entry> anchored;
  std::deque<std::string> owned;
  // The lexicons' spellings that the literal database matches (those that
  // end on no word character), with their ids: they follow its entries.
  struct Spelled {
    std::string_view spelling;
    unsigned id = 0;
  };
  std::vector<Spelled> spelled;

  bool HasDatabase(DbRole db) const {
    return !stream[db].empty() || (db == kLiteralDb && !spelled.empty());
  }

  std::string_view Own(std::string expression) { return owned.emplace_back(std::move(expression)); }
};

Result<std::shared_ptr<const Engine>> Engine::Build(DetectorSet set, const ScanOptions& options,
                                                    const std::string_view* serialized,
                                                    const CacheOptions* cache) {
  using R = Result<std::shared_ptr<const Engine>>;
  std::shared_ptr<Engine> engine(new Engine());
  Plan plan;
  if (auto r = engine->MakePlan(std::move(set), options, plan); !r.ok()) return R::ErrorOf(r);
  auto built = serialized ? engine->Load(plan, *serialized)
               : cache    ? engine->LoadOrCompileCached(plan, *cache)
                          : engine->Compile(plan);
  if (!built.ok()) return R::ErrorOf(built);
  if (auto r = engine->AllocateScratch(); !r.ok()) return R::ErrorOf(r);
  return std::shared_ptr<const Engine>(std::move(engine));
}

Result<bool> Engine::LoadOrCompileCached(const Plan& plan, const CacheOptions& cache) {
  using Event = CacheOptions::Event;
  auto say = [&](Event event, const std::string& message) {
    if (cache.notice) cache.notice(event, message);
  };
  std::string directory = cache.directory.empty() ? DefaultCacheDirectory() : cache.directory;
  if (directory.empty()) return Compile(plan);
  hs_platform_info_t platform{};
  hs_populate_platform(&platform);
  std::string path = CacheFilePath(directory, fingerprint_, platform.cpu_features);
  Result<MappedFile> file = MappedFile::Open(path);
  if (file.ok()) {
    auto loaded = Load(plan, file->bytes());
    if (loaded.ok()) return loaded;
    for (auto& db : dbs_) db.reset();
    anchored_db_.reset();
    say(Event::kReplacing, path + ": " + loaded.error() + "; compiling the detectors again");
  } else {
    say(Event::kCompiling, "compiling the detectors (once: they are kept in " + directory + ")");
  }
  auto compiled = Compile(plan);
  if (!compiled.ok()) return compiled;
  std::string serialized = Serialize();
  if (serialized.empty()) return compiled;
  if (auto saved = WriteFileAtomically(path, serialized); !saved.ok()) {
    say(Event::kCannotSave, "cannot keep the compiled detectors: " + saved.error());
  }
  return compiled;
}

Result<bool> Engine::MakePlan(DetectorSet set, const ScanOptions& options, Plan& plan) {
  using R = Result<bool>;
  if (!(options.min_score >= 0 && options.min_score <= 1)) {
    return R::Error("min_score must lie in [0, 1]");
  }
  if (options.layout == Layout::kDelimited && options.delimiter != 0 && options.delimiter != ';' &&
      options.delimiter != ',' && options.delimiter != '\t') {
    return R::Error("delimiter must be ';', ',' or a tab");
  }
  default_call_ = {options.min_score, options.layout, options.delimiter};

  detectors_ = std::move(set.detectors);
  if (detectors_.empty()) return R::Error("no detector to compile");

  // Literals are deduplicated ignoring ASCII case, since they match caselessly.
  absl::flat_hash_map<std::string, uint32_t>& keyword_ids = keyword_ids_;
  keyword_ids.clear();
  fingerprint_ = Mix(14695981039346656037ULL, std::string_view(VIGIE_VERSION_STRING));
  auto add = [&](DbRole db, std::string_view expression, unsigned flags, MatchTarget target) {
    fingerprint_ = Mix(Mix(Mix(fingerprint_, uint64_t{db}), expression), uint64_t{flags});
    plan.stream[db].push_back({expression, flags});
    targets_[db].push_back(target);
  };
  // A keyword spelling, added once whatever the number of its owners.
  auto keyword = [&](std::string v) -> KeywordDef& {
    std::string key = text::AsciiLowered(v);
    auto [it, inserted] = keyword_ids.emplace(key, static_cast<uint32_t>(keywords_.size()));
    if (inserted) {
      keywords_.push_back({static_cast<uint32_t>(v.size()), {}});
      max_keyword_ = std::max(max_keyword_, v.size());
      add(kLiteralDb, plan.Own(std::move(v)), HS_FLAG_CASELESS,
          {MatchTarget::Type::kKeyword, it->second, static_cast<uint32_t>(key.size())});
    }
    return keywords_[it->second];
  };
  for (uint32_t i = 0; i < detectors_.size(); ++i) {
    DetectorDef& d = detectors_[i];
    size_t width = d.max_width;
    for (const PatternDef& p : d.patterns) {
      unsigned flags = p.caseless ? HS_FLAG_CASELESS : 0;
      hs_expr_info_t* info = nullptr;
      hs_compile_error_t* error = nullptr;
      if (hs_expression_info(p.regex.c_str(), flags, &info, &error) != HS_SUCCESS) {
        std::string message = "detector " + d.kind + ": pattern '" + p.regex +
                              "': " + (error ? error->message : "invalid");
        hs_free_compile_error(error);
        return R::Error(message);
      }
      unsigned max_width = info->max_width, min_width = info->min_width;
      free(info);
      if (min_width == 0) {
        return R::Error("detector " + d.kind + ": pattern '" + p.regex + "' matches empty text");
      }
      if (max_width != UINT_MAX) width = std::max<size_t>(width, max_width);
      if (!d.find_start) {  // custom: must be bounded so that streams stay bounded
        if (max_width == UINT_MAX || max_width > kMaxCustomWidth) {
          return R::Error("detector " + d.kind + ": pattern '" + p.regex +
                          "' may match more than 512 bytes; bound its repeats");
        }
        fingerprint_ = Mix(fingerprint_, p.regex);
        plan.anchored.push_back({plan.Own("^(?:" + p.regex + ")$"), flags | HS_FLAG_SINGLEMATCH});
        anchored_owner_.push_back(i);
      }
      DbRole db = p.shape == Shape::kDigitLed ? kDigitLedDb : kOtherDb;
      add(db, p.regex, flags, {MatchTarget::Type::kCandidate, i, 0});
    }
    for (const std::string& literal : d.literals) {
      for (std::string& v : text::SpellingVariants(literal)) {
        width = std::max(width, v.size());
        auto length = static_cast<uint32_t>(v.size());
        add(kLiteralDb, plan.Own(std::move(v)), HS_FLAG_CASELESS,
            {MatchTarget::Type::kCandidate, i, length});
      }
    }
    if (d.spellings_fingerprint != 0) {
      // Compiled after every other literal (SpelledRange); their widths
      // were measured when the lexicon was compiled.
      fingerprint_ = Mix(Mix(fingerprint_, d.spellings_fingerprint), d.spellings.size());
      if (!d.spellings.empty()) spelled_.push_back({0, i});
      width = std::max(width, d.spellings_width);
    } else {
      for (uint32_t k = 0; k < d.spellings.size(); ++k) {
        std::string_view v = d.spellings[k];
        width = std::max(width, v.size());
        add(kLiteralDb, v, HS_FLAG_CASELESS,
            {MatchTarget::Type::kCandidate, i, static_cast<uint32_t>(v.size()), k, true});
      }
    }
    // Positive, negative, positive as a column's name only, and weak.
    for (int role = 0; role < 4; ++role) {
      const auto& words = role == 0   ? d.keywords
                          : role == 1 ? d.negative_keywords
                          : role == 2 ? d.column_keywords
                                      : d.weak_keywords;
      for (const std::string& word : words) {
        for (std::string& v : text::SpellingVariants(word)) {
          auto& owners = keyword(std::move(v)).owners;
          KeywordOwner owner{i, role != 1, role == 2, role == 3};
          bool known = std::any_of(owners.begin(), owners.end(), [&](const KeywordOwner& o) {
            return o.detector == owner.detector && o.positive == owner.positive &&
                   o.column_only == owner.column_only && o.weak == owner.weak;
          });
          if (!known) owners.push_back(owner);
        }
      }
    }
    d.max_width = width;
    max_width_ = std::max(max_width_, width);
    max_before_ = std::max(max_before_, d.window_before);
    max_after_ = std::max(max_after_, d.window_after);
  }
  {
    using P = QualifierTrigger::Position;
    for (const QualifierTrigger& t : set.triggers) {
      KeywordDef& k = keyword(std::string(t.spelling));
      if (t.position == P::kPseudo) k.pseudo = true;
      if (t.position == P::kBefore || t.position == P::kBoth) k.qualifies_before |= t.qualifier;
      if (t.position == P::kAfter || t.position == P::kBoth) k.qualifies_after |= t.qualifier;
    }
  }
  // The spelled ranges follow the literal database's other entries. A
  // spelling that ends a word goes to the word lexicon, the others to the
  // literal database, under the same ids.
  auto next_id = static_cast<uint32_t>(plan.stream[kLiteralDb].size());
  for (SpelledRange& r : spelled_) {
    r.first_id = next_id;
    const DetectorDef& d = detectors_[r.detector];
    bool keyed = d.spelling_keys.size() == d.spellings.size() &&
                 d.spelling_endings.size() == d.spellings.size();
    if (keyed) words_.AddRange(next_id, d.spellings, d.spelling_keys, d.spelling_endings);
    for (size_t k = 0; k < d.spellings.size(); ++k, ++next_id) {
      if (!keyed || d.spelling_keys[k] == 0) plan.spelled.push_back({d.spellings[k], next_id});
    }
    fingerprint_ = Mix(fingerprint_, uint64_t{keyed});
  }
  words_.Finish();
  fingerprint_ =
      Mix(fingerprint_, std::string_view("spelled ranges last; those ending a word apart"));
  roles_.assign(detectors_.size() * keywords_.size(), 0);
  for (uint32_t k = 0; k < keywords_.size(); ++k) {
    for (const KeywordOwner& o : keywords_[k].owners) {
      if (o.column_only) continue;  // no role in running text
      roles_[static_cast<size_t>(o.detector) * keywords_.size() + k] |= o.weak ? kWeakRole
                                                                        : o.positive
                                                                            ? kPositiveRole
                                                                            : kNegativeRole;
    }
  }
  return true;
}

std::vector<uint32_t> Engine::KeywordsInName(std::string_view name) const {
  constexpr size_t kMaxWords = 4;
  std::vector<std::string> words;
  auto word_byte = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  for (size_t i = 0; i < name.size();) {
    if (!word_byte(name[i])) {
      ++i;
      continue;
    }
    std::string word;
    size_t j = i;
    for (; j < name.size() && word_byte(name[j]); ++j) {
      bool camel =
          j > i && name[j] >= 'A' && name[j] <= 'Z' && name[j - 1] >= 'a' && name[j - 1] <= 'z';
      if (camel) break;
      word.push_back(name[j]);
    }
    words.push_back(text::AsciiLowered(word));
    i = j;
  }
  std::vector<uint32_t> found;
  for (size_t first = 0; first < words.size(); ++first) {
    for (const char* joint : {" ", "-", ""}) {
      std::string run;
      for (size_t last = first; last < words.size() && last < first + kMaxWords; ++last) {
        if (last > first) run += joint;
        run += words[last];
        if (last == first && *joint != ' ') continue;  // one word: looked up once
        auto it = keyword_ids_.find(run);
        if (it != keyword_ids_.end() &&
            std::find(found.begin(), found.end(), it->second) == found.end()) {
          found.push_back(it->second);
        }
      }
    }
  }
  return found;
}

Result<bool> Engine::Compile(const Plan& plan) {
  using R = Result<bool>;
  // `spelled`: the spellings that follow the entries.
  auto compile = [&](const std::vector<Plan::Entry>& entries, bool literal, unsigned mode,
                     std::span<const Plan::Spelled> spelled, DatabasePtr& db) -> R {
    std::vector<const char*> expressions;
    std::vector<unsigned> flags, ids;
    std::vector<size_t> lengths;
    auto push = [&](std::string_view expression, unsigned f, unsigned id) {
      ids.push_back(id);
      expressions.push_back(expression.data());
      lengths.push_back(expression.size());
      flags.push_back(f);
    };
    for (const Plan::Entry& e : entries) {
      push(e.expression, e.flags, static_cast<unsigned>(expressions.size()));
    }
    for (const Plan::Spelled& v : spelled) push(v.spelling, HS_FLAG_CASELESS, v.id);
    hs_compile_error_t* error = nullptr;
    hs_database_t* compiled = nullptr;
    hs_error_t rc =
        literal ? hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lengths.data(),
                                       static_cast<unsigned>(expressions.size()), mode, nullptr,
                                       &compiled, &error)
                : hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                                   static_cast<unsigned>(expressions.size()), mode, nullptr,
                                   &compiled, &error);
    if (rc != HS_SUCCESS) {
      std::string message = "compiling patterns failed";
      if (error) {
        message += ": ";
        message += error->message;
        if (error->expression >= 0 && static_cast<size_t>(error->expression) < expressions.size()) {
          auto at = static_cast<size_t>(error->expression);
          message += " in '" + std::string(expressions[at], lengths[at]) + "'";
        }
      }
      hs_free_compile_error(error);
      return R::Error(rc == HS_NOMEM ? ErrorCode::kResourceExhausted : ErrorCode::kInvalidArgument,
                      message);
    }
    db.reset(compiled);
    return true;
  };
  for (int db = 0; db < kNumStreamDbs; ++db) {
    if (!plan.HasDatabase(static_cast<DbRole>(db))) continue;
    std::span<const Plan::Spelled> spelled;
    if (db == kLiteralDb) spelled = plan.spelled;
    auto r = compile(plan.stream[db], db == kLiteralDb, HS_MODE_STREAM, spelled, dbs_[db]);
    if (!r.ok()) return r;
  }
  if (!plan.anchored.empty()) {
    auto r = compile(plan.anchored, false, HS_MODE_BLOCK, {}, anchored_db_);
    if (!r.ok()) return r;
  }
  return true;
}

// Layout: magic, format of the vigie version, plan fingerprint, CPU
// features, then per database a presence byte, its size and its bytes.
std::string Engine::Serialize() const {
  std::string out(kMagic, sizeof kMagic);
  std::string version = VIGIE_VERSION_STRING;
  AppendU64(out, version.size());
  out += version;
  AppendU64(out, fingerprint_);
  hs_platform_info_t platform{};
  hs_populate_platform(&platform);
  AppendU64(out, platform.cpu_features);
  std::array<const hs_database_t*, kNumDatabases> all{};
  for (int db = 0; db < kNumStreamDbs; ++db) all[db] = dbs_[db].get();
  all[kNumStreamDbs] = anchored_db_.get();
  for (const hs_database_t* db : all) {
    if (!db) {
      AppendU64(out, 0);
      continue;
    }
    char* bytes = nullptr;
    size_t length = 0;
    if (hs_serialize_database(db, &bytes, &length) != HS_SUCCESS) return {};
    AppendU64(out, length);
    out.append(bytes, length);
    free(bytes);
  }
  return out;
}

Result<bool> Engine::Load(const Plan& plan, std::string_view in) {
  using R = Result<bool>;
  auto corrupt = [](std::string_view message) { return R::Error(ErrorCode::kCorrupt, message); };
  if (in.size() < sizeof kMagic || std::memcmp(in.data(), kMagic, sizeof kMagic) != 0) {
    return corrupt("not a vigie database");
  }
  in.remove_prefix(sizeof kMagic);
  uint64_t version_length = 0;
  if (!ReadU64(in, version_length) || version_length > 64 || in.size() < version_length) {
    return corrupt("truncated vigie database");
  }
  std::string_view version = in.substr(0, version_length);
  in.remove_prefix(version_length);
  if (version != VIGIE_VERSION_STRING) {
    return R::Error(ErrorCode::kVersionMismatch, "database built by vigie " + std::string(version) +
                                                     ", this is vigie " + VIGIE_VERSION_STRING +
                                                     ": compile it again");
  }
  uint64_t fingerprint = 0, features = 0;
  if (!ReadU64(in, fingerprint) || !ReadU64(in, features)) {
    return corrupt("truncated vigie database");
  }
  if (fingerprint != fingerprint_) {
    return R::Error(ErrorCode::kOptionsMismatch,
                    "database was built with other detectors or options than these");
  }
  hs_platform_info_t platform{};
  hs_populate_platform(&platform);
  if ((features & ~platform.cpu_features) != 0) {
    return R::Error(ErrorCode::kCpuMismatch,
                    "database was built for CPU features this machine lacks (AVX2/AVX-512)");
  }
  std::array<DatabasePtr*, kNumDatabases> slots{};
  for (int db = 0; db < kNumStreamDbs; ++db) slots[db] = &dbs_[db];
  slots[kNumStreamDbs] = &anchored_db_;
  for (size_t i = 0; i < kNumDatabases; ++i) {
    uint64_t length = 0;
    if (!ReadU64(in, length) || in.size() < length) return corrupt("truncated vigie database");
    bool expected =
        i < kNumStreamDbs ? plan.HasDatabase(static_cast<DbRole>(i)) : !plan.anchored.empty();
    if ((length != 0) != expected) {
      return R::Error(ErrorCode::kOptionsMismatch, "database does not match these detectors");
    }
    if (length == 0) continue;
    *slots[i] = DeserializeMapped(in.substr(0, length));
    if (!*slots[i]) return corrupt("corrupt vigie database");
    in.remove_prefix(length);
  }
  if (!in.empty()) return corrupt("trailing bytes after the vigie database");
  return true;
}

MatchTarget Engine::SpelledTarget(unsigned id) const {
  // The last range that starts at or before `id` (ids past every range
  // are never reported: the databases were compiled from this plan).
  auto it = std::upper_bound(spelled_.begin(), spelled_.end(), id,
                             [](unsigned at, const SpelledRange& r) { return at < r.first_id; });
  const SpelledRange& r = *(it - 1);
  uint32_t k = id - r.first_id;
  return {MatchTarget::Type::kCandidate, r.detector,
          static_cast<uint32_t>(detectors_[r.detector].spellings[k].size()), k, true};
}

Result<bool> Engine::AllocateScratch() {
  hs_scratch_t* scratch = nullptr;
  auto allocate = [&](const DatabasePtr& db) {
    return !db || hs_alloc_scratch(db.get(), &scratch) == HS_SUCCESS;
  };
  bool ok = std::all_of(dbs_.begin(), dbs_.end(), allocate) && allocate(anchored_db_);
  prototype_scratch_.reset(scratch);
  if (!ok) {
    return Result<bool>::Error(ErrorCode::kResourceExhausted,
                               "cannot allocate Hyperscan scratch (platform not supported?)");
  }
  return true;
}

Engine::~Engine() = default;

hs_scratch_t* Engine::AcquireScratch() const {
  {
    std::lock_guard<std::mutex> lock(scratch_mu_);
    if (!free_scratch_.empty()) {
      hs_scratch_t* s = free_scratch_.back().release();
      free_scratch_.pop_back();
      return s;
    }
  }
  hs_scratch_t* s = nullptr;
  if (hs_clone_scratch(prototype_scratch_.get(), &s) != HS_SUCCESS) return nullptr;
  return s;
}

void Engine::ReleaseScratch(hs_scratch_t* scratch) const {
  if (!scratch) return;
  std::lock_guard<std::mutex> lock(scratch_mu_);
  free_scratch_.emplace_back(scratch);
}

size_t Engine::AnchoredStart(uint32_t detector, std::string_view text, size_t earliest,
                             size_t end) const {
  if (!anchored_db_) return std::string_view::npos;
  ScratchLease scratch(*this);
  if (!scratch.get()) return std::string_view::npos;
  size_t found = std::string_view::npos;
  for (size_t s = earliest; s < end; ++s) {
    if (text::WordCharBefore(text, s)) continue;
    AnchoredProbe probe{static_cast<unsigned>(end - s), &anchored_owner_, detector, false};
    hs_scan(anchored_db_.get(), text.data() + s, static_cast<unsigned>(end - s), 0, scratch.get(),
            OnAnchoredMatch, &probe);
    if (probe.found) {
      found = s;
      break;
    }
  }
  return found;
}

}  // namespace vigie::internal
