#include "clipflow/laundering.h"

#include "intake/cvraster.h"

#include <algorithm>
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

Result<Raster> resize_shorter_side(const Raster& image, int side)
{
    if (auto s = check(image); !s.ok()) return s;
    if (side < 1 || side > 65536) return Status(ErrorCode::InvalidArgument, "resize: side must be 1..65536");
    try {
        const double scale = static_cast<double>(side) / std::min(image.width, image.height);
        const cv::Size size(std::max(1, static_cast<int>(std::lround(image.width * scale))),
                            std::max(1, static_cast<int>(std::lround(image.height * scale))));
        cv::Mat out;
        cv::resize(detail::to_mat(image), out, size, 0, 0, scale < 1.0 ? cv::INTER_AREA : cv::INTER_CUBIC);
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
