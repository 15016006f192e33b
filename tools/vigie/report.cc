// SPDX-License-Identifier: Apache-2.0
// The three report formats of `vigie scan`: a readable text report, JSON
// Lines and SARIF 2.1.0. JSON is written with nlohmann::json.
#include "report.h"

#include <absl/strings/escaping.h>
#include <absl/strings/str_format.h>
#include <absl/strings/str_join.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "vigie/components.h"
#include "vigie/version.h"

namespace vigie::cli {
namespace {

using nlohmann::json;

// Findings at or above this score are SARIF errors, the rest warnings.
constexpr double kSarifErrorScore = 0.85;

bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string ShownValue(const Finding& f, const ReportOptions& options) {
  return options.show_values ? f.value : MaskValue(f.value);
}

// Scores in JSON: four decimals are enough, and stable across platforms.
double RoundScore(double score) { return std::round(score * 10000.0) / 10000.0; }

// A JSON string: nlohmann::json escapes it (invalid UTF-8 replaced).
std::string JsonString(std::string_view s) {
  return json(s).dump(-1, ' ', false, json::error_handler_t::replace);
}

// One JSON object written key by key into a line, for the records written
// by the thousand (a finding each): the keys are vigie's own names (no
// escaping), the texts go through JsonString, and numbers are written as
// nlohmann::json writes them. Keys are given in sorted order, as
// nlohmann::json's own objects print them, so that every record of the
// file has one layout.
class JsonLine {
 public:
  // Writes one record into `out` from byte `used` on, and moves `used` to
  // its end. The bytes go through a cursor into room made ahead (a record
  // has a dozen fields, a file hundreds of thousands of records): `out`
  // is longer than `used` after it; its owner writes out the first `used`
  // bytes.
  JsonLine(std::string& out, size_t& used) : out_(out), used_(used) {
    Room(64);
    Put('{');
  }
  template <size_t N>
  void Raw(const char (&key)[N], std::string_view json_text) {
    Key(key, json_text.size());
    Put(json_text);
  }
  template <size_t N>
  void Text(const char (&key)[N], std::string_view text) {
    // Printable ASCII other than '"' and '\\' is its own JSON text; the
    // rest (escapes, UTF-8, invalid bytes replaced) is nlohmann::json's.
    bool verbatim = std::all_of(text.begin(), text.end(), [](char c) {
      return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
    });
    if (!verbatim) {
      Raw(key, JsonString(text));
      return;
    }
    Name(key, text);
  }
  template <size_t N>
  void Name(const char (&key)[N], std::string_view name) {  // an ASCII name: kind, category
    Key(key, name.size() + 2);
    Put('"');
    Put(name);
    Put('"');
  }
  template <size_t N>
  void Number(const char (&key)[N], uint64_t n) {
    Key(key, 20);
    used_ = static_cast<size_t>(std::to_chars(At(), At() + 20, n).ptr - out_.data());
  }
  template <size_t N>
  void Score(const char (&key)[N], double score) {
    // The shortest form that reads back as the same double, with ".0" for
    // a whole number, as nlohmann::json prints a double. A score rounded to
    // four decimals, from 0.001 to 1000, is that decimal itself (fewer than
    // 15 significant digits, and shorter than its exponent form): it is
    // written from its integer of ten-thousandths.
    char buffer[32];
    std::string_view digits;
    double n = score >= 0 ? std::round(score * 10000.0) : -1;
    if (n == 0 || (n >= 10 && n < 1e7)) {
      auto whole = static_cast<uint64_t>(n);
      char* end = std::to_chars(buffer, buffer + 16, whole / 10000).ptr;
      *end++ = '.';
      uint64_t fraction = whole % 10000;
      int places = 4;
      while (places > 1 && fraction % 10 == 0) {
        fraction /= 10;
        --places;
      }
      for (int i = places - 1; i >= 0; --i) {
        end[i] = static_cast<char>('0' + fraction % 10);
        fraction /= 10;
      }
      digits = std::string_view(buffer, static_cast<size_t>(end + places - buffer));
    } else {
      char* end = std::to_chars(buffer, buffer + sizeof buffer, RoundScore(score)).ptr;
      digits = std::string_view(buffer, static_cast<size_t>(end - buffer));
    }
    bool whole_number = digits.find_first_of(".e") == std::string_view::npos;
    Key(key, digits.size() + 2);
    Put(digits);
    if (whole_number) Put(".0");
  }
  template <size_t N>
  void Bool(const char (&key)[N], bool b) {
    Raw(key, b ? "true" : "false");
  }
  void End() {
    Room(2);
    Put("}\n");
  }

