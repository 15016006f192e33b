// The health verdict: a noisy-or of the health findings' scores, each
// distinct value counted once, where care and cover (HEALTH_PROVIDER,
// HEALTH_INSURANCE) only strengthen the evidence of the other kinds, and
// everyday words found without context count only together with others of
// their line.
#include <algorithm>
#include <map>

#include "vigie/health.h"

namespace vigie {
namespace {

// Care and cover alone stay below the threshold whatever their number.
constexpr double kCareWeight = 0.45;

bool IsCare(std::string_view kind) {
  return kind == "HEALTH_PROVIDER" || kind == "HEALTH_INSURANCE";
}

}  // namespace

HealthVerdict AssessHealth(const std::vector<Finding>& findings) {
  HealthVerdict v;
  std::map<std::string, HealthEvidence> by_kind;
  // Each distinct value counts once, at its best score. Everyday words
  // found without context (below kHealthThreshold) are grouped by line: a
  // line of them is one piece of evidence when it reveals health on its
  // own ("infection" and "goutte" on one line), so that the same words
  // scattered over a whole manual say nothing.
  std::map<std::string, double> best;  // ordered: the same score every run
  std::map<uint64_t, std::map<std::string, double>> weak_lines;
  for (const Finding& f : findings) {
    if (f.category != Category::kHealth || f.score < kHealthEvidenceFloor) continue;
    HealthEvidence& e = by_kind[f.kind];
    e.kind = f.kind;
    e.score = std::max(e.score, f.score);
    e.findings.push_back(f);
    std::string key = f.kind + '\0' + f.value;
    double& b = f.score >= kHealthThreshold ? best[key] : weak_lines[f.line][key];
    b = std::max(b, std::clamp(f.score, 0.0, 1.0));
  }
  double miss = 1.0, care_miss = 1.0;  // the chance that the evidence is wrong
  for (const auto& [key, score] : best) {
    (IsCare(std::string_view(key).substr(0, key.find('\0'))) ? care_miss : miss) *= 1.0 - score;
  }
  for (const auto& [line, words] : weak_lines) {
    double line_miss = 1.0;
    for (const auto& [key, score] : words) {
      if (!IsCare(std::string_view(key).substr(0, key.find('\0')))) line_miss *= 1.0 - score;
    }
    if (1.0 - line_miss >= kHealthThreshold) miss *= line_miss;
  }
  double evidence = 1.0 - miss;
  double care = 1.0 - care_miss;
  v.score = evidence + (1.0 - evidence) * kCareWeight * care;
  v.reveals_health = v.score >= kHealthThreshold;
  for (auto& [kind, e] : by_kind) v.kinds.push_back(std::move(e));
  std::stable_sort(
      v.kinds.begin(), v.kinds.end(),
      [](const HealthEvidence& a, const HealthEvidence& b) { return a.score > b.score; });
  return v;
}

}  // namespace vigie
