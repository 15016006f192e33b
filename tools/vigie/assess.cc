// SPDX-License-Identifier: Apache-2.0
// The assessment behind `vigie report` (assess.h).
//
// Records: each input's text goes through a RecordProfile (rows, JSON
// lines, paragraphs) and its findings are grouped by RecordOf; a record is
// summed up when the next begins. People: the identifiers of each record
// (NIR, INS, e-mail, phone, IBAN, a name with a date of birth) become nodes
// keyed by a SipHash of kind and value under a key drawn for the run; the
// records' nodes are joined by union-find at the end. An identifier met
// with two different NIRs (a family's line, a laboratory's address,
// homonyms born the same day), or a contact met with two names with birth
// dates, belongs to several people: it joins no one and counts as no one.
#include "assess.h"

#include <absl/container/flat_hash_map.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <ctime>
#include <map>
#include <numeric>
#include <optional>
#include <stdexcept>

#include "vigie/health.h"
#include "vigie/records.h"
#include "vigie/version.h"

namespace vigie::cli {
namespace {

using nlohmann::json;

// ---------------------------------------------------------------------------
// Keyed hashes and distinct counts.

// SipHash-2-4 (OpenSSL's EVP_MAC) under a 128-bit key drawn for the run:
// 64 bits per value, so that 10 million values collide with a chance of
// about one in 370,000.
class KeyedHash {
 public:
  KeyedHash() {
    unsigned char key[16];
    if (RAND_bytes(key, sizeof key) != 1) throw std::runtime_error("no random key for the hashes");
    mac_ = EVP_MAC_fetch(nullptr, "SIPHASH", nullptr);
    ctx_ = mac_ != nullptr ? EVP_MAC_CTX_new(mac_) : nullptr;
    size_t size = 8;
    OSSL_PARAM params[] = {OSSL_PARAM_construct_size_t(OSSL_MAC_PARAM_SIZE, &size),
                           OSSL_PARAM_construct_end()};
    if (ctx_ == nullptr || EVP_MAC_init(ctx_, key, sizeof key, params) != 1) {
      throw std::runtime_error("OpenSSL has no SipHash");
    }
    OPENSSL_cleanse(key, sizeof key);
  }
  KeyedHash(const KeyedHash&) = delete;
  KeyedHash& operator=(const KeyedHash&) = delete;
  ~KeyedHash() {
    EVP_MAC_CTX_free(ctx_);
    EVP_MAC_free(mac_);
  }

  uint64_t operator()(std::string_view kind, std::string_view value) {
    unsigned char out[8];
    size_t length = 0;
    const unsigned char zero = 0;
    // A null key starts over with the key given first.
    if (EVP_MAC_init(ctx_, nullptr, 0, nullptr) != 1 ||
        EVP_MAC_update(ctx_, reinterpret_cast<const unsigned char*>(kind.data()), kind.size()) !=
            1 ||
        EVP_MAC_update(ctx_, &zero, 1) != 1 ||
        EVP_MAC_update(ctx_, reinterpret_cast<const unsigned char*>(value.data()), value.size()) !=
            1 ||
        EVP_MAC_final(ctx_, out, &length, sizeof out) != 1 || length != sizeof out) {
      throw std::runtime_error("SipHash failed");
    }
    uint64_t h = 0;
    for (unsigned char b : out) h = h << 8 | b;
    return h;
  }

 private:
  EVP_MAC* mac_ = nullptr;
  EVP_MAC_CTX* ctx_ = nullptr;
};

// HyperLogLog (Flajolet et al., 2007) with 2^14 registers: a distinct
// count with a standard error of 1.04 / 128, about 0.8 %, in 16 KiB,
// over hashes that are already uniform.
class DistinctEstimate {
 public:
  static constexpr int kBits = 14;
  static constexpr double kStandardError = 1.04 / 128.0;

  void Add(uint64_t hash) {
    size_t index = hash >> (64 - kBits);
    uint64_t rest = hash << kBits;
    uint8_t rank = rest == 0 ? 64 - kBits + 1 : static_cast<uint8_t>(__builtin_clzll(rest) + 1);
    registers_[index] = std::max(registers_[index], rank);
  }

  double Estimate() const {
    constexpr double m = 1 << kBits;
    double sum = 0;
    int zeros = 0;
    for (uint8_t r : registers_) {
      sum += std::ldexp(1.0, -r);
      zeros += r == 0;
    }
    double raw = (0.7213 / (1 + 1.079 / m)) * m * m / sum;
    if (raw <= 2.5 * m && zeros > 0) return m * std::log(m / zeros);  // linear counting
    return raw;
  }

