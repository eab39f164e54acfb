// Fuzz target: evidence intake (header probe, SHA-256, decoders) and the
// Exiv2 metadata reader, from bytes in memory — what a stranger's file meets first.

#include <clipflow/evidence.h>
#include <clipflow/metadata.h>

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::span<const std::uint8_t> bytes(data, size);
    clipflow::IntakeParams p;
    p.max_pixels = 4'000'000; // bombs must be refused from the header, quickly
    auto ev = clipflow::decode_evidence(bytes, "fuzz", p);
    if (ev) {
        // Whatever decodes must be a consistent raster.
        const auto& r = ev->pixels;
        if (r.data.size() !=
            static_cast<std::size_t>(r.width) * static_cast<std::size_t>(r.height) * static_cast<std::size_t>(r.channels))
            __builtin_trap();
    }
    (void)clipflow::read_metadata(bytes);
    return 0;
}
