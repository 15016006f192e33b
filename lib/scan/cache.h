// SPDX-License-Identifier: Apache-2.0
// Files of the compiled-detector cache: where they live, how they are read
// and written (aside, then renamed, so that a reader never sees half a file).
#ifndef VIGIE_LIB_SCAN_CACHE_H_
#define VIGIE_LIB_SCAN_CACHE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "vigie/result.h"

namespace vigie::internal {

// DIRECTORY/detectors-VERSION-FINGERPRINT-CPUFEATURES.vigiedb
std::string CacheFilePath(const std::string& directory, uint64_t fingerprint,
                          uint64_t cpu_features);

// A file mapped read-only into memory for as long as the object lives: a
// cached database is read without copying it into a buffer first.
class MappedFile {
 public:
  static Result<MappedFile> Open(const std::string& path);
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  MappedFile(void* data, size_t size) : data_(data), size_(size) {}
  void* data_ = nullptr;
  size_t size_ = 0;
};

// Writes `bytes` to a new file beside `path`, then renames it over `path`;
// creates the directory first. Never leaves a partial file at `path`.
Result<bool> WriteFileAtomically(const std::string& path, std::string_view bytes);

}  // namespace vigie::internal

#endif  // VIGIE_LIB_SCAN_CACHE_H_
