// SPDX-License-Identifier: Apache-2.0
// Health verdicts: does a text, or one record of a file, reveal a person's
// health (GDPR Article 9)? Built on the HEALTH_* findings of a Scanner.
//
//   auto scanner = vigie::Scanner::Create();
//   auto findings = scanner->Scan(record);
//   vigie::HealthVerdict v = vigie::AssessHealth(findings);
//   if (v.reveals_health) ...  // v.kinds says which categories, with evidence
#ifndef VIGIE_HEALTH_H_
#define VIGIE_HEALTH_H_

#include <string>
#include <string_view>
#include <vector>

#include "vigie/export.h"
#include "vigie/finding.h"

namespace vigie {

// One health category present, with the findings that show it.
struct HealthEvidence {
  std::string kind;  // HEALTH_DRUG, HEALTH_SEXUAL, ...
  double score = 0;  // its strongest finding's score
  std::vector<Finding> findings;
};

struct HealthVerdict {
  // True when the findings reveal health data: a condition, a drug, a
  // test, a pregnancy... Care and cover alone (a physician, a mutuelle)
  // do not, though they add to other evidence. Qualified findings count:
  // "pas de diabète" still tells of a test.
  bool reveals_health = false;
  // In [0, 1]: how sure; reveals_health is score >= kHealthThreshold.
  double score = 0;
  // The categories present, strongest first.
  std::vector<HealthEvidence> kinds;
};

inline constexpr double kHealthThreshold = 0.5;
// Findings from this score on count as evidence. Everyday words found
// without context ("infection", "goutte") score 0.4: one alone reveals
// nothing, two on the same line do (the same words scattered over a long
// text do not). To weigh them, scan with a min_score at or below this
// (vigie scan does).
inline constexpr double kHealthEvidenceFloor = 0.4;

// The verdict on the findings of one text or record (other categories of
// finding, and findings below kHealthEvidenceFloor, are ignored).
VIGIE_EXPORT HealthVerdict AssessHealth(const std::vector<Finding>& findings);

// AssessHealth's score alone, without the evidence (no finding is
// copied): for a caller that weighs many records and keeps only the
// verdict.
VIGIE_EXPORT double HealthScore(const std::vector<Finding>& findings);

}  // namespace vigie

#endif  // VIGIE_HEALTH_H_
