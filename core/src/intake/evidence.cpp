#include "clipflow/evidence.h"

#include "evidence_p.h"

#include "clipflow/imageheader.h"
#include "clipflow/imagepaths.h"
#include "clipflow/metadata.h"
#include "clipflow/sha256.h"
#include "gifdecoder.h"
#include "heifdecoder.h"
#include "webpanimdecoder.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace clipflow {
namespace {

Result<std::vector<std::uint8_t>> read_whole_file(const std::string& path, std::uint64_t max_bytes)
{
    using Bytes = std::vector<std::uint8_t>;
    // O_NONBLOCK so that a FIFO cannot hang us before fstat says what it is.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        const int err = errno;
        struct stat ls {};
        if (err == ENOENT && ::lstat(path.c_str(), &ls) == 0 && S_ISLNK(ls.st_mode))
            return Result<Bytes>(ErrorCode::DanglingLink, "the link points to a file that does not exist");
        if (err == ENOENT || err == ENOTDIR) return Result<Bytes>(ErrorCode::NotFound, "no such file");
        if (err == EACCES || err == EPERM) return Result<Bytes>(ErrorCode::PermissionDenied, "permission denied");
        if (err == ELOOP) return Result<Bytes>(ErrorCode::DanglingLink, "too many levels of symbolic links");
        return Result<Bytes>(ErrorCode::IoError, std::string("cannot open: ") + std::strerror(err));
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) return Result<Bytes>(ErrorCode::IoError, std::string("cannot stat: ") + std::strerror(errno));
    if (S_ISDIR(st.st_mode)) return Result<Bytes>(ErrorCode::NotARegularFile, "is a directory, not an image file");
    if (!S_ISREG(st.st_mode)) return Result<Bytes>(ErrorCode::NotARegularFile, "is not a regular file (device, FIFO or socket)");
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size == 0) return Result<Bytes>(ErrorCode::EmptyFile, "the file is empty");
    if (size > max_bytes)
        return Result<Bytes>(ErrorCode::FileTooLarge, "the file has " + std::to_string(size) + " bytes, more than the limit of " +
                                                          std::to_string(max_bytes));
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    Bytes bytes(size);
    std::size_t got = 0;
    while (got < size) {
        const ssize_t n = ::read(fd, bytes.data() + got, size - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return Result<Bytes>(ErrorCode::IoError, std::string("read failed: ") + std::strerror(errno));
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    if (got != size) return Result<Bytes>(ErrorCode::IoError, "the file shrank while it was being read");
    return bytes;
}

// The channels intake keeps of a decoded matrix: RGB, or one grey channel when the
// container says the samples are grey (OpenCV expands grey+alpha to BGRA). Alpha is dropped.
int kept_channels(const cv::Mat& m, bool grey)
{
    return m.channels() >= 3 && !grey ? 3 : 1;
}

Raster to_raster(const cv::Mat& m, bool grey)
{
    Raster out;
    out.width = m.cols;
    out.height = m.rows;
    const int src_channels = m.channels();
    out.channels = kept_channels(m, grey);
    double scale = 1.0;
    switch (m.depth()) {
    case CV_8U: scale = 1.0 / 255.0; break;
    case CV_8S: scale = 1.0 / 127.0; break;
    case CV_16U: scale = 1.0 / 65535.0; break;
    case CV_16S: scale = 1.0 / 32767.0; break;
    case CV_32S: scale = 1.0 / 2147483647.0; break;
    default: scale = 1.0; break;
    }
    cv::Mat f;
    m.convertTo(f, CV_MAKETYPE(CV_32F, src_channels), scale);
    out.data.resize(out.pixel_count() * static_cast<std::size_t>(out.channels));
    float* dst = out.data.data();
    for (int y = 0; y < f.rows; ++y) {
        const float* row = f.ptr<float>(y);
        for (int x = 0; x < f.cols; ++x) {
            const float* p = row + static_cast<std::ptrdiff_t>(x) * src_channels;
            if (out.channels == 3) { // OpenCV gives BGR(A)
                *dst++ = p[2];
                *dst++ = p[1];
                *dst++ = p[0];
            } else {
                *dst++ = p[0];
            }
        }
    }
    for (float& v : out.data)
        if (!std::isfinite(v)) v = 0.0f;
    return out;
}

// The decoded 8-bit samples as RGB or grey bytes, chosen and ordered as to_raster does.
Picture to_picture_bytes(const cv::Mat& m, bool grey)
{
    Picture p;
    p.width = m.cols;
    p.height = m.rows;
    const int src_channels = m.channels();
    p.channels = kept_channels(m, grey);
    p.data.resize(static_cast<std::size_t>(p.width) * static_cast<std::size_t>(p.height) * static_cast<std::size_t>(p.channels));
    cv::Mat dst(p.height, p.width, CV_8UC(p.channels), p.data.data());
    if (p.channels == 3)
        cv::cvtColor(m, dst, src_channels == 4 ? cv::COLOR_BGRA2RGB : cv::COLOR_BGR2RGB); // OpenCV gives BGR(A)
    else if (src_channels == 1)
        m.copyTo(dst);
    else
        cv::extractChannel(m, dst, 0);
    return p;
}

} // namespace

