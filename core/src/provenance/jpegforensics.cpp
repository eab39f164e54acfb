#include "clipflow/jpegforensics.h"

#include "clipflow/laundering.h"
#include "intake/cvraster.h"
#include "support/bytereader.h"
#include "support/rounding.h"

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <exception>
#include <future>
#include <map>
#include <stdexcept>
#include <thread>

#include <jpeglib.h>

namespace clipflow {

namespace {

// Annex K of ITU-T T.81: the example tables libjpeg scales by quality (natural order).
constexpr std::array<std::uint16_t, 64> kLuma{16, 11, 10, 16, 24,  40,  51,  61,  12, 12, 14, 19, 26,  58,  60,  55,
                                              14, 13, 16, 24, 40,  57,  69,  56,  14, 17, 22, 29, 51,  87,  80,  62,
                                              18, 22, 37, 56, 68,  109, 103, 77,  24, 35, 55, 64, 81,  104, 113, 92,
                                              49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};
constexpr std::array<std::uint16_t, 64> kChroma{17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99,
                                                24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
                                                99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
                                                99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99};
// Natural index of each zig-zag position (DQT stores tables in zig-zag order).
constexpr std::array<int, 64> kZigzag{0,  1,  8,  16, 9,  2,  3,  10, 17, 24, 32, 25, 18, 11, 4,  5,  12, 19, 26, 33, 40, 48,
                                      41, 34, 27, 20, 13, 6,  7,  14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23,
                                      30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};

constexpr int kMaxSegments = 10'000; // markers walked before giving up (a file of empty APPn segments)

void fit_ijg(JpegQuantTable& t)
{
    double best = 1e30;
    for (int q = 1; q <= 100; ++q) {
        const auto ref = ijg_table(q, t.id != 0);
        double err = 0;
        for (int i = 0; i < 64; ++i) err += std::abs(double(t.q[static_cast<std::size_t>(i)]) - ref[static_cast<std::size_t>(i)]);
        err /= 64.0;
        if (err < best - 1e-12) {
            best = err;
            t.ijg_quality = q;
        }
    }
    t.fit_error = best;
    t.ijg_standard = best == 0.0;
}

// The EXIF thumbnail (IFD1's JPEGInterchangeFormat) of an APP1 "Exif\0\0" payload.
std::span<const std::uint8_t> exif_thumbnail(std::span<const std::uint8_t> app1)
{
    if (app1.size() < 14 || std::memcmp(app1.data(), "Exif\0\0", 6) != 0) return {};
    const auto tiff = app1.subspan(6);
    detail::ByteReader r(tiff);
    if (tiff[0] == 'M' && tiff[1] == 'M')
        r.set_big_endian(true);
    else if (!(tiff[0] == 'I' && tiff[1] == 'I'))
        return {};
    std::uint16_t magic = 0;
    std::uint32_t ifd0 = 0;
    if (!r.u16(2, magic) || magic != 42 || !r.u32(4, ifd0)) return {};
    std::uint16_t n0 = 0;
    if (!r.u16(ifd0, n0)) return {};
    std::uint32_t ifd1 = 0;
    if (!r.u32(std::size_t(ifd0) + 2 + 12 * std::size_t(n0), ifd1) || ifd1 == 0 || ifd1 == ifd0) return {};
    std::uint16_t n1 = 0;
    if (!r.u16(ifd1, n1)) return {};
    std::uint32_t offset = 0, length = 0;
    for (std::size_t i = 0; i < std::min<std::uint16_t>(n1, 512); ++i) {
        const std::size_t e = std::size_t(ifd1) + 2 + 12 * i;
        std::uint16_t tag = 0, type = 0;
        std::uint32_t value = 0;
        if (!r.u16(e, tag) || !r.u16(e + 2, type)) return {};
        if (type == 3) { // SHORT, left-justified in the value field
            std::uint16_t v16 = 0;
            if (!r.u16(e + 8, v16)) return {};
            value = v16;
        } else if (!r.u32(e + 8, value)) {
            return {};
        }
        if (tag == 0x0201) offset = value;
        if (tag == 0x0202) length = value;
    }
    if (length == 0 || !r.has(offset, length)) return {};
    return tiff.subspan(offset, length);
}

// The frame header's size, from markers alone (nothing decoded).
bool frame_size(std::span<const std::uint8_t> b, int& w, int& h)
{
    detail::ByteReader r(b, true);
    std::size_t pos = 2;
    for (int n = 0; n < kMaxSegments && pos + 4 <= b.size(); ++n) {
        if (b[pos] != 0xFF) return false;
        const std::uint8_t m = b[pos + 1];
        if (m == 0xFF) {
            ++pos;
            continue;
        }
        std::uint16_t len = 0;
        if (!r.u16(pos + 2, len) || len < 2) return false;
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            std::uint16_t hh = 0, ww = 0;
            if (!r.u16(pos + 5, hh) || !r.u16(pos + 7, ww)) return false;
            w = ww;
            h = hh;
            return true;
        }
        if (m == 0xDA) return false;
        pos += 2 + len;
    }
    return false;
}

// The decoded grid the thumbnail is compared with: its size and, on demand, its luminance.
struct DecodedGrid {
    const Raster* raster = nullptr;
    const Picture* picture = nullptr;
    bool empty() const { return raster ? raster->empty() : !picture || picture->empty(); }
    int width() const { return raster ? raster->width : picture->width; }
    int height() const { return raster ? raster->height : picture->height; }
    Raster luma() const { return raster ? luminance(*raster) : luminance(*picture); }
};

void compare_thumbnail(std::span<const std::uint8_t> thumb, const DecodedGrid& grid, JpegThumbnailCheck& c)
{
    const DecodedGrid* image = &grid;
    c.present = true;
    int tw = 0, th = 0;
    if (thumb.size() < 4 || thumb[0] != 0xFF || thumb[1] != 0xD8 || !frame_size(thumb, tw, th) || tw < 8 || th < 8 ||
        long(tw) * th > 1'000'000) {
        c.note = "the EXIF thumbnail is not a readable JPEG";
        return;
    }
    cv::Mat t;
    try {
        t = cv::imdecode(cv::Mat(1, int(thumb.size()), CV_8U, const_cast<std::uint8_t*>(thumb.data())), cv::IMREAD_GRAYSCALE);
    } catch (const cv::Exception&) {
        t = cv::Mat();
    }
    if (t.empty()) {
        c.note = "the EXIF thumbnail is not a readable JPEG";
        return;
    }
    c.width = t.cols;
    c.height = t.rows;
    if (!image || image->empty()) {
        c.note = "not compared (no decoded image)";
        return;
    }
    // Thumbnails are often letterboxed (160 x 120 for any shape, bands not always centred):
    // the picture is what remains without near-black edge rows and columns.
    auto padding = [](const cv::Mat& line) { // uniform and near black, unlike a dark picture's edge
        cv::Scalar mean, sd;
        cv::meanStdDev(line, mean, sd);
        return mean[0] < 12.0 && sd[0] < 3.0;
    };
    auto dark_row = [&](int y) { return padding(t.row(y)); };
    auto dark_col = [&](int x) { return padding(t.col(x)); };
    int top = 0, bottom = t.rows, left = 0, right = t.cols;
    while (top < bottom - 8 && dark_row(top)) ++top;
    while (bottom > top + 8 && dark_row(bottom - 1)) --bottom;
    while (left < right - 8 && dark_col(left)) ++left;
    while (right > left + 8 && dark_col(right - 1)) --right;
    const cv::Rect box(left, top, right - left, bottom - top);
    const double ai = double(image->width()) / image->height(), at = double(box.width) / box.height;
    // A band as thick as a few rows can be the picture's own dark edge: allow 8% either way.
    if (std::abs(std::log(ai / at)) > std::log(1.08) &&
        !(box.width == t.cols && box.height == t.rows && std::abs(std::log(ai / at)) < std::log(1.02))) {
        c.matches = false;
        char buf[200];
        std::snprintf(buf, sizeof buf,
                      "the thumbnail's picture has another shape (%dx%d) than the image: cropped, rotated or re-framed after "
                      "the thumbnail was made",
                      box.width, box.height);
        c.note = buf;
        return;
    }
    const Raster luma = image->luma();
    cv::Mat grey = detail::to_mat(luma), small;
    cv::resize(grey, small, box.size(), 0, 0, cv::INTER_AREA);
    cv::Mat tf;
    t(box).convertTo(tf, CV_32F, 1.0 / 255.0);
    // Brightness and contrast matched by least squares (thumbnails are often re-toned).
    cv::Scalar ms, ss, mt, st;
    cv::meanStdDev(small, ms, ss);
    cv::meanStdDev(tf, mt, st);
    cv::Mat fitted = (small - ms[0]) * (ss[0] > 1e-6 ? st[0] / ss[0] : 1.0) + mt[0];
    cv::Mat diff;
    cv::absdiff(fitted, tf, diff);
    c.difference = cv::mean(diff)[0] * 255.0;
    for (int y = 0; y + 8 <= diff.rows; y += 8)
        for (int x = 0; x + 8 <= diff.cols; x += 8)
            c.worst_block = std::max(c.worst_block, cv::mean(diff(cv::Rect(x, y, 8, 8)))[0] * 255.0);
    // Where the picture and its thumbnail show the same scene, resampling and the thumbnail's
    // own JPEG leave a few grey levels on average; an edit or another picture leaves far more.
    c.matches = c.difference < 16.0 && c.worst_block < 60.0;
    char buf[200];
    std::snprintf(buf, sizeof buf, "%s (mean difference %.1f grey levels, worst 8x8 block %.1f)",
                  c.matches
                      ? "the thumbnail shows the same picture"
                      : "the thumbnail does not match the image: cropped, retouched or replaced after the thumbnail was made",
                  c.difference, c.worst_block);
    c.note = buf;
}

struct JpegError {
    jpeg_error_mgr pub;
    std::jmp_buf jump;
};

[[noreturn]] void on_jpeg_error(j_common_ptr cinfo)
{
    std::longjmp(reinterpret_cast<JpegError*>(cinfo->err)->jump, 1);
}
void on_jpeg_message(j_common_ptr, int) {}

constexpr int kModes = 9; // zig-zag positions 1..9: the low-frequency AC coefficients
constexpr int kBins = 64; // |quantised value| 0..63

// Histograms of |quantised coefficient| of the luminance's low-frequency modes.
// Plain arrays only between setjmp and longjmp (no destructors may be skipped).
bool luma_histograms(std::span<const std::uint8_t> bytes, long max_pixels, long (&hist)[kModes][kBins], std::string& why)
{
    jpeg_decompress_struct cinfo;
    JpegError err;
    cinfo.err = jpeg_std_error(&err.pub);
    err.pub.error_exit = on_jpeg_error;
    err.pub.emit_message = on_jpeg_message;
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        why = "the entropy-coded data could not be read";
        return false;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, bytes.data(), static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&cinfo, TRUE);
    if (long(cinfo.image_width) * long(cinfo.image_height) > max_pixels) {
        jpeg_destroy_decompress(&cinfo);
        why = "too large to decode its coefficients";
        return false;
    }
    cinfo.mem->max_memory_to_use = 1024L * 1024 * 1024;
    jvirt_barray_ptr* coefs = jpeg_read_coefficients(&cinfo);
    const jpeg_component_info* comp = &cinfo.comp_info[0];
    for (JDIMENSION row = 0; row < comp->height_in_blocks; ++row) {
        JBLOCKARRAY blocks = (*cinfo.mem->access_virt_barray)(reinterpret_cast<j_common_ptr>(&cinfo), coefs[0], row, 1, FALSE);
        for (JDIMENSION col = 0; col < comp->width_in_blocks; ++col)
            for (int m = 0; m < kModes; ++m) {
                const int v = std::abs(int(blocks[0][col][kZigzag[static_cast<std::size_t>(m + 1)]]));
                if (v < kBins) ++hist[m][v];
            }
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    return true;
}

// After one quantisation the histogram of a low-frequency mode falls off smoothly with
// |value|; quantised twice with different steps it gets periodic gaps or peaks (empty bins
// between filled ones, or alternating heights). The score is the share of coefficients in
// rises the smooth fall-off cannot explain (beyond two standard deviations of counting noise).
void double_compression(std::span<const std::uint8_t> bytes, const JpegForensicsParams& p, JpegDoubleCompression& d)
{
    long hist[kModes][kBins] = {};
    std::string why;
    if (!luma_histograms(bytes, p.max_pixels, hist, why)) {
        d.note = "not tested: " + why;
        return;
    }
    double total = 0;
    for (const auto& h : hist) {
        int top = 0;
        for (int k = 1; k < kBins; ++k)
            if (h[k] >= 5) top = k;
        long n = 0;
        for (int k = 1; k <= top; ++k) n += h[k];
        if (top < 6 || n < 200) continue; // too few values to see a pattern
        double rises = 0;
        for (int k = 1; k < top; ++k)
            rises += std::max(0.0, double(h[k + 1] - h[k]) - 2.0 * std::sqrt(double(h[k] + h[k + 1]) + 1.0));
        total += rises / double(n);
        ++d.modes_used;
    }
    if (d.modes_used == 0) {
        d.note = "not tested: too few non-zero coefficients (a small or very flat image, or a low quality)";
        return;
    }
    d.tested = true;
    d.score = total / d.modes_used;
    d.indicated = d.score > p.double_compression_threshold;
    d.note = d.indicated ? "the DCT histograms show the periodic gaps or peaks of a second compression with other tables"
                         : "the DCT histograms fall off smoothly, as after one compression (or two with the same tables)";
}

} // namespace

