#include "heifdecoder.h"

#include <libheif/heif.h>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstring>
#include <memory>
#include <mutex>
#include <string_view>
#include <utility>
#include <vector>

namespace clipflow::detail {
namespace {

// libheif's own bound on width and height, which it also applies to the coded image (a
// 1.6 kB file declaring 11792 x 16 pixels decoded to 1776 x 65519 under 1 << 16: the
// fuzzer's find). Intake's pixel limit (IntakeParams::max_pixels) applies to the declared
// size, this one to what the codec would allocate.
constexpr int kMaxSide = 1 << 14;

std::uint32_t be32(const std::uint8_t* p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | std::uint32_t(p[3]);
}

Status heif_status(const heif_error& e, const std::string& format)
{
    std::string message = format + ": " + (e.message && *e.message ? e.message : "decoder error");
    while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back()))) message.pop_back();
    switch (e.code) {
    case heif_error_Unsupported_filetype:
    case heif_error_Unsupported_feature: return {ErrorCode::UnsupportedFormat, message};
    case heif_error_Memory_allocation_error: return {ErrorCode::TooManyPixels, message};
    case heif_error_Invalid_input:
        return {e.subcode == heif_suberror_End_of_data ? ErrorCode::TruncatedData : ErrorCode::CorruptData, message};
    default: return {ErrorCode::CorruptData, message};
    }
}

struct ContextFree {
    void operator()(heif_context* c) const { heif_context_free(c); }
};
struct HandleFree {
    void operator()(heif_image_handle* h) const { heif_image_handle_release(h); }
};
struct ImageFree {
    void operator()(heif_image* i) const { heif_image_release(i); }
};
struct OptionsFree {
    void operator()(heif_decoding_options* o) const { heif_decoding_options_free(o); }
};

struct Opened {
    std::unique_ptr<heif_context, ContextFree> context;
    std::unique_ptr<heif_image_handle, HandleFree> primary;
    std::string format;
};

Result<Opened> open(std::span<const std::uint8_t> bytes)
{
    Opened o;
    o.format = heif_brand_format(bytes);
    if (o.format.empty()) return {ErrorCode::UnsupportedFormat, "not a HEIF or AVIF file"};
    // Once per process; plugins, where libheif has them, load here.
    static std::once_flag once;
    std::call_once(once, [] { (void)heif_init(nullptr); });
    o.context.reset(heif_context_alloc());
    if (!o.context) return {ErrorCode::TooManyPixels, "not enough memory to read this " + o.format + " file"};
    heif_context_set_maximum_image_size_limit(o.context.get(), kMaxSide);
    // The bytes outlive the context: both live within one intake call.
    if (heif_error e = heif_context_read_from_memory_without_copy(o.context.get(), bytes.data(), bytes.size(), nullptr); e.code)
        return heif_status(e, o.format);
    heif_image_handle* handle = nullptr;
    if (heif_error e = heif_context_get_primary_image_handle(o.context.get(), &handle); e.code) return heif_status(e, o.format);
    o.primary.reset(handle);
    return o;
}

} // namespace

std::string heif_brand_format(std::span<const std::uint8_t> bytes)
{
    if (bytes.size() < 16 || std::memcmp(bytes.data() + 4, "ftyp", 4) != 0) return {};
    const std::uint32_t size = be32(bytes.data());
    if (size < 16 || size > bytes.size() || size > 4096) return {};
    bool heif = false, avif = false;
    auto note = [&](std::string_view brand) {
        static constexpr std::array<std::string_view, 4> av{"avif", "avis", "avio", "MA1A"};
        static constexpr std::array<std::string_view, 8> hv{"heic", "heix", "heim", "heis", "mif1", "msf1", "hevc", "hevx"};
        avif = avif || std::find(av.begin(), av.end(), brand) != av.end();
        heif = heif || std::find(hv.begin(), hv.end(), brand) != hv.end();
    };
    const auto brand = [&](std::size_t at) { return std::string_view(reinterpret_cast<const char*>(bytes.data()) + at, 4); };
    note(brand(8)); // the major brand; 12..15 is the minor version
    for (std::size_t at = 16; at + 4 <= size; at += 4) note(brand(at));
    // "mif1" alone says HEIF structure, not the codec: AV1 brands decide.
    return avif ? "AVIF" : heif ? "HEIF" : std::string();
}

