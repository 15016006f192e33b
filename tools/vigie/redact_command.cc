// SPDX-License-Identifier: Apache-2.0
#include "redact_command.h"

#include <absl/strings/str_cat.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "common.h"
#include "utf16.h"

namespace vigie::cli {
namespace {

constexpr size_t kReadChunk = 1 << 20;
constexpr int kExitDone = 0;
constexpr int kExitResidues = 1;
constexpr int kExitError = 2;

// --- the policy file ----------------------------------------------------------

Result<ActionSpec> ParseAction(const toml::node& node, ActionSpec spec, const std::string& where) {
  auto fail = [&](const std::string& why) { return Result<ActionSpec>::Error(where + ": " + why); };
  auto action_named = [&](std::string_view name) -> Result<ActionSpec> {
    auto action = ParseRedactAction(name);
    if (!action.ok()) return fail(action.error());
    spec.action = action.value();
    return spec;
  };
  if (const auto* name = node.as_string()) return action_named(name->get());
  const toml::table* table = node.as_table();
  if (table == nullptr) return fail("an action name or a table");
  for (auto&& entry : *table) {
    std::string_view k = entry.first.str();
    const toml::node& value = entry.second;
    auto text = [&]() -> std::optional<std::string> {
      if (const auto* s = value.as_string()) return s->get();
      return std::nullopt;
    };
    auto integer = [&]() -> std::optional<int> {
      if (const auto* i = value.as_integer()) return static_cast<int>(i->get());
      return std::nullopt;
    };
    if (k == "action") {
      auto name = text();
      if (!name) return fail("action must be a string");
      auto parsed = action_named(*name);
      if (!parsed.ok()) return parsed;
    } else if (k == "mask_char" || k == "tag" || k == "level") {
      auto s = text();
      if (!s) return fail(std::string(k) + " must be a string");
      (k == "mask_char" ? spec.mask_char : k == "tag" ? spec.tag : spec.level) = *s;
    } else if (k == "keep_last" || k == "token_length" || k == "shift_days") {
      auto i = integer();
      if (!i) return fail(std::string(k) + " must be an integer");
      (k == "keep_last"      ? spec.keep_last
       : k == "token_length" ? spec.token_length
                             : spec.shift_days) = *i;
    } else {
      return fail("unknown key '" + std::string(k) +
                  "' (action, mask_char, keep_last, tag, token_length, level, shift_days)");
    }
  }
  return spec;
}

}  // namespace

Result<RedactionPolicy> ParsePolicy(std::string_view text, const std::string& source) {
  using R = Result<RedactionPolicy>;
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    std::ostringstream why;
    why << source << ":" << e.source().begin.line << ": " << e.description();
    return R::Error(why.str());
  }
  RedactionPolicy policy = RedactionPolicy::Default();
  for (auto&& [key, value] : root) {
    std::string_view k = key.str();
    if (k == "min_score") {
      auto score = value.value<double>();
      if (!score || *score < 0 || *score > 1) return R::Error(source + ": min_score is 0 to 1");
      policy.min_score = *score;
    } else if (k == "categories" || k == "kinds") {
      const toml::table* table = value.as_table();
      if (table == nullptr) return R::Error(source + ": [" + std::string(k) + "] is a table");
      for (auto&& [name_key, spec_node] : *table) {
        std::string name(name_key.str());
        std::string where = source + ": ";
        where += k;
        where += ".";
        where += name;
        ActionSpec* target = nullptr;
        if (k == "kinds") {
          target = &policy.kinds[name];
        } else if (name == "identity") {
          target = &policy.identity;
        } else if (name == "contact") {
          target = &policy.contact;
        } else if (name == "financial") {
          target = &policy.financial;
        } else if (name == "health") {
          target = &policy.health;
        } else {
          return R::Error(where + ": categories are identity, contact, financial and health");
        }
        auto spec = ParseAction(spec_node, *target, where);
        if (!spec.ok()) return R::ErrorOf(spec);
        *target = spec.value();
      }
    } else {
      return R::Error(source + ": unknown key '" + std::string(k) +
                      "' (min_score, [categories.NAME], [kinds.KIND])");
    }
  }
  return policy;
}