 private:
  char* At() { return out_.data() + used_; }
  // Room for `n` more bytes at the cursor.
  void Room(size_t n) {
    if (out_.size() - used_ < n) out_.resize(std::max(out_.size() * 2, used_ + n + 256));
  }
  void Put(char c) { out_[used_++] = c; }
  void Put(std::string_view bytes) {
    std::copy(bytes.begin(), bytes.end(), At());
    used_ += bytes.size();
  }
  // `"key":` after a comma unless first, with room for `value` bytes after.
  // The key is a literal: its bytes are copied as a constant size.
  template <size_t N>
  void Key(const char (&key)[N], size_t value) {
    Room(N + 3 + value);
    if (!first_) Put(',');
    first_ = false;
    Put('"');
    std::memcpy(At(), key, N - 1);
    used_ += N - 1;
    Put('"');
    Put(':');
  }

  std::string& out_;
  size_t& used_;  // the bytes of out_ written; the rest is room
  bool first_ = true;
};

json HealthJson(const FileReport& file) {
  json kinds = json::array();
  for (const HealthEvidence& e : file.health.kinds) kinds.push_back(e.kind);
  return {{"reveals", file.health.reveals_health},
          {"score", RoundScore(file.health.score)},
          {"kinds", kinds},
          {"lines", file.health_lines}};
}

class TextReporter : public Reporter {
 public:
  TextReporter(const ReportOptions& options, std::ostream& out, std::ostream& err)
      : options_(options), out_(out), err_(err) {}

  void Findings(std::string_view path, const std::vector<Finding>& findings) override {
    if (findings.empty()) return;
    if (path != current_) {
      current_ = std::string(path);
      out_ << current_ << "\n";
    }
    for (const Finding& f : findings) {
      out_ << absl::StrFormat("  %6d:%-4d %-18s %-9s %.2f  %s", f.line, f.column, f.kind,
                              CategoryName(f.category), f.score, ShownValue(f, options_));
      std::vector<std::string> qualifiers = QualifierNames(f);
      if (!qualifiers.empty()) out_ << "  [" << absl::StrJoin(qualifiers, ", ") << "]";
      if (!f.context.empty()) out_ << "  (" << f.context << ")";
      out_ << "\n";
    }
  }

  void FileDone(std::string_view path, const FileReport& file) override {
    if (file.findings == 0) return;
    out_ << absl::StrFormat("  %s: %d findings; ", path, file.findings);
    if (file.health.reveals_health) {
      std::vector<std::string> kinds;
      for (const HealthEvidence& e : file.health.kinds) kinds.push_back(e.kind);
      out_ << absl::StrFormat("reveals health data (%.2f: %s) in %d of %d lines\n\n",
                              file.health.score, absl::StrJoin(kinds, ", "), file.health_lines,
                              file.lines);
    } else {
      out_ << "no health data revealed\n\n";
    }
  }

  void Error(std::string_view path, std::string_view message) override {
    err_ << "vigie: " << path << ": " << message << "\n";
  }

  void Skipped(std::string_view path, std::string_view why) override {
    out_ << absl::StrFormat("  %s: skipped, %s\n\n", path, why);
  }

  void Summary(const Totals& t) override {
    double mib = static_cast<double>(t.bytes) / (1024.0 * 1024.0);
    out_ << absl::StrFormat("Scanned %d file%s, %.2f MiB in %.3f s", t.files,
                            t.files == 1 ? "" : "s", mib, t.seconds);
    if (t.seconds > 0 && mib >= 1) out_ << absl::StrFormat(" (%.0f MiB/s)", mib / t.seconds);
    out_ << absl::StrFormat(
        ": %d finding%s in %d file%s, %d error%s; %d file%s reveal%s health data\n", t.findings,
        t.findings == 1 ? "" : "s", t.files_with_findings, t.files_with_findings == 1 ? "" : "s",
        t.errors, t.errors == 1 ? "" : "s", t.files_revealing_health,
        t.files_revealing_health == 1 ? "" : "s", t.files_revealing_health == 1 ? "s" : "");
    if (t.skipped > 0) {
      out_ << absl::StrFormat("Skipped %d binary file%s (--binary scans them).\n", t.skipped,
                              t.skipped == 1 ? "" : "s");
    }
    for (const auto& [kind, count] : t.by_kind) {
      out_ << absl::StrFormat("  %-9s %-18s %8d\n", t.category_of_kind.at(kind), kind, count);
    }
    if (!options_.show_values && t.findings > 0) {
      out_ << "Values are masked; --show-values prints them.\n";
    }
  }

 private:
  ReportOptions options_;
  std::ostream& out_;
  std::ostream& err_;
  std::string current_;
};

class JsonlReporter : public Reporter {
 public:
  JsonlReporter(const ReportOptions& options, std::ostream& out, std::ostream& err)
      : options_(options), out_(out), err_(err) {}

