// SPDX-License-Identifier: Apache-2.0
// Assembling the detectors of a scanner: built-in ones, custom specs
// checked and turned into DetectorDefs, the kinds kept, the triggers.
#include "scan/detector_set.h"

#include <algorithm>
#include <string>

#include "detect/builtin.h"

namespace vigie::internal {
namespace {

constexpr size_t kMaxWindow = 4096;

bool ValidKindName(std::string_view kind) {
  if (kind.empty() || kind.size() > 64 || !(kind[0] >= 'A' && kind[0] <= 'Z')) return false;
  return std::all_of(kind.begin(), kind.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

DetectorDef FromSpec(const DetectorSpec& spec) {
  DetectorDef d;
  d.kind = spec.kind;
  d.category = spec.category;
  for (const auto& p : spec.patterns) {
    bool digit_led = !p.empty() && ((p[0] >= '0' && p[0] <= '9') || p.rfind("\\d", 0) == 0 ||
                                    p.rfind("[0-9]", 0) == 0);
    d.patterns.push_back({p, digit_led ? Shape::kDigitLed : Shape::kOther, false});
  }
  d.literals = spec.literals;
  d.keywords = spec.keywords;
  d.negative_keywords = spec.negative_keywords;
  d.window_before = spec.window_before;
  d.window_after = spec.window_after;
  double default_score = spec.score;
  ConfirmFn user = spec.confirm;
  d.confirm = [default_score, user](std::string_view match) -> Verdict {
    if (!user) return Verdict::Confirmed(default_score);
    Verdict v;
    try {
      v = user(match);
    } catch (...) {
      return Verdict::Reject();  // a throwing callback rejects, never crashes a scan
    }
    if (v.score < 0) v.score = default_score;
    v.score = std::clamp(v.score, 0.0, 1.0);
    return v;
  };
  return d;
}

}  // namespace

Result<DetectorSet> AssembleDetectors(const ScanOptions& options) {
  using R = Result<DetectorSet>;
  std::vector<DetectorDef> all;
  if (options.builtin_detectors) all = detect::BuiltinDetectors();
  for (const DetectorSpec& spec : options.detectors) {
    if (!ValidKindName(spec.kind)) {
      return R::Error("invalid kind name '" + spec.kind +
                      "': use upper-case letters, digits and '_'");
    }
    if (spec.patterns.empty() && spec.literals.empty()) {
      return R::Error("detector " + spec.kind + " has neither patterns nor literals");
    }
    if (!(spec.score >= 0 && spec.score <= 1)) {
      return R::Error("detector " + spec.kind + ": score must lie in [0, 1]");
    }
    if (spec.window_before > kMaxWindow || spec.window_after > kMaxWindow) {
      return R::Error("detector " + spec.kind + ": context windows are limited to 4096 bytes");
    }
    for (const auto& existing : all) {
      if (existing.kind == spec.kind) {
        return R::Error("detector " + spec.kind + " is defined twice");
      }
    }
    all.push_back(FromSpec(spec));
  }
  for (const std::string& kind : options.kinds) {
    bool known =
        std::any_of(all.begin(), all.end(), [&](const DetectorDef& d) { return d.kind == kind; });
    if (!known) return R::Error("unknown kind '" + kind + "'");
  }
  DetectorSet set;
  for (auto& d : all) {
    bool wanted = options.kinds.empty() || std::find(options.kinds.begin(), options.kinds.end(),
                                                     d.kind) != options.kinds.end();
    if (wanted) set.detectors.push_back(std::move(d));
  }
  if (set.detectors.empty()) return R::Error("no detector to compile");
  bool qualified = std::any_of(set.detectors.begin(), set.detectors.end(),
                               [](const DetectorDef& d) { return d.qualified; });
  if (qualified) set.triggers = detect::QualifierTriggers();
  return set;
}

}  // namespace vigie::internal