namespace {

bool ReadWholeFile(const std::string& path, std::string& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": " + std::strerror(errno);
    return false;
  }
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

// The key: the file's bytes (one trailing line break dropped), else
// $VIGIE_KEY; empty when neither.
bool ReadKey(const std::string& key_file, std::string& key, std::string& error) {
  if (key_file.empty()) {
    const char* env = std::getenv("VIGIE_KEY");
    key = env != nullptr ? env : "";
    return true;
  }
  if (!ReadWholeFile(key_file, key, error)) return false;
  if (!key.empty() && key.back() == '\n') key.pop_back();
  if (!key.empty() && key.back() == '\r') key.pop_back();
  return true;
}

// Writes all of `bytes` to `fd`; false with errno set on a failure.
struct Totals {
  uint64_t files = 0;
  uint64_t skipped = 0;
  uint64_t errors = 0;
  uint64_t refused = 0;  // files not written: --verify found residues
  uint64_t residues = 0;
  RedactionReport report;
};

void AddReport(RedactionReport& to, const RedactionReport& from) {
  to.findings += from.findings;
  to.bytes_in += from.bytes_in;
  to.bytes_out += from.bytes_out;
  for (const auto& [kind, actions] : from.counts) {
    for (const auto& [action, n] : actions) to.counts[kind][action] += n;
  }
}

class RedactRunner {
 public:
  RedactRunner(const Redactor& redactor, const RedactCommand& cmd)
      : redactor_(redactor), cmd_(cmd) {}

