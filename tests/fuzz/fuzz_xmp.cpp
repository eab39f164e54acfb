// Fuzz target: XMP packets — Exiv2's XMP parser (read_metadata) and ours
// (digital source type, dcterms:provenance for removed credentials) on the
// same bytes, carried as a JPEG APP1 XMP segment the way files bring them.

#include <clipflow/metadata.h>
#include <clipflow/provenance.h>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static constexpr char kXmp[] = "http://ns.adobe.com/xap/1.0/"; // with its terminating NUL
    if (size > 60000) return 0;                                    // one APP1 segment
    // Sized first, then filled: GCC 12 at -O3 misreads a chain of vector inserts as an overflow.
    static constexpr std::uint8_t kFrame[] = {0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00,
                                              0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0xFF, 0xD9};
    const std::size_t len = 2 + sizeof kXmp + size;
    std::vector<std::uint8_t> jpg(6 + sizeof kXmp + size + sizeof kFrame);
    const std::uint8_t head[6] = {
        0xFF, 0xD8, 0xFF, 0xE1, static_cast<std::uint8_t>(len >> 8), static_cast<std::uint8_t>(len & 0xFF)};
    std::memcpy(jpg.data(), head, 6);
    std::memcpy(jpg.data() + 6, kXmp, sizeof kXmp);
    if (size) std::memcpy(jpg.data() + 6 + sizeof kXmp, data, size);
    // A minimal frame so Exiv2 accepts the file: SOF0 8x8 grey, then SOS and EOI.
    std::memcpy(jpg.data() + 6 + sizeof kXmp + size, kFrame, sizeof kFrame);
    auto meta = clipflow::read_metadata(jpg);
    const std::vector<clipflow::MetadataEntry> entries = meta ? *meta : std::vector<clipflow::MetadataEntry>{};
    auto prov = clipflow::read_provenance(jpg, entries);
    if (!prov) __builtin_trap(); // a non-empty JPEG always gives an answer
    if (!nlohmann::json::accept(prov->to_json())) __builtin_trap();
    (void)prov->summary();
    return 0;
}