 private:
  std::array<uint8_t, size_t{1} << kBits> registers_{};
};

// ---------------------------------------------------------------------------
// What identifies a person.

enum class IdType : uint8_t { kNir, kIns, kEmail, kPhone, kIban, kNameBirth, kNameOnly, kCount };
constexpr size_t kIdTypes = static_cast<size_t>(IdType::kCount);

// The name of each type in the JSON; kNameOnly is no identifier (a name
// without a date of birth or any other identifier in its record joins the
// records that share it and address, and is counted only as a last resort).
constexpr std::array<std::string_view, kIdTypes> kIdNames = {
    "FR_NIR",   "FR_INS", "EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE", "NAME_AND_BIRTH_DATE",
    "NAME_ONLY"};

bool IsContact(IdType t) {
  return t == IdType::kEmail || t == IdType::kPhone || t == IdType::kIban;
}

std::optional<IdType> IdTypeOf(std::string_view kind) {
  if (kind == "FR_NIR") return IdType::kNir;
  if (kind == "FR_INS") return IdType::kIns;
  if (kind == "EMAIL_ADDRESS") return IdType::kEmail;
  if (kind == "PHONE_NUMBER") return IdType::kPhone;
  if (kind == "IBAN_CODE") return IdType::kIban;
  return std::nullopt;
}

constexpr uint32_t kNone = UINT32_MAX;

// ---------------------------------------------------------------------------
// Special categories: what of a record's health findings GDPR and the
// public most fear to see exposed, shown apart.

enum Topic : uint8_t { kHiv, kSexualHealth, kPregnancy, kMentalHealth, kDisability, kTopics };
constexpr std::array<std::string_view, kTopics> kTopicNames = {"hiv", "sexual_health", "pregnancy",
                                                               "mental_health", "disability"};

// The kinds HEALTH_SEXUAL, HEALTH_PREGNANCY, HEALTH_MENTAL and
// HEALTH_DISABILITY give their topic; these stems of the folded values
// (lower case, no accents, as health findings' values are) put a finding
// of another kind under one too (a drug, a condition).
constexpr std::array<std::string_view, 6> kHivStems = {"vih",  "hiv",  "sida",
                                                       "aids", "prep", "antiretrovir"};
constexpr std::array<std::string_view, 26> kMentalStems = {
    "depress",     "schizophr",  "bipolaire",  "psychos",        "psychiatr",   "psychotique",
    "anxieu",      "anxiete",    "suicid",     "autis",          "anorexie",    "boulimi",
    "addict",      "alcoolisme", "toxicoman",  "trouble obsess", "antidepress", "neurolept",
    "antipsychot", "lithium",    "olanzapine", "risperidone",    "quetiapine",  "aripiprazole",
    "haloperidol", "sertraline"};
constexpr std::array<std::string_view, 14> kDisabilityStems = {
    "handicap",     "invalidit",        "parapleg",   "tetrapleg", "hemipleg",
    "cecite",       "surdite",          "malvoyan",   "trisomie",  "infirmite",
    "polyhandicap", "fauteuil roulant", "deficience", "mdph"};

template <size_t N>
bool HasStem(std::string_view value, const std::array<std::string_view, N>& stems) {
  return std::any_of(stems.begin(), stems.end(), [&](std::string_view s) {
    size_t at = value.find(s);
    // A stem starts a word.
    return at != std::string_view::npos &&
           (at == 0 || !std::isalnum(static_cast<unsigned char>(value[at - 1])));
  });
}

uint32_t TopicsOf(const Finding& f) {
  uint32_t topics = 0;
  if (f.category != Category::kHealth) return 0;
  if (f.kind == "HEALTH_SEXUAL") topics |= 1u << kSexualHealth;
  if (f.kind == "HEALTH_PREGNANCY") topics |= 1u << kPregnancy;
  if (f.kind == "HEALTH_MENTAL") topics |= 1u << kMentalHealth;
  if (f.kind == "HEALTH_DISABILITY") topics |= 1u << kDisability;
  if (HasStem(f.value, kHivStems)) topics |= 1u << kHiv | 1u << kSexualHealth;
  if (HasStem(f.value, kMentalStems)) topics |= 1u << kMentalHealth;
  if (HasStem(f.value, kDisabilityStems)) topics |= 1u << kDisability;
  return topics;
}

// A name for comparisons: lower case, single spaces.
std::string FoldName(std::string_view name) {
  std::string out;
  if (std::all_of(name.begin(), name.end(), [](char c) { return (c & 0x80) == 0; })) {
    out.assign(name);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  } else {
    icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())))
        .toLower()
        .toUTF8String(out);
  }
  std::string folded;
  for (char c : out) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-';
    if (space) {
      if (!folded.empty() && folded.back() != ' ') folded.push_back(' ');
    } else {
      folded.push_back(c);
    }
  }
  while (!folded.empty() && folded.back() == ' ') folded.pop_back();
  return folded;
}

// Kinds tracked per person: the first 64 met (a bit each; the built-in
// detectors have 31 kinds).
constexpr size_t kMaskKinds = 64;
using KindMask = uint64_t;

}  // namespace