  void Run(const Input& input) {
    if (!input.error.empty()) return Fail(input.path, input.error);
    std::string dest;  // empty: standard output
    if (cmd_.in_place) {
      if (input.path == "-") return Fail(input.path, "--in-place needs files, not standard input");
      dest = input.path;
    } else if (!cmd_.out_dir.empty()) {
      fs::path relative = input.path == "-" ? fs::path("stdin") : fs::path(input.relative);
      dest = (fs::path(cmd_.out_dir) / relative).string();
      std::error_code ec;
      fs::create_directories(fs::path(dest).parent_path(), ec);
      if (input.path != "-" && fs::equivalent(input.path, dest, ec)) {
        return Fail(input.path, "--out-dir would write over the input; use --in-place for that");
      }
    } else if (!cmd_.output.empty()) {
      dest = cmd_.output;
    }
    int fd = input.path == "-" ? STDIN_FILENO : ::open(input.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Fail(input.path, std::strerror(errno));
    std::optional<mode_t> mode;
    struct stat st {};
    if (cmd_.in_place && ::fstat(fd, &st) == 0) mode = st.st_mode & 07777;
    Redact(fd, input.path, dest, mode);
    if (fd != STDIN_FILENO) ::close(fd);
  }

  Totals& totals() { return totals_; }
  bool reader_gone() const { return reader_gone_; }

 private:
  void Fail(const std::string& path, const std::string& why) {
    ++totals_.errors;
    std::cerr << "vigie: " << path << ": " << why << "\n";
  }

  void Redact(int fd, const std::string& path, const std::string& dest,
              std::optional<mode_t> mode) {
    std::vector<char> buffer(kReadChunk);
    // The first bytes say whether the file is text.
    size_t head = 0;
    bool at_end = false;
    while (head < kProbeBytes && !at_end) {
      ssize_t n = ::read(fd, buffer.data() + head, buffer.size() - head);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return Fail(path, std::string("read error: ") + std::strerror(errno));
      at_end = n == 0;
      head += static_cast<size_t>(n);
    }
    Encoding encoding = Sniff({buffer.data(), head});
    if (encoding == Encoding::kBinary) {
      ++totals_.skipped;
      std::cerr << "vigie: " << path << ": binary file (a NUL byte in its first 8 KiB), not "
                << "redacted and not written\n";
      return;
    }
    if (encoding != Encoding::kUtf8) {
      return Fail(path, "UTF-16 text is not redacted; convert it to UTF-8 first (iconv -f UTF-16)");
    }
    // Written to a file aside (the destination's directory, or a temporary
    // one for standard output when it must be verified first).
    AtomicFile file;
    std::string error;
    bool to_stdout = dest.empty();
    bool aside = !to_stdout || cmd_.verify;
    std::string aside_path = to_stdout ? (fs::temp_directory_path() / "stdout").string() : dest;
    if (aside && !file.Open(aside_path, error)) return Fail(path, error);
    int out_fd = aside ? file.fd() : STDOUT_FILENO;
    RedactionStream stream = redactor_.OpenStream();
    if (cmd_.verify) stream.KeepTrail();
    bool write_failed = false;
    int write_errno = 0;
    auto emit = [&](std::string_view bytes) {
      if (!write_failed && !WriteAll(out_fd, bytes)) {
        write_failed = true;
        write_errno = errno;
      }
    };
    emit(stream.Write({buffer.data(), head}));
    std::string read_error;
    while (!at_end && !write_failed) {
      ssize_t n = ::read(fd, buffer.data(), buffer.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        read_error = std::string("read error: ") + std::strerror(errno);
        break;
      }
      at_end = n == 0;
      emit(stream.Write({buffer.data(), static_cast<size_t>(n)}));
    }
    if (!read_error.empty()) return Fail(path, read_error + "; nothing written");
    emit(stream.Finish());
    if (stream.status() != ErrorCode::kOk) {
      return Fail(path, "not redacted: Hyperscan could not allocate a stream; nothing written");
    }
    if (write_failed && write_errno == EPIPE && !aside) {
      reader_gone_ = true;  // `vigie redact | head`: the reader has all it wants
      return;
    }
    if (write_failed) {
      return Fail(path, std::string("cannot write the output: ") + std::strerror(write_errno));
    }
    if (cmd_.verify && !Verify(stream, file.path(), path)) return;
    if (to_stdout && aside) {
      if (!CopyToStdout(file.path())) return Fail(path, "cannot write the output");
    } else if (aside && !file.Commit(mode, error)) {
      return Fail(path, error);
    }
    ++totals_.files;
    AddReport(totals_.report, stream.report());
  }

  // Scans the output again; false, with the residues told, when it holds
  // any.
  bool Verify(const RedactionStream& run, const std::string& output, const std::string& path) {
    RedactionVerifier verifier = redactor_.OpenVerifier();
    verifier.Excuse(run);
    std::ifstream in(output, std::ios::binary);
    std::vector<char> buffer(kReadChunk);
    while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
      verifier.Write({buffer.data(), static_cast<size_t>(in.gcount())});
    }
    std::vector<Residue> residues = verifier.Finish();
    if (residues.empty()) return true;
    ++totals_.refused;
    totals_.residues += residues.size();
    std::cerr << "vigie: " << path << ": --verify: the redacted text still holds "
              << residues.size() << " value" << (residues.size() > 1 ? "s" : "")
              << "; not written\n";
    size_t shown = 0;
    for (const Residue& r : residues) {
      if (++shown > 20) {
        std::cerr << "  ... and " << residues.size() - 20 << " more\n";
        break;
      }
      std::cerr << "  line " << r.line << ", column " << r.column << ": " << r.kind << " "
                << MaskValue(r.value) << " (" << r.reason << ", score " << r.score << ")\n";
    }
    return false;
  }

  static bool CopyToStdout(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::cout << in.rdbuf();
    std::cout.flush();
    return static_cast<bool>(std::cout);
  }

