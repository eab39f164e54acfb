// Fuzz target: the provenance reader (PNG text chunks with zlib, JPEG COM and
// XMP segments, WebP chunks) and its interpretation (A1111, ComfyUI JSON,
// InvokeAI, NovelAI, XMP source types) — text a stranger's file carries.

#include <clipflow/provenance.h>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::span<const std::uint8_t> bytes(data, size);
    clipflow::ProvenanceParams p;
    p.max_text_bytes = 1u << 16; // bombs must stop at the limit, quickly
    p.max_total_bytes = 1u << 18;
    // The same bytes also stand in for an Exiv2 value, as a hostile XMP field would.
    const std::string text(reinterpret_cast<const char*>(data), std::min<std::size_t>(size, 4096));
    const std::vector<clipflow::MetadataEntry> meta{{"Xmp", "Xmp.iptcExt.DigitalSourceType", text, text},
                                                    {"Exif", "Exif.Photo.UserComment", text, text}};
    auto prov = clipflow::read_provenance(bytes, meta, p);
    if (prov) {
        std::size_t total = 0;
        for (const auto& c : prov->chunks) {
            if (c.text.size() > p.max_text_bytes) __builtin_trap();
            total += c.text.size();
        }
        if (total > p.max_total_bytes) __builtin_trap();
        // The JSON must always be valid UTF-8 JSON.
        if (!nlohmann::json::accept(prov->to_json())) __builtin_trap();
        (void)prov->summary();
    }
    return 0;
}
