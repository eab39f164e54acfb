#pragma once
// Walks the containers files carry metadata in — PNG chunks, JPEG marker
// segments before the scan, RIFF (WebP) chunks — over untrusted bytes, for the
// provenance and C2PA readers alike. Each stops at damage (a length past the
// end) or after `max` entries; `visit` returns false to stop early.

#include <cstdint>
#include <span>
#include <string_view>

namespace clipflow::detail {

inline std::uint32_t be32(const std::uint8_t* p)
{
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
}

inline std::uint32_t le32(const std::uint8_t* p)
{
    return (std::uint32_t{p[3]} << 24) | (std::uint32_t{p[2]} << 16) | (std::uint32_t{p[1]} << 8) | std::uint32_t{p[0]};
}

/// visit(type, data) for each chunk after the 8-byte signature, up to IEND.
template <typename Visit> void walk_png_chunks(std::span<const std::uint8_t> b, std::size_t max, Visit visit)
{
    std::size_t pos = 8, walked = 0;
    while (pos + 12 <= b.size() && walked++ < max) {
        const std::uint32_t len = be32(&b[pos]);
        if (len > b.size() - pos - 12) return; // length past the end: damaged
        const std::string_view type(reinterpret_cast<const char*>(&b[pos + 4]), 4);
        const auto data = b.subspan(pos + 8, len);
        pos += 12 + std::size_t(len);
        if (type == "IEND" || !visit(type, data)) return;
    }
}

/// visit(marker, payload) for each marker segment with a length, from SOI to the first scan.
template <typename Visit> void walk_jpeg_segments(std::span<const std::uint8_t> b, std::size_t max, Visit visit)
{
    std::size_t pos = 2, walked = 0;
    while (pos + 4 <= b.size() && walked++ < max) {
        if (b[pos] != 0xFF) return;
        const std::uint8_t marker = b[pos + 1];
        if (marker == 0xFF) { // fill byte
            ++pos;
            continue;
        }
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // no length
            pos += 2;
            continue;
        }
        if (marker == 0xDA || marker == 0xD9) return; // image data: no metadata segments after it
        const std::size_t len = (std::size_t{b[pos + 2]} << 8) | b[pos + 3];
        if (len < 2 || len > b.size() - pos - 2) return;
        const auto data = b.subspan(pos + 4, len - 2);
        pos += 2 + len;
        if (!visit(marker, data)) return;
    }
}

/// visit(fourcc, data) for each chunk of a RIFF file after its 12-byte header ("RIFF", size, form type).
template <typename Visit> void walk_riff_chunks(std::span<const std::uint8_t> b, std::size_t max, Visit visit)
{
    std::size_t pos = 12, walked = 0;
    while (pos + 8 <= b.size() && walked++ < max) {
        const std::uint32_t len = le32(&b[pos + 4]);
        if (len > b.size() - pos - 8) return;
        const std::string_view type(reinterpret_cast<const char*>(&b[pos]), 4);
        const auto data = b.subspan(pos + 8, len);
        pos += 8 + std::size_t(len) + (len & 1u);
        if (!visit(type, data)) return;
    }
}

} // namespace clipflow::detail
