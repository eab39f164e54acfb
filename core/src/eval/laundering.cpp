#include "clipflow/laundering.h"

#include "intake/cvraster.h"

#include <algorithm>
#include <array>
#include <numeric>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace clipflow {

namespace {

Status check(const Raster& r)
{
    if (r.empty() || r.width < 1 || r.height < 1 || (r.channels != 1 && r.channels != 3) ||
        r.data.size() != r.pixel_count() * static_cast<std::size_t>(r.channels))
        return Status(ErrorCode::InvalidArgument, "expected a grey or RGB raster");
    return {};
}

cv::Mat to_bgr8(const Raster& r)
{
    cv::Mat m = detail::to_mat(r), u8;
    m.convertTo(u8, CV_8U, 255.0);
    if (u8.channels() == 3) cv::cvtColor(u8, u8, cv::COLOR_RGB2BGR);
    return u8;
}

} // namespace

PixelRect resized_size(int width, int height, int side)
{
    const double scale = static_cast<double>(side) / std::max(1, std::min(width, height));
    return {0, 0, std::max(1, static_cast<int>(std::lround(width * scale))),
            std::max(1, static_cast<int>(std::lround(height * scale)))};
}

Result<Raster> resize_shorter_side(const Raster& image, int side)
{
    if (auto s = check(image); !s.ok()) return s;
    if (side < 1 || side > 65536) return Status(ErrorCode::InvalidArgument, "resize: side must be 1..65536");
    try {
        const PixelRect r = resized_size(image.width, image.height, side);
        const cv::Size size(r.width, r.height);
        cv::Mat out;
        cv::resize(detail::to_mat(image), out, size, 0, 0,
                   side < std::min(image.width, image.height) ? cv::INTER_AREA : cv::INTER_CUBIC);
        cv::min(cv::max(out, 0.0), 1.0, out);
        return detail::from_mat(out);
    } catch (const cv::Exception& e) {
        return Status(ErrorCode::Internal, std::string("resize failed: ") + e.what());
    }
}

Result<std::vector<std::uint8_t>> encode_image(const Raster& image, const std::string& extension, int quality)
{
    if (auto s = check(image); !s.ok()) return s;
    if (extension != ".png" && extension != ".jpg" && extension != ".webp")
        return Status(ErrorCode::InvalidArgument, "encode: extension must be .png, .jpg or .webp");
    try {
        std::vector<std::uint8_t> bytes;
        std::vector<int> opts;
        cv::Mat m = to_bgr8(image);
        if (extension == ".jpg") opts = {cv::IMWRITE_JPEG_QUALITY, std::clamp(quality, 1, 100)};
        if (extension == ".webp") {
            // Lossy at 1-100 (OpenCV would write lossless above 100); libwebp encodes colour only.
            opts = {cv::IMWRITE_WEBP_QUALITY, std::clamp(quality, 1, 100)};
            if (m.channels() == 1) cv::cvtColor(m, m, cv::COLOR_GRAY2BGR);
        }
        if (!cv::imencode(extension, m, bytes, opts)) return Status(ErrorCode::Internal, "encoding failed");
        return bytes;
    } catch (const cv::Exception& e) {
        return Status(ErrorCode::Internal, std::string("encoding failed: ") + e.what());
    }
}

