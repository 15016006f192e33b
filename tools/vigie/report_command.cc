// SPDX-License-Identifier: Apache-2.0
#include "report_command.h"

#include <absl/strings/str_format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <iostream>
#include <thread>

#include "assess.h"
#include "common.h"
#include "report_render.h"
#include "scan_runner.h"
#include "vigie/vigie.h"

namespace vigie::cli {
namespace {

constexpr int kExitDone = 0;
constexpr int kExitError = 2;

// A line on standard error, rewritten in place a few times a second while
// the inputs are read: bytes, rate, time left.
class Progress {
 public:
  // The first update is shown at once, later ones four times a second.
  explicit Progress(uint64_t total)
      : total_(total), start_(Clock::now()), last_(start_ - std::chrono::seconds(1)) {}

  void Update(uint64_t bytes) {
    auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    double seconds = std::chrono::duration<double>(now - start_).count();
    double rate = seconds > 0 ? static_cast<double>(bytes) / seconds : 0;
    std::string line = absl::StrFormat("vigie: %.1f MB", static_cast<double>(bytes) / 1e6);
    if (total_ > 0) line += absl::StrFormat(" of %.1f MB", static_cast<double>(total_) / 1e6);
    line += absl::StrFormat(", %.1f MB/s", rate / 1e6);
    if (total_ > bytes && rate > 0) {
      line += absl::StrFormat(", %.0f s left", static_cast<double>(total_ - bytes) / rate);
    }
    std::cerr << "\r" << line << "\033[K" << std::flush;
    shown_ = true;
  }
  void Clear() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
  }

 private:
  using Clock = std::chrono::steady_clock;
  uint64_t total_;
  Clock::time_point start_;
  Clock::time_point last_;
  bool shown_ = false;
};

std::string FormatOf(const ReportCommand& cmd) {
  if (!cmd.format.empty()) return cmd.format;
  std::string out = cmd.output;
  auto ends = [&](std::string_view suffix) {
    return out.size() >= suffix.size() &&
           out.compare(out.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends(".json")) return "json";
  if (ends(".md") || ends(".markdown")) return "md";
  return "html";
}

}  // namespace

CLI::App* AddReportCommand(CLI::App& app, ReportCommand& cmd) {
  CLI::App* sub = app.add_subcommand(
      "report",
      "Assess a leak: distinct people, what is exposed, health data, columns, severity (ENISA) "
      "and whether to notify (GDPR Art. 33/34), as HTML, JSON or Markdown");
  AddScanFlags(*sub, cmd.scan);
  sub->add_option("-o,--output", cmd.output,
                  "Write the report here (written aside, then renamed); standard output otherwise");
  sub->add_option("--format", cmd.format,
                  "html, json or md (default: from -o's extension, else html)")
      ->check(CLI::IsMember({"html", "json", "md"}));
  sub->add_option("--lang", cmd.lang, "Language of the HTML and Markdown reports")
      ->check(CLI::IsMember({"fr", "en"}))
      ->capture_default_str();
  sub->add_flag("--show-values", cmd.show_values, "Show the columns' samples unmasked");
  sub->add_option("--confidentiality", cmd.confidentiality,
                  "Who may have read the data: none (not given), known recipients, or an unknown "
                  "number (published, stolen); raises the severity by 0, 0.25 or 0.5 (ENISA)")
      ->check(CLI::IsMember({"none", "known", "unknown"}))
      ->capture_default_str();
  sub->add_flag("--malicious", cmd.malicious,
                "The breach was malicious (theft, intrusion): raises the severity by 0.5 (ENISA)");
  sub->add_option("--exact-limit", cmd.exact_values,
                  "Distinct identifier values counted exactly before the count of people becomes "
                  "an estimate (default 10,000,000: under 1 GB)")
      ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 31));
  sub->add_flag("!--no-progress", cmd.progress, "No progress line on standard error");
  return sub;
}

int RunReport(const ReportCommand& cmd) {
  std::optional<ScanSetup> setup = SetUpScan(cmd.scan);
  if (!setup) return kExitError;
  std::string format = FormatOf(cmd);
  // The destination is checked before the inputs are read: a report that
  // cannot be written is known at once, not after an hour.
  AtomicFile file;
  std::string error;
  if (!cmd.output.empty() && !file.Open(cmd.output, error)) {
    std::cerr << "vigie: " << error << "\n";
    return kExitError;
  }
  uint64_t total = 0;
  for (const Input& in : setup->inputs) total += in.size;
  Progress progress(total);
  bool show_progress = cmd.progress && ::isatty(STDERR_FILENO);

  AssessOptions assess;
  assess.call = setup->run.call;
  assess.show_values = cmd.show_values;
  assess.circumstances.confidentiality = cmd.confidentiality;
  assess.circumstances.malicious = cmd.malicious;
  if (cmd.exact_values > 0) assess.exact_values = cmd.exact_values;
  assess.err = &std::cerr;
  if (show_progress) setup->run.progress = [&](uint64_t bytes) { progress.Update(bytes); };
  Assessment assessment(assess);

  auto start = std::chrono::steady_clock::now();
  RunResult result = ScanInputs(setup->scanner, setup->run, setup->inputs, assessment);
  result.totals.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  assessment.Summary(result.totals);
  progress.Clear();

  const nlohmann::json& a = assessment.result();
  std::string text;
  if (format == "json") {
    text = a.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  } else if (format == "md") {
    text = RenderMarkdown(a, cmd.lang);
  } else {
    text = RenderHtml(a, cmd.lang);
  }
  if (cmd.output.empty()) {
    std::cout << text << std::flush;
    if (std::cout.fail()) {
      if (!ReaderGone(STDOUT_FILENO)) {
        std::cerr << "vigie: cannot write the report: " << std::strerror(errno) << "\n";
        return kExitError;
      }
    }
  } else {
    if (!WriteAll(file.fd(), text)) {
      std::cerr << "vigie: cannot write " << cmd.output << ": " << std::strerror(errno) << "\n";
      return kExitError;
    }
    if (!file.Commit(std::nullopt, error)) {
      std::cerr << "vigie: " << error << "\n";
      return kExitError;
    }
    std::cerr << "vigie: report written to " << cmd.output << "\n";
  }
  return result.totals.errors > 0 ? kExitError : kExitDone;
}

}  // namespace vigie::cli
