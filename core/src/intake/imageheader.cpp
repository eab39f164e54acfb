#include "clipflow/imageheader.h"

#include "heifdecoder.h"
#include "support/bytereader.h"

#include <algorithm>

namespace clipflow {
namespace {

using detail::ByteReader;

Result<ImageHeader> corrupt(const std::string& what)
{
    return {ErrorCode::CorruptData, what};
}
Result<ImageHeader> truncated(const std::string& what)
{
    return {ErrorCode::TruncatedData, what};
}

int orientation_from_exif_payload(std::span<const std::uint8_t> payload)
{
    // APP1/eXIf/EXIF chunks may or may not carry the "Exif\0\0" prefix.
    if (payload.size() >= 6 && std::equal(payload.begin(), payload.begin() + 6, "Exif\0\0")) payload = payload.subspan(6);
    return exif_orientation_from_tiff(payload);
}

Result<ImageHeader> probe_png(const ByteReader& r)
{
    ImageHeader h;
    h.format = "PNG";
    std::uint32_t len = 0;
    if (!r.u32(8, len) || !r.matches(12, "IHDR", 4) || !r.has(16, 13))
        return r.size() < 33 ? truncated("PNG ends inside its IHDR header") : corrupt("PNG has no IHDR chunk first");
    std::uint8_t depth = 0, type = 0;
    r.u32(16, h.width);
    r.u32(20, h.height);
    r.u8(24, depth);
    r.u8(25, type);
    if (len != 13 || h.width == 0 || h.height == 0 || h.width > 0x7fffffffu || h.height > 0x7fffffffu)
        return corrupt("PNG IHDR declares an invalid size");
    h.bit_depth = depth;
    switch (type) {
    case 0:
        h.colour_model = "grey";
        h.channels = 1;
        break;
    case 2:
        h.colour_model = "rgb";
        h.channels = 3;
        break;
    case 3:
        h.colour_model = "palette";
        h.channels = 1;
        break;
    case 4:
        h.colour_model = "grey";
        h.channels = 2;
        h.has_alpha = true;
        break;
    case 6:
        h.colour_model = "rgb";
        h.channels = 4;
        h.has_alpha = true;
        break;
    default: return corrupt("PNG IHDR declares an unknown colour type");
    }
    // Walk the chunk list for tRNS (alpha) and eXIf; every length is checked.
    std::size_t pos = 8;
    bool iend = false;
    for (int guard = 0; guard < 100000 && r.has(pos, 8); ++guard) {
        std::uint32_t clen = 0;
        r.u32(pos, clen);
        if (r.matches(pos + 4, "tRNS", 4)) h.has_alpha = true;
        if (r.matches(pos + 4, "eXIf", 4)) h.exif_orientation = orientation_from_exif_payload(r.sub(pos + 8, clen));
        if (r.matches(pos + 4, "IEND", 4)) {
            iend = true;
            break;
        }
        if (clen > r.size()) break;
        pos += 12 + std::size_t(clen);
    }
    if (!iend) return truncated("PNG ends before its IEND chunk");
    return h;
}

bool is_sof(std::uint8_t m)
{
    return (m >= 0xC0 && m <= 0xCF) && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

Result<ImageHeader> probe_jpeg(const ByteReader& r, std::span<const std::uint8_t> bytes)
{
    ImageHeader h;
    h.format = "JPEG";
    h.lossy = true;
    std::size_t pos = 2;
    bool have_sof = false;
    int adobe_transform = -1;
    std::size_t sos_at = 0;
    while (true) {
        std::uint8_t ff = 0, marker = 0;
        if (!r.u8(pos, ff)) return truncated("JPEG ends inside its headers");
        if (ff != 0xFF) return corrupt("JPEG marker expected at byte " + std::to_string(pos));
        while (r.u8(pos + 1, marker) && marker == 0xFF) ++pos; // fill bytes
        if (!r.u8(pos + 1, marker)) return truncated("JPEG ends inside its headers");
        pos += 2;
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;
        if (marker == 0xD9) return corrupt("JPEG ends (EOI) before any image data");
        std::uint16_t seglen = 0;
        if (!r.u16(pos, seglen)) return truncated("JPEG ends inside a segment length");
        if (seglen < 2) return corrupt("JPEG segment with an invalid length");
        if (!r.has(pos, seglen)) return truncated("JPEG ends inside a header segment");
        if (marker == 0xE1 && r.matches(pos + 2, "Exif\0\0", 6) && h.exif_orientation == 0)
            h.exif_orientation = exif_orientation_from_tiff(r.sub(pos + 8, seglen - 8u));
        if (marker == 0xEE && r.matches(pos + 2, "Adobe", 5) && seglen >= 14) {
            std::uint8_t t = 0;
            r.u8(pos + 13, t);
            adobe_transform = t;
        }
        if (is_sof(marker)) {
            std::uint8_t precision = 0, ncomp = 0;
            std::uint16_t hh = 0, ww = 0;
            if (seglen < 8) return corrupt("JPEG frame header too short");
            r.u8(pos + 2, precision);
            r.u16(pos + 3, hh);
            r.u16(pos + 5, ww);
            r.u8(pos + 7, ncomp);
            if (ww == 0 || hh == 0) return corrupt("JPEG frame declares a zero size (DNL is not supported)");
            h.width = ww;
            h.height = hh;
            h.bit_depth = precision;
            h.channels = ncomp;
            have_sof = true;
        }
        if (marker == 0xDA) {
            sos_at = pos;
            break;
        }
        pos += seglen;
    }
    if (!have_sof) return corrupt("JPEG has no frame header before its scan");
    if (h.channels == 1)
        h.colour_model = "grey";
    else if (h.channels == 3)
        h.colour_model = "rgb";
    else if (h.channels == 4)
        h.colour_model = adobe_transform == 2 ? "ycck" : "cmyk";
    else
        return {ErrorCode::UnsupportedFormat, "JPEG with " + std::to_string(h.channels) + " components"};
    // A complete stream ends with EOI after the scan; search back from the end
    // because some cameras append trailers after it.
    bool eoi = false;
    for (std::size_t i = bytes.size() - 1; i > sos_at; --i) {
        if (bytes[i - 1] == 0xFF && bytes[i] == 0xD9) {
            eoi = true;
            break;
        }
    }
    if (!eoi) return truncated("JPEG stream ends before its end-of-image marker");
    return h;
}

Result<ImageHeader> probe_tiff(ByteReader r)
{
    ImageHeader h;
    h.format = "TIFF";
    r.set_big_endian(r.matches(0, "MM", 2));
    std::uint16_t magic = 0;
    r.u16(2, magic);
    const bool big = magic == 43;
    std::uint64_t ifd = 0;
    if (big) {
        if (!r.u64(8, ifd)) return truncated("BigTIFF header is truncated");
    } else {
        std::uint32_t o = 0;
        if (!r.u32(4, o)) return truncated("TIFF header is truncated");
        ifd = o;
    }
    std::uint64_t count = 0;
    if (big) {
        if (!r.u64(ifd, count)) return truncated("TIFF directory lies beyond the end of the file");
    } else {
        std::uint16_t c = 0;
        if (!r.u16(ifd, c)) return truncated("TIFF directory lies beyond the end of the file");
        count = c;
    }
    if (count > 4096) return corrupt("TIFF directory with an implausible number of entries");
    const std::size_t entry_size = big ? 20 : 12;
    const std::size_t first = ifd + (big ? 8 : 2);
    if (!r.has(first, count * entry_size)) return truncated("TIFF directory runs past the end of the file");
    int photometric = -1, spp = 1, extra = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
        const std::size_t e = first + i * entry_size;
        std::uint16_t tag = 0, type = 0;
        r.u16(e, tag);
        r.u16(e + 2, type);
        const std::size_t value = e + (big ? 12 : 8);
        auto scalar = [&]() -> std::uint64_t {
            if (type == 3) {
                std::uint16_t v = 0;
                r.u16(value, v);
                return v;
            }
            if (type == 4) {
                std::uint32_t v = 0;
                r.u32(value, v);
                return v;
            }
            if (type == 16) {
                std::uint64_t v = 0;
                r.u64(value, v);
                return v;
            }
            std::uint8_t v = 0;
            r.u8(value, v);
            return v;
        };
        switch (tag) {
        case 256: h.width = static_cast<std::uint32_t>(std::min<std::uint64_t>(scalar(), 0xffffffffu)); break;
        case 257: h.height = static_cast<std::uint32_t>(std::min<std::uint64_t>(scalar(), 0xffffffffu)); break;
        case 258: h.bit_depth = static_cast<int>(scalar()); break; // first sample's depth when inline
        case 262: photometric = static_cast<int>(scalar()); break;
        case 274: h.exif_orientation = static_cast<int>(scalar()); break;
        case 277: spp = static_cast<int>(scalar()); break;
        case 338: extra = 1; break;
        default: break;
        }
    }
    if (h.width == 0 || h.height == 0) return corrupt("TIFF without a valid image size");
    if (h.exif_orientation < 1 || h.exif_orientation > 8) h.exif_orientation = 0;
    // BitsPerSample is stored out of line for several samples; 8 is the usual value then.
    if (h.bit_depth <= 0 || h.bit_depth > 64 || (spp > 2 && h.bit_depth > 64)) h.bit_depth = 8;
    h.channels = spp;
    h.has_alpha = extra != 0;
    switch (photometric) {
    case 0:
    case 1: h.colour_model = "grey"; break;
    case 3: h.colour_model = "palette"; break;
    case 5: h.colour_model = "cmyk"; break;
    default: h.colour_model = "rgb"; break;
    }
    return h;
}

Result<ImageHeader> probe_webp(const ByteReader& r)
{
    ImageHeader h;
    h.format = "WebP";
    std::size_t pos = 12;
    bool have_size = false, first_frame_seen = false;
    for (int guard = 0; guard < 10000 && r.has(pos, 8); ++guard) {
        std::uint32_t clen = 0;
        r.u32(pos + 4, clen);
        const std::size_t data = pos + 8;
        if (r.matches(pos, "VP8X", 4)) {
            std::uint8_t flags = 0;
            if (!r.has(data, 10)) return truncated("WebP VP8X chunk is truncated");
            r.u8(data, flags);
            auto s = r.sub(data + 4, 6);
            h.width = 1u + (s[0] | (s[1] << 8) | (s[2] << 16));
            h.height = 1u + (s[3] | (s[4] << 8) | (s[5] << 16));
            h.has_alpha = (flags & 0x10) != 0;
            h.animated = (flags & 0x02) != 0; // the first frame is read, as a GIF's
            have_size = true;
        } else if (r.matches(pos, "ANMF", 4) && h.animated && !first_frame_seen) {
            // The first frame's image: its sub-chunks follow the 16-byte frame header.
            first_frame_seen = true;
            const std::size_t end = std::min<std::size_t>(r.size(), data + std::size_t(clen));
            for (std::size_t sub = data + 16; sub + 8 <= end;) {
                std::uint32_t slen = 0;
                r.u32(sub + 4, slen);
                if (r.matches(sub, "VP8 ", 4)) h.lossy = true;
                if (r.matches(sub, "VP8 ", 4) || r.matches(sub, "VP8L", 4) || slen > end - sub) break;
                sub += 8 + std::size_t(slen) + (slen & 1);
            }
        } else if (r.matches(pos, "VP8 ", 4)) {
            h.lossy = true; // also after VP8X: an extended file's image is VP8 (lossy) or VP8L
            if (!have_size) {
                auto s = r.sub(data, 10);
                if (s.empty()) return truncated("WebP VP8 chunk is truncated");
                if (s[3] != 0x9d || s[4] != 0x01 || s[5] != 0x2a) return corrupt("WebP VP8 start code missing");
                h.width = (s[6] | (s[7] << 8)) & 0x3fff;
                h.height = (s[8] | (s[9] << 8)) & 0x3fff;
                have_size = true;
            }
        } else if (r.matches(pos, "VP8L", 4) && !have_size) {
            auto s = r.sub(data, 5);
            if (s.empty()) return truncated("WebP VP8L chunk is truncated");
            if (s[0] != 0x2f) return corrupt("WebP VP8L signature missing");
            const std::uint32_t bits = s[1] | (s[2] << 8) | (s[3] << 16) | (std::uint32_t(s[4]) << 24);
            h.width = 1u + (bits & 0x3fff);
            h.height = 1u + ((bits >> 14) & 0x3fff);
            h.has_alpha = ((bits >> 28) & 1) != 0;
            have_size = true;
        } else if (r.matches(pos, "EXIF", 4)) {
            h.exif_orientation = orientation_from_exif_payload(r.sub(data, clen));
        }
        if (clen > r.size()) break;
        pos = data + clen + (clen & 1);
    }
    if (!have_size) return r.size() < 30 ? truncated("WebP file is truncated") : corrupt("WebP without an image chunk");
    if (h.width == 0 || h.height == 0) return corrupt("WebP declares a zero size");
    h.channels = h.has_alpha ? 4 : 3;
    h.colour_model = "rgb";
    return h;
}

Result<ImageHeader> probe_bmp(const ByteReader& r)
{
    ImageHeader h;
    h.format = "BMP";
    std::uint32_t dib = 0;
    if (!r.u32(14, dib)) return truncated("BMP header is truncated");
    std::uint16_t bpp = 0;
    if (dib == 12) {
        std::uint16_t w = 0, hh = 0;
        if (!r.u16(18, w) || !r.u16(20, hh) || !r.u16(24, bpp)) return truncated("BMP header is truncated");
        h.width = w;
        h.height = hh;
    } else if (dib >= 40) {
        std::uint32_t w = 0, hh = 0;
        if (!r.u32(18, w) || !r.u32(22, hh) || !r.u16(28, bpp)) return truncated("BMP header is truncated");
        const auto sw = static_cast<std::int32_t>(w), sh = static_cast<std::int32_t>(hh);
        if (sw <= 0 || sh == 0 || sh == INT32_MIN) return corrupt("BMP declares an invalid size");
        h.width = static_cast<std::uint32_t>(sw);
        h.height = static_cast<std::uint32_t>(sh < 0 ? -sh : sh);
    } else {
        return corrupt("BMP with an unknown header size");
    }
    if (h.width == 0 || h.height == 0) return corrupt("BMP declares a zero size");
    h.bit_depth = 8;
    if (bpp <= 8) {
        h.colour_model = "palette";
        h.channels = 1;
    } else {
        h.colour_model = "rgb";
        h.channels = bpp == 32 ? 4 : 3;
    }
    return h;
}

Result<ImageHeader> probe_gif(const ByteReader& r)
{
    ImageHeader h;
    h.format = "GIF";
    std::uint16_t w = 0, hh = 0;
    if (!r.u16(6, w) || !r.u16(8, hh)) return truncated("GIF header is truncated");
    if (w == 0 || hh == 0) return corrupt("GIF declares a zero screen size");
    h.width = w;
    h.height = hh;
    h.channels = 1;
    h.colour_model = "palette";
    return h;
}

} // namespace

int exif_orientation_from_tiff(std::span<const std::uint8_t> tiff)
{
    ByteReader r(tiff);
    if (r.matches(0, "MM", 2))
        r.set_big_endian(true);
    else if (!r.matches(0, "II", 2))
        return 0;
    std::uint16_t magic = 0;
    std::uint32_t ifd = 0;
    std::uint16_t count = 0;
    if (!r.u16(2, magic) || magic != 42 || !r.u32(4, ifd) || !r.u16(ifd, count)) return 0;
    for (std::uint32_t i = 0; i < count && i < 1024; ++i) {
        const std::size_t e = ifd + 2 + i * 12u;
        std::uint16_t tag = 0, value = 0;
        if (!r.u16(e, tag)) return 0;
        if (tag == 0x0112) {
            if (!r.u16(e + 8, value)) return 0;
            return (value >= 1 && value <= 8) ? value : 0;
        }
    }
    return 0;
}

Result<ImageHeader> probe_image_header(std::span<const std::uint8_t> bytes)
{
    const ByteReader r(bytes, false);
    if (bytes.empty()) return {ErrorCode::EmptyFile, "the file is empty"};
    if (r.matches(0, "\x89PNG\r\n\x1a\n", 8)) return probe_png(ByteReader(bytes, true));
    if (r.matches(0, "\xFF\xD8\xFF", 3)) return probe_jpeg(ByteReader(bytes, true), bytes);
    if (r.matches(0, "II*\0", 4) || r.matches(0, "MM\0*", 4) || r.matches(0, "II+\0", 4) || r.matches(0, "MM\0+", 4))
        return probe_tiff(r);
    if (r.matches(0, "RIFF", 4) && r.matches(8, "WEBP", 4)) return probe_webp(r);
    if (r.matches(0, "BM", 2)) return probe_bmp(r);
    if (r.matches(0, "GIF87a", 6) || r.matches(0, "GIF89a", 6)) return probe_gif(r);
    if (!detail::heif_brand_format(bytes).empty()) return detail::probe_heif(bytes);
    if (bytes.size() < 8)
        return {ErrorCode::UnsupportedFormat, "too short to be an image (" + std::to_string(bytes.size()) + " bytes)"};
    return {ErrorCode::UnsupportedFormat,
            "not a supported image format (JPEG, PNG, TIFF, WebP, HEIF, AVIF, BMP or GIF expected)"};
}

} // namespace clipflow
