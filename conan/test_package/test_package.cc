// SPDX-License-Identifier: Apache-2.0
// Links the packaged vigie and checks that it finds a NIR and a phone
// number in a sentence; exits 1 otherwise.
#include <vigie/vigie.h>

#include <iostream>

int main() {
  auto scanner = vigie::Scanner::Create();
  if (!scanner.ok()) {
    std::cerr << "vigie: " << scanner.error() << "\n";
    return 1;
  }
  bool nir = false;
  bool phone = false;
  for (const vigie::Finding& f : scanner->Scan("NIR 1 85 03 75 123 456 41, tél. 06 39 98 41 27")) {
    nir |= f.kind == "FR_NIR";
    phone |= f.kind == "PHONE_NUMBER";
  }
  std::cout << "vigie " << VIGIE_VERSION_STRING << ": FR_NIR " << (nir ? "found" : "missing")
            << ", PHONE_NUMBER " << (phone ? "found" : "missing") << "\n";
  return nir && phone ? 0 : 1;
}
