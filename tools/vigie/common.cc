// SPDX-License-Identifier: Apache-2.0
#include "common.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>

namespace vigie::cli {
namespace {

// A compiled scanner from `path` when it holds one for these options;
// otherwise compiles one and saves it there (written aside, then renamed,
// so that a reader never sees half a file). Compiling takes seconds with
// the health lexicons; loading, milliseconds. A file that holds no
// readable database (a CSV named by mistake, a damaged file) is never
// written over: the detectors are compiled for this run only.
Result<Scanner> LoadOrCompile(const ScanOptions& options, const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  bool keep_file = false;
  if (in) {
    std::string bytes(static_cast<size_t>(std::max<std::streamoff>(in.tellg(), 0)), '\0');
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    auto loaded = Scanner::Deserialize(bytes, options);
    if (loaded.ok()) return loaded;
    keep_file = loaded.code() == ErrorCode::kCorrupt;
    std::cerr << "vigie: " << path << ": " << loaded.error()
              << (keep_file ? "; compiling for this run, the file is left as it is (remove it to "
                              "save the detectors there)\n"
                            : "; compiling again\n");
  }
  auto scanner = Scanner::Create(options);
  if (!scanner.ok() || keep_file) return scanner;
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << scanner->Serialize();
    out.flush();
    if (!out) {
      std::cerr << "vigie: cannot write " << path << "; going on without saving it\n";
      std::remove(tmp.c_str());
      return scanner;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::cerr << "vigie: cannot write " << path << ": " << std::strerror(errno) << "\n";
    std::remove(tmp.c_str());
  }
  return scanner;
}

}  // namespace

Result<Scanner> OpenScanner(const ScanOptions& options, const std::string& database,
                            bool no_cache) {
  if (!database.empty()) return LoadOrCompile(options, database);
  if (no_cache) return Scanner::Create(options);
  CacheOptions cache;
  cache.notice = [](CacheOptions::Event event, const std::string& message) {
    // Compiling is no news unless someone is watching; a damaged cache is.
    if (event != CacheOptions::Event::kCompiling || ::isatty(STDERR_FILENO)) {
      std::cerr << "vigie: " << message << "\n";
    }
  };
  return Scanner::Create(options, cache);
}

}  // namespace vigie::cli
