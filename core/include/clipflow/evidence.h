#pragma once
// Evidence intake: read a file's bytes once, hash exactly those bytes, probe
// the header for size limits, then decode from the same buffer. Evidence files
// are opened read-only and never written.

#include "clipflow/jpegforensics.h"
#include "clipflow/provenance.h"
#include "clipflow/raster.h"
#include "clipflow/result.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace clipflow {

struct IntakeParams {
    std::uint64_t max_pixels = 100'000'000; ///< refuse before decoding above this
    std::uint64_t max_file_bytes = 2ull * 1024 * 1024 * 1024;
    bool decode_pixels = true; ///< false: hash and probe only
    /// With decode_pixels false: false lets a file of a format intake cannot decode (HEIF, AVIF, …) through
    /// with its hash, metadata and provenance (EvidenceInfo::format stays empty).
    bool require_image = true;
    /// Also read metadata and provenance from the same bytes (Evidence::metadata and Evidence::provenance).
    bool read_provenance = false;
    ProvenanceParams provenance{}; ///< limits, and the C2PA trust anchors, for that
    /// JPEG files only, with decode_pixels: also their JPEG forensics (Evidence::jpeg) from the same bytes.
    bool read_jpeg_forensics = false;
    /// Files whose samples decode to 8 bits also as Evidence::picture: the same values as bytes, for
    /// analyses that read 8-bit samples (a quarter of the memory traffic of the float raster).
    bool keep_picture = false;
};

struct EvidenceInfo {
    std::string path;
    std::string sha256; ///< lowercase hex of the exact file bytes
    std::uint64_t file_size = 0;
    std::string format; ///< "JPEG", "PNG", "TIFF", "WebP", "HEIF", "AVIF", "BMP", "GIF"
    int width = 0;      ///< stored pixel grid, not EXIF-rotated
    int height = 0;
    int source_channels = 0;  ///< as stored: 1, 2 (grey+alpha), 3, 4
    int bit_depth = 8;        ///< per sample, as stored
    std::string colour_model; ///< "grey", "rgb", "palette", "cmyk", "ycck"
    bool has_alpha = false;
    int exif_orientation = 0; ///< 1..8 from EXIF, 0 when absent
    int frame_count_hint = 1; ///< GIF: >1 when more frames follow (only the first is analysed)
    bool lossy = false;       ///< as ImageHeader::lossy: JPEG, lossy WebP, HEIF, AVIF
};

struct Evidence {
    EvidenceInfo info;
    Raster pixels; ///< grey or RGB float in [0, 1]; alpha is dropped
    /// With IntakeParams::keep_picture, for 8-bit samples: `pixels` as bytes (pixels = picture / 255
    /// exactly, same grid and channels); empty for other depths.
    Picture picture;
    /// With IntakeParams::read_provenance: EXIF, IPTC and XMP (Exiv2), or why they could not be read.
    std::vector<MetadataEntry> metadata;
    std::string metadata_error;
    /// With IntakeParams::read_provenance: what the file says of its origin (absent if unreadable).
    std::optional<Provenance> provenance;
    /// With IntakeParams::read_jpeg_forensics, for a JPEG: tables, thumbnail, double compression.
    std::optional<JpegForensics> jpeg;
    std::string jpeg_error; ///< why a JPEG's forensics could not be read
};

/// What the results must say about orientation: analyses use the stored grid.
std::string pixel_grid_note(const EvidenceInfo& info);

/// Empty when the file's name ending fits what the file is (or is no image ending at all);
/// otherwise a sentence saying the name promises another format — a file renamed, or saved
/// under another format's name, as web services often deliver WebP or AVIF as ".jpg". An
/// HEIF ending fits AVIF too (AVIF is an HEIF image with AV1 inside).
std::string name_format_note(const EvidenceInfo& info);

/// Reads, hashes and decodes one file. Thread-safe.
Result<Evidence> load_evidence(const std::string& path, const IntakeParams& params = {});

/// Same pipeline from memory (the bytes a caller already holds; also the fuzz entry point).
Result<Evidence> decode_evidence(std::span<const std::uint8_t> bytes, const std::string& name, const IntakeParams& params = {});

} // namespace clipflow
