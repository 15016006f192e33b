// SPDX-License-Identifier: Apache-2.0
// Scanning the inputs of a command on every core and reporting them in
// their order: small files a thread each, a large file cut into parts that
// the threads scan together, standard input streamed. `vigie scan` and
// `vigie report` differ only in their Reporter.
#ifndef VIGIE_TOOLS_VIGIE_SCAN_RUNNER_H_
#define VIGIE_TOOLS_VIGIE_SCAN_RUNNER_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "common.h"
#include "report.h"
#include "vigie/vigie.h"

namespace vigie::cli {

// How the inputs are scanned and reported.
struct RunOptions {
  // The scan, down to kHealthEvidenceFloor for the health verdicts.
  CallOptions call;
  // Findings scoring this or more are reported.
  double min_score = 0;
  // Binary files are scanned too, not skipped.
  bool scan_binary = false;
  // Threads: files scanned at once, and the parts of a large file.
  unsigned jobs = 1;
  // The report's stream, when scanning is to stop once it cannot be
  // written (a full disk, a reader gone).
  const std::ostream* out = nullptr;
  // Called on the calling thread, now and then, with the bytes of input
  // reported so far (a progress line).
  std::function<void(uint64_t bytes)> progress;
};

struct RunResult {
  Totals totals;
  // The report could not be written (scanning stopped), and why (errno).
  bool output_failed = false;
  int output_errno = 0;
};

// Scans `inputs` and reports them, in their order, through `reporter`
// (whose calls come from this thread only); `totals.seconds` is left to
// the caller.
RunResult ScanInputs(const Scanner& scanner, const RunOptions& options,
                     const std::vector<Input>& inputs, Reporter& reporter);

// The options of every command that scans and reports (`vigie scan`,
// `vigie report`).
struct ScanFlags {
  std::vector<std::string> paths;
  std::vector<std::string> kinds;
  double min_score = 0.5;
  std::string layout = "auto";
  std::string delimiter;
  std::string database;
  bool no_cache = false;
  bool binary = false;
  int jobs = 0;  // 0: one per core
};

// Declares them on `app`.
void AddScanFlags(CLI::App& app, ScanFlags& flags);

// The scanner and run that `flags` ask for. What is compiled (the kinds)
// is apart from what each scan chooses: the scanner keeps findings down
// to kHealthEvidenceFloor for the health verdicts; only those at
// --min-score or more are reported. Null after telling why on stderr.
struct ScanSetup {
  Scanner scanner;
  RunOptions run;
  std::vector<Input> inputs;
};
std::optional<ScanSetup> SetUpScan(const ScanFlags& flags);

// True when `fd` is a pipe or socket whose reader has gone.
bool ReaderGone(int fd);

}  // namespace vigie::cli

#endif  // VIGIE_TOOLS_VIGIE_SCAN_RUNNER_H_
