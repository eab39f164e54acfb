#pragma once
// Lowercase hex of bytes and back: SHA-256 digests, and file paths on worker request lines.

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace clipflow {

inline std::string hex_encode(std::span<const std::uint8_t> bytes)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (std::uint8_t c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

// nullopt unless `text` is even-length lowercase hex.
inline std::optional<std::string> hex_decode(const std::string& text)
{
    auto value = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1; };
    if (text.size() % 2) return std::nullopt;
    std::string out;
    out.reserve(text.size() / 2);
    for (std::size_t i = 0; i < text.size(); i += 2) {
        const int hi = value(text[i]), lo = value(text[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
    }
    return out;
}

} // namespace clipflow
