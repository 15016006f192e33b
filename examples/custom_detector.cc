// SPDX-License-Identifier: Apache-2.0
// Adds a detector of one's own: the employee numbers of a company, ACME,
// written "ACM-482913-K" (six digits and a check letter). The pattern finds
// the shape, the confirm callback checks the letter, the keywords say how
// sure the context makes it. Built-in detectors run in the same pass.
#include <vigie/vigie.h>

#include <iostream>
#include <string>

namespace {

// ACME's check letter: the six digits modulo 23, as a letter A..W.
char CheckLetter(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = (n * 10 + (c - '0')) % 23;
  return static_cast<char>('A' + n);
}

// Receives the exact matched bytes: "ACM-482913-K" or "ACM482913K".
vigie::Verdict ConfirmEmployeeNumber(std::string_view match) {
  std::string digits;
  for (char c : match.substr(3)) {
    if (c >= '0' && c <= '9') digits += c;
  }
  if (digits.size() != 6 || match.back() != CheckLetter(digits)) {
    // A wrong letter is a typo or another number: not reported.
    return vigie::Verdict::Reject();
  }
  // Confirmed with the spec's score; the value is the number normalized.
  return vigie::Verdict::Confirmed(-1, "ACM" + digits + match.back());
}

}  // namespace

int main() {
  vigie::DetectorSpec employee{
      .kind = "ACME_EMPLOYEE_ID",
      .category = vigie::Category::kIdentity,
      .patterns = {R"(ACM-?[0-9]{6}-?[A-W])"},
      .keywords = {"matricule", "salarié", "employé"},
      .score = 0.7,
      .confirm = ConfirmEmployeeNumber,
  };
  // Only the custom kind and the NIR are kept here; leave `kinds` empty to
  // keep every kind.
  auto scanner =
      vigie::Scanner::Create({.kinds = {"ACME_EMPLOYEE_ID", "FR_NIR"}, .detectors = {employee}});
  if (!scanner.ok()) {
    std::cerr << "vigie: " << scanner.error() << "\n";
    return 1;
  }

  std::string digits = "482913";
  std::string good = "ACM-" + digits + "-" + CheckLetter(digits);
  std::string text = "Matricule " + good +
                     " (NIR 1 85 03 75 123 456 41). Ancien numéro ACM-482913-A. " + "Référence " +
                     good + ".";
  std::cout << text << "\n";
  for (const vigie::Finding& f : scanner->Scan(text)) {
    std::cout << "[" << f.begin << ", " << f.end << ") " << f.kind << " score " << f.score;
    // The normalized value of the invented employee numbers is printed to
    // show the confirm step's work; a real program masks personal data.
    if (f.kind == "ACME_EMPLOYEE_ID") std::cout << " value " << f.value;
    std::cout << "\n";
  }
  return 0;
}