  void Findings(std::string_view path, const std::vector<Finding>& findings) override {
    if (findings.empty()) return;
    if (path != path_) {
      path_ = std::string(path);
      path_json_ = JsonString(path);
    }
    size_t used = 0;
    for (const Finding& f : findings) {
      JsonLine j(line_, used);
      j.Name("category", CategoryName(f.category));
      j.Number("column", f.column);
      if (options_.show_values) {
        json components = json::object();
        for (const auto& [name, part] : Components(f)) components[name] = part;
        if (!components.empty()) {
          j.Raw("components", components.dump(-1, ' ', false, json::error_handler_t::replace));
        }
      }
      j.Bool("confirmed", f.confidence == Confidence::kConfirmed);
      if (!f.context.empty()) j.Name("context", f.context);
      j.Number("end", f.end);
      j.Name("kind", f.kind);
      j.Number("line", f.line);
      if (!options_.show_values) j.Text("masked_value", MaskValue(f.value));
      j.Raw("path", path_json_);
      if (f.qualifiers != 0) j.Raw("qualifiers", json(QualifierNames(f)).dump());
      j.Score("score", f.score);
      j.Number("start", f.begin);
      j.Name("type", "finding");
      if (options_.show_values) j.Text("value", f.value);
      j.End();
      // Written out in pieces that stay in the cache, not a whole batch.
      if (used >= kFlushBytes) {
        out_.write(line_.data(), static_cast<std::streamsize>(used));
        used = 0;
      }
    }
    out_.write(line_.data(), static_cast<std::streamsize>(used));
  }

  void FileDone(std::string_view path, const FileReport& file) override {
    json j = {{"type", "file"},
              {"path", path},
              {"bytes", file.bytes},
              {"lines", file.lines},
              {"findings", file.findings},
              {"health", HealthJson(file)}};
    out_ << j.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
  }

  void Error(std::string_view path, std::string_view message) override {
    json j = {{"type", "error"}, {"path", path}, {"message", message}};
    out_ << j.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
    err_ << "vigie: " << path << ": " << message << "\n";
  }

  void Skipped(std::string_view path, std::string_view why) override {
    json j = {{"type", "skipped"}, {"path", path}, {"reason", why}};
    out_ << j.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
  }

  void Summary(const Totals& t) override {
    json j = {{"type", "summary"},
              {"files", t.files},
              {"bytes", t.bytes},
              {"errors", t.errors},
              {"skipped", t.skipped},
              {"findings", t.findings},
              {"files_with_findings", t.files_with_findings},
              {"files_revealing_health", t.files_revealing_health},
              {"by_kind", t.by_kind}};
    out_ << j.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
  }

 private:
  ReportOptions options_;
  std::ostream& out_;
  std::ostream& err_;
  std::string path_;       // of the findings last written
  std::string path_json_;  // as a JSON string
  static constexpr size_t kFlushBytes = 64 << 10;
  std::string line_;  // records not yet written, and room for more
};

class SarifReporter : public Reporter {
 public:
  SarifReporter(const ReportOptions& options, std::ostream& out, std::ostream& err)
      : options_(options), out_(out), err_(err) {
    key_ = options.fingerprint_key;
    if (key_.empty()) {
      key_.resize(32);
      RAND_bytes(reinterpret_cast<unsigned char*>(key_.data()), static_cast<int>(key_.size()));
    }
  }

  void Findings(std::string_view path, const std::vector<Finding>& findings) override {
    if (findings.empty()) return;
    if (path != path_) {  // one URI per file, not one per finding
      path_ = std::string(path);
      uri_ = RelativeUri(path);
    }
    for (const Finding& f : findings) {
      auto [it, inserted] = rule_index_.emplace(f.kind, rules_.size());
      if (inserted) {
        rules_.push_back(
            {{"id", f.kind},
             {"name", f.kind},
             {"shortDescription",
              {{"text", f.kind + " (" + std::string(CategoryName(f.category)) + " data)"}}},
             {"properties", {{"category", CategoryName(f.category)}}}});
      }
      json region = {{"startLine", f.line},
                     {"startColumn", f.column},
                     {"byteOffset", f.begin},
                     {"byteLength", f.end - f.begin}};
      json result = {
          {"ruleId", f.kind},
          {"ruleIndex", it->second},
          {"level", f.score >= kSarifErrorScore ? "error" : "warning"},
          {"message", {{"text", absl::StrFormat("%s found (score %.2f)", f.kind, f.score)}}},
          {"locations",
           json::array({{{"physicalLocation",
                          {{"artifactLocation", {{"uri", uri_}}}, {"region", region}}}}})},
          {"partialFingerprints", {{"valueHmacSha256/v1", Fingerprint(f)}}},
          {"properties", {{"score", f.score}, {"category", CategoryName(f.category)}}}};
      if (options_.show_values) {
        result["properties"]["value"] = f.value;
        for (const auto& [name, part] : Components(f)) {
          result["properties"]["components"][name] = part;
        }
      }
      if (f.qualifiers != 0) result["properties"]["qualifiers"] = QualifierNames(f);
      if (!f.context.empty()) result["properties"]["context"] = f.context;
      // Written at once, so that memory does not grow with the findings.
      Open();
      out_ << (results_ == 0 ? "\n" : ",\n")
           << result.dump(-1, ' ', false, json::error_handler_t::replace);
      ++results_;
    }
  }

