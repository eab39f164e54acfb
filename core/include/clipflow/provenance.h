#pragma once
// What a file says about where it came from: the text that generators, their
// front ends and editors write beside the pixels, read from the bytes already
// in memory (bounded, never written).
//
//   auto meta = clipflow::read_metadata(bytes);                 // EXIF, IPTC, XMP (Exiv2)
//   auto prov = clipflow::read_provenance(bytes, meta ? *meta : std::vector<clipflow::MetadataEntry>{});
//   if (prov && prov->generator) std::cout << prov->generator->tool << " " << prov->generator->model;
//   for (const auto& f : prov->findings) std::cout << f.source << ": " << f.meaning;
//
// Read: PNG tEXt, zTXt and iTXt chunks (AUTOMATIC1111 and compatible
// `parameters`; ComfyUI `prompt` and `workflow`; NovelAI `Software`/`Comment`;
// InvokeAI `invokeai_metadata`, `sd-metadata`, `Dream`; XMP packets), JPEG COM
// segments and APP1 XMP, WebP `XMP ` chunks; and, from Exiv2's entries, the
// IPTC digital source type (`Iptc4xmpExt:DigitalSourceType`), EXIF and XMP
// software tags, and credit lines that name AI generation. Every finding says
// what it means. Metadata can be removed or forged: a finding is what the file
// claims, and its absence proves nothing (kProvenanceCaveat).

#include "clipflow/c2pa.h"
#include "clipflow/metadata.h"
#include "clipflow/result.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace clipflow {

/// One piece of text stored beside the pixels.
struct TextChunk {
    std::string container;        ///< "PNG tEXt", "PNG zTXt", "PNG iTXt", "JPEG COM", "JPEG XMP", "WebP XMP"
    std::string keyword;          ///< PNG keyword (e.g. "parameters"); empty for JPEG comments
    std::string text;             ///< UTF-8 (tEXt and zTXt are Latin-1 and converted), cut at max_text_bytes
    std::size_t stored_bytes = 0; ///< as stored in the file (compressed for zTXt and compressed iTXt)
    bool truncated = false;       ///< cut at a limit, or its compressed stream was broken
};

struct ProvenanceParams {
    std::size_t max_chunks = 256;           ///< text chunks kept; the rest are counted
    std::size_t max_text_bytes = 1u << 20;  ///< per chunk, after decompression (ComfyUI workflows reach ~100 KB)
    std::size_t max_total_bytes = 8u << 20; ///< all kept text together: a decompression bomb stops here
    std::size_t max_segments = 100'000;     ///< PNG chunks or JPEG segments walked before giving up
    bool read_c2pa = true;                  ///< also find and verify C2PA Content Credentials
    C2paParams c2pa{};                      ///< trust anchors and limits for that
};

/// Generation settings a front end recorded.
struct GeneratorSettings {
    std::string tool;  ///< e.g. "ComfyUI", "AUTOMATIC1111 web UI (or compatible)", "NovelAI", "InvokeAI"
    std::string model; ///< checkpoint or model names, comma-separated
    std::string sampler, steps, seed, cfg, size;
    std::string prompt, negative_prompt; ///< cut to 2,000 characters
    std::string source;                  ///< where it was read, e.g. "PNG tEXt 'parameters'"
};

struct ProvenanceFinding {
    std::string source;   ///< where: "PNG tEXt 'prompt'", "XMP Iptc4xmpExt:DigitalSourceType", "EXIF Software", "C2PA"
    std::string key;      ///< the field within it: "prompt", "Exif.Image.Software", "claim_generator"
    std::string value;    ///< what the file says (short)
    std::string meaning;  ///< what that means for an analyst
    bool says_ai = false; ///< the file claims AI generation (or an AI edit)
};

struct Provenance {
    std::vector<TextChunk> chunks;
    std::size_t chunks_dropped = 0; ///< beyond max_chunks or max_total_bytes
    std::vector<ProvenanceFinding> findings;
    std::optional<GeneratorSettings> generator;
    std::string digital_source_type; ///< IPTC code, e.g. "trainedAlgorithmicMedia"; empty when absent
    bool says_ai = false;            ///< any finding claims AI generation (metadata or a C2PA action): `ai_declared`
    bool says_camera = false;        ///< the file claims a camera capture (IPTC digitalCapture)
    C2paReport c2pa;                 ///< Content Credentials (present = false when the file has none)

    /// {"ai_declared", "says_ai" (same), "says_camera", "digital_source_type", "generator", "findings" ({source, key,
    /// value, meaning, says_ai}), "c2pa" (C2paReport::to_json), "text_chunks", "caveat"};
    /// chunk texts are not repeated (see `chunks`), only their container, keyword and size.
    std::string to_json() const;
    /// One line for tables and reports, e.g. "ComfyUI, model flux1-dev.safetensors (the file says; ...)".
    std::string summary() const;
};

/// "Metadata can be removed or forged: …" — shown wherever findings are.
extern const char* const kProvenanceCaveat;

/// The text chunks of a PNG, JPEG or WebP file; other formats give none. Fails
/// only on empty input; a damaged structure ends the walk with what was read.
Result<std::vector<TextChunk>> read_text_chunks(std::span<const std::uint8_t> bytes, const ProvenanceParams& params = {},
                                                std::size_t* dropped = nullptr);

/// Interprets text chunks and Exiv2's entries (pure; the fuzz and test entry point).
Provenance interpret_provenance(std::vector<TextChunk> chunks, const std::vector<MetadataEntry>& metadata);

/// read_text_chunks + interpret_provenance + read_c2pa (its findings joined to the others; an XMP
/// `dcterms:provenance` naming a manifest the file no longer holds is reported as removed credentials).
Result<Provenance> read_provenance(std::span<const std::uint8_t> bytes, const std::vector<MetadataEntry>& metadata = {},
                                   const ProvenanceParams& params = {});

} // namespace clipflow