// ---------------------------------------------------------------------------

struct Assessment::State {
  explicit State(const AssessOptions& o) : options(o) {}

  AssessOptions options;
  KeyedHash hash;
  json result;

  // Kinds, in the order met.
  struct KindStats {
    std::string name;
    Category category = Category::kIdentity;
    uint64_t findings = 0;
    uint64_t records = 0;
  };
  std::vector<KindStats> kinds;
  absl::flat_hash_map<std::string, uint16_t> kind_index;
  // The topics of the health kinds and values met.
  static constexpr size_t kMaxCachedTopics = 1 << 16;
  absl::flat_hash_map<std::string, uint8_t> topics_of;

  uint16_t KindIndex(const Finding& f) {
    auto it = kind_index.find(f.kind);
    if (it != kind_index.end()) return it->second;
    auto index = static_cast<uint16_t>(kinds.size());
    kinds.push_back({f.kind, f.category});
    kind_index.emplace(f.kind, index);
    return index;
  }

  // Identifier nodes.
  absl::flat_hash_map<uint64_t, uint32_t> node_of;
  std::vector<IdType> node_type;
  // Per node: the NIR node and name-with-birth node first met in its
  // records (a contact's owner), or kNone; and whether another was met.
  std::vector<uint32_t> node_nir;
  std::vector<uint32_t> node_name;
  std::vector<bool> node_shared;
  std::array<DistinctEstimate, kIdTypes> estimates;
  bool overflow = false;

  // Records that hold identifiers, kept for the union at the end: their
  // nodes (flat), kinds and topics.
  struct KeptRecord {
    uint32_t first_node = 0;  // into kept_nodes
    uint16_t node_count = 0;
    uint8_t topics = 0;
    bool health = false;
    KindMask kinds = 0;
  };
  std::vector<KeptRecord> kept;
  std::vector<uint32_t> kept_nodes;

  // Totals over records.
  uint64_t records_with_findings = 0;
  uint64_t records_health = 0;
  uint64_t records_without_identifier = 0;
  std::array<uint64_t, kTopics> topic_records{};
  std::map<std::string, uint64_t> unit_records;  // records per unit name
  // Records holding both a name and a date of birth, or an identity number.
  uint64_t records_direct = 0;
  uint64_t records_name_contact = 0;
  uint64_t records_name = 0;
  uint64_t records_contact = 0;
  std::array<uint64_t, 4> category_records{};

  // The record being read.
  struct Record {
    bool open = false;
    uint64_t key = 0;
    std::vector<uint16_t> kinds;
    uint32_t topics = 0;
    std::vector<Finding> health;
    std::vector<std::pair<IdType, std::string>> ids;
    std::vector<std::string> names;
    std::string birth;
    std::string address;
    bool direct_id = false;  // NIR, INS, identity card, passport
    bool contact = false;

    // Empty again, its vectors' memory kept for the next record.
    void Reset() {
      open = false;
      kinds.clear();
      topics = 0;
      health.clear();
      ids.clear();
      names.clear();
      birth.clear();
      address.clear();
      direct_id = contact = false;
    }
  };
  Record record;
  std::vector<uint32_t> record_nodes;  // Summarize's, kept to reuse its memory
  // In running text, a paragraph without identifiers belongs to the
  // person of the one before it (a letter's results follow its patient).
  std::vector<uint32_t> last_nodes;

  // Files.
  struct ColumnStats {
    struct Kind {
      uint64_t findings = 0;
      uint64_t records = 0;
      uint64_t last_record = UINT64_MAX;
    };
    std::vector<Kind> kinds;  // by kind index
    std::string sample;
  };
  struct FileStats {
    std::string path;
    std::unique_ptr<RecordProfile> profile;
    uint64_t bytes = 0;  // of text read
    uint64_t findings = 0;
    uint64_t records_with_findings = 0;
    uint64_t records_health = 0;
    std::vector<ColumnStats> columns;  // by field, kMaxColumns at most
  };
  FileStats file;
  json files = json::array();
  json errors = json::array();
  json skipped = json::array();

  void StartFile(std::string_view path) {
    if (file.profile && file.path == path) return;
    file = FileStats{};
    file.path = std::string(path);
    file.profile = std::make_unique<RecordProfile>(options.call);
    last_nodes.clear();
  }