  void FileDone(std::string_view path, const FileReport& file) override {
    if (file.findings == 0) return;
    artifacts_.push_back({{"location", {{"uri", RelativeUri(path)}}},
                          {"length", file.bytes},
                          {"properties", {{"health", HealthJson(file)}}}});
  }

  void Error(std::string_view path, std::string_view message) override {
    notifications_.push_back(
        {{"level", "error"},
         {"message", {{"text", std::string(path) + ": " + std::string(message)}}}});
    err_ << "vigie: " << path << ": " << message << "\n";
  }

  void Skipped(std::string_view path, std::string_view why) override {
    notifications_.push_back(
        {{"level", "note"},
         {"message", {{"text", std::string(path) + ": skipped, " + std::string(why)}}},
         {"locations", json::array({{{"physicalLocation",
                                      {{"artifactLocation", {{"uri", RelativeUri(path)}}}}}}})}});
  }

  // The run's results are written as they come (Findings); what is known
  // only at the end follows them: the rules met, the files with findings,
  // the errors. (JSON does not order an object's members.)
  void Summary(const Totals& t) override {
    Open();
    json tool = {
        {"driver", {{"name", "vigie"}, {"version", VIGIE_VERSION_STRING}, {"rules", rules_}}}};
    json invocations = json::array(
        {{{"executionSuccessful", t.errors == 0}, {"toolExecutionNotifications", notifications_}}});
    auto dump = [](const json& j) {
      return j.dump(-1, ' ', false, json::error_handler_t::replace);
    };
    out_ << "\n],\n\"artifacts\": " << dump(artifacts_)
         << ",\n\"invocations\": " << dump(invocations) << ",\n\"tool\": " << dump(tool)
         << "\n}]}\n";
  }

 private:
  // A relative URI: the path relative to the working directory, with
  // bytes outside RFC 3986's unreserved set percent-encoded.
  static std::string RelativeUri(std::string_view path) {
    if (path == "-") return "stdin";
    std::filesystem::path p{std::string(path)};
    std::error_code ec;
    if (p.is_absolute()) {
      auto rel = p.lexically_relative(std::filesystem::current_path(ec));
      if (!ec && !rel.empty()) p = rel;
    }
    std::string s = p.lexically_normal().generic_string();
    std::string out;
    for (unsigned char c : s) {
      if (IsAlnum(static_cast<char>(c)) || c == '-' || c == '.' || c == '_' || c == '~' ||
          c == '/') {
        out.push_back(static_cast<char>(c));
      } else {
        out += absl::StrFormat("%%%02X", c);
      }
    }
    return out;
  }

  std::string Fingerprint(const Finding& f) const {
    std::string data = f.kind;
    data.push_back('\0');
    data += f.value;
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key_.data(), static_cast<int>(key_.size()),
         reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac, &length);
    return absl::BytesToHexString(
        absl::string_view(reinterpret_cast<const char*>(mac), static_cast<size_t>(length)));
  }

  ReportOptions options_;
  std::ostream& out_;
  std::ostream& err_;
  std::string key_;
  std::string path_;  // of the findings last written, and its URI
  std::string uri_;
  std::map<std::string, size_t> rule_index_;
  // The log and its run up to the results, written once.
  void Open() {
    if (opened_) return;
    opened_ = true;
    out_ << R"({"$schema": "https://json.schemastore.org/sarif-2.1.0.json",)"
         << "\n"
         << R"("version": "2.1.0",)"
         << "\n"
         << R"("runs": [{"columnKind": "unicodeCodePoints",)"
         << "\n"
         << R"("results": [)";
  }

  bool opened_ = false;
  size_t results_ = 0;
  json rules_ = json::array();
  json artifacts_ = json::array();
  json notifications_ = json::array();
};

}  // namespace

std::unique_ptr<Reporter> MakeReporter(std::string_view format, const ReportOptions& options,
                                       std::ostream& out, std::ostream& err) {
  if (format == "text") return std::make_unique<TextReporter>(options, out, err);
  if (format == "jsonl") return std::make_unique<JsonlReporter>(options, out, err);
  if (format == "sarif") return std::make_unique<SarifReporter>(options, out, err);
  return nullptr;
}

}  // namespace vigie::cli
