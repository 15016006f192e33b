// SPDX-License-Identifier: Apache-2.0
// `vigie report`: the assessment of a leak (assess.h) over files,
// directories and standard input, written as one self-contained HTML
// page, JSON or Markdown (report_render.h).
#ifndef VIGIE_TOOLS_VIGIE_REPORT_COMMAND_H_
#define VIGIE_TOOLS_VIGIE_REPORT_COMMAND_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "scan_runner.h"

namespace vigie::cli {

struct ReportCommand {
  ScanFlags scan;
  std::string output;  // -o; standard output when empty
  std::string format;  // html, json or md; from -o's extension, else html
  std::string lang = "fr";
  bool show_values = false;
  std::string confidentiality = "none";
  bool malicious = false;
  uint64_t exact_values = 0;  // 0: the default
  bool progress = true;
};

CLI::App* AddReportCommand(CLI::App& app, ReportCommand& cmd);

// Exit status: 0 the report is written; 2 an error (an input that could
// not be read is an error, and is listed in the report, which is written).
int RunReport(const ReportCommand& cmd);

}  // namespace vigie::cli

#endif  // VIGIE_TOOLS_VIGIE_REPORT_COMMAND_H_
