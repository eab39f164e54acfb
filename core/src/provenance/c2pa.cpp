#include "clipflow/c2pa.h"

#include "cbor.h"
#include "containerwalk.h"
#include "cose.h"
#include "sourcetypes.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <map>

namespace clipflow {

const char* to_string(C2paCheck check)
{
    switch (check) {
    case C2paCheck::Valid: return "valid";
    case C2paCheck::Invalid: return "invalid";
    case C2paCheck::Unverified: break;
    }
    return "unverified";
}

const char* to_string(C2paTrust trust)
{
    switch (trust) {
    case C2paTrust::Trusted: return "trusted";
    case C2paTrust::Invalid: return "invalid";
    case C2paTrust::Untrusted: break;
    }
    return "untrusted";
}

namespace {

using json = nlohmann::json;
using Bytes = std::span<const std::uint8_t>;

using detail::be32;
using detail::le32;

// ---- where the manifest store lives --------------------------------------

struct Located {
    std::string container;
    std::vector<std::uint8_t> store; // the JUMBF superbox, reassembled
    std::string error;
};

// JPEG: APP11 segments "JP", instance En, sequence Z, then the box; segments after
// the first repeat the box header (LBox, TBox[, XLBox]) before continuing the payload.
std::optional<Located> jpeg_store(Bytes b, const C2paParams& p)
{
    struct Part {
        std::uint32_t seq;
        Bytes data;
    };
    std::map<std::uint16_t, std::vector<Part>> instances;
    detail::walk_jpeg_segments(b, 100'000, [&](std::uint8_t marker, Bytes d) {
        if (marker == 0xEB && d.size() >= 16 && d[0] == 'J' && d[1] == 'P')
            instances[std::uint16_t(d[2] << 8 | d[3])].push_back({be32(&d[4]), d.subspan(8)});
        return true;
    });
    for (auto& [en, parts] : instances) {
        std::stable_sort(parts.begin(), parts.end(), [](const Part& x, const Part& y) { return x.seq < y.seq; });
        Located out{"JPEG APP11", {}, {}};
        for (std::size_t i = 0; i < parts.size(); ++i) {
            Bytes d = parts[i].data;
            if (i > 0) { // skip the repeated box header
                std::size_t header = 8;
                if (d.size() >= 8 && be32(d.data()) == 1) header = 16;
                if (d.size() < header) continue;
                d = d.subspan(header);
            }
            if (out.store.size() + d.size() > p.max_store_bytes) {
                out.error = "manifest.inaccessible: the manifest store is larger than the limit";
                out.store.clear();
                return out;
            }
            out.store.insert(out.store.end(), d.begin(), d.end());
        }
        // The C2PA store is the superbox labelled "c2pa"; other JUMBF in APP11 is not ours.
        if (out.store.size() >= 8 && std::memcmp(out.store.data() + 4, "jumb", 4) == 0) {
            const auto at = std::search(out.store.begin(), out.store.begin() + std::min<std::size_t>(out.store.size(), 64),
                                        std::begin("c2pa"), std::end("c2pa"));
            if (at != out.store.begin() + std::min<std::size_t>(out.store.size(), 64)) return out;
        }
    }
    return std::nullopt;
}

// PNG `caBX` and WebP `C2PA`: the chunk's data is the store.
std::optional<Located> chunk_store(Bytes data, const char* container, const C2paParams& p)
{
    if (data.size() > p.max_store_bytes)
        return Located{container, {}, "manifest.inaccessible: the manifest store is larger than the limit"};
    return Located{container, std::vector<std::uint8_t>(data.begin(), data.end()), {}};
}

std::optional<Located> png_store(Bytes b, const C2paParams& p)
{
    std::optional<Located> found;
    detail::walk_png_chunks(b, 100'000, [&](std::string_view type, Bytes data) {
        if (type == "caBX") found = chunk_store(data, "PNG caBX", p);
        return !found;
    });
    return found;
}

