// Fuzz target: JPEG forensics — the marker walk, quantization tables, the EXIF
// thumbnail's TIFF directory and its decoding, and libjpeg's coefficient reader
// behind our error handler — on bytes a stranger's JPEG carries.

#include <clipflow/jpegforensics.h>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::span<const std::uint8_t> bytes(data, size);
    clipflow::JpegForensicsParams p;
    p.max_pixels = 4'000'000; // a header may claim 65535 x 65535: the decoder must never be asked
    clipflow::Raster image;   // a small picture for the thumbnail comparison
    image.width = 32;
    image.height = 24;
    image.channels = 3;
    image.data.assign(32 * 24 * 3, 0.5f);
    const clipflow::Raster* withs[] = {nullptr, &image};
    for (const clipflow::Raster* with : withs) {
        auto j = clipflow::analyse_jpeg(bytes, with, p);
        if (!j) continue;
        for (const auto& t : j->tables)
            if (t.ijg_quality < 1 || t.ijg_quality > 100) __builtin_trap();
        if (!nlohmann::json::accept(j->to_json())) __builtin_trap();
    }
    return 0;
}
