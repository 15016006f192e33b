// SPDX-License-Identifier: Apache-2.0
// DetectorSpec: what a custom detector is made of, so that a DLP author can
// add one without touching the library. Built-in detectors share the same path.
#ifndef VIGIE_DETECTOR_H_
#define VIGIE_DETECTOR_H_

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vigie/finding.h"

namespace vigie {

// What a confirm step says of one candidate.
struct Verdict {
  enum class Status { kReject, kUnconfirmed, kConfirmed };
  Status status = Status::kReject;
  // Score before context, in [0, 1]; a negative score stands for the
  // DetectorSpec's `score`. Context keywords move it afterwards.
  double score = 0;
  // The normalized value; empty means "the matched text as it is".
  std::string value;
  // A kind the finding is tied to (see Finding::context); usually empty.
  std::string context;

  static Verdict Reject() { return {}; }
  static Verdict Confirmed(double score = -1, std::string value = {}) {
    return {Status::kConfirmed, score, std::move(value), {}};
  }
  static Verdict Unconfirmed(double score, std::string value = {}) {
    return {Status::kUnconfirmed, score, std::move(value), {}};
  }
};

// Receives the exact matched bytes. Called from the scanning thread: it must
// be thread-safe when the Scanner is shared, and must not throw.
using ConfirmFn = std::function<Verdict(std::string_view match)>;

struct DetectorSpec {
  // Stable name in every output, e.g. "ACME_EMPLOYEE_ID".
  std::string kind;
  Category category = Category::kIdentity;

  // Hyperscan regular expressions (PCRE syntax, ASCII classes, no anchors or
  // back-references). Each must have a bounded width of at most 512 bytes.
  // A match must start and end on a word boundary.
  std::vector<std::string> patterns;
  // Literal terms, matched case-insensitively and with or without accents
  // ("sécu" also finds "SECU"), on word boundaries.
  std::vector<std::string> literals;

  // Context keywords, matched like literals. A positive keyword within the
  // window raises the score, a negative one lowers it.
  std::vector<std::string> keywords;
  std::vector<std::string> negative_keywords;
  // Window in bytes before the match start and after its end.
  size_t window_before = 64;
  size_t window_after = 24;

  // Score of a match that passes `confirm` and has no context.
  double score = 0.6;
  // Optional: validates the matched text. Without it every match is
  // confirmed with `score`.
  ConfirmFn confirm;
};

}  // namespace vigie

#endif  // VIGIE_DETECTOR_H_
