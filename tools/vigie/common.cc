// SPDX-License-Identifier: Apache-2.0
#include "common.h"

#include <sys/stat.h>
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

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

bool AtomicFile::Open(const std::string& dest, std::string& error) {
  dest_ = dest;
  fs::path dir = fs::path(dest).parent_path();
  if (dir.empty()) dir = ".";
  tmp_ = (dir / (".vigie-" + fs::path(dest).filename().string() + ".XXXXXX")).string();
  fd_ = ::mkstemp(tmp_.data());
  if (fd_ < 0) {
    error = "cannot write in " + dir.string() + ": " + std::strerror(errno);
    tmp_.clear();
    return false;
  }
  return true;
}

bool AtomicFile::Commit(std::optional<mode_t> mode, std::string& error) {
  if (mode) ::fchmod(fd_, *mode);
  bool ok = ::fsync(fd_) == 0;
  ok = ::close(fd_) == 0 && ok;
  fd_ = -1;
  if (!ok || std::rename(tmp_.c_str(), dest_.c_str()) != 0) {
    error = "cannot write " + dest_ + ": " + std::strerror(errno);
    Discard();
    return false;
  }
  tmp_.clear();
  return true;
}

void AtomicFile::Discard() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!tmp_.empty()) std::remove(tmp_.c_str());
  tmp_.clear();
}

void AddLayoutOptions(CLI::App& app, std::string& layout, std::string& delimiter) {
  app.add_option("--layout", layout,
                 "Text layout: auto, text, delimited (CSV/TSV) or json (JSON Lines, JSON)")
      ->check(CLI::IsMember({"auto", "text", "delimited", "json"}))
      ->capture_default_str();
  app.add_option("--delimiter", delimiter, "Delimiter of a delimited file: ';', ',' or tab")
      ->check(CLI::IsMember({";", ",", "tab", "\\t", "\t"}));
}

CallOptions LayoutCall(const std::string& layout, const std::string& delimiter) {
  CallOptions call;
  if (layout == "text") call.layout = Layout::kText;
  if (layout == "delimited") call.layout = Layout::kDelimited;
  if (layout == "json") call.layout = Layout::kJson;
  if (!delimiter.empty()) {
    call.layout = Layout::kDelimited;
    call.delimiter = delimiter == "tab" || delimiter == "\\t" ? '\t' : delimiter[0];
  }
  return call;
}

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
