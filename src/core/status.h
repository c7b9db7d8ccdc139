// Status and Result: how every stage reports failure.
//
// Errors are values, never exceptions across a stage boundary (the LevelDB
// contract). A Status names what went wrong and, for bad input, where: the
// locator is "file", "file:line" or "file@offset" so a user can find it.
// The code decides the CLI's exit code (see ExitCode()); six codes share
// four exit codes, so a script can tell usage, input and store failures apart.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace newsfuse {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kUsage,       // the caller asked for something impossible (bad flag, bad id)
    kBadInput,    // the input itself is malformed: binary, invalid UTF-8, bad JSON
    kNotFound,    // a requested record does not exist
    kStoreError,  // the store failed (I/O, corruption, lock)
    kIoError,     // a file could not be read or written
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status Usage(std::string msg) { return Status(Code::kUsage, std::move(msg)); }
  static Status BadInput(std::string locator, std::string msg) {
    return Status(Code::kBadInput, std::move(msg), std::move(locator));
  }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status StoreError(std::string msg) { return Status(Code::kStoreError, std::move(msg)); }
  static Status IoError(std::string locator, std::string msg) {
    return Status(Code::kIoError, std::move(msg), std::move(locator));
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& locator() const { return locator_; }

  // "locator: message", the form printed to users.
  std::string ToString() const {
    if (ok()) return "ok";
    return locator_.empty() ? message_ : locator_ + ": " + message_;
  }

  // CLI exit codes: 0 ok; 1 the user asked for something that cannot be
  // (usage, or an id that is not there); 2 the input cannot be read (bad
  // input, an unreadable file); 3 the store failed.
  int ExitCode() const {
    switch (code_) {
      case Code::kOk:
        return 0;
      case Code::kUsage:
        return 1;
      case Code::kNotFound:
        return 1;
      case Code::kBadInput:
        return 2;
      case Code::kIoError:
        return 2;
      case Code::kStoreError:
        return 3;
    }
    return 3;
  }

 private:
  Status(Code code, std::string msg, std::string locator = {})
      : code_(code), message_(std::move(msg)), locator_(std::move(locator)) {}

  Code code_ = Code::kOk;
  std::string message_;
  std::string locator_;
};

// A value or the Status that explains its absence. Small stand-in for
// std::expected (C++23), which the toolchain we target does not ship in C++20.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "a Result built from a Status must carry an error");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace newsfuse
