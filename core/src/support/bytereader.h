#pragma once
// Bounds-checked little/big-endian reads over untrusted bytes. Every accessor
// returns false instead of reading past the end.

#include <cstdint>
#include <cstring>
#include <span>

namespace clipflow::detail {

class ByteReader {
public:
    explicit ByteReader(std::span<const std::uint8_t> bytes, bool big_endian = false) : bytes_(bytes), big_endian_(big_endian) {}

    std::size_t size() const { return bytes_.size(); }
    void set_big_endian(bool be) { big_endian_ = be; }
    bool has(std::size_t offset, std::size_t count) const { return offset <= bytes_.size() && count <= bytes_.size() - offset; }
    bool u8(std::size_t offset, std::uint8_t& out) const
    {
        if (!has(offset, 1)) return false;
        out = bytes_[offset];
        return true;
    }
    bool u16(std::size_t offset, std::uint16_t& out) const
    {
        if (!has(offset, 2)) return false;
        const auto* p = bytes_.data() + offset;
        out = big_endian_ ? static_cast<std::uint16_t>((p[0] << 8) | p[1]) : static_cast<std::uint16_t>((p[1] << 8) | p[0]);
        return true;
    }
    bool u32(std::size_t offset, std::uint32_t& out) const
    {
        if (!has(offset, 4)) return false;
        const auto* p = bytes_.data() + offset;
        out = big_endian_ ? (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3]
                          : (std::uint32_t(p[3]) << 24) | (std::uint32_t(p[2]) << 16) | (std::uint32_t(p[1]) << 8) | p[0];
        return true;
    }
    bool u64(std::size_t offset, std::uint64_t& out) const
    {
        std::uint32_t a = 0, b = 0;
        if (!u32(offset, a) || !u32(offset + 4, b)) return false;
        out = big_endian_ ? (std::uint64_t(a) << 32) | b : (std::uint64_t(b) << 32) | a;
        return true;
    }
    bool matches(std::size_t offset, const char* text, std::size_t n) const
    {
        return has(offset, n) && std::memcmp(bytes_.data() + offset, text, n) == 0;
    }
    std::span<const std::uint8_t> sub(std::size_t offset, std::size_t count) const
    {
        if (!has(offset, count)) return {};
        return bytes_.subspan(offset, count);
    }

private:
    std::span<const std::uint8_t> bytes_;
    bool big_endian_ = false;
};

} // namespace clipflow::detail
