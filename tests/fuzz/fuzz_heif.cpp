// Fuzz target: HEIF and AVIF containers — our ftyp brand walk, then libheif's
// box parser, metadata items and decoders (HEVC, AV1) behind our checks — on
// bytes a stranger's phone photo or web image carries.

#include "intake/heifdecoder.h"

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::span<const std::uint8_t> bytes(data, size);
    if (clipflow::detail::heif_brand_format(bytes).empty()) return 0;
    auto header = clipflow::detail::probe_heif(bytes);
    (void)clipflow::detail::read_heif_metadata(bytes);
    auto pixels = clipflow::detail::decode_heif(bytes, 1'000'000); // a header may claim 65535 x 65535
    if (pixels) {
        // What decodes has the header's size, 3 or 4 channels, and never more pixels than allowed.
        if (!header || int(header->width) != pixels->cols || int(header->height) != pixels->rows) __builtin_trap();
        if (pixels->channels() != 3 && pixels->channels() != 4) __builtin_trap();
        if (std::uint64_t(pixels->cols) * std::uint64_t(pixels->rows) > 1'000'000) __builtin_trap();
    }
    return 0;
}