Result<ImageHeader> probe_heif(std::span<const std::uint8_t> bytes)
{
    auto opened = open(bytes);
    if (!opened) return opened.status();
    const heif_image_handle* h = opened->primary.get();
    ImageHeader header;
    header.format = opened->format;
    const int w = heif_image_handle_get_width(h), ht = heif_image_handle_get_height(h);
    if (w <= 0 || ht <= 0) return {ErrorCode::CorruptData, header.format + " declares no image size"};
    header.width = static_cast<std::uint32_t>(w);
    header.height = static_cast<std::uint32_t>(ht);
    header.has_alpha = heif_image_handle_has_alpha_channel(h) != 0;
    header.channels = header.has_alpha ? 4 : 3;
    const int bits = heif_image_handle_get_luma_bits_per_pixel(h);
    header.bit_depth = bits > 8 ? bits : 8;
    header.colour_model = "rgb";
    header.lossy = true;
    return header;
}

Result<HeifMetadata> read_heif_metadata(std::span<const std::uint8_t> bytes)
{
    auto opened = open(bytes);
    if (!opened) return opened.status();
    const heif_image_handle* h = opened->primary.get();
    constexpr int kMaxBlocks = 8; // a hostile file cannot make us copy thousands
    std::array<heif_item_id, kMaxBlocks> ids{};
    const int n = heif_image_handle_get_list_of_metadata_block_IDs(h, nullptr, ids.data(), kMaxBlocks);
    HeifMetadata out;
    for (int i = 0; i < std::min(n, kMaxBlocks); ++i) {
        const char* type = heif_image_handle_get_metadata_type(h, ids[i]);
        const std::string kind = type ? type : "";
        const char* content = heif_image_handle_get_metadata_content_type(h, ids[i]);
        const bool xmp = kind == "mime" && content && std::string_view(content) == "application/rdf+xml";
        if (kind != "Exif" && !xmp) continue;
        const std::size_t size = heif_image_handle_get_metadata_size(h, ids[i]);
        if (size == 0 || size > bytes.size()) continue;
        std::vector<std::uint8_t> data(size);
        if (heif_image_handle_get_metadata(h, ids[i], data.data()).code) continue;
        if (xmp) {
            out.xmp.emplace_back(data.begin(), data.end());
            continue;
        }
        // ISO/IEC 23008-12 A.2.1: a 32-bit offset from after this field to the TIFF header.
        if (size < 4) continue;
        const std::size_t start = 4 + std::size_t(be32(data.data()));
        if (start >= size) continue;
        out.exif.emplace_back(data.begin() + static_cast<std::ptrdiff_t>(start), data.end());
    }
    return out;
}