std::array<std::uint16_t, 64> ijg_table(int quality, bool chroma)
{
    quality = std::clamp(quality, 1, 100);
    const long scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
    std::array<std::uint16_t, 64> out{};
    const auto& base = chroma ? kChroma : kLuma;
    for (std::size_t i = 0; i < 64; ++i) out[i] = static_cast<std::uint16_t>(std::clamp((base[i] * scale + 50) / 100, 1L, 255L));
    return out;
}

namespace {

Result<JpegForensics> analyse(std::span<const std::uint8_t> bytes, const DecodedGrid& image, const JpegForensicsParams& params)
{
    if (bytes.size() < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8) return Status(ErrorCode::UnsupportedFormat, "not a JPEG file");
    JpegForensics j;
    detail::ByteReader r(bytes, true);
    std::map<int, JpegQuantTable> tables;
    std::span<const std::uint8_t> thumb;
    bool frame = false;
    std::size_t pos = 2;
    for (int n = 0; n < kMaxSegments; ++n) {
        if (pos + 2 > bytes.size()) {
            j.warnings.push_back("the file ends without an end-of-image marker");
            break;
        }
        if (bytes[pos] != 0xFF)
            return Status(ErrorCode::CorruptData, "JPEG: a marker was expected at byte " + std::to_string(pos));
        const std::uint8_t m = bytes[pos + 1];
        if (m == 0xFF) { // fill byte
            ++pos;
            continue;
        }
        if (m == 0xD9) {
            if (bytes.size() - (pos + 2) > 16)
                j.warnings.push_back(std::to_string(bytes.size() - pos - 2) + " bytes follow the end-of-image marker");
            break;
        }
        if (m == 0x01 || (m >= 0xD0 && m <= 0xD8)) {
            pos += 2;
            continue;
        }
        std::uint16_t len = 0;
        if (!r.u16(pos + 2, len) || len < 2 || !r.has(pos + 2, len))
            return Status(ErrorCode::CorruptData, "JPEG: a segment runs past the end of the file");
        const auto seg = bytes.subspan(pos + 4, len - 2u);
        if (m == 0xDB) {
            for (std::size_t o = 0; o < seg.size();) {
                const int pq = seg[o] >> 4, tq = seg[o] & 15;
                const std::size_t size = pq ? 128 : 64;
                if (pq > 1 || tq > 3 || o + 1 + size > seg.size())
                    return Status(ErrorCode::CorruptData, "JPEG: a malformed quantization table");
                JpegQuantTable t;
                t.id = tq;
                t.precision_bits = pq ? 16 : 8;
                for (std::size_t k = 0; k < 64; ++k)
                    t.q[static_cast<std::size_t>(kZigzag[k])] =
                        pq ? static_cast<std::uint16_t>((seg[o + 1 + 2 * k] << 8) | seg[o + 2 + 2 * k]) : seg[o + 1 + k];
                if (tables.count(tq) && tables[tq].q != t.q)
                    j.warnings.push_back("quantization table " + std::to_string(tq) + " is defined twice with different values");
                fit_ijg(t);
                tables[tq] = t;
                o += 1 + size;
            }
        } else if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            if (seg.size() < 6) return Status(ErrorCode::CorruptData, "JPEG: a truncated frame header");
            frame = true;
            j.height = (seg[1] << 8) | seg[2];
            j.width = (seg[3] << 8) | seg[4];
            j.components = seg[5];
            j.progressive = m == 0xC2 || m == 0xC6 || m == 0xCA || m == 0xCE;
            j.arithmetic = m >= 0xC9;
            if (seg.size() < 6 + 3u * j.components) return Status(ErrorCode::CorruptData, "JPEG: a truncated frame header");
            if (j.components == 1) {
                j.subsampling = "grey";
            } else if (j.components == 3) {
                const int h0 = seg[7] >> 4, v0 = seg[7] & 15, h1 = seg[10] >> 4, v1 = seg[10] & 15;
                const int hr = h1 ? h0 / h1 : 0, vr = v1 ? v0 / v1 : 0;
                j.subsampling = hr == 1 && vr == 1   ? "4:4:4"
                                : hr == 2 && vr == 1 ? "4:2:2"
                                : hr == 2 && vr == 2 ? "4:2:0"
                                : hr == 1 && vr == 2 ? "4:4:0"
                                : hr == 4 && vr == 1 ? "4:1:1"
                                                     : "other";
            } else {
                j.subsampling = "other";
            }
        } else if (m == 0xE1 && thumb.empty()) {
            thumb = exif_thumbnail(seg);
        } else if (m == 0xDA) {
            // Entropy-coded data: skip to the next marker that is neither stuffing nor a restart.
            std::size_t q = pos + 2 + len;
            while (q + 1 < bytes.size() &&
                   !(bytes[q] == 0xFF && bytes[q + 1] != 0x00 && !(bytes[q + 1] >= 0xD0 && bytes[q + 1] <= 0xD7)))
                ++q;
            pos = q;
            if (q + 1 >= bytes.size()) {
                j.warnings.push_back("the file ends inside its image data");
                break;
            }
            continue;
        }
        pos += 2 + len;
    }
    if (!frame) return Status(ErrorCode::CorruptData, "JPEG: no frame header");
    if (tables.empty()) j.warnings.push_back("no quantization table");
    j.standard_tables = !tables.empty();
    for (auto& [id, t] : tables) {
        j.tables.push_back(t);
        j.standard_tables &= t.ijg_standard;
    }
    if (tables.count(0)) j.luma_quality = tables[0].ijg_quality;
    if (tables.count(1)) j.chroma_quality = tables[1].ijg_quality;
    if (j.standard_tables)
        j.software_hints.push_back("libjpeg (IJG) tables at quality " + std::to_string(j.luma_quality) +
                                   ": written by common software (editors, converters, web services, most generators' savers)");
    else if (!tables.empty())
        j.software_hints.push_back("non-standard tables (nearest IJG quality " + std::to_string(j.luma_quality) +
                                   "): typical of cameras, phones and some editors");
    if (!thumb.empty())
        compare_thumbnail(thumb, image, j.thumbnail);
    else
        j.thumbnail.note = "no EXIF thumbnail";
    if (j.arithmetic)
        j.double_compression.note = "not tested: arithmetic coding";
    else
        double_compression(bytes, params, j.double_compression);
    return j;
}

} // namespace

