// SPDX-License-Identifier: Apache-2.0
// What the commands of `vigie` share: the list of inputs named on the
// command line, and the compiled scanner (from the cache, a database file,
// or compiled for the run).
#ifndef VIGIE_TOOLS_VIGIE_COMMON_H_
#define VIGIE_TOOLS_VIGIE_COMMON_H_

#include <sys/types.h>

#include <CLI/CLI.hpp>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/vigie.h"

namespace vigie::cli {

namespace fs = std::filesystem;

struct Input {
  std::string path;
  std::string error;  // why it cannot be read, when listing found out
  uint64_t size = 0;  // bytes, for a regular file
  // Where it goes under an output directory: a file named on the command
  // line by its name, a file found in a directory D by D's name and its
  // path under D.
  std::string relative;
};

// The inputs named on the command line, in the order of their reports:
// directories walked in name order (so that reports are reproducible),
// without following links to directories; an unreadable directory is an
// error that does not stop its siblings.
class InputList {
 public:
  void Add(const std::string& path) {
    if (path == "-") {
      inputs_.push_back({path, {}, 0, "-"});
      return;
    }
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec) {
      inputs_.push_back({path, ec.message(), 0, path});
    } else if (fs::is_directory(status)) {
      fs::path root = fs::path(path).lexically_normal();
      if (!root.has_filename()) root = root.parent_path();
      Walk(path, root);
    } else {
      AddFile(path, fs::path(path).filename().string());
    }
  }
  std::vector<Input>& inputs() { return inputs_; }

 private:
  void AddFile(const std::string& path, std::string relative) {
    std::error_code ec;
    uint64_t size = fs::file_size(path, ec);
    inputs_.push_back({path, {}, ec ? 0 : size, std::move(relative)});
  }

  void Walk(const fs::path& dir, const fs::path& root) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
      inputs_.push_back({dir.string(), ec.message(), 0, dir.string()});
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != end; it.increment(ec)) {
      if (ec) {
        inputs_.push_back({dir.string(), ec.message(), 0, dir.string()});
        break;
      }
      entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path() < b.path(); });
    for (const auto& entry : entries) {
      std::error_code type_ec;
      if (entry.is_symlink(type_ec) && entry.is_directory(type_ec)) continue;  // no loops
      if (entry.is_directory(type_ec)) {
        Walk(entry.path(), root);
      } else if (entry.is_regular_file(type_ec)) {
        fs::path under = entry.path().lexically_relative(root);
        AddFile(entry.path().string(), (root.filename() / under).string());
      }
    }
  }

  std::vector<Input> inputs_;
};

// Writes all of `bytes` to `fd`; false on an error (errno says which).
bool WriteAll(int fd, std::string_view bytes);

// A file written aside in the directory of `dest` and renamed over it
// once complete: a reader never sees half of it, and `dest` is left as it
// was when anything fails.
class AtomicFile {
 public:
  AtomicFile() = default;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile() { Discard(); }
  bool Open(const std::string& dest, std::string& error);
  int fd() const { return fd_; }
  const std::string& path() const { return tmp_; }
  // Renames the file over `dest`, with `mode`'s permissions when given.
  bool Commit(std::optional<mode_t> mode, std::string& error);
  void Discard();

 private:
  std::string dest_;
  std::string tmp_;
  int fd_ = -1;
};

// Adds a command's --layout (auto, text, delimited, json) and --delimiter
// (';', ',', tab; implies delimited) options.
void AddLayoutOptions(CLI::App& app, std::string& layout, std::string& delimiter);
// The layout those options ask for.
CallOptions LayoutCall(const std::string& layout, const std::string& delimiter);

// A compiled scanner for `options`: from the file `database` when not
// empty (compiled and saved there otherwise), compiled for this run when
// `no_cache`, else from the cache (compiled there on the first run).
Result<Scanner> OpenScanner(const ScanOptions& options, const std::string& database, bool no_cache);

}  // namespace vigie::cli

#endif  // VIGIE_TOOLS_VIGIE_COMMON_H_
