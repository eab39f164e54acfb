// Fuzz target: C2PA Content Credentials — the JUMBF box walk, the CBOR decoder,
// the COSE_Sign1 verification (OpenSSL: certificates, keys, time-stamp tokens)
// and the data-hash exclusions. The first byte chooses how the rest is
// presented: as a whole file, as a PNG caBX store, as a JPEG APP11 store split
// over segments, or straight to the CBOR and COSE code.

#include "provenance/cbor.h"
#include "provenance/cose.h"

#include <clipflow/c2pa.h>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace {

void put32(std::vector<std::uint8_t>& b, std::uint32_t v)
{
    for (int s = 24; s >= 0; s -= 8) b.push_back(static_cast<std::uint8_t>(v >> s));
}

void check(std::span<const std::uint8_t> file)
{
    clipflow::C2paParams p;
    p.max_store_bytes = 1u << 20;
    const auto r = clipflow::read_c2pa(file, p);
    if (!nlohmann::json::accept(r.to_json())) __builtin_trap();
    (void)r.short_label();
    // Nothing may verify as intact without a signature that verifies.
    if (r.active && r.active->signature != clipflow::C2paCheck::Valid && r.active->trust == clipflow::C2paTrust::Trusted)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1) return 0;
    const std::span<const std::uint8_t> rest(data + 1, size - 1);
    switch (data[0] % 4) {
    case 0: check(rest); break;
    case 1: { // PNG signature, IHDR-less: the walk reaches caBX first
        std::vector<std::uint8_t> png{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        put32(png, static_cast<std::uint32_t>(rest.size()));
        png.insert(png.end(), {'c', 'a', 'B', 'X'});
        png.insert(png.end(), rest.begin(), rest.end());
        put32(png, 0);
        png.insert(png.end(), {0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82});
        check(png);
        break;
    }
    case 2: { // JPEG: APP11 segments of at most 1000 bytes, the box header repeated
        std::vector<std::uint8_t> jpg{0xFF, 0xD8};
        const std::size_t header = std::min<std::size_t>(8, rest.size());
        std::uint32_t seq = 1;
        for (std::size_t pos = header; pos < rest.size() || seq == 1;) {
            const std::size_t n = std::min<std::size_t>(1000, rest.size() - pos);
            std::vector<std::uint8_t> d{'J', 'P', 0x00, 0x01};
            put32(d, seq++);
            d.insert(d.end(), rest.begin(), rest.begin() + long(header));
            d.insert(d.end(), rest.begin() + long(pos), rest.begin() + long(pos + n));
            pos += n;
            jpg.insert(jpg.end(), {0xFF, 0xEB, static_cast<std::uint8_t>((d.size() + 2) >> 8),
                                   static_cast<std::uint8_t>((d.size() + 2) & 0xFF)});
            jpg.insert(jpg.end(), d.begin(), d.end());
            if (n == 0) break;
        }
        jpg.insert(jpg.end(), {0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9});
        check(jpg);
        break;
    }
    default: { // CBOR, then COSE over it with the input as the detached payload
        std::string error;
        std::size_t used = 0;
        if (auto v = clipflow::detail::decode_cbor(rest, error, {}, &used)) {
            if (used > rest.size()) __builtin_trap();
            (void)v->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            (void)clipflow::detail::verify_cose_sign1(*v, rest);
        } else if (error.empty()) {
            __builtin_trap();
        }
        break;
    }
    }
    return 0;
}