Result<JpegForensics> analyse_jpeg(std::span<const std::uint8_t> bytes, const Raster* image, const JpegForensicsParams& params)
{
    return analyse(bytes, DecodedGrid{image, nullptr}, params);
}

Result<JpegForensics> analyse_jpeg(std::span<const std::uint8_t> bytes, const Picture* image, const JpegForensicsParams& params)
{
    return analyse(bytes, DecodedGrid{nullptr, image}, params);
}

Result<Raster> error_level_analysis(const Raster& image, int quality, double gain)
{
    if (image.empty()) return Status(ErrorCode::InvalidArgument, "error level analysis needs an image");
    if (quality < 1 || quality > 100) return Status(ErrorCode::InvalidArgument, "the JPEG quality must be 1..100");
    // Compared at 8 bits, as the file would be saved: the stored image's own rounding is not an error level.
    Raster eight = image;
    for (float& v : eight.data) v = std::round(std::clamp(v, 0.0f, 1.0f) * 255.0f) / 255.0f;
    auto again = jpeg_roundtrip(eight, quality);
    if (!again) return again.status();
    Raster out = eight;
    for (std::size_t i = 0; i < out.data.size(); ++i)
        out.data[i] = static_cast<float>(std::min(1.0, std::abs(double(eight.data[i]) - again->data[i]) * gain));
    return out;
}

