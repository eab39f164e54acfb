#include "clipflow/isolatedintake.h"

#include "evidence_p.h"
#include "provenance/cbor.h"
#include "support/hex.h"

#include <nlohmann/json.hpp>

#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

// Field lists of everything intake returns. They live in namespace clipflow so
// that nlohmann finds them by argument-dependent lookup; only this file uses them.
// tst_isolatedintake compares every structure after a round trip, so a field
// added to a struct and not here fails a test.

namespace nlohmann {
template <typename T> struct adl_serializer<std::optional<T>> {
    static void to_json(json& j, const std::optional<T>& v)
    {
        if (v)
            j = *v;
        else
            j = nullptr;
    }
    static void from_json(const json& j, std::optional<T>& v)
    {
        if (j.is_null())
            v.reset();
        else
            v = j.get<T>();
    }
};
} // namespace nlohmann

namespace clipflow {

namespace {
template <typename E> void enum_from_json(const nlohmann::json& j, E& e, int last)
{
    const int v = j.get<int>();
    if (v < 0 || v > last) throw std::out_of_range("enumeration value out of range");
    e = static_cast<E>(v);
}
} // namespace

void to_json(nlohmann::json& j, C2paCheck c)
{
    j = static_cast<int>(c);
}
void from_json(const nlohmann::json& j, C2paCheck& c)
{
    enum_from_json(j, c, static_cast<int>(C2paCheck::Unverified));
}
void to_json(nlohmann::json& j, C2paTrust t)
{
    j = static_cast<int>(t);
}
void from_json(const nlohmann::json& j, C2paTrust& t)
{
    enum_from_json(j, t, static_cast<int>(C2paTrust::Invalid));
}

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(EvidenceInfo, path, sha256, file_size, format, width, height, source_channels, bit_depth,
                                   colour_model, has_alpha, exif_orientation, frame_count_hint, lossy)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(MetadataEntry, family, key, value, raw)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(TextChunk, container, keyword, text, stored_bytes, truncated)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(GeneratorSettings, tool, model, sampler, steps, seed, cfg, size, prompt, negative_prompt,
                                   source)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ProvenanceFinding, source, key, value, meaning, says_ai)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(C2paAction, action, digital_source_type, software_agent, when)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(C2paIngredient, title, format, relationship, has_manifest)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(C2paManifest, label, claim_version, claim_generator, title, format, instance_id,
                                   assertion_labels, actions, ingredients, signature_algorithm, signer_subject, signer_issuer,
                                   signer_name, cert_not_before, cert_not_after, signing_time, signature, assertions, binding,
                                   trust, signature_detail, assertions_detail, binding_detail, trust_detail, status_codes)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(C2paReport, present, container, store_bytes, manifest_count, active, error)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Provenance, chunks, chunks_dropped, findings, generator, digital_source_type, says_ai,
                                   says_camera, c2pa)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(JpegQuantTable, id, precision_bits, q, ijg_quality, ijg_standard, fit_error)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(JpegThumbnailCheck, present, width, height, difference, worst_block, matches, note)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(JpegDoubleCompression, tested, score, indicated, modes_used, note)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(JpegForensics, width, height, components, progressive, arithmetic, subsampling, tables,
                                   luma_quality, chroma_quality, standard_tables, software_hints, thumbnail, double_compression,
                                   warnings)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(C2paParams, trust_anchors_pem, max_store_bytes, max_boxes, max_depth)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ProvenanceParams, max_chunks, max_text_bytes, max_total_bytes, max_segments, read_c2pa, c2pa)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(IntakeParams, max_pixels, max_file_bytes, decode_pixels, require_image, read_provenance,
                                   provenance, read_jpeg_forensics, keep_picture)