namespace {

// One plane as float (samples in [0, 1]); empty when the image lacks it.
// Sample i of a row: one byte, or two little-endian bytes above 8 bits (libheif's layout).
inline float sample(const std::uint8_t* row, int i, bool deep)
{
    return float(deep ? unsigned(row[2 * i]) | (unsigned(row[2 * i + 1]) << 8) : row[i]);
}

cv::Mat plane_of(const heif_image* image, heif_channel channel)
{
    if (!heif_image_has_channel(image, channel)) return {};
    int stride = 0;
    const std::uint8_t* data = heif_image_get_plane_readonly(image, channel, &stride);
    const int w = heif_image_get_width(image, channel), h = heif_image_get_height(image, channel);
    const int bits = heif_image_get_bits_per_pixel_range(image, channel);
    if (!data || w <= 0 || h <= 0 || bits < 1 || bits > 16 || stride < w * (bits > 8 ? 2 : 1)) return {};
    cv::Mat out(h, w, CV_32F);
    const float scale = 1.0f / float((1 << bits) - 1);
    for (int y = 0; y < h; ++y) {
        const std::uint8_t* row = data + std::size_t(y) * std::size_t(stride);
        auto* o = out.ptr<float>(y);
        for (int x = 0; x < w; ++x) o[x] = sample(row, x, bits > 8) * scale;
    }
    return out;
}

// The chroma sampling the codec configuration boxes (hvcC, av1C) in the meta box's
// property container declare, when they all agree: 4:2:0 or 4:2:2 planes can then be
// asked for directly. Undefined otherwise (the caller finds out from the planes).
// A bounded walk over meta > iprp > ipco; nothing here trusts a box size.
heif_chroma coded_chroma(std::span<const std::uint8_t> bytes)
{
    struct Box {
        std::size_t body = 0, end = 0;
        std::string_view type;
    };
    // The boxes directly inside [from, to), each with its body range.
    const auto children = [&](std::size_t from, std::size_t to) {
        std::vector<Box> out;
        for (std::size_t at = from; at + 8 <= to && out.size() < 4096;) {
            std::uint64_t size = be32(bytes.data() + at);
            std::size_t header = 8;
            if (size == 1) {
                if (at + 16 > to) break;
                size = (std::uint64_t(be32(bytes.data() + at + 8)) << 32) | be32(bytes.data() + at + 12);
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < header || size > to - at) break;
            out.push_back({at + header, at + std::size_t(size), {reinterpret_cast<const char*>(bytes.data()) + at + 4, 4}});
            at += std::size_t(size);
        }
        return out;
    };
    const auto find = [&](const std::vector<Box>& boxes, std::string_view type) -> const Box* {
        for (const auto& b : boxes)
            if (b.type == type) return &b;
        return nullptr;
    };
    const auto top = children(0, bytes.size());
    const Box* meta = find(top, "meta");
    if (!meta || meta->body + 4 > meta->end) return heif_chroma_undefined;
    const auto in_meta = children(meta->body + 4, meta->end); // a full box: version and flags first
    const Box* iprp = find(in_meta, "iprp");
    if (!iprp) return heif_chroma_undefined;
    const auto in_iprp = children(iprp->body, iprp->end);
    const Box* ipco = find(in_iprp, "ipco");
    if (!ipco) return heif_chroma_undefined;
    heif_chroma found = heif_chroma_undefined;
    for (const auto& b : children(ipco->body, ipco->end)) {
        heif_chroma c = heif_chroma_undefined;
        if (b.type == "hvcC" && b.body + 17 <= b.end) {
            // HEVCDecoderConfigurationRecord: chromaFormat in the low 2 bits of byte 16.
            static constexpr heif_chroma by_idc[4] = {heif_chroma_monochrome, heif_chroma_420, heif_chroma_422, heif_chroma_444};
            c = by_idc[bytes[b.body + 16] & 3];
        } else if (b.type == "av1C" && b.body + 3 <= b.end) {
            // AV1CodecConfigurationRecord byte 2: monochrome, chroma_subsampling_x, _y in bits 4, 3, 2.
            const std::uint8_t v = bytes[b.body + 2];
            c = (v & 0x10)   ? heif_chroma_monochrome
                : (v & 0x08) ? ((v & 0x04) ? heif_chroma_420 : heif_chroma_422)
                             : heif_chroma_444;
        } else {
            continue;
        }
        if (found != heif_chroma_undefined && c != found) return heif_chroma_undefined; // mixed: let the planes say
        found = c;
    }
    return found;
}

// The share of sample pairs (x, x+dx; y, y+dy) equal in both chroma planes: 1 for libheif
// 1.15's full-size chroma from 4:2:0 coding (nearly: it is not exact everywhere), far
// less for chroma coded at full resolution.
double repeated_share(const cv::Mat& cb, const cv::Mat& cr, int dx, int dy)
{
    long same = 0, all = 0;
    for (int y = 0; y + dy < cb.rows; y += 1 + dy)
        for (int x = 0; x + dx < cb.cols; x += 1 + dx, ++all)
            same += cb.at<float>(y, x) == cb.at<float>(y + dy, x + dx) && cr.at<float>(y, x) == cr.at<float>(y + dy, x + dx);
    return all ? double(same) / double(all) : 1.0;
}

// Kr, Kb of the YCbCr matrix an nclx profile names (ITU-T H.273); BT.601 where it names none we convert.
std::pair<float, float> luma_weights(int matrix)
{
    switch (matrix) {
    case heif_matrix_coefficients_ITU_R_BT_709_5: return {0.2126f, 0.0722f};
    case heif_matrix_coefficients_ITU_R_BT_2020_2_non_constant_luminance:
    case heif_matrix_coefficients_ITU_R_BT_2020_2_constant_luminance: return {0.2627f, 0.0593f};
    case heif_matrix_coefficients_SMPTE_240M: return {0.212f, 0.087f};
    default: return {0.299f, 0.114f};
    }
}

} // namespace