std::string pixel_grid_note(const EvidenceInfo& info)
{
    // HEIF's rotation, mirroring and crop are part of the image, not advice (heifdecoder.h).
    if (info.format == "HEIF" || info.format == "AVIF")
        return "Analyses use the decoded " + info.format +
               " image with the rotation, mirroring and crop its container defines applied (they are part of the format).";
    std::string note = "Analyses use the stored pixel grid";
    if (info.exif_orientation > 1)
        note += "; EXIF orientation " + std::to_string(info.exif_orientation) +
                " is recorded but not applied, so the image may display rotated or mirrored elsewhere";
    else
        note += " (no EXIF rotation to apply)";
    // An analyst must know the other frames were not looked at: each could be another picture.
    if (info.frame_count_hint > 1) note += ". The file is animated: only its first frame is analysed";
    return note + ".";
}

std::string name_format_note(const EvidenceInfo& info)
{
    const std::string named = format_named(info.path);
    if (named.empty() || info.format.empty() || named == info.format || (named == "HEIF" && info.format == "AVIF")) return {};
    const std::string ending = std::filesystem::path(info.path).extension().string();
    return "The name ends in " + ending + " (a " + named + " file's ending), but the file is " + info.format +
           ": renamed, or saved under another format's name (web services often deliver WebP or AVIF as \".jpg\"). "
           "The analyses read the file as what it is.";
}

Result<Evidence> decode_evidence(std::span<const std::uint8_t> bytes, const std::string& name, const IntakeParams& params)
{
    return detail::decode_evidence(bytes, name, params,
                                   params.keep_picture ? detail::PixelForm::FloatAndBytes : detail::PixelForm::Float);
}

Result<Evidence> load_evidence(const std::string& path, const IntakeParams& params)
{
    return detail::load_evidence(path, params, params.keep_picture ? detail::PixelForm::FloatAndBytes : detail::PixelForm::Float);
}