namespace {

Result<Raster> decode_back(const std::vector<std::uint8_t>& bytes, int channels, const char* what)
{
    try {
        cv::Mat decoded = cv::imdecode(bytes, channels == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
        if (decoded.empty()) return Status(ErrorCode::Internal, std::string(what) + " round trip: decoding failed");
        if (decoded.channels() == 3) cv::cvtColor(decoded, decoded, cv::COLOR_BGR2RGB);
        cv::Mat f;
        decoded.convertTo(f, CV_32F, 1.0 / 255.0);
        return detail::from_mat(f);
    } catch (const cv::Exception& e) {
        return Status(ErrorCode::Internal, std::string(what) + " round trip failed: " + e.what());
    }
}

} // namespace

Result<Raster> jpeg_roundtrip(const Raster& image, int quality)
{
    auto bytes = encode_image(image, ".jpg", quality);
    if (!bytes) return bytes.status();
    return decode_back(*bytes, image.channels, "JPEG");
}

namespace {

bool inside(const PixelRect& r, int width, int height)
{
    return r.width > 0 && r.height > 0 && r.x >= 0 && r.y >= 0 && r.width <= width - r.x && r.height <= height - r.y;
}

// Each rectangle grown by `margin` on every side and snapped outward to multiples of
// (step_x, step_y), within the width x height result (whose sides are multiples of the
// steps, or end where it ends): {x0, x1, y0, y1}.
std::vector<std::array<int, 4>> grown_regions(const std::vector<PixelRect>& rects, int margin, int step_x, int step_y, int width,
                                              int height)
{
    const auto grown = [margin](int a, int b, int step, int extent) {
        return std::pair{std::max(0, a - margin) / step * step, std::min(extent, (b + margin + step - 1) / step * step)};
    };
    std::vector<std::array<int, 4>> regions;
    for (const auto& r : rects) {
        const auto [x0, x1] = grown(r.x, r.x + r.width, step_x, width);
        const auto [y0, y1] = grown(r.y, r.y + r.height, step_y, height);
        regions.push_back({x0, x1, y0, y1});
    }
    return regions;
}

// The rectangles cut from a transform of the whole image: when regions would not be cheaper.
Result<std::vector<Raster>> crops_of(const Result<Raster>& whole, const std::vector<PixelRect>& rects)
{
    if (!whole) return whole.status();
    std::vector<Raster> out;
    for (const auto& r : rects) out.push_back(crop(*whole, r.x, r.y, r.width, r.height));
    return out;
}

} // namespace

Result<std::vector<Raster>> resize_shorter_side_regions(const Raster& image, int side, const std::vector<PixelRect>& rects)
{
    if (auto s = check(image); !s.ok()) return s;
    if (side < 1 || side > 65536) return Status(ErrorCode::InvalidArgument, "resize: side must be 1..65536");
    const PixelRect size = resized_size(image.width, image.height, side);
    for (const auto& r : rects)
        if (!inside(r, size.width, size.height))
            return Status(ErrorCode::InvalidArgument, "resize: a region lies outside the image");
    // Shrinking filters by area: each output pixel averages its own source cell, with weights
    // that repeat every period (px source pixels to qx output pixels, the ratio in lowest
    // terms). A region that starts on a period, keeps the ratio and leaves a margin for the
    // filter's arithmetic at its own edges gives the same sums from the same weights (OpenCV's
    // tables are the same floats; tst_laundering compares whole and regions bit for bit).
    // Enlarging (bicubic) and long periods (sizes whose ratio hardly reduces) take the whole image.
    const int gx = std::gcd(image.width, size.width), gy = std::gcd(image.height, size.height);
    const int qx = size.width / gx, px = image.width / gx, qy = size.height / gy, py = image.height / gy;
    constexpr int kMargin = 16, kMaxPeriod = 64;
    if (side >= std::min(image.width, image.height) || qx > kMaxPeriod || qy > kMaxPeriod)
        return crops_of(resize_shorter_side(image, side), rects);
    const auto spans = grown_regions(rects, kMargin, qx, qy, size.width, size.height);
    double area = 0; // of the source the regions read
    for (const auto& [x0, x1, y0, y1] : spans) area += double(x1 - x0) / qx * px * (double(y1 - y0) / qy * py);
    if (area >= double(image.width) * image.height) return crops_of(resize_shorter_side(image, side), rects);
    try {
        std::vector<Raster> out;
        const cv::Mat whole = detail::raster_view(image);
        for (std::size_t i = 0; i < rects.size(); ++i) {
            const auto [x0, x1, y0, y1] = spans[i];
            const cv::Rect source(x0 / qx * px, y0 / qy * py, (x1 - x0) / qx * px, (y1 - y0) / qy * py);
            cv::Mat region;
            cv::resize(whole(source), region, cv::Size(x1 - x0, y1 - y0), 0, 0, cv::INTER_AREA);
            cv::min(cv::max(region, 0.0), 1.0, region);
            const auto& r = rects[i];
            out.push_back(detail::from_mat(region(cv::Rect(r.x - x0, r.y - y0, r.width, r.height))));
        }
        return out;
    } catch (const cv::Exception& e) {
        return Status(ErrorCode::Internal, std::string("resize failed: ") + e.what());
    }
}

Result<std::vector<Raster>> jpeg_roundtrip_regions(const Raster& image, int quality, const std::vector<PixelRect>& rects)
{
    if (auto s = check(image); !s.ok()) return s;
    for (const auto& r : rects)
        if (!inside(r, image.width, image.height))
            return Status(ErrorCode::InvalidArgument, "JPEG: a region lies outside the image");
    // A region: the 16 x 16 MCUs (4:2:0 chroma) that cover the rectangle and one more on each
    // side, on the whole image's MCU grid. Every MCU is coded from its own pixels; the decoder's
    // chroma upsampling reads the neighbouring MCUs' chroma, which the extra ring holds exactly;
    // only that ring's own pixels see the region's edges.
    constexpr int kMcu = 16;
    const auto spans = grown_regions(rects, kMcu, kMcu, kMcu, image.width, image.height);
    double area = 0;
    for (const auto& [x0, x1, y0, y1] : spans) area += double(x1 - x0) * (y1 - y0);
    if (area >= double(image.width) * image.height) return crops_of(jpeg_roundtrip(image, quality), rects);
    std::vector<Raster> out;
    for (std::size_t i = 0; i < rects.size(); ++i) {
        const auto [x0, x1, y0, y1] = spans[i];
        auto region = jpeg_roundtrip(crop(image, x0, y0, x1 - x0, y1 - y0), quality);
        if (!region) return region.status();
        const auto& r = rects[i];
        out.push_back(crop(*region, r.x - x0, r.y - y0, r.width, r.height));
    }
    return out;
}

Result<Raster> webp_roundtrip(const Raster& image, int quality)
{
    if (quality < 1 || quality > 100) return Status(ErrorCode::InvalidArgument, "WebP quality must be 1..100");
    auto bytes = encode_image(image, ".webp", quality);
    if (!bytes) return bytes.status();
    return decode_back(*bytes, image.channels, "WebP");
}

Result<Raster> recompress(const Raster& image, const Recompression& r)
{
    switch (r.codec) {
    case Recompression::Codec::None:
        if (auto s = check(image); !s.ok()) return s;
        return image;
    case Recompression::Codec::Jpeg: return jpeg_roundtrip(image, r.quality);
    case Recompression::Codec::WebP: return webp_roundtrip(image, r.quality);
    case Recompression::Codec::Palette: return palette_quantize(image, 256, r.dither);
    }
    return Status(ErrorCode::InvalidArgument, "unknown recompression");
}

bool is_delivered_copy(const std::string& format, int width, int height)
{
    return format == "JPEG" && width > 0 && height > 0 && std::min(width, height) <= kDeliveredCopyMaxSide;
}

Result<Raster> center_crop(const Raster& image, int size)
{
    if (auto s = check(image); !s.ok()) return s;
    if (size < 1) return Status(ErrorCode::InvalidArgument, "crop: size must be positive");
    const int w = std::min(size, image.width), h = std::min(size, image.height);
    const int x0 = (image.width - w) / 2, y0 = (image.height - h) / 2;
    const auto c = static_cast<std::size_t>(image.channels);
    Raster out;
    out.width = w;
    out.height = h;
    out.channels = image.channels;
    out.data.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * c);
    for (int y = 0; y < h; ++y) {
        const auto src =
            image.data.begin() +
            static_cast<std::ptrdiff_t>(
                ((static_cast<std::size_t>(y0 + y) * static_cast<std::size_t>(image.width)) + static_cast<std::size_t>(x0)) * c);
        std::copy(src, src + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(w) * c),
                  out.data.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(y) * static_cast<std::size_t>(w) * c));
    }
    return out;
}

Result<Raster> launder(const Raster& image, int side, int quality)
{
    auto resized = resize_shorter_side(image, side);
    if (!resized) return resized.status();
    return jpeg_roundtrip(*resized, quality);
}

Result<Raster> deliver_copy(const Raster& image, int max_side, int quality)
{
    if (image.empty()) return Status(ErrorCode::InvalidArgument, "no image to deliver");
    if (std::min(image.width, image.height) <= max_side) return jpeg_roundtrip(image, quality);
    return launder(image, max_side, quality);
}

} // namespace clipflow
