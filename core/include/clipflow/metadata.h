#pragma once
// Embedded metadata of an evidence file (EXIF, IPTC, XMP) through Exiv2, read
// from the bytes already in memory: the file is never reopened or written.
// Values are Exiv2's interpreted strings beside the raw ones; very long ones (maker notes, thumbnails)
// are cut, since they are evidence to keep, not to display.

#include "clipflow/result.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace clipflow {

struct MetadataEntry {
    std::string family; ///< "Exif", "Iptc", "Xmp"
    std::string key;    ///< e.g. "Exif.Image.Make"
    std::string value;  ///< interpreted, e.g. "right, top"
    std::string raw;    ///< as stored, e.g. "6"
};

struct MetadataParams {
    std::size_t max_entries = 2000; ///< a hostile file cannot flood the view
    std::size_t max_value_chars = 500;
};

Result<std::vector<MetadataEntry>> read_metadata(std::span<const std::uint8_t> bytes, const MetadataParams& params = {});
/// Reads the file (read-only) first; convenience for the CLI and tests.
Result<std::vector<MetadataEntry>> read_metadata_file(const std::string& path, const MetadataParams& params = {});

} // namespace clipflow