namespace detail {

Result<Evidence> decode_evidence(std::span<const std::uint8_t> bytes, const std::string& name, const IntakeParams& params,
                                 PixelForm form)
{
    Evidence ev;
    ev.info.path = name;
    ev.info.file_size = bytes.size();
    if (bytes.empty()) return {ErrorCode::EmptyFile, "the file is empty"};
    ev.info.sha256 = Sha256::hex(bytes);

    auto read_origin = [&] {
        // From the same bytes: the file is read once. Unreadable metadata leaves the text chunks.
        if (auto meta = read_metadata(bytes))
            ev.metadata = std::move(*meta);
        else
            ev.metadata_error = meta.status().message();
        if (auto prov = read_provenance(bytes, ev.metadata, params.provenance)) ev.provenance = std::move(*prov);
    };
    auto header = probe_image_header(bytes);
    if (!header) {
        // A format intake cannot decode (HEIF, AVIF, …) may still say where it came from.
        if (params.require_image || params.decode_pixels || header.status().code() != ErrorCode::UnsupportedFormat)
            return header.status();
        if (params.read_provenance) read_origin();
        return ev;
    }
    const ImageHeader& h = header.value();
    const std::uint64_t pixels = std::uint64_t(h.width) * std::uint64_t(h.height);
    if (pixels > params.max_pixels)
        return {ErrorCode::TooManyPixels, h.format + " header declares " + std::to_string(h.width) + "x" +
                                              std::to_string(h.height) + " pixels, above the limit of " +
                                              std::to_string(params.max_pixels) +
                                              " (possible decompression bomb); it was not decoded"};
    ev.info.format = h.format;
    ev.info.width = static_cast<int>(h.width);
    ev.info.height = static_cast<int>(h.height);
    ev.info.source_channels = h.channels;
    ev.info.bit_depth = h.bit_depth;
    ev.info.colour_model = h.colour_model;
    ev.info.has_alpha = h.has_alpha;
    ev.info.exif_orientation = h.exif_orientation;
    ev.info.lossy = h.lossy;
    if (params.read_provenance) read_origin();
    if (!params.decode_pixels) return ev;

    try {
        if (h.format == "GIF") {
            auto gif = detail::decode_gif_first_frame(bytes, params.max_pixels);
            if (!gif) return gif.status();
            Picture picture;
            picture.width = gif->width;
            picture.height = gif->height;
            picture.channels = 3;
            picture.data = std::move(gif->rgb);
            if (form != PixelForm::BytesWhenExact) ev.pixels = to_raster(picture);
            if (form != PixelForm::Float) ev.picture = std::move(picture);
            ev.info.has_alpha = gif->has_transparency;
            ev.info.frame_count_hint = gif->more_frames ? 2 : 1;
            return ev;
        }
        cv::Mat decoded;
        if (h.format == "HEIF" || h.format == "AVIF") {
            auto heif = detail::decode_heif(bytes, params.max_pixels);
            if (!heif) return heif.status();
            decoded = std::move(*heif);
        } else if (h.format == "WebP" && h.animated) {
            auto webp = detail::decode_webp_first_frame(bytes, params.max_pixels, h.has_alpha);
            if (!webp) return webp.status();
            decoded = std::move(webp->pixels);
            ev.info.frame_count_hint = webp->frame_count;
        } else {
            const cv::Mat encoded(1, static_cast<int>(bytes.size()), CV_8U, const_cast<std::uint8_t*>(bytes.data()));
            // IMREAD_UNCHANGED keeps 16-bit depth and ignores EXIF orientation:
            // forensic analyses must see the grid as stored.
            decoded = cv::imdecode(encoded, cv::IMREAD_UNCHANGED);
        }
        if (decoded.empty())
            return {ErrorCode::CorruptData,
                    "the " + h.format + " decoder could not read the pixel data (corrupt or truncated file)"};
        if (decoded.cols != ev.info.width || decoded.rows != ev.info.height)
            return {ErrorCode::CorruptData, "decoded size " + std::to_string(decoded.cols) + "x" + std::to_string(decoded.rows) +
                                                " differs from the header's " + std::to_string(ev.info.width) + "x" +
                                                std::to_string(ev.info.height)};
        if (h.format == "TIFF" && decoded.depth() == CV_16U) ev.info.bit_depth = 16;
        if (decoded.channels() == 4 || decoded.channels() == 2) ev.info.has_alpha = ev.info.has_alpha || h.colour_model != "cmyk";
        const bool grey = h.colour_model == "grey";
        const bool eight = decoded.depth() == CV_8U;
        if (eight && form != PixelForm::Float) ev.picture = to_picture_bytes(decoded, grey);
        if (!eight || form != PixelForm::BytesWhenExact) ev.pixels = to_raster(decoded, grey);
        if (params.read_jpeg_forensics && h.format == "JPEG") {
            // From the same bytes, with the decoded grid for the thumbnail check.
            auto jpeg = ev.pixels.empty() ? analyse_jpeg(bytes, &ev.picture) : analyse_jpeg(bytes, &ev.pixels);
            if (jpeg)
                ev.jpeg = std::move(*jpeg);
            else
                ev.jpeg_error = jpeg.status().message();
        }
    } catch (const cv::Exception& e) {
        return {ErrorCode::CorruptData, std::string("decoder error: ") + e.what()};
    } catch (const std::bad_alloc&) {
        return {ErrorCode::TooManyPixels, "not enough memory to decode this image"};
    }
    return ev;
}

Result<Evidence> load_evidence(const std::string& path, const IntakeParams& params, PixelForm form)
{
    auto bytes = read_whole_file(path, params.max_file_bytes);
    if (!bytes) return bytes.status();
    return decode_evidence(bytes.value(), path, params, form);
}

} // namespace detail

} // namespace clipflow
