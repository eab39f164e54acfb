#include "clipflow/metadata.h"

#include "intake/heifdecoder.h"

#include <exiv2/exiv2.hpp>

#include <fstream>
#include <iterator>
#include <mutex>
#include <type_traits>

namespace clipflow {

namespace {

// Exiv2 0.27 prints warnings to stderr by default; evidence files are often odd.
// Its HEIF/AVIF (ISO BMFF) reader is off until asked for.
void quiet()
{
    static std::once_flag once;
    std::call_once(once, [] {
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
#ifdef EXV_ENABLE_BMFF
        Exiv2::enableBMFF(true);
#endif
    });
}

template <typename Data>
void collect(const Data& data, const char* family, const MetadataParams& p, std::vector<MetadataEntry>& out)
{
    for (auto it = data.begin(); it != data.end() && out.size() < p.max_entries; ++it) {
        std::string value, raw;
        try {
            raw = it->toString();
            // Exif interpretation may need other tags (the ExifData); IPTC and XMP need none.
            if constexpr (std::is_same_v<Data, Exiv2::ExifData>)
                value = it->print(&data);
            else
                value = it->print();
        } catch (const std::exception&) {
            value = "(unreadable)";
        }
        auto cut = [&](std::string& v) {
            if (v.size() > p.max_value_chars) v = v.substr(0, p.max_value_chars) + "\u2026";
        };
        cut(value);
        cut(raw);
        out.push_back({family, it->key(), value, raw});
    }
}

} // namespace

Result<std::vector<MetadataEntry>> read_metadata(std::span<const std::uint8_t> bytes, const MetadataParams& params)
{
    quiet();
    if (bytes.empty()) return Status(ErrorCode::EmptyFile, "no bytes to read metadata from");
    try {
        auto image = Exiv2::ImageFactory::open(bytes.data(), static_cast<long>(bytes.size()));
        if (!image.get()) return Status(ErrorCode::UnsupportedFormat, "Exiv2 does not recognise this file");
        image->readMetadata();
        // Exiv2 0.27 misses Exif and XMP stored as HEIF items in many files (libheif's own among them):
        // read them from the items libheif finds.
        if (!detail::heif_brand_format(bytes).empty() && (image->exifData().empty() || image->xmpData().empty()))
            if (auto items = detail::read_heif_metadata(bytes)) {
                for (const auto& tiff : items->exif) {
                    if (!image->exifData().empty()) break;
                    Exiv2::ExifParser::decode(image->exifData(), tiff.data(), static_cast<std::uint32_t>(tiff.size()));
                }
                if (image->xmpData().empty())
                    for (const auto& packet : items->xmp)
                        if (Exiv2::XmpParser::decode(image->xmpData(), packet) == 0) break;
            }
        std::vector<MetadataEntry> out;
        collect(image->exifData(), "Exif", params, out);
        collect(image->iptcData(), "Iptc", params, out);
        collect(image->xmpData(), "Xmp", params, out);
        return out;
    } catch (const Exiv2::AnyError& e) {
        return Status(ErrorCode::CorruptData, std::string("metadata: ") + e.what());
    } catch (const std::exception& e) {
        return Status(ErrorCode::CorruptData, std::string("metadata: ") + e.what());
    }
}

Result<std::vector<MetadataEntry>> read_metadata_file(const std::string& path, const MetadataParams& params)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status(ErrorCode::NotFound, "cannot open " + path);
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return read_metadata(bytes, params);
}

} // namespace clipflow