  const Redactor& redactor_;
  const RedactCommand& cmd_;
  Totals totals_;
  bool reader_gone_ = false;
};

void PrintReport(const RedactCommand& cmd, const Totals& t) {
  if (cmd.report == "json") {
    nlohmann::json by_kind = nlohmann::json::object();
    for (const auto& [kind, actions] : t.report.counts) {
      for (const auto& [action, n] : actions) by_kind[kind][action] = n;
    }
    nlohmann::json j = {{"files", t.files},
                        {"skipped", t.skipped},
                        {"errors", t.errors},
                        {"bytes_in", t.report.bytes_in},
                        {"bytes_out", t.report.bytes_out},
                        {"findings", t.report.findings},
                        {"by_kind", by_kind}};
    if (cmd.verify) {
      j["verified"] = t.refused == 0;
      j["files_refused"] = t.refused;
      j["residues"] = t.residues;
    }
    std::cerr << j.dump() << "\n";
    return;
  }
  std::cerr << "vigie redact: " << t.files << " file" << (t.files == 1 ? "" : "s") << " written, "
            << t.report.findings << " findings, " << t.report.bytes_in << " bytes in, "
            << t.report.bytes_out << " bytes out";
  if (t.skipped > 0) std::cerr << ", " << t.skipped << " skipped";
  if (t.errors > 0) std::cerr << ", " << t.errors << " errors";
  if (cmd.verify) {
    std::cerr << (t.refused == 0 ? ", verified"
                                 : ", " + std::to_string(t.refused) + " refused by --verify");
  }
  std::cerr << "\n";
  for (const auto& [kind, actions] : t.report.counts) {
    for (const auto& [action, n] : actions) {
      std::cerr << "  " << kind << std::string(kind.size() < 20 ? 20 - kind.size() : 1, ' ')
                << action << std::string(action.size() < 12 ? 12 - action.size() : 1, ' ') << n
                << "\n";
    }
  }
}

}  // namespace

CLI::App* AddRedactCommand(CLI::App& app, RedactCommand& cmd) {
  CLI::App* sub = app.add_subcommand(
      "redact",
      "Rewrite files with their personal and health data masked, tagged, tokenized, "
      "replaced by surrogates, encrypted or generalized");
  sub->add_option("paths", cmd.paths, "Files or directories; '-' or none reads standard input");
  sub->add_option("--policy", cmd.policy,
                  "A TOML policy: the action per category and kind (default: identifiers, "
                  "contacts and financial data masked, health terms tagged)");
  sub->add_option("--min-score", cmd.min_score, "Leave findings scoring below this (default 0.5)")
      ->check(CLI::Range(0.0, 1.0));
  sub->add_option("--kinds", cmd.kinds, "Only these kinds, comma-separated")
      ->delimiter(',')
      ->allow_extra_args(false);
  auto* out = sub->add_option("-o,--output", cmd.output, "Write the one input's result here");
  auto* dir = sub->add_option("--out-dir", cmd.out_dir,
                              "Write each result under this directory (a directory given keeps "
                              "its name and tree)");
  auto* in_place = sub->add_flag("--in-place", cmd.in_place,
                                 "Replace each input by its result (written aside, then renamed)");
  out->excludes(dir)->excludes(in_place);
  dir->excludes(in_place);
  sub->add_option("--key-file", cmd.key_file,
                  "The secret of token, surrogate and encrypt (default: $VIGIE_KEY); 16 bytes "
                  "or more");
  sub->add_option("--report", cmd.report, "Counts per kind and action on stderr: text or json")
      ->expected(0, 1)
      ->default_str("text")
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_flag("--verify", cmd.verify,
                "Scan each result again; a result that still holds a redacted value is not "
                "written (exit 1)");
  AddLayoutOptions(*sub, cmd.layout, cmd.delimiter);
  sub->add_option("--database", cmd.database, "Load the compiled detectors from this file");
  sub->add_flag("--no-cache", cmd.no_cache, "Compile the detectors for this run");
  return sub;
}

CLI::App* AddRevealCommand(CLI::App& app, RevealCommand& cmd) {
  CLI::App* sub = app.add_subcommand(
      "reveal", "Decrypt the values that `vigie redact` encrypted (ENC:KIND:...)");
  sub->add_option("path", cmd.path, "A file; '-' or none reads standard input");
  sub->add_option("-o,--output", cmd.output, "Write the result here (written aside, renamed)");
  sub->add_option("--key-file", cmd.key_file, "The secret (default: $VIGIE_KEY)");
  return sub;
}