namespace {

// Rows [y0, y1) of the error levels of `view` (8-bit, RGB or grey) into the same rows of
// `out`. JPEG codes every 16 x 16 MCU (4:2:0) from its own pixels; only the decoder's
// chroma upsampling reads the next MCU row, so the strip is re-saved with one MCU row more
// on each side the image goes on, on the whole image's grid (y0 and y1 multiples of 16
// or the image's edge): its own rows come back as they would from the whole image. The
// rule jpeg_roundtrip_regions (laundering.h) applies in two dimensions to float rasters;
// here along rows only, on the 8-bit picture the ELA reads.
void error_levels_of_rows(const cv::Mat& view, int y0, int y1, int quality, double gain, cv::Mat& out)
{
    constexpr int kMcu = 16;
    const int a = std::max(0, y0 - kMcu), b = std::min(view.rows, y1 + kMcu);
    const cv::Mat source = view.rowRange(a, b);
    // Colour goes to a matrix of its own (cvtColor with dst == src would swap the caller's channels).
    cv::Mat eight;
    if (source.channels() == 3)
        cv::cvtColor(source, eight, cv::COLOR_RGB2BGR);
    else
        eight = source;
    std::vector<std::uint8_t> bytes;
    if (!cv::imencode(".jpg", eight, bytes, {cv::IMWRITE_JPEG_QUALITY, quality})) throw std::runtime_error("encoding failed");
    const cv::Mat again = cv::imdecode(bytes, eight.channels() == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
    if (again.size() != eight.size() || again.type() != eight.type()) throw std::runtime_error("decoding failed");
    const cv::Range own(y0 - a, y1 - a);
    cv::Mat diff;
    cv::absdiff(eight.rowRange(own), again.rowRange(own), diff);
    cv::Mat rows = out.rowRange(y0, y1); // shares out's bytes: the results land in place
    if (diff.channels() == 3) {
        diff.convertTo(diff, CV_8U, gain); // saturates at 255: the clamp to 1
        cv::cvtColor(diff, rows, cv::COLOR_BGR2RGB);
    } else {
        diff.convertTo(rows, CV_8U, gain);
    }
}

} // namespace

Result<Picture> error_level_picture(const Picture& image, int max_side, int quality, double gain, int threads)
{
    if (image.empty() || (image.channels != 1 && image.channels != 3))
        return Status(ErrorCode::InvalidArgument, "error level analysis needs an image");
    if (quality < 1 || quality > 100) return Status(ErrorCode::InvalidArgument, "the JPEG quality must be 1..100");
    try {
        // All in 8 bits, as the file would be saved: no full-size float plane (at
        // 12 MP those were most of the cost of error_level_analysis()).
        const cv::Mat view = detail::picture_view(image);
        cv::Mat levels(view.size(), view.type());
        // The codec is single-threaded: a 12 MP photo in two strips takes about half the time.
        // Strips of fewer than 256 rows would spend more on their context rows than they save.
        constexpr int kMcu = 16, kMinRows = 256;
        if (threads <= 0) threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 4u));
        const int strips = std::max(1, std::min(threads, view.rows / kMinRows));
        std::vector<int> edges{0};
        for (int i = 1; i < strips; ++i) edges.push_back(view.rows * i / strips / kMcu * kMcu);
        edges.push_back(view.rows);
        // Where no thread is to be had, a strip runs on this thread when its result is asked for.
        std::vector<std::future<void>> others;
        for (int i = 1; i < strips; ++i)
            others.push_back(std::async(std::launch::async | std::launch::deferred, error_levels_of_rows, std::cref(view),
                                        edges[i], edges[i + 1], quality, gain, std::ref(levels)));
        std::exception_ptr failed;
        try {
            error_levels_of_rows(view, edges[0], edges[1], quality, gain, levels);
        } catch (...) {
            failed = std::current_exception();
        }
        for (auto& f : others) { // every strip finishes before `levels` goes
            try {
                f.get();
            } catch (...) {
                if (!failed) failed = std::current_exception();
            }
        }
        if (failed) std::rethrow_exception(failed);
        return scale_picture(detail::picture_from_mat(levels), max_side);
    } catch (const cv::Exception& e) {
        return Status(ErrorCode::Internal, std::string("error level analysis failed: ") + e.what());
    } catch (const std::bad_alloc&) {
        return Status(ErrorCode::Internal, "out of memory during error level analysis");
    } catch (const std::exception& e) { // the codec's failures
        return Status(ErrorCode::Internal, std::string("error level analysis: ") + e.what());
    }
}