  void Add(const Finding& f) {
    uint64_t key = file.profile->RecordOf(f);
    if (!record.open || record.key != key) {
      CloseRecord();
      record.open = true;
      record.key = key;
    }
    uint16_t k = KindIndex(f);
    ++kinds[k].findings;
    ++file.findings;
    if (std::find(record.kinds.begin(), record.kinds.end(), k) == record.kinds.end()) {
      record.kinds.push_back(k);
    }
    if (f.field < RecordProfile::kMaxColumns) {
      if (file.columns.size() <= f.field) file.columns.resize(f.field + 1);
      ColumnStats& column = file.columns[f.field];
      if (column.kinds.size() <= k) column.kinds.resize(k + 1);
      ColumnStats::Kind& in = column.kinds[k];
      ++in.findings;
      if (in.last_record != key) {
        ++in.records;
        in.last_record = key;
      }
      if (column.sample.empty()) {
        column.sample = options.show_values ? f.value : MaskValue(f.value);
      }
    }
    if (f.category == Category::kHealth) {
      record.health.push_back(f);
      // The lexicons' canonical forms come back again and again (words
      // guessed from their suffix may not: the cache stops growing).
      std::string value_key = f.kind + '\0' + f.value;
      auto it = topics_of.find(value_key);
      if (it == topics_of.end()) {
        auto topics = static_cast<uint8_t>(TopicsOf(f));
        record.topics |= topics;
        if (topics_of.size() < kMaxCachedTopics) topics_of.emplace(std::move(value_key), topics);
      } else {
        record.topics |= it->second;
      }
      return;
    }
    if (std::optional<IdType> t = IdTypeOf(f.kind)) {
      record.ids.emplace_back(*t, f.value);
      record.direct_id = record.direct_id || *t == IdType::kNir || *t == IdType::kIns;
      record.contact = record.contact || IsContact(*t);
    } else if (f.kind == "PERSON") {
      if (f.context != "HEALTH_PROVIDER") record.names.push_back(FoldName(f.value));
    } else if (f.kind == "DATE_OF_BIRTH") {
      if (record.birth.empty()) record.birth = f.value;
    } else if (f.kind == "FR_POSTAL_ADDRESS") {
      if (record.address.empty()) record.address = f.value;
      record.contact = true;
    } else if (f.kind == "FR_CNI" || f.kind == "FR_PASSPORT") {
      record.direct_id = true;
    }
  }

  uint32_t Node(IdType type, std::string_view value) {
    uint64_t h = hash(kIdNames[static_cast<size_t>(type)], value);
    estimates[static_cast<size_t>(type)].Add(h);
    // The hash covers the type's name: equal values of two types are two
    // nodes.
    auto it = node_of.find(h);
    if (it != node_of.end() && node_type[it->second] == type) return it->second;
    if (it != node_of.end() || node_type.size() >= options.exact_values) {
      // A collision of two types (one in 2^64), or past the exact count.
      overflow = overflow || it == node_of.end();
      return kNone;
    }
    auto node = static_cast<uint32_t>(node_type.size());
    node_of.emplace(h, node);
    node_type.push_back(type);
    node_nir.push_back(kNone);
    node_name.push_back(kNone);
    node_shared.push_back(false);
    return node;
  }

  void CloseRecord() {
    if (!record.open) return;
    Summarize(record);
    record.Reset();
  }

