// `vigie`: the command-line program. `vigie scan [OPTIONS] [PATH...]` scans
// files, directories and standard input and reports what it finds.
#include <fcntl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "report.h"
#include "validate_command.h"
#include "vigie/vigie.h"

namespace vigie::cli {
namespace {

namespace fs = std::filesystem;

constexpr size_t kReadChunk = 1 << 20;

// Exit statuses of `vigie scan`.
constexpr int kExitNothingFound = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

struct ScanCommand {
  std::vector<std::string> paths;
  std::string format = "text";
  std::vector<std::string> kinds;
  double min_score = 0.5;
  bool show_values = false;
  std::string layout = "auto";
  std::string delimiter;
  std::string database;
};

// A compiled scanner from `path` when it holds one for these options;
// otherwise compiles one and saves it there (written aside, then renamed,
// so that a reader never sees half a file). Compiling takes seconds with
// the health lexicons; loading, milliseconds.
Result<Scanner> LoadOrCompile(const ScanOptions& options, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (in) {
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto loaded = Scanner::Deserialize(bytes, options);
    if (loaded.ok()) return loaded;
    std::cerr << "vigie: " << path << ": " << loaded.error() << "; compiling again\n";
  }
  auto scanner = Scanner::Create(options);
  if (!scanner.ok()) return scanner;
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << scanner->Serialize();
    out.flush();
    if (!out) {
      std::cerr << "vigie: cannot write " << path << "; going on without saving it\n";
      std::remove(tmp.c_str());
      return scanner;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::cerr << "vigie: cannot write " << path << ": " << std::strerror(errno) << "\n";
    std::remove(tmp.c_str());
  }
  return scanner;
}

class Runner {
 public:
  // The scanner keeps findings down to kHealthEvidenceFloor for the health
  // verdicts; only those scoring `min_score` or more are reported.
  Runner(const Scanner& scanner, double min_score, Reporter& reporter)
      : scanner_(scanner), min_score_(min_score), reporter_(reporter) {}

  void ScanPath(const std::string& path) {
    if (path == "-") {
      ScanFd(STDIN_FILENO, "-");
      return;
    }
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec) {
      Fail(path, ec.message());
      return;
    }
    if (fs::is_directory(status)) {
      WalkDirectory(path);
    } else {
      ScanFile(path);
    }
  }

  const Totals& totals() const { return totals_; }
  Totals& totals() { return totals_; }

 private:
  void Fail(std::string_view path, std::string_view message) {
    ++totals_.errors;
    reporter_.Error(path, message);
  }

  // Entries in name order, so that reports are reproducible; an unreadable
  // directory is an error that does not stop its siblings.
  void WalkDirectory(const fs::path& dir) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
      Fail(dir.string(), ec.message());
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != end; it.increment(ec)) {
      if (ec) {
        Fail(dir.string(), ec.message());
        break;
      }
      entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path() < b.path(); });
    for (const auto& entry : entries) {
      std::error_code type_ec;
      if (entry.is_symlink(type_ec) && entry.is_directory(type_ec)) continue;  // no loops
      if (entry.is_directory(type_ec)) {
        WalkDirectory(entry.path());
      } else if (entry.is_regular_file(type_ec)) {
        ScanFile(entry.path().string());
      }
    }
  }

  void ScanFile(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      Fail(path, std::strerror(errno));
      return;
    }
    ScanFd(fd, path);
    ::close(fd);
  }

  void ScanFd(int fd, const std::string& path) {
    Stream stream = scanner_.OpenStream();
    std::vector<char> buffer(kReadChunk);
    file_ = FileState{};
    for (;;) {
      ssize_t n = ::read(fd, buffer.data(), buffer.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        // What was read is still reported; the error says the file is partial.
        Report(path, stream.Finish());
        Fail(path, std::string("read error after ") + std::to_string(stream.bytes_written()) +
                       " bytes: " + std::strerror(errno));
        return;
      }
      if (n == 0) break;
      std::string_view bytes(buffer.data(), static_cast<size_t>(n));
      file_.report.lines += static_cast<uint64_t>(std::count(bytes.begin(), bytes.end(), '\n'));
      file_.last_byte = bytes.back();
      Report(path, stream.Write(bytes));
    }
    Report(path, stream.Finish());
    FileReport& report = file_.report;
    CloseLine();
    report.bytes = stream.bytes_written();
    if (report.bytes > 0 && file_.last_byte != '\n') ++report.lines;  // an unterminated last line
    std::vector<Finding> distinct;
    for (auto& [key, f] : file_.best) distinct.push_back(std::move(f));
    report.health = AssessHealth(distinct);
    // A line that reveals health data on its own makes the file reveal it.
    if (report.health_lines > 0 && !report.health.reveals_health) {
      report.health.reveals_health = true;
      report.health.score = std::max(report.health.score, file_.best_line);
    }
    ++totals_.files;
    totals_.bytes += report.bytes;
    if (report.findings > 0) ++totals_.files_with_findings;
    if (report.health.reveals_health) ++totals_.files_revealing_health;
    reporter_.FileDone(path, report);
  }

  void Report(const std::string& path, const std::vector<Finding>& findings) {
    std::vector<Finding> reported;
    for (const Finding& f : findings) {
      if (f.category == Category::kHealth) Weigh(f);
      if (f.score >= min_score_) reported.push_back(f);
    }
    if (reported.empty()) return;
    file_.report.findings += reported.size();
    totals_.findings += reported.size();
    for (const Finding& f : reported) {
      ++totals_.by_kind[f.kind];
      totals_.category_of_kind[f.kind] = std::string(CategoryName(f.category));
    }
    reporter_.Findings(path, reported);
  }

  // A health finding, reported or not, as evidence for the verdicts.
  // Everyday words found without context weigh within their line only: a
  // whole manual holds many, which together say nothing of anyone's health.
  void Weigh(const Finding& f) {
    // The file's verdict needs each distinct value once, at its best.
    if (f.score >= min_score_) {
      auto [it, inserted] = file_.best.emplace(f.kind + '\0' + f.value, f);
      if (!inserted && f.score > it->second.score) it->second = f;
    }
    // Findings come in text order: a line is judged when the next begins.
    if (f.line != file_.line) CloseLine();
    file_.line = f.line;
    file_.line_findings.push_back(f);
  }

  void CloseLine() {
    if (!file_.line_findings.empty()) {
      HealthVerdict line = AssessHealth(file_.line_findings);
      if (line.reveals_health) {
        ++file_.report.health_lines;
        file_.best_line = std::max(file_.best_line, line.score);
      }
    }
    file_.line_findings.clear();
  }

  // What a file's health verdicts need while it is read: its distinct
  // health values, and the findings of the current line.
  struct FileState {
    FileReport report;
    std::map<std::string, Finding> best;
    uint64_t line = 0;
    std::vector<Finding> line_findings;
    double best_line = 0;  // the best score of a line that reveals health
    char last_byte = '\n';
  };

  const Scanner& scanner_;
  double min_score_;
  Reporter& reporter_;
  Totals totals_;
  FileState file_;
};

