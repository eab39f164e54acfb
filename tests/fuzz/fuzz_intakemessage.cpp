// Fuzz target: what the window's isolated reader (`clipflow-intake`)
// sends back (core/include/clipflow/isolatedintake.h): a CBOR message and the
// pixel bytes. The child parsed a stranger's file, so its answer is not trusted
// either. Input layout: 4 bytes (little-endian) giving the message's length,
// the message, then the pixels. Whatever is accepted encodes and decodes back
// to the same message and pixels; asked to keep the 8-bit picture, the decoder
// gives the same raster, and a picture only when it holds the raster's values.

#include <clipflow/isolatedintake.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 4) return 0;
    std::uint32_t length = 0;
    std::memcpy(&length, data, 4);
    const std::size_t message = std::min<std::size_t>(length, size - 4);
    auto ev = clipflow::decode_evidence_message({data + 4, message}, {data + 4 + message, size - 4 - message});
    if (!ev) return 0;
    const auto enc = clipflow::encode_evidence_message(*ev);
    auto bytes = [](const std::string& s) {
        return std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
    };
    auto again = clipflow::decode_evidence_message(bytes(enc.message), bytes(enc.pixels));
    if (!again) __builtin_trap();
    const auto enc2 = clipflow::encode_evidence_message(*again);
    if (enc2.message != enc.message || enc2.pixels != enc.pixels) __builtin_trap();

    auto kept = clipflow::decode_evidence_message({data + 4, message}, {data + 4 + message, size - 4 - message}, true);
    if (!kept || kept->pixels.data != ev->pixels.data) __builtin_trap();
    if (!kept->picture.empty() && clipflow::to_raster(kept->picture).data != kept->pixels.data) __builtin_trap();
    // Sent on as the picture's bytes, it decodes to the same raster.
    const auto enc3 = clipflow::encode_evidence_message(*kept);
    auto third = clipflow::decode_evidence_message(bytes(enc3.message), bytes(enc3.pixels));
    if (!third || third->pixels.data != kept->pixels.data) __builtin_trap();
    return 0;
}
