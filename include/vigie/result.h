// Result<T>: a value or an error message, returned by every fallible call.
// Check ok() before dereferencing; error() explains a failure in one sentence.
#ifndef VIGIE_RESULT_H_
#define VIGIE_RESULT_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace vigie {

template <typename T>
class Result {
 public:
  // A successful result holding `value`.
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)

  // A failed result; `message` says what went wrong.
  static Result Error(std::string_view message) {
    Result r;
    r.error_ = std::string(message);
    return r;
  }

  bool ok() const { return value_.has_value(); }
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
  T&& value() && {
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
  std::string error_;
};

}  // namespace vigie

#endif  // VIGIE_RESULT_H_
