// SPDX-License-Identifier: Apache-2.0
// A program outside vigie's tree that links an installed vigie (CMake's
// find_package, pkg-config, Conan's test_package) or a vigie added with
// add_subdirectory. It uses one call from each part of the API and exits 0
// only when each gives the expected answer.
#include <vigie/vigie.h>

#include <cstring>
#include <iostream>
#include <set>
#include <string>

int main() {
  std::cout << "vigie " << VIGIE_VERSION_STRING << "\n";
  auto scanner = vigie::Scanner::Create();
  if (!scanner.ok()) {
    std::cerr << "downstream: " << scanner.error() << "\n";
    return 1;
  }
  const std::string text =
      "Patient : Mme Hélène GARNIER, NIR 2 87 03 56 260 117 30, tél. 06 39 98 41 27, "
      "helene.garnier@example.org, 3 place Bellecour, 69002 Lyon. Sérologie VIH positive.";
  std::set<std::string> kinds;
  for (const vigie::Finding& f : scanner->Scan(text)) kinds.insert(f.kind);
  for (const char* want : {"FR_NIR", "PHONE_NUMBER", "EMAIL_ADDRESS", "PERSON", "FR_POSTAL_ADDRESS",
                           "HEALTH_SEXUAL"}) {
    if (kinds.count(want) == 0) {
      std::cerr << "downstream: " << want << " not found\n";
      return 1;
    }
  }
  // A stream fed byte by byte finds what one call finds.
  vigie::Stream stream = scanner->OpenStream();
  size_t streamed = 0;
  for (char c : text) streamed += stream.Write(std::string_view(&c, 1)).size();
  streamed += stream.Finish().size();
  if (streamed != scanner->Scan(text).size()) {
    std::cerr << "downstream: the stream found " << streamed << " findings\n";
    return 1;
  }
  if (!vigie::AssessHealth(scanner->Scan(text)).reveals_health ||
      !vigie::ValidateNir("2 87 03 56 260 117 30").valid ||
      vigie::ValidateNir("2 87 03 56 260 117 31").valid) {
    std::cerr << "downstream: wrong health verdict or NIR validation\n";
    return 1;
  }
  std::cout << "found";
  for (const std::string& kind : kinds) std::cout << " " << kind;
  std::cout << "\n";
  return 0;
}