std::optional<Located> webp_store(Bytes b, const C2paParams& p)
{
    std::optional<Located> found;
    detail::walk_riff_chunks(b, 100'000, [&](std::string_view type, Bytes data) {
        if (type == "C2PA") found = chunk_store(data, "WebP C2PA", p);
        return !found;
    });
    return found;
}

// ISO BMFF (HEIF, AVIF, MP4): a top-level `uuid` box with C2PA's UUID, then
// version/flags, a NUL-terminated purpose ("manifest"), an 8-byte offset, the store.
std::optional<Located> bmff_store(Bytes b, const C2paParams& p)
{
    static constexpr std::uint8_t kUuid[16] = {0xD8, 0xFE, 0xC3, 0xD6, 0x1B, 0x0E, 0x48, 0x3C,
                                               0x92, 0x97, 0x58, 0x28, 0x87, 0x7E, 0xC4, 0x81};
    std::size_t pos = 0, walked = 0;
    while (pos + 8 <= b.size() && walked++ < 100'000) {
        std::uint64_t len = be32(&b[pos]);
        std::size_t header = 8;
        if (len == 1) {
            if (b.size() - pos < 16) break;
            len = 0;
            for (int i = 0; i < 8; ++i) len = (len << 8) | b[pos + 8 + std::size_t(i)];
            header = 16;
        } else if (len == 0) {
            len = b.size() - pos;
        }
        if (len < header || len > b.size() - pos) break;
        const Bytes box = b.subspan(pos + header, std::size_t(len) - header);
        const bool c2pa =
            std::memcmp(&b[pos + 4], "uuid", 4) == 0 && box.size() >= 16 + 4 && std::memcmp(box.data(), kUuid, 16) == 0;
        pos += std::size_t(len);
        if (!c2pa) continue;
        Bytes rest = box.subspan(20); // UUID, version and flags
        const auto nul = std::find(rest.begin(), rest.end(), std::uint8_t{0});
        if (nul == rest.end()) return Located{"BMFF uuid", {}, "manifest.inaccessible: the C2PA box has no purpose string"};
        const std::string purpose(rest.begin(), nul);
        rest = rest.subspan(std::size_t(nul - rest.begin()) + 1);
        if (purpose != "manifest") continue; // "merkle" boxes carry hashes for fragments, not the store
        if (rest.size() < 8) return Located{"BMFF uuid", {}, "manifest.inaccessible: the C2PA box is cut short"};
        rest = rest.subspan(8);
        if (rest.size() > p.max_store_bytes)
            return Located{"BMFF uuid", {}, "manifest.inaccessible: the manifest store is larger than the limit"};
        return Located{"BMFF uuid", std::vector<std::uint8_t>(rest.begin(), rest.end()), {}};
    }
    return std::nullopt;
}

// TIFF (and DNG): IFD0's tag 52545 holds the store as UNDEFINED bytes.
std::optional<Located> tiff_store(Bytes b, const C2paParams& p)
{
    const bool le = b[0] == 'I';
    auto u16 = [&](std::size_t at) { return le ? std::uint32_t(b[at] | b[at + 1] << 8) : std::uint32_t(b[at] << 8 | b[at + 1]); };
    auto u32 = [&](std::size_t at) { return le ? le32(&b[at]) : be32(&b[at]); };
    const std::size_t ifd = u32(4);
    if (ifd < 8 || ifd > b.size() - 2) return std::nullopt;
    const std::size_t n = u16(ifd);
    for (std::size_t i = 0; i < n && ifd + 2 + 12 * (i + 1) <= b.size(); ++i) {
        const std::size_t e = ifd + 2 + 12 * i;
        if (u16(e) != 52545) continue;
        const std::size_t count = u32(e + 4), at = count <= 4 ? e + 8 : u32(e + 8);
        if (at > b.size() || count > b.size() - at)
            return Located{"TIFF tag 52545", {}, "manifest.inaccessible: the C2PA tag points past the end of the file"};
        if (count > p.max_store_bytes)
            return Located{"TIFF tag 52545", {}, "manifest.inaccessible: the manifest store is larger than the limit"};
        return Located{"TIFF tag 52545", std::vector<std::uint8_t>(b.begin() + long(at), b.begin() + long(at + count)), {}};
    }
    return std::nullopt;
}