Result<cv::Mat> decode_heif(std::span<const std::uint8_t> bytes, std::uint64_t max_pixels)
{
    auto opened = open(bytes);
    if (!opened) return opened.status();
    heif_image_handle* h = opened->primary.get();
    const std::string& format = opened->format;
    const int w = heif_image_handle_get_width(h), ht = heif_image_handle_get_height(h);
    if (w <= 0 || ht <= 0) return {ErrorCode::CorruptData, format + " declares no image size"};
    if (std::uint64_t(w) * std::uint64_t(ht) > max_pixels)
        return {ErrorCode::TooManyPixels, format + " image of " + std::to_string(w) + "x" + std::to_string(ht) +
                                              " pixels is above the limit; it was not decoded"};
    const bool alpha = heif_image_handle_has_alpha_channel(h) != 0;
    const int bits = std::max(8, heif_image_handle_get_luma_bits_per_pixel(h));
    const bool deep = bits > 8;
    std::unique_ptr<heif_decoding_options, OptionsFree> options(heif_decoding_options_alloc());
    if (!options) return {ErrorCode::TooManyPixels, "not enough memory to decode this " + format + " image"};
    options->ignore_transformations = 0; // part of the image (see the header)
    // YCbCr, converted here: libheif 1.15 up-samples 4:2:0 chroma by repeating each sample, a
    // 2-pixel grid of its own that detectors read as made (65% of natural photos flagged).
    // The planes as coded are up-sampled bilinearly instead, as JPEG decoders' fancy
    // up-sampling does.
    const heif_chroma coded = coded_chroma(bytes);
    const bool subsampled = coded == heif_chroma_420 || coded == heif_chroma_422;
    heif_image* raw = nullptr;
    if (heif_error e =
            heif_decode_image(h, &raw, heif_colorspace_YCbCr, subsampled ? coded : heif_chroma_undefined, options.get());
        e.code)
        return heif_status(e, format);
    std::unique_ptr<heif_image, ImageFree> image(raw);
    const auto size_error = [&](int dw, int dh) -> Status {
        return {ErrorCode::CorruptData, format + " decoder returned " + std::to_string(dw) + "x" + std::to_string(dh) +
                                            " pixels for a " + std::to_string(w) + "x" + std::to_string(ht) + " image"};
    };
    std::vector<cv::Mat> rgb(3); // R, G, B as floats in [0, 1]
    const heif_colorspace space = heif_image_get_colorspace(image.get());
    if (space == heif_colorspace_YCbCr || space == heif_colorspace_monochrome) {
        // The coded size may differ from the declared one (a hostile file): check before copying.
        const int yw = heif_image_get_width(image.get(), heif_channel_Y), yh = heif_image_get_height(image.get(), heif_channel_Y);
        if (yw != w || yh != ht) return size_error(yw, yh);
        const cv::Mat y = plane_of(image.get(), heif_channel_Y);
        if (y.empty()) return size_error(0, 0);
        if (space == heif_colorspace_monochrome || !heif_image_has_channel(image.get(), heif_channel_Cb)) {
            rgb = {y, y, y};
        } else {
            cv::Mat cb = plane_of(image.get(), heif_channel_Cb), cr = plane_of(image.get(), heif_channel_Cr);
            if (cb.empty() || cr.empty() || cb.size() != cr.size() || cb.cols > w || cb.rows > ht)
                return {ErrorCode::CorruptData, format + " chroma planes do not fit the image"};
            // Without the configuration's word: full-size chroma that repeats its samples was coded
            // 4:2:0 (or 4:2:2); decode those planes as coded.
            if (!subsampled && cb.size() == y.size() && repeated_share(cb, cr, 1, 0) > 0.95) {
                const bool rows = repeated_share(cb, cr, 0, 1) > 0.95;
                heif_image* coded = nullptr;
                if (heif_error e = heif_decode_image(h, &coded, heif_colorspace_YCbCr, rows ? heif_chroma_420 : heif_chroma_422,
                                                     options.get());
                    e.code)
                    return heif_status(e, format);
                image.reset(coded);
                cb = plane_of(image.get(), heif_channel_Cb);
                cr = plane_of(image.get(), heif_channel_Cr);
                if (cb.empty() || cr.empty() || cb.size() != cr.size() || cb.cols > w || cb.rows > ht)
                    return {ErrorCode::CorruptData, format + " chroma planes do not fit the image"};
            }
            if (cb.size() != y.size()) {
                // Up-sampled samples are whole code values again, as every integer decoder (libjpeg's
                // fancy up-sampling among them) makes them: the rounding pattern is part of what
                // detectors calibrated on decoded photos have seen.
                const float levels = float((1 << bits) - 1);
                for (cv::Mat* c : {&cb, &cr}) {
                    cv::resize(*c, *c, y.size(), 0, 0, cv::INTER_LINEAR);
                    c->forEach<float>([levels](float& v, const int*) { v = std::round(v * levels) / levels; });
                }
            }
            heif_color_profile_nclx* nclx = nullptr;
            int matrix = heif_matrix_coefficients_ITU_R_BT_601_6;
            bool full = true; // libheif's own assumption without an nclx profile
            if (!heif_image_handle_get_nclx_color_profile(h, &nclx).code && nclx) {
                matrix = nclx->matrix_coefficients;
                full = nclx->full_range_flag != 0;
                heif_nclx_color_profile_free(nclx);
            }
            const float depth = float((1 << bits) - 1);
            // Limited range: luma 16..235, chroma 16..240 (scaled to the bit depth).
            const float y0 = full ? 0.0f : 16.0f * float(1 << (bits - 8)) / depth;
            const float ys = full ? 1.0f : depth / (219.0f * float(1 << (bits - 8)));
            const float cs = full ? 1.0f : depth / (224.0f * float(1 << (bits - 8)));
            const float mid = float(1 << (bits - 1)) / depth;
            rgb = {cv::Mat(y.size(), CV_32F), cv::Mat(y.size(), CV_32F), cv::Mat(y.size(), CV_32F)};
            const auto [kr, kb] = luma_weights(matrix);
            const float kg = 1.0f - kr - kb;
            for (int r = 0; r < ht; ++r) {
                const float *py = y.ptr<float>(r), *pb = cb.ptr<float>(r), *pr = cr.ptr<float>(r);
                float *oR = rgb[0].ptr<float>(r), *oG = rgb[1].ptr<float>(r), *oB = rgb[2].ptr<float>(r);
                for (int c = 0; c < w; ++c) {
                    const float Y = (py[c] - y0) * ys, U = (pb[c] - mid) * cs, V = (pr[c] - mid) * cs;
                    if (matrix == heif_matrix_coefficients_RGB_GBR) { // identity: the planes are G, B, R
                        oR[c] = pr[c], oG[c] = py[c], oB[c] = pb[c];
                        continue;
                    }
                    const float R = Y + 2.0f * (1.0f - kr) * V, B = Y + 2.0f * (1.0f - kb) * U;
                    oR[c] = R, oG[c] = (Y - kr * R - kb * B) / kg, oB[c] = B;
                }
            }
        }
    } else {
        // Coded as RGB (4:4:4): no chroma to up-sample; libheif's interleaving is exact.
        heif_image* converted = nullptr;
        const heif_chroma chroma = deep ? heif_chroma_interleaved_RRGGBB_LE : heif_chroma_interleaved_RGB;
        if (heif_error e = heif_decode_image(h, &converted, heif_colorspace_RGB, chroma, options.get()); e.code)
            return heif_status(e, format);
        image.reset(converted);
        int stride = 0;
        const std::uint8_t* plane = heif_image_get_plane_readonly(image.get(), heif_channel_interleaved, &stride);
        const int dw = heif_image_get_width(image.get(), heif_channel_interleaved);
        const int dh = heif_image_get_height(image.get(), heif_channel_interleaved);
        if (!plane || dw != w || dh != ht || stride < dw * 3 * (deep ? 2 : 1)) return size_error(dw, dh);
        rgb = {cv::Mat(ht, w, CV_32F), cv::Mat(ht, w, CV_32F), cv::Mat(ht, w, CV_32F)};
        const float scale = 1.0f / float((1 << bits) - 1);
        for (int r = 0; r < ht; ++r) {
            const std::uint8_t* row = plane + std::size_t(r) * std::size_t(stride);
            for (int c = 0; c < w; ++c)
                for (int k = 0; k < 3; ++k) rgb[k].at<float>(r, c) = sample(row, 3 * c + k, deep) * scale;
        }
    }
    // BGR(A) as cv::imdecode gives it, rounded to 8 bits or to the full 16-bit range.
    std::vector<cv::Mat> bgr = {rgb[2], rgb[1], rgb[0]};
    if (alpha) {
        cv::Mat a = plane_of(image.get(), heif_channel_Alpha);
        if (a.empty()) a = cv::Mat(ht, w, CV_32F, cv::Scalar(1.0f));
        if (a.size() != rgb[0].size()) cv::resize(a, a, rgb[0].size(), 0, 0, cv::INTER_LINEAR);
        bgr.push_back(a);
    }
    cv::Mat merged, out;
    cv::merge(bgr, merged);
    merged.convertTo(out, deep ? CV_16U : CV_8U, deep ? 65535.0 : 255.0); // saturating
    return out;
}

} // namespace clipflow::detail