int RunRedact(const RedactCommand& cmd) {
  RedactionPolicy policy = RedactionPolicy::Default();
  std::string error;
  if (!cmd.policy.empty()) {
    std::string text;
    if (!ReadWholeFile(cmd.policy, text, error)) {
      std::cerr << "vigie: policy " << error << "\n";
      return kExitError;
    }
    auto parsed = ParsePolicy(text, cmd.policy);
    if (!parsed.ok()) {
      std::cerr << "vigie: " << parsed.error() << "\n";
      return kExitError;
    }
    policy = parsed.value();
  }
  if (cmd.min_score >= 0) policy.min_score = cmd.min_score;
  if (!ReadKey(cmd.key_file, policy.key, error)) {
    std::cerr << "vigie: key file " << error << "\n";
    return kExitError;
  }
  CallOptions layout = LayoutCall(cmd.layout, cmd.delimiter);
  policy.layout = layout.layout;
  policy.delimiter = layout.delimiter;
  InputList inputs;
  for (const std::string& path : cmd.paths) inputs.Add(path);
  if (cmd.paths.empty()) inputs.Add("-");
  size_t count = inputs.inputs().size();
  if (count > 1 && cmd.out_dir.empty() && !cmd.in_place) {
    std::cerr << "vigie: " << count << " inputs: give --out-dir DIR or --in-place (one result per "
              << "input)\n";
    return kExitError;
  }
  ScanOptions options;
  options.kinds = cmd.kinds;
  auto scanner = OpenScanner(options, cmd.database, cmd.no_cache);
  if (!scanner.ok()) {
    std::cerr << "vigie: " << scanner.error() << "\n";
    return kExitError;
  }
  auto redactor = Redactor::Create(*scanner, policy);
  if (!redactor.ok()) {
    std::cerr << "vigie: " << redactor.error() << "\n";
    return kExitError;
  }
  RedactRunner runner(*redactor, cmd);
  for (const Input& input : inputs.inputs()) {
    if (runner.reader_gone()) break;
    runner.Run(input);
  }
  const Totals& t = runner.totals();
  if (!cmd.report.empty()) PrintReport(cmd, t);
  if (t.errors > 0) return kExitError;
  return t.refused > 0 ? kExitResidues : kExitDone;
}

int RunReveal(const RevealCommand& cmd) {
  std::string key, error;
  if (!ReadKey(cmd.key_file, key, error)) {
    std::cerr << "vigie: key file " << error << "\n";
    return kExitError;
  }
  if (key.empty()) {
    std::cerr << "vigie: reveal needs the key (VIGIE_KEY or --key-file)\n";
    return kExitError;
  }
  std::string text;
  if (cmd.path.empty() || cmd.path == "-") {
    std::ostringstream s;
    s << std::cin.rdbuf();
    text = s.str();
  } else if (!ReadWholeFile(cmd.path, text, error)) {
    std::cerr << "vigie: " << error << "\n";
    return kExitError;
  }
  uint64_t failed = 0;
  std::string plain = Reveal(text, key, &failed);
  if (cmd.output.empty()) {
    std::cout << plain;
    std::cout.flush();
  } else {
    AtomicFile file;
    if (!file.Open(cmd.output, error) || !WriteAll(file.fd(), plain) ||
        !file.Commit(std::nullopt, error)) {
      std::cerr << "vigie: " << (error.empty() ? cmd.output + ": " + std::strerror(errno) : error)
                << "\n";
      return kExitError;
    }
  }
  if (failed > 0) {
    std::cerr << "vigie: " << failed << " encrypted value" << (failed > 1 ? "s" : "")
              << " did not decrypt under this key (left as they are)\n";
    return kExitResidues;
  }
  return kExitDone;
}

}  // namespace vigie::cli
