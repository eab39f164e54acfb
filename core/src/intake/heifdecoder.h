#pragma once
// HEIF (HEVC, as phones take photos) and AVIF (AV1, as some generators and
// web services deliver images) stills through libheif; OpenCV 4.6 reads
// neither. Only the primary image is read. Unlike a JPEG's EXIF orientation,
// HEIF's rotation, mirroring and clean aperture are part of the image itself
// (ISO/IEC 23008-12), so the pixels are the image with them applied.

#include "clipflow/imageheader.h"
#include "clipflow/result.h"

#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace clipflow::detail {

/// "HEIF" or "AVIF" when the bytes open with an ISO BMFF 'ftyp' box naming a
/// HEIF still-image brand; empty otherwise. Reads the ftyp box only.
std::string heif_brand_format(std::span<const std::uint8_t> bytes);

/// The primary image's size (as displayed), bit depth and alpha, from the
/// container's boxes; no pixel is decoded.
Result<ImageHeader> probe_heif(std::span<const std::uint8_t> bytes);

/// The primary image's Exif blocks (TIFF structure, the HEIF offset field
/// skipped) and XMP packets, as stored; at most a few of each.
struct HeifMetadata {
    std::vector<std::vector<std::uint8_t>> exif;
    std::vector<std::string> xmp;
};
Result<HeifMetadata> read_heif_metadata(std::span<const std::uint8_t> bytes);

/// The primary image's pixels as cv::imdecode gives them: BGR or BGRA, 8 bits,
/// or 16 bits (the samples scaled to the full range) for deeper images.
Result<cv::Mat> decode_heif(std::span<const std::uint8_t> bytes, std::uint64_t max_pixels);

} // namespace clipflow::detail
