// SPDX-License-Identifier: Apache-2.0
// Reports of `vigie scan`: one writer per output format behind one
// interface, so that the scan loop knows nothing of formats.
#ifndef VIGIE_TOOLS_VIGIE_REPORT_H_
#define VIGIE_TOOLS_VIGIE_REPORT_H_

#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/finding.h"
#include "vigie/health.h"

namespace vigie::cli {

struct ReportOptions {
  bool show_values = false;
  // Key of the SARIF value fingerprints (HMAC-SHA256); empty: a random key
  // for this run only.
  std::string fingerprint_key;
};

// What a file held, once read to its end.
struct FileReport {
  uint64_t bytes = 0;
  uint64_t findings = 0;
  uint64_t lines = 0;
  // The verdict over the whole file, and the number of its lines (the
  // records of a delimited file) whose own findings reveal health data.
  HealthVerdict health;
  uint64_t health_lines = 0;
};

struct Totals {
  uint64_t files = 0;
  uint64_t files_with_findings = 0;
  uint64_t bytes = 0;
  uint64_t errors = 0;
  uint64_t skipped = 0;  // binary files, unless --binary
  uint64_t findings = 0;
  uint64_t files_revealing_health = 0;
  double seconds = 0;
  std::map<std::string, uint64_t> by_kind;
  std::map<std::string, std::string> category_of_kind;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  // Findings of `path`, in text order; may be called several times per
  // file as a stream yields them.
  virtual void Findings(std::string_view path, const std::vector<Finding>& findings) = 0;
  // `path` has been read to its end.
  virtual void FileDone(std::string_view path, const FileReport& file) = 0;
  virtual void Error(std::string_view path, std::string_view message) = 0;
  // `path` was not scanned, for a reason that is no error (a binary file).
  virtual void Skipped(std::string_view path, std::string_view why) = 0;
  virtual void Summary(const Totals& totals) = 0;
  // A reporter that reads the text itself (vigie report counts records)
  // says so, and is then given each piece of a file's text, as UTF-8,
  // before the findings in it.
  virtual bool WantsText() const { return false; }
  virtual void Text(std::string_view /*path*/, std::string_view /*text*/) {}
};

// `format` is "text", "jsonl" or "sarif"; null for another word.
std::unique_ptr<Reporter> MakeReporter(std::string_view format, const ReportOptions& options,
                                       std::ostream& out, std::ostream& err);

}  // namespace vigie::cli

#endif  // VIGIE_TOOLS_VIGIE_REPORT_H_
