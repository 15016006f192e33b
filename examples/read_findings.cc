// SPDX-License-Identifier: Apache-2.0
// Reads findings the way a DLP product does: by category, by score, with
// the health qualifiers and the context they carry, and decides what to do
// with each. Offsets are bytes of the scanned buffer; the value is the
// personal data itself and is shown masked.
#include <vigie/vigie.h>

#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace {

// What a product might do with a finding of this score. Scores are
// calibrated in [0, 1]: above 0.85 a reviewer almost always agrees (a
// checksum held, or strong context), from 0.5 it is likely, below 0.5 it
// is a weak hint that counts only as health evidence.
const char* Action(const vigie::Finding& f) {
  if (f.score >= 0.85) return "redact";
  if (f.score >= 0.5) return "review";
  return "hint";
}

// All but the last two characters hidden, as vigie's own outputs do.
std::string Masked(const std::string& value) {
  if (value.size() <= 4) return std::string(value.size(), '*');
  return std::string(value.size() - 2, '*') + value.substr(value.size() - 2);
}

}  // namespace

int main() {
  // min_score at the health evidence floor keeps the weak hints too.
  auto scanner = vigie::Scanner::Create({.min_score = vigie::kHealthEvidenceFloor});
  if (!scanner.ok()) {
    std::cerr << "vigie: " << scanner.error() << "\n";
    return 1;
  }
  const std::string text =
      "Compte rendu du 12/03/2024. Patiente : Mme Claire Fontaine, née le 14/07/1987, "
      "NIR 2 87 07 69 123 456 22, tél. 06 39 98 41 27.\n"
      "Médecin traitant : Dr Martin. Mutuelle : MGEN.\n"
      "Grossesse de 12 SA. Pas de diabète. Mère asthmatique. Légère infection.\n";

  std::vector<vigie::Finding> findings = scanner->Scan(text);
  std::map<vigie::Category, std::vector<const vigie::Finding*>> by_category;
  for (const vigie::Finding& f : findings) by_category[f.category].push_back(&f);

  for (const auto& [category, list] : by_category) {
    std::cout << vigie::CategoryName(category) << ":\n";
    for (const vigie::Finding* f : list) {
      std::cout << "  " << f->kind << " at bytes [" << f->begin << ", " << f->end << "), line "
                << f->line << " column " << f->column << ", score " << f->score << " ("
                << (f->confidence == vigie::Confidence::kConfirmed ? "confirmed" : "unconfirmed")
                << ") -> " << Action(*f) << ", " << Masked(f->value);
      for (vigie::Qualifier q : {vigie::Qualifier::kNegated, vigie::Qualifier::kHypothetical,
                                 vigie::Qualifier::kFamily, vigie::Qualifier::kHistory}) {
        if (f->Has(q)) std::cout << " [" << vigie::QualifierName(q) << "]";
      }
      if (!f->context.empty()) std::cout << " context " << f->context;
      std::cout << "\n";
    }
  }
  // The text as a whole: does it reveal health data (GDPR Article 9)?
  vigie::HealthVerdict health = vigie::AssessHealth(findings);
  std::cout << "health: " << (health.reveals_health ? "revealed" : "not revealed") << ", score "
            << health.score << ":";
  for (const vigie::HealthEvidence& e : health.kinds) std::cout << " " << e.kind;
  std::cout << "\n";
  return 0;
}