namespace {

constexpr int kMessageVersion = 1;
// A message holds metadata and provenance text, already capped by ProvenanceParams
// (8 MB of text chunks by default); pixels are checked against their dimensions.
constexpr std::size_t kMaxMessageBytes = 256u << 20;

std::string dump(const nlohmann::json& j)
{
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

WorkerReply error_reply(const Status& status)
{
    return {dump({{"error", status.message()}, {"error_code", static_cast<int>(status.code())}}), {}};
}

// Pixels as 8-bit indices into a table of 256 floats when every value is the
// table's entry for its index (the decoders' conversions of 8-bit samples): a
// quarter of the bytes, and exact. Anything else (16-bit files) as float32.
std::string encode_pixels(const Raster& r, bool& indexed)
{
    const std::size_t n = r.data.size();
    std::array<float, 256> table{};
    std::array<bool, 256> set{};
    std::string out(256 * sizeof(float) + n, '\0');
    auto* idx = reinterpret_cast<std::uint8_t*>(out.data() + 256 * sizeof(float));
    indexed = true;
    std::array<std::uint32_t, 256> bits{};
    for (std::size_t i = 0; i < n; ++i) {
        const float v = r.data[i];
        const float scaled = v * 255.0f + 0.5f;
        if (!(scaled >= 0.0f && scaled < 256.0f)) {
            indexed = false;
            break;
        }
        const auto q = static_cast<std::uint8_t>(scaled);
        const auto b = std::bit_cast<std::uint32_t>(v);
        if (!set[q]) {
            set[q] = true;
            table[q] = v;
            bits[q] = b;
        } else if (bits[q] != b) {
            indexed = false;
            break;
        }
        idx[i] = q;
    }
    if (indexed) {
        std::memcpy(out.data(), table.data(), sizeof table);
        return out;
    }
    out.assign(reinterpret_cast<const char*>(r.data.data()), n * sizeof(float));
    return out;
}

// A picture's bytes are already indices into that table: one copy, no scan.
std::string encode_picture(const Picture& p)
{
    const auto& table = eight_bit_levels();
    std::string out(sizeof table + p.data.size(), '\0');
    std::memcpy(out.data(), table.data(), sizeof table);
    std::memcpy(out.data() + sizeof table, p.data.data(), p.data.size());
    return out;
}

// `picture`: also the indices as bytes when the table is value / 255 (bit for bit).
Result<Raster> decode_pixels(const nlohmann::json& p, std::span<const std::uint8_t> bytes, Picture* picture)
{
    Raster r;
    r.width = p.at("width").get<int>();
    r.height = p.at("height").get<int>();
    r.channels = p.at("channels").get<int>();
    const bool indexed = p.at("indexed").get<bool>();
    if (r.width == 0 && r.height == 0 && r.channels == 0) {
        if (!bytes.empty()) return Result<Raster>(ErrorCode::CorruptData, "pixels sent for an undecoded file");
        return r;
    }
    if (r.width <= 0 || r.height <= 0 || (r.channels != 1 && r.channels != 3))
        return Result<Raster>(ErrorCode::CorruptData, "the pixel grid's size is invalid");
    const auto count = static_cast<unsigned long long>(r.width) * static_cast<unsigned long long>(r.height) *
                       static_cast<unsigned long long>(r.channels);
    const unsigned long long expected = indexed ? 256ull * sizeof(float) + count : count * sizeof(float);
    if (count > (1ull << 34) || bytes.size() != expected)
        return Result<Raster>(ErrorCode::CorruptData, "the pixel bytes do not match the grid's size");
    r.data.resize(static_cast<std::size_t>(count));
    if (indexed) {
        std::array<float, 256> table{};
        std::memcpy(table.data(), bytes.data(), sizeof table);
        for (float v : table) // every pixel is one of these
            if (!std::isfinite(v)) return Result<Raster>(ErrorCode::CorruptData, "a pixel value is not finite");
        const std::uint8_t* idx = bytes.data() + sizeof table;
        for (std::size_t i = 0; i < r.data.size(); ++i) r.data[i] = table[idx[i]];
        if (picture && std::memcmp(table.data(), eight_bit_levels().data(), sizeof table) == 0) {
            picture->width = r.width;
            picture->height = r.height;
            picture->channels = r.channels;
            picture->data.assign(idx, idx + r.data.size());
        }
    } else {
        std::memcpy(r.data.data(), bytes.data(), bytes.size());
        for (float v : r.data)
            if (!std::isfinite(v)) return Result<Raster>(ErrorCode::CorruptData, "a pixel value is not finite");
    }
    return r;
}

} // namespace

std::string encode_intake_request(const std::string& path, const IntakeParams& params)
{
    nlohmann::json j = params;
    j["file"] = encode_worker_path(path);
    return dump(j);
}

EncodedEvidence encode_evidence_message(const Evidence& ev)
{
    bool indexed = false;
    EncodedEvidence out;
    // 8-bit samples go as they are; a float raster is scanned for a table it fits.
    const bool bytes = !ev.picture.empty();
    if (bytes) {
        out.pixels = encode_picture(ev.picture);
        indexed = true;
    } else if (!ev.pixels.empty()) {
        out.pixels = encode_pixels(ev.pixels, indexed);
    }
    const int width = bytes ? ev.picture.width : ev.pixels.width, height = bytes ? ev.picture.height : ev.pixels.height,
              channels = bytes ? ev.picture.channels : ev.pixels.channels;
    const nlohmann::json j = {
        {"v", kMessageVersion},
        {"info", ev.info},
        {"metadata", ev.metadata},
        {"metadata_error", ev.metadata_error},
        {"provenance", ev.provenance},
        {"jpeg", ev.jpeg},
        {"jpeg_error", ev.jpeg_error},
        {"pixels", {{"width", width}, {"height", height}, {"channels", channels}, {"indexed", indexed}}},
    };
    const std::vector<std::uint8_t> cbor = nlohmann::json::to_cbor(j);
    out.message.assign(cbor.begin(), cbor.end());
    return out;
}

Result<Evidence> decode_evidence_message(std::span<const std::uint8_t> message, std::span<const std::uint8_t> pixels,
                                         bool keep_picture)
{
    try {
        // Our bounded reader, not nlohmann's: that one recurses without limit and a
        // deeply nested message overflowed the stack (found by fuzz_intakemessage).
        std::string why;
        std::size_t used = 0;
        const auto parsed = detail::decode_cbor(message, why, {}, &used);
        if (!parsed) return Result<Evidence>(ErrorCode::CorruptData, "the intake message is unreadable: " + why);
        if (used != message.size())
            return Result<Evidence>(ErrorCode::CorruptData, "the intake message is unreadable: bytes after its end");
        const nlohmann::json& j = *parsed;
        if (!j.is_object()) return Result<Evidence>(ErrorCode::CorruptData, "the intake message is not an object");
        if (j.at("v").get<int>() != kMessageVersion)
            return Result<Evidence>(ErrorCode::CorruptData, "the intake message is of another version (another clipflow?)");
        Evidence ev;
        j.at("info").get_to(ev.info);
        j.at("metadata").get_to(ev.metadata);
        j.at("metadata_error").get_to(ev.metadata_error);
        j.at("provenance").get_to(ev.provenance);
        j.at("jpeg").get_to(ev.jpeg);
        j.at("jpeg_error").get_to(ev.jpeg_error);
        auto raster = decode_pixels(j.at("pixels"), pixels, keep_picture ? &ev.picture : nullptr);
        if (!raster) return Result<Evidence>(raster.status().code(), raster.status().message());
        ev.pixels = std::move(*raster);
        return ev;
    } catch (const std::exception& e) {
        return Result<Evidence>(ErrorCode::CorruptData, std::string("the intake message is unreadable: ") + e.what());
    }
}

WorkerReply answer_intake_request(const std::string& request)
{
    std::string path;
    IntakeParams params;
    try {
        const auto j = nlohmann::json::parse(request);
        const auto file = decode_worker_path(j.at("file").get<std::string>());
        if (!file) return error_reply(Status(ErrorCode::InvalidArgument, "the request's file is not hex"));
        path = *file;
        j.get_to(params);
    } catch (const std::exception& e) {
        return error_reply(Status(ErrorCode::InvalidArgument, std::string("unreadable request: ") + e.what()));
    }
    // 8-bit files travel as bytes: no float raster here at all (a conversion, a zero fill and
    // a scan back into indices of 144 MB at 12 MP); the caller makes its raster from them, and
    // keeps them as the picture only when it asked to.
    auto ev = detail::load_evidence(path, params, detail::PixelForm::BytesWhenExact);
    if (!ev) return error_reply(ev.status());
    EncodedEvidence enc = encode_evidence_message(*ev);
    ev->pixels = Raster{}; // their memory back before the payload is put together
    ev->picture = Picture{};
    WorkerReply reply;
    reply.line = dump({{"message_bytes", enc.message.size()}, {"pixel_bytes", enc.pixels.size()}});
    reply.payload.reserve(enc.message.size() + enc.pixels.size());
    reply.payload = enc.message;
    reply.payload += enc.pixels;
    return reply;
}

IsolatedReader::IsolatedReader(WorkerProcessParams params) : worker_(std::move(params)) {}

int IsolatedReader::started() const
{
    std::lock_guard lock(mutex_);
    return worker_.started();
}

Result<Evidence> IsolatedReader::collect(const std::string& path, const IntakeParams& params)
{
    auto line = worker_.receive();
    if (!line) return Result<Evidence>(line.status().code(), line.status().message());
    std::size_t message_bytes = 0, pixel_bytes = 0;
    try {
        const auto j = nlohmann::json::parse(*line);
        if (j.contains("error")) {
            const int code = j.value("error_code", static_cast<int>(ErrorCode::Internal));
            const auto ec =
                code > 0 && code <= static_cast<int>(ErrorCode::Internal) ? static_cast<ErrorCode>(code) : ErrorCode::Internal;
            return Result<Evidence>(ec, j.at("error").get<std::string>());
        }
        message_bytes = j.at("message_bytes").get<std::size_t>();
        pixel_bytes = j.at("pixel_bytes").get<std::size_t>();
    } catch (const std::exception&) {
        worker_.start(); // its stream can no longer be trusted to be in step
        return Result<Evidence>(ErrorCode::CorruptData, "the isolated reader's answer was unreadable");
    }
    const std::uint64_t max_pixel_bytes = params.max_pixels * 3u * sizeof(float) + 256 * sizeof(float);
    if (message_bytes > kMaxMessageBytes || pixel_bytes > max_pixel_bytes) {
        worker_.start();
        return Result<Evidence>(ErrorCode::CorruptData, "the isolated reader announced more data than a file may give");
    }
    auto payload = worker_.read_payload(message_bytes + pixel_bytes);
    if (!payload) return Result<Evidence>(payload.status().code(), payload.status().message());
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(payload->data());
    auto ev = decode_evidence_message({bytes, message_bytes}, {bytes + message_bytes, pixel_bytes}, params.keep_picture);
    if (ev && ev->info.path != path) ev->info.path = path; // the caller's spelling of it
    return ev;
}

Result<Evidence> IsolatedReader::read(const std::string& path, const IntakeParams& params, const std::string& read_ahead)
{
    std::lock_guard lock(mutex_);
    const std::string request = encode_intake_request(path, params);
    Result<Evidence> ev(ErrorCode::Internal, "not read");
    if (pending_ == request) {
        pending_.clear();
        ev = collect(path, params);
    } else {
        if (!pending_.empty()) { // read ahead for a file that did not come next: its answer is dropped
            pending_.clear();
            (void)collect(path, params);
        }
        if (Status s = worker_.send(request); !s.ok()) return Result<Evidence>(s.code(), s.message());
        ev = collect(path, params);
    }
    // The child reads the next file while the caller analyses this one.
    if (!read_ahead.empty()) {
        const std::string next = encode_intake_request(read_ahead, params);
        if (worker_.send(next).ok()) pending_ = next;
    }
    return ev;
}

} // namespace clipflow
