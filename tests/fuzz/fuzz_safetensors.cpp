// Fuzz target: the safetensors reader (header JSON, offsets, dtypes, shapes)
// and widening every tensor it accepts to float.

#include <clipflow/safetensors.h>

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto f = clipflow::SafetensorsFile::parse(std::span<const std::uint8_t>(data, size));
    if (!f) return 0;
    for (const auto& t : f->tensors()) {
        if (t.bytes.data() < data || t.bytes.data() + t.bytes.size() > data + size) __builtin_trap(); // views stay inside
        if (t.numel() < 1'000'000) (void)t.to_float();
    }
    (void)f->metadata();
    return 0;
}
