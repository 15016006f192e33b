// SPDX-License-Identifier: Apache-2.0
// Scanner: compiled once from a set of detectors, then immutable.
//
// ### Threads
// A Scanner is thread-safe: any number of threads may call Scan() on the same
// object (or on copies, which share the compiled databases). The Hyperscan
// scratch each scan needs is kept inside and handed out per call.
//
// ### Streams
// A Stream is for one thread at a time. It takes a text in chunks of any size
// and yields exactly the findings that Scan() gives for the whole text, in
// memory bounded by the detectors' widths, not by the text.
//
// ### Buffer lifetime
// Scan() and Stream::Write() read the caller's bytes only during the call;
// findings copy what they keep. Offsets count bytes of the caller's text.
#ifndef VIGIE_SCANNER_H_
#define VIGIE_SCANNER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/export.h"
#include "vigie/finding.h"
#include "vigie/options.h"
#include "vigie/result.h"

namespace vigie {

namespace internal {
class Engine;
class StreamState;
}  // namespace internal

class Stream;
class Redactor;

// Where Scanner::Create keeps compiled detectors between processes, so that
// only the first run on a machine pays for compiling them (seconds with the
// health lexicons; a load takes milliseconds). A file per vigie version,
// set of detectors and options, and CPU, written aside then renamed; a
// damaged or foreign file is compiled again and replaced.
struct CacheOptions {
  // The directory; empty means DefaultCacheDirectory().
  std::string directory;
  // What the cache could not spare, told as it happens.
  enum class Event {
    kCompiling,   // no cached detectors for these options yet: compiling them
    kReplacing,   // a cached file was damaged or foreign: compiling it again
    kCannotSave,  // the compiled detectors could not be written to the cache
  };
  std::function<void(Event event, const std::string& message)> notice;
};

// $VIGIE_CACHE_DIR, else $XDG_CACHE_HOME/vigie, else $HOME/.cache/vigie;
// empty when none of these is set.
VIGIE_EXPORT std::string DefaultCacheDirectory();

class VIGIE_EXPORT Scanner {
 public:
  // Every built-in detector with default options.
  static Result<Scanner> Create();
  // A scanner for `options`; fails on an invalid custom pattern or kind.
  static Result<Scanner> Create(const ScanOptions& options);
  // The same scanner, its compiled detectors loaded from `cache` when it
  // holds them, compiled and saved there otherwise. A cache that cannot be
  // read or written never fails the call: the detectors are compiled.
  static Result<Scanner> Create(const ScanOptions& options, const CacheOptions& cache);
  // A scanner whose databases come from Serialize() instead of being
  // compiled. `options` must be those the databases were built with (custom
  // confirm callbacks cannot be serialized); a database from another vigie
  // version, another CPU or other options is refused with a clear error
  // and its code (kVersionMismatch, kCpuMismatch, kOptionsMismatch,
  // kCorrupt).
  static Result<Scanner> Deserialize(std::string_view bytes, const ScanOptions& options);

  // The findings in `text`, sorted by begin offset, with the min_score,
  // layout and delimiter the scanner was built with, or those of `call`.
  // A scan that cannot run (Hyperscan could not allocate its scratch space
  // or a stream) returns no findings: TryScan says so instead.
  std::vector<Finding> Scan(std::string_view text) const;
  std::vector<Finding> Scan(std::string_view text, const CallOptions& call) const;
  // As Scan, or an error with code kResourceExhausted when the scan could
  // not run. A DLP caller that must not take "could not scan" for "nothing
  // found" uses these.
  Result<std::vector<Finding>> TryScan(std::string_view text) const;
  Result<std::vector<Finding>> TryScan(std::string_view text, const CallOptions& call) const;

  // One part of a scan of `text`, so that threads scan one large text
  // together: parts [0, a), [a, b), ..., [z, text.size()) give, one after
  // the other, exactly the findings of TryScan(text, call). A part gives
  // the findings of the groups of overlapping matches that begin in
  // [from, to) (a finding that begins in the part, unless it overlaps an
  // earlier one that begins before `from`). It reads the text's first
  // 64 KiB (layout, column names) and 64 KiB before the part, and passes
  // over the bytes between to count lines and cells: cut the text where
  // lines begin, into parts of a megabyte or more.
  Result<std::vector<Finding>> ScanPart(std::string_view text, size_t from, size_t to,
                                        const CallOptions& call) const;

  // A stream over a text that arrives in chunks.
  Stream OpenStream() const;
  Stream OpenStream(const CallOptions& call) const;

  // The CallOptions of Scan(text) and OpenStream(): the ScanOptions' own.
  CallOptions default_call() const;

  // The compiled databases as bytes, to skip compilation at the next start.
  std::string Serialize() const;

  // The kinds this scanner can report, in a stable order.
  std::vector<std::string> Kinds() const;

 private:
  friend class Redactor;
  explicit Scanner(std::shared_ptr<const internal::Engine> engine);
  // The detectors `options` ask for, compiled, or loaded from `serialized`
  // or `cache` when not null.
  static Result<Scanner> Build(const ScanOptions& options, const std::string_view* serialized,
                               const CacheOptions* cache);
  std::shared_ptr<const internal::Engine> engine_;
};

class VIGIE_EXPORT Stream {
 public:
  Stream(Stream&&) noexcept;
  Stream& operator=(Stream&&) noexcept;
  ~Stream();

  // Feeds the next chunk; returns the findings that are final so far.
  std::vector<Finding> Write(std::string_view chunk);
  // Ends the text; returns the remaining findings. Further writes are errors
  // and return nothing.
  std::vector<Finding> Finish();

  // Bytes written so far.
  uint64_t bytes_written() const;

  // kOk, or kResourceExhausted when Hyperscan could not allocate the
  // stream's scratch space or streams: Write and Finish then return
  // nothing, and the text was not scanned.
  ErrorCode status() const;

 private:
  friend class Scanner;
  explicit Stream(std::unique_ptr<internal::StreamState> state);
  std::unique_ptr<internal::StreamState> state_;
};

}  // namespace vigie

#endif  // VIGIE_SCANNER_H_