  void Summarize(Record& r) {
    ++records_with_findings;
    ++file.records_with_findings;
    uint8_t categories = 0;
    for (uint16_t k : r.kinds) {
      ++kinds[k].records;
      categories |= static_cast<uint8_t>(1u << static_cast<unsigned>(kinds[k].category));
    }
    for (size_t c = 0; c < category_records.size(); ++c)
      category_records[c] += (categories >> c) & 1;
    bool health = !r.health.empty() && HealthScore(r.health) >= kHealthThreshold;
    if (health) {
      ++records_health;
      ++file.records_health;
    } else {
      r.topics = 0;  // care and cover alone, or weak words: no topic
    }
    for (size_t t = 0; t < kTopics; ++t) topic_records[t] += (r.topics >> t) & 1;

    // Identifiers.
    std::sort(r.names.begin(), r.names.end());
    r.names.erase(std::unique(r.names.begin(), r.names.end()), r.names.end());
    std::string name;
    for (const std::string& n : r.names) name += (name.empty() ? "" : " ") + n;
    std::vector<uint32_t>& nodes = record_nodes;
    nodes.clear();
    for (const auto& [type, value] : r.ids) nodes.push_back(Node(type, value));
    if (!name.empty() && !r.birth.empty())
      nodes.push_back(Node(IdType::kNameBirth, name + '\0' + r.birth));
    bool direct = r.direct_id || (!name.empty() && !r.birth.empty());
    if (direct) {
      ++records_direct;
    } else if (!name.empty() && r.contact) {
      ++records_name_contact;
    } else if (!name.empty()) {
      ++records_name;
    } else if (r.contact) {
      ++records_contact;
    }
    // Identifiers past the exact count are no nodes: their record is no
    // record without an identifier.
    bool past_limit = std::find(nodes.begin(), nodes.end(), kNone) != nodes.end();
    std::erase(nodes, kNone);
    std::sort(nodes.begin(), nodes.end());
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
    if (nodes.empty() && !name.empty()) {
      nodes.push_back(Node(IdType::kNameOnly, name + '\0' + FoldName(r.address)));
    }
    std::erase(nodes, kNone);
    bool paragraph = file.profile->unit() == RecordUnit::kParagraph;
    if (nodes.empty() && paragraph && !last_nodes.empty()) nodes = last_nodes;
    if (nodes.empty()) {
      if (!past_limit) ++records_without_identifier;
      return;
    }
    if (paragraph) last_nodes = nodes;
    // An identifier met with two NIRs (a contact, a name with a birth date:
    // homonyms born the same day), or a contact met with two names with
    // birth dates, is shared: it joins no one.
    uint32_t nir = kNone;
    uint32_t owner_name = kNone;
    for (uint32_t n : nodes) {
      if (node_type[n] == IdType::kNir && nir == kNone) nir = n;
      if (node_type[n] == IdType::kNameBirth && owner_name == kNone) owner_name = n;
    }
    for (uint32_t n : nodes) {
      IdType type = node_type[n];
      if (nir != kNone && type != IdType::kNir && type != IdType::kIns) {
        if (node_nir[n] == kNone) node_nir[n] = nir;
        if (node_nir[n] != nir) node_shared[n] = true;
      }
      if (owner_name != kNone && IsContact(type)) {
        if (node_name[n] == kNone) node_name[n] = owner_name;
        if (node_name[n] != owner_name) node_shared[n] = true;
      }
    }
    KeptRecord kept_record;
    kept_record.first_node = static_cast<uint32_t>(kept_nodes.size());
    size_t count = std::min<size_t>(nodes.size(), UINT16_MAX);
    kept_record.node_count = static_cast<uint16_t>(count);
    kept_nodes.insert(kept_nodes.end(), nodes.begin(), nodes.begin() + static_cast<long>(count));
    kept_record.topics = static_cast<uint8_t>(r.topics);
    kept_record.health = health;
    for (uint16_t k : r.kinds) {
      if (k < kMaskKinds) kept_record.kinds |= KindMask{1} << k;
    }
    kept.push_back(kept_record);
  }

  void FinishFile(const FileReport& report) {
    CloseRecord();
    file.profile->Finish();
    const RecordProfile& p = *file.profile;
    std::string unit(RecordUnitName(p.unit()));
    unit_records[unit] += p.records();
    json j = {{"path", file.path},
              {"bytes", std::max(report.bytes, file.bytes)},
              {"layout", p.unit() == RecordUnit::kRow      ? "delimited"
                         : p.unit() == RecordUnit::kObject ? "json"
                                                           : "text"},
              {"record_unit", unit},
              {"records", p.records()},
              {"records_with_findings", file.records_with_findings},
              {"records_revealing_health", file.records_health},
              {"findings", file.findings}};
    if (p.unit() == RecordUnit::kRow) {
      j["delimiter"] = std::string(1, p.delimiter());
      j["header"] = p.header();
      json columns = json::array();
      size_t count = std::max(p.columns().size(), file.columns.size());
      count = std::min(count, RecordProfile::kMaxColumns);
      for (size_t c = 0; c < count; ++c) {
        json column = {{"index", c}};
        ColumnProfile profile = c < p.columns().size() ? p.columns()[c] : ColumnProfile{};
        column["name"] = profile.name;
        column["filled"] = profile.filled;
        column["fill_rate"] =
            p.records() > 0
                ? Round(static_cast<double>(profile.filled) / static_cast<double>(p.records()))
                : 0.0;
        json kinds_in = json::array();
        if (c < file.columns.size()) {
          const ColumnStats& stats = file.columns[c];
          for (size_t k = 0; k < stats.kinds.size(); ++k) {
            const ColumnStats::Kind& in = stats.kinds[k];
            if (in.findings == 0) continue;
            kinds_in.push_back(
                {{"kind", kinds[k].name},
                 {"findings", in.findings},
                 {"records", in.records},
                 {"share", profile.filled > 0
                               ? Round(std::min(1.0, static_cast<double>(in.records) /
                                                         static_cast<double>(profile.filled)))
                               : 0.0}});
          }
          if (!stats.sample.empty()) column["sample"] = stats.sample;
        }
        std::sort(kinds_in.begin(), kinds_in.end(), [](const json& a, const json& b) {
          return a["records"].get<uint64_t>() > b["records"].get<uint64_t>();
        });
        column["kinds"] = std::move(kinds_in);
        columns.push_back(std::move(column));
      }
      j["columns"] = std::move(columns);
    }
    files.push_back(std::move(j));
    file = FileStats{};
    last_nodes.clear();
  }

  static double Round(double x) { return std::round(x * 10000.0) / 10000.0; }

  // ---- people

  struct People {
    uint64_t persons = 0;
    std::vector<uint64_t> kind_persons;
    std::array<uint64_t, kTopics> topic_persons{};
    std::array<uint64_t, 4> category_persons{};
    uint64_t health_persons = 0;
  };