// ---- JUMBF (ISO/IEC 19566-5) ----------------------------------------------

struct Box {
    std::string type; // four characters
    Bytes data;       // payload after the box header
    // superboxes ("jumb") only:
    std::array<std::uint8_t, 16> uuid{};
    std::string label;
    std::vector<Box> children; // content boxes after the description box
};

struct JumbfReader {
    const C2paParams& p;
    std::size_t boxes = 0;
    std::string error;

    bool fail(std::string why)
    {
        if (error.empty()) error = std::move(why);
        return false;
    }

    bool parse(Bytes b, std::vector<Box>& out, int depth)
    {
        if (depth > p.max_depth) return fail("the JUMBF boxes nest deeper than " + std::to_string(p.max_depth));
        std::size_t pos = 0;
        while (pos < b.size()) {
            if (++boxes > p.max_boxes) return fail("more than " + std::to_string(p.max_boxes) + " JUMBF boxes");
            if (b.size() - pos < 8) return fail("a JUMBF box header is cut short");
            std::uint64_t len = be32(&b[pos]);
            std::size_t header = 8;
            if (len == 1) {
                if (b.size() - pos < 16) return fail("a JUMBF box header is cut short");
                len = 0;
                for (int i = 0; i < 8; ++i) len = (len << 8) | b[pos + 8 + std::size_t(i)];
                header = 16;
            } else if (len == 0) {
                len = b.size() - pos;
            }
            if (len < header || len > b.size() - pos) return fail("a JUMBF box runs past its container");
            Box box;
            box.type.assign(reinterpret_cast<const char*>(&b[pos + 4]), 4);
            box.data = b.subspan(pos + header, std::size_t(len) - header);
            pos += std::size_t(len);
            if (box.type == "jumb" && !superbox(box, depth)) return false;
            out.push_back(std::move(box));
        }
        return true;
    }

    // jumd: UUID(16) toggles(1) [label\0] [id(4)] [signature(32)] [private box]
    bool superbox(Box& box, int depth)
    {
        std::vector<Box> inner;
        if (!parse(box.data, inner, depth + 1)) return false;
        if (inner.empty() || inner.front().type != "jumd") return fail("a JUMBF superbox has no description box");
        const Bytes d = inner.front().data;
        if (d.size() < 17) return fail("a JUMBF description box is cut short");
        std::copy_n(d.begin(), 16, box.uuid.begin());
        if (d[16] & 0x02) {
            const auto nul = std::find(d.begin() + 17, d.end(), std::uint8_t{0});
            if (nul == d.end()) return fail("a JUMBF label has no terminator");
            box.label.assign(d.begin() + 17, nul);
        }
        inner.erase(inner.begin());
        box.children = std::move(inner);
        return true;
    }
};

const Box* child(const Box& box, const std::string& label)
{
    for (const auto& c : box.children)
        if (c.type == "jumb" && c.label == label) return &c;
    return nullptr;
}

// The first content box of an assertion, decoded: CBOR or JSON; null otherwise.
json assertion_content(const Box& a, std::string& error)
{
    for (const auto& c : a.children) {
        if (c.type == "cbor") {
            auto v = detail::decode_cbor(c.data, error);
            return v ? std::move(*v) : json();
        }
        if (c.type == "json") {
            auto v = json::parse(c.data.begin(), c.data.end(), nullptr, false);
            if (v.is_discarded()) error = "not JSON";
            return v.is_discarded() ? json() : v;
        }
    }
    return json();
}

