// The smallest program that embeds vigie: scan a buffer, print what was
// found with its offsets, kind, category and score (never the value).
#include <vigie/vigie.h>

#include <iostream>

int main() {
  auto scanner = vigie::Scanner::Create();
  if (!scanner.ok()) {
    std::cerr << "vigie: " << scanner.error() << "\n";
    return 1;
  }
  std::string text =
      "Mme Hélène GARNIER, n° de sécurité sociale 2 87 03 56 260 117 30, "
      "tél. 06 39 98 41 27, helene.garnier@example.org";
  for (const vigie::Finding& f : scanner->Scan(text)) {
    std::cout << "[" << f.begin << ", " << f.end << ") " << f.kind << " ("
              << vigie::CategoryName(f.category) << ") score " << f.score << "\n";
  }
  return 0;
}