Result<JpegGhosts> jpeg_ghosts(const Picture& image, const JpegGhostParams& params)
{
    if (image.empty() || (image.channels != 1 && image.channels != 3))
        return Status(ErrorCode::InvalidArgument, "JPEG ghosts need an image");
    if (params.quality_min < 1 || params.quality_max > 100 || params.quality_min > params.quality_max || params.quality_step < 1)
        return Status(ErrorCode::InvalidArgument, "JPEG ghosts: qualities must run upwards within 1..100");
    if (params.window < 1 || params.window > 256)
        return Status(ErrorCode::InvalidArgument, "JPEG ghosts: the window must be 1..256 pixels");
    if (params.grid_x < 0 || params.grid_x > 7 || params.grid_y < 0 || params.grid_y > 7)
        return Status(ErrorCode::InvalidArgument, "JPEG ghosts: the grid offset must be 0..7 pixels each way");
    try {
        const cv::Mat view = detail::picture_view(image);
        cv::Mat eight; // as the encoder takes it
        if (view.channels() == 3)
            cv::cvtColor(view, eight, cv::COLOR_RGB2BGR);
        else
            eight = view;
        const int longer = std::max(view.cols, view.rows);
        const double scale = params.max_side > 0 && longer > params.max_side ? double(params.max_side) / longer : 1.0;
        const cv::Size small(std::max(1, int(std::lround(view.cols * scale))), std::max(1, int(std::lround(view.rows * scale))));
        JpegGhosts out;
        out.grid_x = params.grid_x;
        out.grid_y = params.grid_y;
        for (int q = params.quality_min; q <= params.quality_max; q += params.quality_step) out.qualities.push_back(q);
        const int n = static_cast<int>(out.qualities.size());
        std::vector<cv::Mat> maps(static_cast<std::size_t>(n)); // mean squared difference per window, at the maps' size
        out.mean_difference.assign(std::size_t(n), 0.0);
        // One quality's map: re-saved, compared, averaged over windows, shrunk.
        // A grid at (gx, gy): the encoder's blocks start at the padded image's origin, so pad
        // (8 - g) mod 8 pixels before the first column and row, and cut them off again.
        const int pad_x = (8 - params.grid_x) % 8, pad_y = (8 - params.grid_y) % 8;
        cv::Mat padded = eight;
        if (pad_x || pad_y) cv::copyMakeBorder(eight, padded, pad_y, 0, pad_x, 0, cv::BORDER_REPLICATE);
        auto one = [&](int k) {
            std::vector<std::uint8_t> bytes;
            if (!cv::imencode(".jpg", padded, bytes, {cv::IMWRITE_JPEG_QUALITY, out.qualities[std::size_t(k)]}))
                throw std::runtime_error("encoding failed");
            cv::Mat again = cv::imdecode(bytes, eight.channels() == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
            if (again.size() != padded.size() || again.type() != eight.type()) throw std::runtime_error("decoding failed");
            if (pad_x || pad_y) again = again(cv::Rect(pad_x, pad_y, eight.cols, eight.rows));
            // The squared difference, mean over channels, one float plane at a time (no 3-channel float copies).
            cv::Mat levels, plane;
            cv::absdiff(again, eight, levels);
            cv::Mat diff(levels.size(), CV_32F, cv::Scalar(0));
            for (int c = 0; c < levels.channels(); ++c) {
                cv::extractChannel(levels, plane, c);
                plane.convertTo(plane, CV_32F);
                cv::accumulateSquare(plane, diff);
            }
            diff *= 1.0 / levels.channels();
            out.mean_difference[std::size_t(k)] = cv::mean(diff)[0];
            cv::blur(diff, diff, cv::Size(params.window, params.window), cv::Point(-1, -1), cv::BORDER_REFLECT);
            if (small != diff.size()) cv::resize(diff, diff, small, 0, 0, cv::INTER_AREA);
            maps[std::size_t(k)] = std::move(diff);
        };
        // The codec is single-threaded and the qualities are independent: each worker takes the
        // next one. Each holds about 14 bytes a pixel while it works (the re-save, its absolute
        // difference, a float plane and the float sum; the encoded bytes).
        int threads = params.threads;
        if (threads <= 0) threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 4u));
        const double per_worker = 14.0 * double(view.cols) * double(view.rows);
        const int fit = static_cast<int>(std::clamp(double(params.memory_budget) / per_worker, 1.0, double(n)));
        threads = std::clamp(threads, 1, fit);
        std::atomic<int> next{0};
        std::atomic<bool> aborted{false};
        auto work = [&] {
            for (int k; !aborted.load() && (k = next.fetch_add(1)) < n;) {
                if (params.abort && params.abort()) {
                    aborted = true;
                    return;
                }
                one(k);
            }
        };
        std::vector<std::future<void>> others; // where no thread is to be had, one runs here when asked
        for (int i = 1; i < threads; ++i) others.push_back(std::async(std::launch::async | std::launch::deferred, work));
        std::exception_ptr failed;
        try {
            work();
        } catch (...) {
            aborted = true; // the others stop at their next quality
            failed = std::current_exception();
        }
        for (auto& f : others) { // every worker finishes before the maps go
            try {
                f.get();
            } catch (...) {
                aborted = true;
                if (!failed) failed = std::current_exception();
            }
        }
        if (failed) std::rethrow_exception(failed);
        if (aborted) return Status(ErrorCode::Aborted, "JPEG ghosts aborted");
        // Scaled per window over the qualities: what matters is at which quality a window
        // changes least, not how much texture it has.
        cv::Mat lowest = maps.front().clone(), highest = maps.front().clone();
        for (const cv::Mat& m : maps) {
            cv::min(lowest, m, lowest);
            cv::max(highest, m, highest);
        }
        cv::Mat spread = highest - lowest;
        const cv::Mat flat = spread < params.flat_spread;
        spread.setTo(1.0f, flat);
        for (const cv::Mat& m : maps) {
            cv::Mat scaled = (m - lowest) / spread * 255.0;
            scaled.setTo(255.0f, flat);
            cv::Mat grey;
            scaled.convertTo(grey, CV_8U); // rounds and saturates
            out.maps.push_back(detail::picture_from_mat(grey));
        }
        return out;
    } catch (const cv::Exception& e) {
        return Status(ErrorCode::Internal, std::string("JPEG ghosts failed: ") + e.what());
    } catch (const std::bad_alloc&) {
        return Status(ErrorCode::Internal, "out of memory while making JPEG ghosts");
    } catch (const std::exception& e) { // the codec's failures
        return Status(ErrorCode::Internal, std::string("JPEG ghosts: ") + e.what());
    }
}

