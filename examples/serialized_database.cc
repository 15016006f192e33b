// SPDX-License-Identifier: Apache-2.0
// Starts fast: compiling the detectors takes seconds, loading them compiled
// takes milliseconds. The first run compiles and saves the databases to
// PATH; the next runs load them. A file from another vigie version, another
// CPU or other options is refused with a reason, and the program compiles
// again and replaces it.
//
//   vigie_example_database PATH
#include <vigie/vigie.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

namespace {

double MillisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

// Writes `bytes` to `path` through a temporary file and a rename, so that a
// reader never sees half a database.
bool SaveAtomically(const std::string& path, const std::string& bytes) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())) || !out.flush()) {
      std::remove(temporary.c_str());
      return false;
    }
  }
  return std::rename(temporary.c_str(), path.c_str()) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " PATH\n";
    return 2;
  }
  const std::string path = argv[1];
  // The options must be the same at save and at load: they are part of
  // what the database was compiled from.
  const vigie::ScanOptions options{.min_score = 0.5};

  auto start = std::chrono::steady_clock::now();
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto scanner = vigie::Result<vigie::Scanner>::Error("no saved database");
  if (in.is_open()) scanner = vigie::Scanner::Deserialize(bytes, options);
  if (scanner.ok()) {
    std::cout << "loaded " << bytes.size() << " bytes from " << path << " in "
              << MillisecondsSince(start) << " ms\n";
  } else {
    std::cout << "cannot load (" << scanner.error() << "): compiling\n";
    start = std::chrono::steady_clock::now();
    scanner = vigie::Scanner::Create(options);
    if (!scanner.ok()) {
      std::cerr << "vigie: " << scanner.error() << "\n";
      return 1;
    }
    std::cout << "compiled in " << MillisecondsSince(start) << " ms\n";
    if (!SaveAtomically(path, scanner->Serialize())) {
      std::cerr << path << ": cannot be written\n";
      return 1;
    }
    std::cout << "saved to " << path << "\n";
  }

  // Either way the scanner is the same.
  auto findings = scanner->Scan("NIR 1 85 03 75 123 456 41, tél. 06 39 98 41 27");
  std::cout << findings.size() << " findings:";
  for (const vigie::Finding& f : findings) std::cout << " " << f.kind;
  std::cout << "\n";
  return 0;
}