// A text value, or a v2 {name, version} object (softwareAgent, claim_generator_info) as "name version".
std::string text(const json& v)
{
    if (v.is_string()) return v.get<std::string>();
    if (v.is_object() && v.contains("name") && v["name"].is_string()) {
        std::string s = v["name"].get<std::string>();
        if (v.contains("version") && v["version"].is_string()) s += " " + v["version"].get<std::string>();
        return s;
    }
    return {};
}

std::string text(const json& j, const char* key)
{
    if (!j.is_object()) return {};
    const auto it = j.find(key);
    return it == j.end() ? std::string() : text(*it);
}

std::string base_label(const std::string& label)
{
    const auto cut = label.find("__");
    return cut == std::string::npos ? label : label.substr(0, cut);
}

void add_code(C2paManifest& m, const std::string& code)
{
    if (!code.empty() && std::find(m.status_codes.begin(), m.status_codes.end(), code) == m.status_codes.end())
        m.status_codes.push_back(code);
}

// A claim's hashed URI ("self#jumbf=c2pa.assertions/x" or an absolute "/c2pa/<manifest>/…") to its box.
const Box* resolve(const Box& store, const Box& manifest, const std::string& url)
{
    static const std::string kPrefix = "self#jumbf=";
    if (url.rfind(kPrefix, 0) != 0) return nullptr;
    std::string path = url.substr(kPrefix.size());
    const Box* at = &manifest;
    if (!path.empty() && path.front() == '/') {
        path.erase(0, 1);
        at = nullptr;
        const auto slash = path.find('/');
        if (path.substr(0, slash) != store.label) return nullptr;
        if (slash == std::string::npos) return &store;
        path.erase(0, slash + 1);
        at = &store;
    }
    while (at && !path.empty()) {
        const auto slash = path.find('/');
        at = child(*at, path.substr(0, slash));
        path = slash == std::string::npos ? std::string() : path.substr(slash + 1);
    }
    return at;
}

void read_actions(C2paManifest& m, const json& content)
{
    if (!content.is_object() || !content.contains("actions") || !content["actions"].is_array()) return;
    for (const auto& a : content["actions"]) {
        if (!a.is_object() || m.actions.size() >= 256) continue;
        C2paAction act;
        act.action = text(a, "action");
        act.digital_source_type = std::string(detail::source_type_code(text(a, "digitalSourceType")));
        act.software_agent = text(a, "softwareAgent");
        act.when = text(a, "when");
        m.actions.push_back(std::move(act));
    }
}

void read_ingredient(C2paManifest& m, const json& c)
{
    if (!c.is_object() || m.ingredients.size() >= 256) return;
    C2paIngredient i;
    i.title = text(c, "dc:title");
    i.format = text(c, "dc:format");
    i.relationship = text(c, "relationship");
    i.has_manifest = c.contains("c2pa_manifest") || c.contains("activeManifest");
    m.ingredients.push_back(std::move(i));
}

