// SPDX-License-Identifier: Apache-2.0
// The health verdict: a noisy-or of the health findings' scores, each
// distinct value counted once, where care and cover (HEALTH_PROVIDER,
// HEALTH_INSURANCE) only strengthen the evidence of the other kinds, and
// everyday words found without context count only together with others of
// their line.
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <vector>

#include "vigie/health.h"

namespace vigie {
namespace {

// Care and cover alone stay below the threshold whatever their number.
constexpr double kCareWeight = 0.45;

bool IsCare(std::string_view kind) {
  return kind == "HEALTH_PROVIDER" || kind == "HEALTH_INSURANCE";
}

// What counts as health evidence: a health finding from the floor on.
bool IsEvidence(const Finding& f) {
  return f.category == Category::kHealth && f.score >= kHealthEvidenceFloor;
}

// A health finding as evidence: views into it, no copy.
struct Evidence {
  std::string_view kind;
  std::string_view value;
  uint64_t line = 0;
  double score = 0;  // clamped to [0, 1]
};

// Keeps the first of each run of evidence that `same` groups (sorted so
// that runs are adjacent), at the run's best score.
template <typename Same>
void KeepBest(std::vector<Evidence>& e, Same same) {
  size_t kept = 0;
  for (size_t i = 0; i < e.size(); ++i) {
    if (kept > 0 && same(e[kept - 1], e[i])) {
      e[kept - 1].score = std::max(e[kept - 1].score, e[i].score);
    } else {
      e[kept++] = e[i];
    }
  }
  e.resize(kept);
}

}  // namespace

double HealthScore(const std::vector<Finding>& findings) {
  // Each distinct value counts once, at its best score. Everyday words
  // found without context (below kHealthThreshold) are grouped by line: a
  // line of them is one piece of evidence when it reveals health on its
  // own ("infection" and "goutte" on one line), so that the same words
  // scattered over a whole manual say nothing. Evidence is multiplied in
  // the order of (kind, value), and of line first for the weak: the same
  // score every run.
  std::vector<Evidence> strong, weak;
  for (const Finding& f : findings) {
    if (!IsEvidence(f)) continue;
    Evidence e{f.kind, f.value, f.line, std::clamp(f.score, 0.0, 1.0)};
    (f.score >= kHealthThreshold ? strong : weak).push_back(e);
  }
  auto by_value = [](const Evidence& a, const Evidence& b) {
    return std::tie(a.kind, a.value) < std::tie(b.kind, b.value);
  };
  auto same_value = [](const Evidence& a, const Evidence& b) {
    return a.kind == b.kind && a.value == b.value;
  };
  std::sort(strong.begin(), strong.end(), by_value);
  KeepBest(strong, same_value);
  std::sort(weak.begin(), weak.end(), [&](const Evidence& a, const Evidence& b) {
    return a.line != b.line ? a.line < b.line : by_value(a, b);
  });
  KeepBest(weak, [&](const Evidence& a, const Evidence& b) {
    return a.line == b.line && same_value(a, b);
  });
  double miss = 1.0, care_miss = 1.0;  // the chance that the evidence is wrong
  for (const Evidence& e : strong) (IsCare(e.kind) ? care_miss : miss) *= 1.0 - e.score;
  for (size_t i = 0; i < weak.size();) {
    double line_miss = 1.0;
    size_t j = i;
    for (; j < weak.size() && weak[j].line == weak[i].line; ++j) {
      if (!IsCare(weak[j].kind)) line_miss *= 1.0 - weak[j].score;
    }
    if (1.0 - line_miss >= kHealthThreshold) miss *= line_miss;
    i = j;
  }
  double evidence = 1.0 - miss;
  double care = 1.0 - care_miss;
  return evidence + (1.0 - evidence) * kCareWeight * care;
}

HealthVerdict AssessHealth(const std::vector<Finding>& findings) {
  HealthVerdict v;
  v.score = HealthScore(findings);
  v.reveals_health = v.score >= kHealthThreshold;
  for (const Finding& f : findings) {
    if (!IsEvidence(f)) continue;
    auto it = std::find_if(v.kinds.begin(), v.kinds.end(),
                           [&](const HealthEvidence& e) { return e.kind == f.kind; });
    if (it == v.kinds.end()) it = v.kinds.insert(it, HealthEvidence{f.kind, 0, {}});
    it->score = std::max(it->score, f.score);
    it->findings.push_back(f);
  }
  // Strongest first; on a tie, in the order of their names.
  std::sort(v.kinds.begin(), v.kinds.end(),
            [](const HealthEvidence& a, const HealthEvidence& b) { return a.kind < b.kind; });
  std::stable_sort(
      v.kinds.begin(), v.kinds.end(),
      [](const HealthEvidence& a, const HealthEvidence& b) { return a.score > b.score; });
  return v;
}

}  // namespace vigie