Picture jpeg_ghost_sheet(const JpegGhosts& ghosts)
{
    if (ghosts.maps.empty()) return {};
    constexpr int kPerRow = 5, kGap = 8;
    const int w = ghosts.maps.front().width, h = ghosts.maps.front().height;
    // Labels grow with the maps, so that they stay legible where the sheet is printed small.
    const int label = std::max(28, w / 8);
    const int n = static_cast<int>(ghosts.maps.size());
    const int cols = std::min(n, kPerRow), rows = (n + kPerRow - 1) / kPerRow;
    cv::Mat sheet(rows * (h + label + kGap) + kGap, cols * (w + kGap) + kGap, CV_8UC1, cv::Scalar(255));
    for (int i = 0; i < n; ++i) {
        const int x = kGap + (i % kPerRow) * (w + kGap), y = kGap + (i / kPerRow) * (h + label + kGap);
        std::string text = "JPEG " + std::to_string(ghosts.qualities[std::size_t(i)]);
        if (ghosts.grid_x || ghosts.grid_y)
            text += " (" + std::to_string(ghosts.grid_x) + "," + std::to_string(ghosts.grid_y) + ")";
        cv::putText(sheet, text, cv::Point(x, y + label * 3 / 4), cv::FONT_HERSHEY_SIMPLEX, label / 40.0, cv::Scalar(0),
                    label >= 48 ? 2 : 1, cv::LINE_AA);
        detail::picture_view(ghosts.maps[std::size_t(i)]).copyTo(sheet(cv::Rect(x, y + label, w, h)));
    }
    return detail::picture_from_mat(sheet);
}