// The hard binding: the asset's bytes minus the exclusions, against the stored hash.
void check_data_hash(C2paManifest& m, const json& h, const std::string& claim_alg, Bytes asset)
{
    auto invalid = [&](const char* code, std::string why) {
        m.binding = C2paCheck::Invalid;
        m.binding_detail = std::move(why);
        add_code(m, code);
    };
    if (!h.is_object() || !h.contains("hash") || !h["hash"].is_binary())
        return invalid("assertion.dataHash.malformed", "the data-hash assertion holds no hash");
    const std::string alg = h.contains("alg") && h["alg"].is_string() ? h["alg"].get<std::string>() : claim_alg;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> ex;
    if (h.contains("exclusions") && h["exclusions"].is_array())
        for (const auto& e : h["exclusions"]) {
            if (!e.is_object() || !e.contains("start") || !e.contains("length") || !e["start"].is_number_unsigned() ||
                !e["length"].is_number_unsigned())
                return invalid("assertion.dataHash.malformed", "a data-hash exclusion is not a start and a length");
            ex.emplace_back(e["start"].get<std::uint64_t>(), e["length"].get<std::uint64_t>());
        }
    std::sort(ex.begin(), ex.end());
    std::vector<Bytes> parts;
    std::uint64_t pos = 0;
    for (const auto& [start, length] : ex) {
        if (start < pos || start > asset.size() || length > asset.size() - start)
            return invalid("assertion.dataHash.malformed", "the data-hash exclusions overlap or run past the end of the file");
        parts.push_back(asset.subspan(std::size_t(pos), std::size_t(start - pos)));
        pos = start + length;
    }
    parts.push_back(asset.subspan(std::size_t(pos)));
    const auto digest = detail::c2pa_digest(alg, parts);
    if (!digest) {
        m.binding = C2paCheck::Unverified;
        m.binding_detail = "the hash algorithm '" + alg + "' is not one this version checks";
        add_code(m, "algorithm.unsupported");
        return;
    }
    const auto& stored = h["hash"].get_binary();
    if (stored.size() != digest->size() || !std::equal(stored.begin(), stored.end(), digest->begin()))
        return invalid("assertion.dataHash.mismatch",
                       "the file's bytes no longer match the hash the manifest signed: the image was changed after signing");
    m.binding = C2paCheck::Valid;
    m.binding_detail = "the file's bytes (outside the manifest) match the signed " + alg + " hash";
    add_code(m, "assertion.dataHash.match");
}

