#pragma once
// Whole numbers from untrusted JSON (model metadata, case files, safetensors
// headers). nlohmann's get<int>() converts a float with a bare static_cast —
// undefined behaviour for 1e30, found by fuzzing — so parsers read integers
// through these, which accept only JSON integers inside [lo, hi] and otherwise
// throw nlohmann's type_error (callers already report those as damage).

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <utility>

namespace clipflow::detail {

template <class T>
T json_integer(const nlohmann::json& v, T lo = std::numeric_limits<T>::min(), T hi = std::numeric_limits<T>::max())
{
    if (v.is_number_unsigned()) {
        const auto u = v.get<std::uint64_t>();
        if (std::in_range<T>(u) && static_cast<T>(u) >= lo && static_cast<T>(u) <= hi) return static_cast<T>(u);
    } else if (v.is_number_integer()) {
        const auto s = v.get<std::int64_t>();
        if (std::in_range<T>(s) && static_cast<T>(s) >= lo && static_cast<T>(s) <= hi) return static_cast<T>(s);
    }
    throw nlohmann::json::type_error::create(
        302, "expected a whole number between " + std::to_string(lo) + " and " + std::to_string(hi), &v);
}

template <class T>
T json_integer_at(const nlohmann::json& j, const char* key, T lo = std::numeric_limits<T>::min(),
                  T hi = std::numeric_limits<T>::max())
{
    return json_integer<T>(j.at(key), lo, hi);
}

// The value under key, or fallback when the key is absent.
template <class T>
T json_integer_or(const nlohmann::json& j, const char* key, T fallback, T lo = std::numeric_limits<T>::min(),
                  T hi = std::numeric_limits<T>::max())
{
    const auto it = j.find(key);
    return it == j.end() ? fallback : json_integer<T>(*it, lo, hi);
}

} // namespace clipflow::detail
