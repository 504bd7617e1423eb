// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StoreError.h"

#include <utility>

namespace tidings {

// A value or the StoreError that prevented it. value() is always safe to call:
// on failure it is a default-constructed T, so a caller that forgets to check
// gets an empty value, never a crash.
template <typename T>
class StoreResult
{
public:
    StoreResult(T value)
        : m_value(std::move(value))
    {}
    StoreResult(StoreError error)
        : m_error(std::move(error))
    {}

    bool ok() const { return m_error.isNull(); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return m_value; }
    T &value() & { return m_value; }
    // By value, so `for (auto &x : store.list().value())` stays valid.
    T value() && { return std::move(m_value); }
    const StoreError &error() const { return m_error; }

private:
    T m_value{};
    StoreError m_error;
};

// Success (default-constructed) or a StoreError.
template <>
class StoreResult<void>
{
public:
    StoreResult() = default;
    StoreResult(StoreError error)
        : m_error(std::move(error))
    {}

    bool ok() const { return m_error.isNull(); }
    explicit operator bool() const { return ok(); }
    const StoreError &error() const { return m_error; }

private:
    StoreError m_error;
};

} // namespace tidings