C2paManifest read_manifest(const Box& store, const Box& mb, Bytes asset, std::size_t store_bytes, const C2paParams& params)
{
    C2paManifest m;
    m.label = mb.label;
    const Box* claim_box = child(mb, "c2pa.claim.v2");
    m.claim_version = claim_box ? "2" : "1";
    if (!claim_box) claim_box = child(mb, "c2pa.claim");
    const Box* claim_cbor = nullptr;
    if (claim_box)
        for (const auto& c : claim_box->children)
            if (c.type == "cbor" && !claim_cbor) claim_cbor = &c;
    std::string error;
    json claim; // a plain value, not an optional: GCC's TSan build misreads the optional as uninitialised
    if (claim_cbor)
        if (auto decoded = detail::decode_cbor(claim_cbor->data, error)) claim = std::move(*decoded);
    if (!claim.is_object()) {
        const std::string why = !claim_cbor     ? std::string("the manifest has no claim")
                                : error.empty() ? std::string("the claim is not a CBOR map")
                                                : "the claim is not readable CBOR (" + error + ")";
        add_code(m, claim_cbor ? "claim.malformed" : "claim.missing");
        m.signature = m.assertions = m.binding = C2paCheck::Invalid;
        m.signature_detail = m.assertions_detail = m.binding_detail = why;
        return m;
    }
    const json& c = claim;
    m.claim_generator = text(c, "claim_generator");
    if (m.claim_generator.empty() && c.contains("claim_generator_info")) {
        const json& info = c["claim_generator_info"];
        m.claim_generator = text(info.is_array() && !info.empty() ? info[0] : info);
    }
    m.title = text(c, "dc:title");
    m.format = text(c, "dc:format");
    m.instance_id = text(c, "instanceID");
    const std::string claim_alg = c.contains("alg") && c["alg"].is_string() ? c["alg"].get<std::string>() : "sha256";

    // Assertions: each hashed URI resolved and its box hashed (the superbox's contents, description included).
    std::vector<const json*> refs;
    for (const char* key : {"assertions", "created_assertions", "gathered_assertions"})
        if (c.contains(key) && c[key].is_array())
            for (const auto& r : c[key]) refs.push_back(&r);
    bool all_match = !refs.empty();
    const json* data_hash = nullptr;
    bool other_binding = false;
    std::vector<json> kept; // decoded assertions, alive while data_hash points in
    kept.reserve(refs.size());
    // A hostile claim may list one large assertion a million times: each assertion is hashed once in a
    // real manifest, so the bytes hashed may not exceed the store's size (plus slack for small ones).
    std::size_t hashed = 0;
    const std::size_t hash_budget = store_bytes + (64u << 10);
    for (const json* r : refs) {
        if (m.assertion_labels.size() >= 10'000 || hashed > hash_budget) {
            add_code(m, "claim.malformed");
            all_match = false;
            m.assertions_detail = "the claim lists its assertions more often than the manifest holds them (" +
                                  std::to_string(refs.size()) + " references): checking stopped";
            break;
        }
        const std::string url = text(*r, "url");
        const Box* a = resolve(store, mb, url);
        if (a) hashed += a->data.size();
        const std::string label = a ? a->label : url.substr(url.rfind('/') == std::string::npos ? 0 : url.rfind('/') + 1);
        m.assertion_labels.push_back(label);
        if (!a) {
            add_code(m, "assertion.missing");
            all_match = false;
            if (m.assertions_detail.empty()) m.assertions_detail = "the claim names an assertion the manifest lacks: " + label;
            continue;
        }
        const std::string alg = r->contains("alg") && (*r)["alg"].is_string() ? (*r)["alg"].get<std::string>() : claim_alg;
        const auto digest = detail::c2pa_digest(alg, {a->data});
        const bool match = digest && r->contains("hash") && (*r)["hash"].is_binary() &&
                           (*r)["hash"].get_binary().size() == digest->size() &&
                           std::equal(digest->begin(), digest->end(), (*r)["hash"].get_binary().begin());
        if (!match) {
            add_code(m, "assertion.hashedURI.mismatch");
            all_match = false;
            if (m.assertions_detail.empty())
                m.assertions_detail = "the assertion '" + label + "' was changed after the claim was signed";
        }
        std::string aerr;
        kept.push_back(assertion_content(*a, aerr));
        const std::string base = base_label(label);
        if (base == "c2pa.actions" || base == "c2pa.actions.v2") read_actions(m, kept.back());
        if (base.rfind("c2pa.ingredient", 0) == 0) read_ingredient(m, kept.back());
        if (base == "c2pa.hash.data" && !data_hash) data_hash = &kept.back();
        if (base == "c2pa.hash.bmff" || base == "c2pa.hash.bmff.v2" || base == "c2pa.hash.bmff.v3" || base == "c2pa.hash.boxes" ||
            base == "c2pa.hash.collection.data")
            other_binding = true;
    }
    if (all_match) {
        m.assertions = C2paCheck::Valid;
        m.assertions_detail = std::to_string(refs.size()) + " assertions match the hashes the claim signed";
        add_code(m, "assertion.hashedURI.match");
    } else {
        m.assertions = C2paCheck::Invalid;
        if (m.assertions_detail.empty()) m.assertions_detail = "the claim lists no assertions";
    }

    // Signature.
    const std::string sig_url = text(c, "signature");
    const Box* sig_box = sig_url.empty() ? child(mb, "c2pa.signature") : resolve(store, mb, sig_url);
    const Box* sig_cbor = nullptr;
    if (sig_box)
        for (const auto& b : sig_box->children)
            if (b.type == "cbor" && !sig_cbor) sig_cbor = &b;
    detail::CoseVerification v;
    if (!sig_cbor) {
        v.check = C2paCheck::Invalid;
        v.code = "claimSignature.missing";
        v.detail = "the manifest has no signature";
    } else if (auto cose = detail::decode_cbor(sig_cbor->data, error); !cose) {
        v.check = C2paCheck::Invalid;
        v.code = "claimSignature.missing";
        v.detail = "the signature is not readable CBOR (" + error + ")";
    } else {
        v = detail::verify_cose_sign1(*cose, claim_cbor->data);
    }
    m.signature = v.check;
    m.signature_detail = v.detail;
    m.signature_algorithm = v.algorithm;
    m.signing_time = v.signing_time;
    add_code(m, v.code);
    if (!v.chain.empty())
        if (auto info = detail::describe_certificate(v.chain.front())) {
            m.signer_subject = info->subject;
            m.signer_issuer = info->issuer;
            m.signer_name = info->name;
            m.cert_not_before = info->not_before;
            m.cert_not_after = info->not_after;
        }
    if (m.signature == C2paCheck::Valid) {
        std::string code;
        m.trust = detail::check_trust(v.chain, params.trust_anchors_pem, m.signing_time, code, m.trust_detail);
        add_code(m, code);
    } else {
        m.trust = C2paTrust::Invalid;
        m.trust_detail = "not checked: the signature does not verify";
    }

    // Hard binding.
    if (data_hash) {
        check_data_hash(m, *data_hash, claim_alg, asset);
    } else if (other_binding) {
        m.binding = C2paCheck::Unverified;
        m.binding_detail = "the manifest binds the file with a box or BMFF hash, which this version does not check";
    } else {
        m.binding = C2paCheck::Invalid;
        m.binding_detail = "the manifest has no hard binding to the file's bytes";
        add_code(m, "claim.hardBindings.missing");
    }
    return m;
}

