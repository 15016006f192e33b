// SPDX-License-Identifier: Apache-2.0
// `vigie report`'s assessment of a leak: a Reporter that reads the findings
// of every input (and their text, for the records and columns) and sums
// them up as one JSON document, the model that the HTML and Markdown
// reports are written from (report_render.h). Values never enter it: the
// people are counted from keyed hashes of their identifiers, with a key
// drawn for the run and forgotten with it.
#ifndef VIGIE_TOOLS_VIGIE_ASSESS_H_
#define VIGIE_TOOLS_VIGIE_ASSESS_H_

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report.h"
#include "vigie/options.h"

namespace vigie::cli {

// Distinct identifier values counted exactly (and joined into people) by
// default; past this many, an estimate (Assessment's "people.exact").
// Ten million of them, with the records that hold them, took 980 MB at
// the peak of a report of a 204 MB export of 5 million rows with two
// values each (the file read whole for the two threads included).
constexpr uint64_t kDefaultExactValues = 10'000'000;

// What vigie cannot see of a breach, given by the person who reports it
// (ENISA's "circumstances of the breach").
struct Circumstances {
  // Who may have read the data: "none" given, "known" recipients, or an
  // "unknown" number of them (published, on sale, lost).
  std::string confidentiality = "none";
  // The breach was malicious (theft, intrusion), not an error.
  bool malicious = false;
};

struct AssessOptions {
  // The layout of the inputs, as the scan reads them.
  CallOptions call;
  bool show_values = false;
  Circumstances circumstances;
  uint64_t exact_values = kDefaultExactValues;
  // Where the inputs' errors are told as they happen, if anywhere.
  std::ostream* err = nullptr;
};

class Assessment : public Reporter {
 public:
  explicit Assessment(const AssessOptions& options);
  ~Assessment() override;

  bool WantsText() const override { return true; }
  void Text(std::string_view path, std::string_view text) override;
  void Findings(std::string_view path, const std::vector<Finding>& findings) override;
  void FileDone(std::string_view path, const FileReport& file) override;
  void Error(std::string_view path, std::string_view message) override;
  void Skipped(std::string_view path, std::string_view why) override;
  // Ends the assessment: result() is complete once this is called.
  void Summary(const Totals& totals) override;

  // The assessment (its schema: docs/report.md).
  const nlohmann::json& result() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace vigie::cli

#endif  // VIGIE_TOOLS_VIGIE_ASSESS_H_
