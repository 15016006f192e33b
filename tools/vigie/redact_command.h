// SPDX-License-Identifier: Apache-2.0
// `vigie redact` rewrites files with what a policy says to do with each
// kind found (vigie::Redactor), and `vigie reveal` decrypts what its
// `encrypt` action wrote.
#ifndef VIGIE_TOOLS_VIGIE_REDACT_COMMAND_H_
#define VIGIE_TOOLS_VIGIE_REDACT_COMMAND_H_

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "vigie/redact.h"

namespace vigie::cli {

struct RedactCommand {
  std::vector<std::string> paths;
  std::string policy;     // a TOML file
  double min_score = -1;  // the policy's unless given
  std::vector<std::string> kinds;
  std::string output;   // -o
  std::string out_dir;  // --out-dir
  bool in_place = false;
  std::string key_file;
  std::string report;  // "", "text" or "json"
  bool verify = false;
  std::string layout = "auto";
  std::string delimiter;
  std::string database;
  bool no_cache = false;
};

struct RevealCommand {
  std::string path;
  std::string output;
  std::string key_file;
};

// Declares the two subcommands on `app`, filling `redact` and `reveal`.
CLI::App* AddRedactCommand(CLI::App& app, RedactCommand& redact);
CLI::App* AddRevealCommand(CLI::App& app, RevealCommand& reveal);

// Exit status: 0 done; 1 --verify found residues (those files are not
// written) or values that did not decrypt; 2 an error.
int RunRedact(const RedactCommand& cmd);
int RunReveal(const RevealCommand& cmd);

// The policy in a TOML file: `min_score`, tables `[categories.NAME]`
// (identity, contact, financial, health) and `[kinds.KIND]` with `action`,
// `mask_char`, `keep_last`, `tag`, `token_length`, `level`, `shift_days`;
// `kinds.KIND = "action"` for the action alone. Unknown keys are errors.
Result<RedactionPolicy> ParsePolicy(std::string_view toml, const std::string& source);

}  // namespace vigie::cli

#endif  // VIGIE_TOOLS_VIGIE_REDACT_COMMAND_H_