  People CountPeople() {
    const size_t n = node_type.size();
    std::vector<uint32_t> parent(n);
    std::iota(parent.begin(), parent.end(), 0u);
    auto find = [&](uint32_t x) {
      while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    };
    auto joins = [&](uint32_t node) { return !node_shared[node]; };
    for (const KeptRecord& r : kept) {
      uint32_t first = kNone;
      for (uint32_t i = 0; i < r.node_count; ++i) {
        uint32_t node = kept_nodes[r.first_node + i];
        if (!joins(node)) continue;
        if (first == kNone) {
          first = find(node);
        } else {
          uint32_t root = find(node);
          if (root != first) parent[root] = first;
        }
      }
    }
    // Each person's kinds and topics, the union of their records', kept at
    // their root. What only the pass needed is freed first.
    absl::flat_hash_map<uint64_t, uint32_t>().swap(node_of);
    std::vector<uint32_t>().swap(node_nir);
    std::vector<uint32_t>().swap(node_name);
    constexpr uint8_t kSeen = 0x80;
    constexpr uint8_t kHealth = 0x40;  // below: the topics' bits
    static_assert(kTopics <= 6);
    std::vector<KindMask> person_kinds(n, 0);
    std::vector<uint8_t> person_flags(n, 0);
    for (const KeptRecord& r : kept) {
      for (uint32_t i = 0; i < r.node_count; ++i) {
        uint32_t node = kept_nodes[r.first_node + i];
        if (!joins(node)) continue;
        uint32_t root = find(node);
        person_kinds[root] |= r.kinds;
        person_flags[root] |= static_cast<uint8_t>(kSeen | (r.health ? kHealth : 0) | r.topics);
        break;
      }
    }
    People people;
    people.kind_persons.assign(kinds.size(), 0);
    for (size_t p = 0; p < n; ++p) {
      uint8_t flags = person_flags[p];
      if ((flags & kSeen) == 0) continue;
      ++people.persons;
      uint8_t categories = 0;
      for (size_t k = 0; k < std::min(kinds.size(), kMaskKinds); ++k) {
        if (((person_kinds[p] >> k) & 1) == 0) continue;
        ++people.kind_persons[k];
        categories |= static_cast<uint8_t>(1u << static_cast<unsigned>(kinds[k].category));
      }
      for (size_t c = 0; c < 4; ++c) people.category_persons[c] += (categories >> c) & 1;
      for (size_t t = 0; t < kTopics; ++t) people.topic_persons[t] += (flags >> t) & 1;
      people.health_persons += (flags & kHealth) != 0;
    }
    return people;
  }
};

namespace {

// ENISA, "Recommendations for a methodology of the assessment of severity
// of personal data breaches" (2013): severity = DPC x EI + CB.
json Severity(uint64_t health_records, uint64_t financial_records, uint64_t nir_records,
              uint64_t records_with_findings, uint64_t direct, uint64_t name_contact,
              uint64_t name_or_contact, const Circumstances& c) {
  json dpc;
  if (health_records > 0) {
    dpc = {
        {"score", 4}, {"basis", "sensitive"}, {"evidence", {{"health_records", health_records}}}};
  } else if (financial_records > 0) {
    dpc = {{"score", 3},
           {"basis", "financial"},
           {"evidence", {{"financial_records", financial_records}}}};
  } else if (nir_records > 0) {
    // Simple data, raised a level: the NIR opens a person's health
    // insurance file and its use is regulated on its own (décret 2019-341).
    dpc = {
        {"score", 2}, {"basis", "simple_with_nir"}, {"evidence", {{"nir_records", nir_records}}}};
  } else if (records_with_findings > 0) {
    dpc = {{"score", 1}, {"basis", "simple"}, {"evidence", {{"records", records_with_findings}}}};
  } else {
    dpc = {{"score", 0}, {"basis", "none"}, {"evidence", json::object()}};
  }
  json ei;
  if (direct > 0) {
    ei = {{"score", 1.0}, {"basis", "maximum"}, {"evidence", {{"direct_records", direct}}}};
  } else if (name_contact > 0) {
    ei = {{"score", 0.75},
          {"basis", "significant"},
          {"evidence", {{"name_and_contact_records", name_contact}}}};
  } else if (name_or_contact > 0) {
    ei = {{"score", 0.5},
          {"basis", "limited"},
          {"evidence", {{"name_or_contact_records", name_or_contact}}}};
  } else {
    ei = {{"score", 0.25}, {"basis", "negligible"}, {"evidence", json::object()}};
  }
  double confidentiality = c.confidentiality == "unknown" ? 0.5
                           : c.confidentiality == "known" ? 0.25
                                                          : 0.0;
  double malicious = c.malicious ? 0.5 : 0.0;
  json cb = {{"score", confidentiality + malicious},
             {"confidentiality", c.confidentiality},
             {"confidentiality_score", confidentiality},
             {"malicious", c.malicious},
             {"malicious_score", malicious}};
  double se = dpc["score"].get<double>() * ei["score"].get<double>() + confidentiality + malicious;
  std::string level = dpc["score"].get<int>() == 0 ? "none"
                      : se < 2                     ? "low"
                      : se < 3                     ? "medium"
                      : se < 4                     ? "high"
                                                   : "very_high";
  return {{"method", "ENISA 2013"},
          {"formula", "DPC x EI + CB"},
          {"dpc", dpc},
          {"ei", ei},
          {"cb", cb},
          {"score", std::round(se * 100) / 100},
          {"level", level}};
}

// GDPR Articles 33 and 34 from the severity: the authority is notified
// unless the breach is unlikely to result in a risk (low, ENISA), the
// people are told when the risk is high.
json Recommendation(const json& severity, uint64_t health_records, uint64_t nir_records,
                    uint64_t persons) {
  std::string level = severity["level"];
  bool notify = level == "medium" || level == "high" || level == "very_high";
  bool inform = level == "high" || level == "very_high";
  json reasons = json::array();
  reasons.push_back({{"code", "severity"}, {"level", level}, {"score", severity["score"]}});
  if (health_records > 0)
    reasons.push_back({{"code", "special_category"}, {"records", health_records}});
  if (nir_records > 0) reasons.push_back({{"code", "nir"}, {"records", nir_records}});
  if (persons > 0) reasons.push_back({{"code", "persons"}, {"persons", persons}});
  if (severity["cb"]["confidentiality"] == "none" && !severity["cb"]["malicious"].get<bool>()) {
    reasons.push_back({{"code", "circumstances_not_given"}});
  }
  return {{"notify_authority", notify},
          {"inform_people", inform},
          {"document", true},
          {"deadline_hours", notify ? json(72) : json(nullptr)},
          {"reasons", reasons}};
}

std::string NowUtc() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

}  // namespace

