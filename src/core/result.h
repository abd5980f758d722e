// Errors as values. Every operation that can fail for a reason a person should hear about
// (bad input, a record that does not exist, a stale version, no permission) returns a Result<T>
// or a Status carrying an Error: what went wrong, in words a social worker or an administrator
// can act on, and the field at fault when there is one. Exceptions are reserved for faults
// that end the whole operation (a broken database connection) and never cross a module's face.
//
// Thread safety: values; safe to copy between threads.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace safeguard {

enum class ErrorCode {
  kInvalid,          // the input is wrong: the message says what and `field` says where
  kNotFound,         // no such record
  kConflict,         // someone else changed the record first (stale version), or a duplicate
  kDenied,           // signed in, but this role or relationship does not allow it
  kUnauthenticated,  // not signed in, or the session or token has expired
  kTooManyRequests,  // throttled (for example repeated failed sign-ins)
  kStorage,          // the database failed; nothing was written
  kInternal,         // a defect in Safeguard
};

// A short, stable name for the code, used in JSON errors and logs ("invalid", "not_found"...).
const char* error_code_name(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string field;  // the input field at fault, when there is one

  static Error invalid(std::string message, std::string field = {}) {
    return {ErrorCode::kInvalid, std::move(message), std::move(field)};
  }
  static Error not_found(std::string message) { return {ErrorCode::kNotFound, std::move(message), {}}; }
  static Error conflict(std::string message) { return {ErrorCode::kConflict, std::move(message), {}}; }
  static Error denied(std::string message) { return {ErrorCode::kDenied, std::move(message), {}}; }
  static Error unauthenticated(std::string message) {
    return {ErrorCode::kUnauthenticated, std::move(message), {}};
  }
  static Error too_many_requests(std::string message) {
    return {ErrorCode::kTooManyRequests, std::move(message), {}};
  }
  static Error storage(std::string message) { return {ErrorCode::kStorage, std::move(message), {}}; }
  static Error internal(std::string message) { return {ErrorCode::kInternal, std::move(message), {}}; }
};

// Either a value or an Error.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<T>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(state_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<Error>(state_);
  }

 private:
  std::variant<T, Error> state_;
};

// Success, or an Error.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit by design
  static Status success() { return Status(); }

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const {
    assert(!ok_);
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace safeguard
