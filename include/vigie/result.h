// SPDX-License-Identifier: Apache-2.0
// Result<T>: a value or an error, returned by every fallible call. Check
// ok() before dereferencing; error() explains a failure in one sentence and
// code() tells a program what kind of failure it was.
#ifndef VIGIE_RESULT_H_
#define VIGIE_RESULT_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace vigie {

// What kind of failure a Result holds.
enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,    // a bad option, pattern, kind name or value
  kVersionMismatch,    // serialized detectors from another vigie version
  kOptionsMismatch,    // serialized detectors built with other detectors or options
  kCpuMismatch,        // serialized detectors built for CPU features this machine lacks
  kCorrupt,            // bytes that are not serialized detectors, or damaged ones
  kResourceExhausted,  // Hyperscan could not allocate its scratch or a stream
  kIoError,            // a file could not be read or written
};

template <typename T>
class Result {
 public:
  // A successful result holding `value`.
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)

  // A failed result; `message` says what went wrong.
  static Result Error(std::string_view message) {
    return Error(ErrorCode::kInvalidArgument, message);
  }
  static Result Error(ErrorCode code, std::string_view message) {
    Result r;
    r.code_ = code;
    r.error_ = std::string(message);
    return r;
  }
  // The failure of another result, whatever its value type.
  template <typename U>
  static Result ErrorOf(const Result<U>& failed) {
    return Error(failed.code(), failed.error());
  }

  bool ok() const { return value_.has_value(); }
  // kOk when ok(); otherwise what kind of failure.
  ErrorCode code() const { return ok() ? ErrorCode::kOk : code_; }
  explicit operator bool() const { return ok(); }

  // The error message; empty when ok().
  const std::string& error() const { return error_; }

  // The value. Calling these on a failed result is a programming error.
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  // From a temporary, the value itself (moved out), not a reference into
  // the temporary: `for (auto& f : scanner.TryScan(text).value())` is safe.
  T value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  Result() = default;
  std::optional<T> value_;
  ErrorCode code_ = ErrorCode::kInvalidArgument;
  std::string error_;
};

}  // namespace vigie

#endif  // VIGIE_RESULT_H_
