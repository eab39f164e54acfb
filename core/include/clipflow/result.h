#pragma once
// Result<T>: a value or the Status that explains why there is none.

#include "clipflow/status.h"

#include <cassert>
#include <optional>
#include <utility>

namespace clipflow {

template <typename T> class Result {
public:
    Result(T value) : value_(std::move(value)) {}
    Result(Status status) : status_(std::move(status)) { assert(!status_.ok()); }
    Result(ErrorCode code, std::string message) : status_(code, std::move(message)) {}

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    const Status& status() const { return status_; }

    T& value() &
    {
        assert(ok());
        return *value_;
    }
    const T& value() const&
    {
        assert(ok());
        return *value_;
    }
    /// By value: `for (x : make().value())` must not dangle into a dead temporary.
    T value() &&
    {
        assert(ok());
        return std::move(*value_);
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

private:
    std::optional<T> value_;
    Status status_;
};

} // namespace clipflow
