#pragma once
// A bounded CBOR (RFC 8949) decoder for C2PA claims, assertions and COSE
// structures. nlohmann::json's own CBOR reader refuses the integer map keys
// COSE headers use, so this one maps them to their decimal text ("1", "33",
// "-7"). Byte strings become json binary values, tags are dropped (their item
// kept), undefined and other simple values become null.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace clipflow::detail {

struct CborLimits {
    int max_depth = 32;               ///< nested arrays, maps and tags
    std::size_t max_items = 1u << 20; ///< items decoded in all
};

/// Decodes the first item of `bytes`; `used` (optional) receives its length.
/// nullopt with `error` set on malformed, truncated or over-limit input.
std::optional<nlohmann::json> decode_cbor(std::span<const std::uint8_t> bytes, std::string& error, const CborLimits& limits = {},
                                          std::size_t* used = nullptr);

/// The CBOR encoding of a byte string's header and bytes (for COSE's Sig_structure).
void append_cbor_bytes(std::string& out, std::span<const std::uint8_t> bytes, std::uint8_t major = 2);

} // namespace clipflow::detail