void Assessment::Summary(const Totals& totals) {
  State& s = *state_;
  if (s.file.profile) s.FinishFile(FileReport{});
  State::People people = s.CountPeople();
  // Past the exact count, the people counted among the values kept are
  // scaled by the identifiers' estimated distinct counts over those kept,
  // and bounded: at least as many people as the values of the most
  // frequent identifier a person has one of (a NIR, an INS, a name with a
  // date of birth), at most as many as all the values together. The
  // distinct counts have HyperLogLog's error.
  std::array<uint64_t, kIdTypes> exact_distinct{};  // the nodes of each type
  for (IdType type : s.node_type) ++exact_distinct[static_cast<size_t>(type)];
  double exact_values = 0;
  double estimated_values = 0;
  double largest = 0;  // of the identifiers a person has one of
  json identifiers = json::array();
  for (size_t t = 0; t < kIdTypes; ++t) {
    if (static_cast<IdType>(t) == IdType::kNameOnly) continue;
    auto exact = static_cast<double>(exact_distinct[t]);
    double distinct = s.overflow ? std::max(s.estimates[t].Estimate(), exact) : exact;
    if (distinct < 0.5) continue;
    exact_values += exact;
    estimated_values += distinct;
    auto type = static_cast<IdType>(t);
    if (type == IdType::kNir || type == IdType::kIns || type == IdType::kNameBirth) {
      largest = std::max(largest, distinct);
    }
    identifiers.push_back(
        {{"kind", kIdNames[t]},
         {"distinct", static_cast<uint64_t>(std::llround(distinct))},
         {"exact", !s.overflow},
         {"relative_error", s.overflow ? DistinctEstimate::kStandardError : 0.0}});
  }
  double scale = s.overflow && exact_values > 0 ? estimated_values / exact_values : 1.0;
  auto persons_count = static_cast<double>(people.persons);
  if (s.overflow) persons_count = std::clamp(persons_count * scale, largest, estimated_values);
  json persons = {{"count", static_cast<uint64_t>(std::llround(persons_count))},
                  {"exact", !s.overflow},
                  {"exact_limit", s.options.exact_values}};
  if (s.overflow) {
    persons["lower_bound"] = static_cast<uint64_t>(std::llround(std::min(largest, persons_count)));
    persons["upper_bound"] = static_cast<uint64_t>(std::llround(estimated_values));
  }
  json categories = json::array();
  for (Category c :
       {Category::kIdentity, Category::kContact, Category::kFinancial, Category::kHealth}) {
    auto ci = static_cast<size_t>(c);
    json kinds = json::array();
    uint64_t findings = 0;
    for (size_t k = 0; k < s.kinds.size(); ++k) {
      const State::KindStats& ks = s.kinds[k];
      if (ks.category != c) continue;
      findings += ks.findings;
      kinds.push_back({{"kind", ks.name},
                       {"findings", ks.findings},
                       {"records", ks.records},
                       {"persons", static_cast<uint64_t>(std::llround(
                                       static_cast<double>(people.kind_persons[k]) * scale))}});
    }
    std::sort(kinds.begin(), kinds.end(), [](const json& a, const json& b) {
      return a["records"].get<uint64_t>() != b["records"].get<uint64_t>()
                 ? a["records"].get<uint64_t>() > b["records"].get<uint64_t>()
                 : a["kind"].get<std::string>() < b["kind"].get<std::string>();
    });
    categories.push_back(
        {{"category", CategoryName(c)},
         {"special", c == Category::kHealth},
         {"findings", findings},
         {"records", s.category_records[ci]},
         {"persons", static_cast<uint64_t>(
                         std::llround(static_cast<double>(people.category_persons[ci]) * scale))},
         {"kinds", kinds}});
  }
  auto kind_records = [&](std::string_view kind) -> std::pair<uint64_t, uint64_t> {
    auto it = s.kind_index.find(std::string(kind));
    if (it == s.kind_index.end()) return {0, 0};
    return {s.kinds[it->second].records, people.kind_persons[it->second]};
  };
  auto [nir_records, nir_persons] = kind_records("FR_NIR");
  uint64_t financial_records = s.category_records[static_cast<size_t>(Category::kFinancial)];
  json topics = json::array();
  for (size_t t = 0; t < kTopics; ++t) {
    topics.push_back({{"topic", kTopicNames[t]},
                      {"records", s.topic_records[t]},
                      {"persons", static_cast<uint64_t>(std::llround(
                                      static_cast<double>(people.topic_persons[t]) * scale))}});
  }
  json severity = Severity(s.records_health, financial_records, nir_records,
                           s.records_with_findings, s.records_direct, s.records_name_contact,
                           s.records_name + s.records_contact, s.options.circumstances);
  json units = json::object();
  for (const auto& [unit, n] : s.unit_records) units[unit] = n;
  s.result = {
      {"vigie_report", 1},
      {"vigie_version", VIGIE_VERSION_STRING},
      {"generated_at", NowUtc()},
      {"values_shown", s.options.show_values},
      {"inputs",
       {{"files", totals.files},
        {"bytes", totals.bytes},
        {"seconds", std::round(totals.seconds * 1000) / 1000},
        {"findings", totals.findings},
        {"records",
         std::accumulate(s.unit_records.begin(), s.unit_records.end(), uint64_t{0},
                         [](uint64_t sum, const auto& unit) { return sum + unit.second; })},
        {"record_units", units},
        {"records_with_findings", s.records_with_findings},
        {"errors", s.errors},
        {"skipped", s.skipped}}},
      {"people",
       {{"persons", persons},
        {"identifiers", identifiers},
        {"records_without_identifier", s.records_without_identifier},
        {"identification",
         {{"direct", s.records_direct},
          {"name_and_contact", s.records_name_contact},
          {"name_only", s.records_name},
          {"contact_only", s.records_contact}}}}},
      {"categories", categories},
      {"special",
       {{"health",
         {{"records", s.records_health},
          {"persons", static_cast<uint64_t>(
                          std::llround(static_cast<double>(people.health_persons) * scale))}}},
        {"topics", topics},
        {"nir",
         {{"records", nir_records},
          {"persons",
           static_cast<uint64_t>(std::llround(static_cast<double>(nir_persons) * scale))}}}}},
      {"files", s.files},
      {"severity", severity},
      {"recommendation", Recommendation(severity, s.records_health, nir_records, people.persons)}};
}

Assessment::Assessment(const AssessOptions& options) : state_(std::make_unique<State>(options)) {}
Assessment::~Assessment() = default;

void Assessment::Text(std::string_view path, std::string_view text) {
  State& s = *state_;
  s.StartFile(path);
  s.file.profile->Feed(text);
  s.file.bytes += text.size();
}

void Assessment::Findings(std::string_view path, const std::vector<Finding>& findings) {
  State& s = *state_;
  s.StartFile(path);
  for (const Finding& f : findings) s.Add(f);
}

void Assessment::FileDone(std::string_view path, const FileReport& file) {
  State& s = *state_;
  s.StartFile(path);
  s.FinishFile(file);
}

void Assessment::Error(std::string_view path, std::string_view message) {
  State& s = *state_;
  if (s.options.err != nullptr) *s.options.err << "vigie: " << path << ": " << message << "\n";
  if (s.file.profile && s.file.path == path) s.FinishFile(FileReport{});
  s.errors.push_back({{"path", path}, {"message", message}});
}

void Assessment::Skipped(std::string_view path, std::string_view why) {
  state_->skipped.push_back({{"path", path}, {"reason", why}});
}

const nlohmann::json& Assessment::result() const { return state_->result; }

}  // namespace vigie::cli