std::string JpegForensics::to_json() const
{
    using nlohmann::json;
    json ts = json::array();
    for (const auto& t : tables)
        ts.push_back({{"id", t.id},
                      {"precision_bits", t.precision_bits},
                      {"ijg_quality", t.ijg_quality},
                      {"ijg_standard", t.ijg_standard},
                      {"fit_error", detail::rounded(t.fit_error, 1e-3)},
                      {"q", t.q}});
    return json{{"width", width},
                {"height", height},
                {"components", components},
                {"progressive", progressive},
                {"subsampling", subsampling},
                {"luma_quality", luma_quality},
                {"chroma_quality", chroma_quality},
                {"standard_tables", standard_tables},
                {"tables", ts},
                {"thumbnail",
                 {{"present", thumbnail.present},
                  {"width", thumbnail.width},
                  {"height", thumbnail.height},
                  {"difference", detail::rounded(thumbnail.difference, 1e-2)},
                  {"worst_block", detail::rounded(thumbnail.worst_block, 1e-2)},
                  {"matches", thumbnail.matches},
                  {"note", thumbnail.note}}},
                {"double_compression",
                 {{"tested", double_compression.tested},
                  {"score", detail::rounded(double_compression.score, 1e-4)},
                  {"indicated", double_compression.indicated},
                  {"modes_used", double_compression.modes_used},
                  {"note", double_compression.note}}},
                {"hints", software_hints},
                {"warnings", warnings}}
        .dump();
}

} // namespace clipflow
