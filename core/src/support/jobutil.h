#pragma once
// Small helpers shared by the training jobs and the model registry (internal).

#include "clipflow/sha256.h"

#include <cstdint>
#include <ctime>
#include <span>
#include <string>

namespace clipflow::detail {

inline std::string now_iso()
{
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

inline std::string sha_of(const std::string& text)
{
    return Sha256::hex(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

// A model file's id: its kind's prefix and the first 12 hex digits of its metadata's SHA-256.
inline std::string model_id(const char* prefix, const std::string& metadata)
{
    return prefix + sha_of(metadata).substr(0, 12);
}

inline std::uint64_t sha_prefix(const std::string& hex)
{
    return std::stoull(hex.substr(0, 16), nullptr, 16);
}

// Split membership from the file's hash alone: stable across runs, names and order.
inline bool in_split(const std::string& sha, double fraction)
{
    return static_cast<double>(sha_prefix(sha) >> 11) * 0x1.0p-53 < fraction;
}

} // namespace clipflow::detail
