// SPDX-License-Identifier: Apache-2.0
// `vigie`: the command-line program. `vigie scan [OPTIONS] [PATH...]` scans
// files, directories and standard input and reports what it finds; `vigie
// redact` rewrites them (redact_command.cc), `vigie validate` checks values.
#include <absl/container/flat_hash_map.h>
#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "common.h"
#include "redact_command.h"
#include "report.h"
#include "report_command.h"
#include "scan_runner.h"
#include "utf16.h"
#include "validate_command.h"
#include "vigie/vigie.h"

namespace vigie::cli {
namespace {

// Exit statuses of `vigie scan`.
constexpr int kExitNothingFound = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

struct ScanCommand {
  ScanFlags scan;
  std::string format = "text";
  bool show_values = false;
};

int RunScan(const ScanCommand& cmd) {
  std::optional<ScanSetup> setup = SetUpScan(cmd.scan);
  if (!setup) return kExitError;
  ReportOptions report_options;
  report_options.show_values = cmd.show_values;
  if (const char* key = std::getenv("VIGIE_FINGERPRINT_KEY")) report_options.fingerprint_key = key;
  auto reporter = MakeReporter(cmd.format, report_options, std::cout, std::cerr);
  setup->run.out = &std::cout;
  auto start = std::chrono::steady_clock::now();
  RunResult result = ScanInputs(setup->scanner, setup->run, setup->inputs, *reporter);
  const Totals& totals = result.totals;
  result.totals.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!result.output_failed) {
    reporter->Summary(totals);
    std::cout.flush();
    if (std::cout.fail()) {
      result.output_failed = true;
      result.output_errno = errno != 0 ? errno : EIO;
    }
  }
  if (result.output_failed) {
    // A reader that went away (`vigie scan ... | head -1`) ends the scan
    // quietly, as it ends grep; any other failure is an error.
    if (ReaderGone(STDOUT_FILENO)) {
      return totals.findings > 0 ? kExitFindings : kExitNothingFound;
    }
    std::cerr << "vigie: cannot write the report: " << std::strerror(result.output_errno) << "\n";
    return kExitError;
  }
  if (totals.errors > 0) return kExitError;
  return totals.findings > 0 ? kExitFindings : kExitNothingFound;
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
  AddScanFlags(*scan, cmd.scan);
  scan->add_option("--format", cmd.format, "Output format")
      ->check(CLI::IsMember({"text", "jsonl", "sarif"}))
      ->capture_default_str();
  scan->add_flag("--show-values", cmd.show_values, "Print detected values (masked otherwise)");
  std::string validator;
  std::vector<std::string> values;
  CLI::App* validate = app.add_subcommand(
      "validate", "Check values with a validator; prints one JSON verdict per value");
  validate->add_option("kind", validator, "Which validator")
      ->required()
      ->check(CLI::IsMember(ValidatorNames()));
  validate->add_option("values", values, "Values to check; none reads one per line from stdin");
  RedactCommand redact;
  CLI::App* redact_app = AddRedactCommand(app, redact);
  RevealCommand reveal;
  CLI::App* reveal_app = AddRevealCommand(app, reveal);
  ReportCommand report;
  CLI::App* report_app = AddReportCommand(app, report);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : kExitError;
  }
  if (validate->parsed()) return RunValidate(validator, values, std::cin, std::cout);
  if (redact_app->parsed()) return RunRedact(redact);
  if (reveal_app->parsed()) return RunReveal(reveal);
  if (report_app->parsed()) return RunReport(report);
  return RunScan(cmd);
}

}  // namespace
}  // namespace vigie::cli

int main(int argc, char** argv) {
  // A write to a pipe whose reader has gone fails (EPIPE) instead of
  // killing the process: the scan then ends quietly (ReaderGone).
  std::signal(SIGPIPE, SIG_IGN);
  // The parts of a large file are scanned by threads whose findings (up to
  // tens of megabytes a part) are freed once reported: glibc's defaults give
  // such blocks back to the system and map fresh pages for the next part
  // (on a 52 MB export, `-j 2` had 318k page faults and 1.2 s of system
  // time; 56k and 0.2 s with these and parts of 2 MiB at most). Blocks of
  // up to 32 MiB stay in the heap, which is trimmed past 512 MiB.
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
#endif
  try {
    return vigie::cli::Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "vigie: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "vigie: unexpected error\n";
  }
  return 2;
}
