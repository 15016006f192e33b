// SPDX-License-Identifier: Apache-2.0
// The compiled-detector cache's files.
#include "scan/cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <utility>

#include "vigie/scanner.h"
#include "vigie/version.h"

namespace vigie {

std::string DefaultCacheDirectory() {
  auto env = [](const char* name) -> std::string {
    const char* value = std::getenv(name);
    return value && *value ? value : "";
  };
  if (std::string dir = env("VIGIE_CACHE_DIR"); !dir.empty()) return dir;
  if (std::string dir = env("XDG_CACHE_HOME"); !dir.empty()) return dir + "/vigie";
  if (std::string dir = env("HOME"); !dir.empty()) return dir + "/.cache/vigie";
  return {};
}

namespace internal {
namespace {

std::string Hex(uint64_t v) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(v));
  return buffer;
}

Result<bool> IoError(const std::string& what, int error) {
  return Result<bool>::Error(ErrorCode::kIoError, what + ": " + std::strerror(error));
}

}  // namespace

std::string CacheFilePath(const std::string& directory, uint64_t fingerprint,
                          uint64_t cpu_features) {
  return directory + "/detectors-" + VIGIE_VERSION_STRING + "-" + Hex(fingerprint) + "-" +
         Hex(cpu_features) + ".vigiedb";
}

Result<MappedFile> MappedFile::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Result<MappedFile>::ErrorOf(IoError(path, errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int error = errno;
    ::close(fd);
    return Result<MappedFile>::ErrorOf(IoError(path, error));
  }
  if (st.st_size == 0) {
    ::close(fd);
    return MappedFile(nullptr, 0);
  }
  auto size = static_cast<size_t>(st.st_size);
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  int error = errno;
  ::close(fd);
  if (data == MAP_FAILED) return Result<MappedFile>::ErrorOf(IoError(path, error));
  return MappedFile(data, size);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    if (data_) ::munmap(data_, size_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

MappedFile::~MappedFile() {
  if (data_) ::munmap(data_, size_);
}

Result<bool> WriteFileAtomically(const std::string& path, std::string_view bytes) {
  std::error_code ec;
  std::filesystem::path target(path);
  if (target.has_parent_path() && !std::filesystem::exists(target.parent_path(), ec)) {
    // A directory vigie makes for its cache is its user's alone: a file
    // that others could put there would be loaded as detectors.
    std::filesystem::create_directories(target.parent_path(), ec);
    if (!ec) {
      std::filesystem::permissions(target.parent_path(), std::filesystem::perms::owner_all,
                                   std::filesystem::perm_options::replace, ec);
    }
  }
  if (ec) return IoError(target.parent_path().string(), ec.value());
  // A name no other writer uses: this process, and a counter for its threads.
  static std::atomic<unsigned> counter{0};
  std::string tmp = path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return IoError(tmp, errno);
  const char* at = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, at, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int error = n < 0 ? errno : EIO;
      ::close(fd);
      ::unlink(tmp.c_str());
      return IoError(tmp, error);
    }
    at += n;
    left -= static_cast<size_t>(n);
  }
  if (::close(fd) != 0 || std::rename(tmp.c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(tmp.c_str());
    return IoError(path, error);
  }
  return true;
}

}  // namespace internal
}  // namespace vigie