const char* kAiTypes[] = {"trainedAlgorithmicMedia", "compositeWithTrainedAlgorithmicMedia"};

} // namespace

C2paReport read_c2pa(Bytes bytes, const C2paParams& params)
{
    C2paReport r;
    static constexpr std::uint8_t kPng[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    std::optional<Located> found;
    if (bytes.size() >= 8 && std::memcmp(bytes.data(), kPng, 8) == 0)
        found = png_store(bytes, params);
    else if (bytes.size() >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8)
        found = jpeg_store(bytes, params);
    else if (bytes.size() >= 12 && std::memcmp(bytes.data(), "RIFF", 4) == 0 && std::memcmp(bytes.data() + 8, "WEBP", 4) == 0)
        found = webp_store(bytes, params);
    else if (bytes.size() >= 8 && (std::memcmp(bytes.data(), "II*\0", 4) == 0 || std::memcmp(bytes.data(), "MM\0*", 4) == 0))
        found = tiff_store(bytes, params);
    else if (bytes.size() >= 12 && std::memcmp(bytes.data() + 4, "ftyp", 4) == 0)
        found = bmff_store(bytes, params);
    if (!found) return r;
    r.present = true;
    r.container = found->container;
    r.store_bytes = found->store.size();
    if (!found->error.empty()) {
        r.error = found->error;
        return r;
    }
    JumbfReader reader{params, 0, {}};
    std::vector<Box> top;
    if (!reader.parse(found->store, top, 0) || top.empty() || top.front().type != "jumb") {
        r.error = "manifest.inaccessible: " + (reader.error.empty() ? std::string("no JUMBF superbox") : reader.error);
        return r;
    }
    const Box& store = top.front();
    if (store.label != "c2pa") {
        r.error = "manifest.inaccessible: the JUMBF box is not a C2PA manifest store (label '" + store.label + "')";
        return r;
    }
    const Box* last = nullptr;
    for (const auto& b : store.children)
        if (b.type == "jumb") {
            ++r.manifest_count;
            last = &b;
        }
    if (!last) {
        r.error = "claim.missing: the manifest store holds no manifest";
        return r;
    }
    r.active = read_manifest(store, *last, bytes, found->store.size(), params);
    return r;
}

Result<std::string> read_trust_anchors(const std::string& path, std::size_t* count)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status(ErrorCode::NotFound, "cannot open the trust anchor file " + path);
    std::string pem(4u << 20, '\0');
    in.read(pem.data(), std::streamsize(pem.size()));
    pem.resize(std::size_t(in.gcount()));
    if (in.gcount() == std::streamsize(4u << 20) && in.peek() != EOF)
        return Status(ErrorCode::FileTooLarge, "the trust anchor file " + path + " is larger than 4 MB");
    const std::size_t n = detail::count_certificates(pem);
    if (n == 0) return Status(ErrorCode::CorruptData, "the trust anchor file " + path + " holds no PEM certificate");
    if (count) *count = n;
    return pem;
}

