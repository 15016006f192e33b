// SPDX-License-Identifier: Apache-2.0
// The smallest program that embeds vigie: scan a buffer, print what was
// found with its offsets, kind, category and score (never the value), the
// names of the parts of addresses and names, and whether the text reveals
// health data.
#include <vigie/vigie.h>

#include <iostream>

int main() {
  // Findings down to kHealthEvidenceFloor feed the health verdict; only
  // those of 0.5 or more are printed.
  auto scanner = vigie::Scanner::Create({.min_score = vigie::kHealthEvidenceFloor});
  if (!scanner.ok()) {
    std::cerr << "vigie: " << scanner.error() << "\n";
    return 1;
  }
  std::string text =
      "Mme Hélène GARNIER, 3 place Bellecour, 69002 Lyon, "
      "n° de sécurité sociale 2 87 03 56 260 117 30, "
      "tél. 06 39 98 41 27, helene.garnier@example.org. "
      "Sérologie VIH négative, grossesse de 6 SA.";
  std::vector<vigie::Finding> findings = scanner->Scan(text);
  for (const vigie::Finding& f : findings) {
    if (f.score < 0.5) continue;
    std::cout << "[" << f.begin << ", " << f.end << ") " << f.kind << " ("
              << vigie::CategoryName(f.category) << ") score " << f.score;
    if (f.Has(vigie::Qualifier::kNegated)) std::cout << " negated";
    // The parts themselves are personal data, like the value: only their
    // names are printed here.
    for (const auto& [part, value] : vigie::Components(f)) std::cout << " " << part;
    std::cout << "\n";
  }
  vigie::HealthVerdict health = vigie::AssessHealth(findings);
  std::cout << (health.reveals_health ? "reveals health data" : "no health data") << " (score "
            << health.score << ")\n";
  return health.reveals_health ? 0 : 1;
}