int RunScan(const ScanCommand& cmd) {
  ScanOptions options;
  options.kinds = cmd.kinds;
  options.min_score = std::min(cmd.min_score, kHealthEvidenceFloor);
  if (cmd.layout == "text") {
    options.layout = Layout::kText;
  } else if (cmd.layout == "delimited") {
    options.layout = Layout::kDelimited;
  }
  if (!cmd.delimiter.empty()) {
    options.layout = Layout::kDelimited;
    options.delimiter = cmd.delimiter == "tab" || cmd.delimiter == "\\t" ? '\t' : cmd.delimiter[0];
  }
  auto scanner =
      cmd.database.empty() ? Scanner::Create(options) : LoadOrCompile(options, cmd.database);
  if (!scanner.ok()) {
    std::cerr << "vigie: " << scanner.error() << "\n";
    return kExitError;
  }
  ReportOptions report_options;
  report_options.show_values = cmd.show_values;
  if (const char* key = std::getenv("VIGIE_FINGERPRINT_KEY")) report_options.fingerprint_key = key;
  auto reporter = MakeReporter(cmd.format, report_options, std::cout, std::cerr);
  Runner runner(*scanner, cmd.min_score, *reporter);
  auto start = std::chrono::steady_clock::now();
  std::vector<std::string> paths = cmd.paths;
  if (paths.empty()) paths.push_back("-");
  for (const std::string& path : paths) runner.ScanPath(path);
  runner.totals().seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  reporter->Summary(runner.totals());
  std::cout.flush();
  if (runner.totals().errors > 0) return kExitError;
  return runner.totals().findings > 0 ? kExitFindings : kExitNothingFound;
}

}  // namespace
}  // namespace vigie::cli

namespace vigie::cli {
namespace {

int Main(int argc, char** argv) {
  CLI::App app{"vigie: finds personal and health data in text, French first"};
  app.set_version_flag("--version", std::string("vigie ") + VIGIE_VERSION_STRING);
  app.require_subcommand(1);
  ScanCommand cmd;
  CLI::App* scan = app.add_subcommand("scan", "Scan files, directories or standard input");
  scan->add_option("paths", cmd.paths, "Files or directories; '-' or none reads standard input");
  scan->add_option("--format", cmd.format, "Output format")
      ->check(CLI::IsMember({"text", "jsonl", "sarif"}))
      ->capture_default_str();
  scan->add_option("--kinds", cmd.kinds,
                   "Only these kinds, comma-separated (FR_NIR,PHONE_NUMBER,...)")
      ->delimiter(',')
      ->allow_extra_args(false);
  scan->add_option("--min-score", cmd.min_score, "Drop findings scoring below this")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  scan->add_flag("--show-values", cmd.show_values, "Print detected values (masked otherwise)");
  scan->add_option("--layout", cmd.layout, "Text layout: auto, text or delimited (CSV/TSV)")
      ->check(CLI::IsMember({"auto", "text", "delimited"}))
      ->capture_default_str();
  scan->add_option("--delimiter", cmd.delimiter, "Delimiter of a delimited file: ';', ',' or tab")
      ->check(CLI::IsMember({";", ",", "tab", "\\t", "\t"}));
  scan->add_option("--database", cmd.database,
                   "Load the compiled detectors from this file, or compile and save them there "
                   "(loading takes milliseconds, compiling seconds)");
  std::string validator;
  std::vector<std::string> values;
  CLI::App* validate = app.add_subcommand(
      "validate", "Check values with a validator; prints one JSON verdict per value");
  validate->add_option("kind", validator, "Which validator")
      ->required()
      ->check(CLI::IsMember(ValidatorNames()));
  validate->add_option("values", values, "Values to check; none reads one per line from stdin");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : kExitError;
  }
  if (validate->parsed()) return RunValidate(validator, values, std::cin, std::cout);
  return RunScan(cmd);
}

}  // namespace
}  // namespace vigie::cli

int main(int argc, char** argv) {
  try {
    return vigie::cli::Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "vigie: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "vigie: unexpected error\n";
  }
  return 2;
}