std::string C2paReport::digital_source_type() const
{
    if (!active) return {};
    for (const auto& a : active->actions)
        if (a.action == "c2pa.created" && !a.digital_source_type.empty()) return a.digital_source_type;
    for (const auto& a : active->actions)
        if (!a.digital_source_type.empty()) return a.digital_source_type;
    return {};
}

bool C2paReport::declares_ai() const
{
    if (!active) return false;
    for (const auto& a : active->actions)
        for (const char* t : kAiTypes)
            if (a.digital_source_type == t) return true;
    return false;
}

std::string C2paReport::to_json() const
{
    json j{{"present", present}};
    if (!present) return j.dump();
    j["container"] = container;
    j["manifests"] = manifest_count;
    if (!error.empty()) j["error"] = error;
    if (!active) {
        j["signature"] = j["binding"] = j["assertions"] = "invalid";
        j["status_codes"] = json::array({error.substr(0, error.find(':'))});
        return j.dump(-1, ' ', false, json::error_handler_t::replace);
    }
    const C2paManifest& m = *active;
    auto or_null = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
    j["label"] = m.label;
    j["claim_version"] = m.claim_version;
    j["claim_generator"] = or_null(m.claim_generator);
    j["title"] = or_null(m.title);
    j["digital_source_type"] = or_null(digital_source_type());
    j["declares_ai"] = declares_ai();
    j["signer"] = or_null(m.signer_subject);
    j["signer_name"] = or_null(m.signer_name);
    j["signer_issuer"] = or_null(m.signer_issuer);
    j["signing_time"] = or_null(m.signing_time);
    j["algorithm"] = or_null(m.signature_algorithm);
    j["signature"] = to_string(m.signature);
    j["assertions"] = to_string(m.assertions);
    j["binding"] = to_string(m.binding);
    j["trust"] = to_string(m.trust);
    j["details"] = {{"signature", m.signature_detail},
                    {"assertions", m.assertions_detail},
                    {"binding", m.binding_detail},
                    {"trust", m.trust_detail}};
    j["status_codes"] = m.status_codes;
    j["actions"] = json::array();
    for (const auto& a : m.actions) {
        json x{{"action", a.action}};
        if (!a.digital_source_type.empty()) x["digital_source_type"] = a.digital_source_type;
        if (!a.software_agent.empty()) x["software_agent"] = a.software_agent;
        if (!a.when.empty()) x["when"] = a.when;
        j["actions"].push_back(std::move(x));
    }
    j["ingredients"] = json::array();
    for (const auto& i : m.ingredients)
        j["ingredients"].push_back(
            {{"title", i.title}, {"format", i.format}, {"relationship", i.relationship}, {"has_manifest", i.has_manifest}});
    j["assertion_labels"] = m.assertion_labels;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string C2paReport::short_label() const
{
    if (!present) return {};
    if (!active) return "C2PA \u2717 (unreadable)";
    const C2paManifest& m = *active;
    const std::string who = !m.signer_name.empty() ? m.signer_name : m.claim_generator;
    if (m.signature == C2paCheck::Valid && m.binding == C2paCheck::Valid && m.assertions == C2paCheck::Valid)
        return "C2PA \u2713 " + who;
    std::string why = m.signature != C2paCheck::Valid    ? std::string("signature ") + to_string(m.signature)
                      : m.assertions != C2paCheck::Valid ? std::string("assertions ") + to_string(m.assertions)
                                                         : std::string("binding ") + to_string(m.binding);
    return "C2PA \u2717 " + who + " (" + why + ")";
}

} // namespace clipflow
