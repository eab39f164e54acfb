#pragma once
// Header probing without decoding: format, dimensions, depth and orientation
// straight from the container, so oversized images are refused before any
// pixel buffer exists.

#include "clipflow/result.h"

#include <cstdint>
#include <span>
#include <string>

namespace clipflow {

struct ImageHeader {
    std::string format; ///< "JPEG", "PNG", "TIFF", "WebP", "HEIF", "AVIF", "BMP", "GIF"
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    int channels = 0; ///< 0 when the container does not say
    int bit_depth = 8;
    std::string colour_model; ///< "grey", "rgb", "palette", "cmyk", "ycck"
    bool has_alpha = false;
    int exif_orientation = 0;
    /// Stored with lossy compression: JPEG, lossy WebP (VP8; not lossless VP8L), HEIF and AVIF
    /// (their rare lossless modes are not told apart). A TIFF's compression is not read: false.
    bool lossy = false;
    /// An animated WebP (its VP8X flag; `lossy` then says its first frame's coding). A GIF's
    /// frames are counted by its decoder, not here.
    bool animated = false;
};

Result<ImageHeader> probe_image_header(std::span<const std::uint8_t> bytes);

/// EXIF orientation (tag 0x0112) from a TIFF-structured EXIF block; 0 when absent.
int exif_orientation_from_tiff(std::span<const std::uint8_t> tiff);

} // namespace clipflow
