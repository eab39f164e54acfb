#include "clipflow/provenance.h"

#include "containerwalk.h"
#include "sourcetypes.h"

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <map>

namespace clipflow {

const char* const kProvenanceCaveat = "Metadata can be removed or forged: these findings are what the file claims, not proof; "
                                      "a file without them proves nothing either.";

namespace {

using json = nlohmann::json;
using Bytes = std::span<const std::uint8_t>;

std::string latin1_to_utf8(Bytes b)
{
    std::string out;
    out.reserve(b.size());
    for (std::uint8_t c : b) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

bool valid_utf8(Bytes b)
{
    std::size_t i = 0;
    while (i < b.size()) {
        const std::uint8_t c = b[i];
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > b.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((b[i + k] & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

// Inflates a zlib stream into at most `limit` bytes; `cut` is set when the
// output reached the limit or the stream was damaged (what came out is kept).
std::string inflate_bounded(Bytes in, std::size_t limit, bool& cut)
{
    std::string out;
    z_stream zs{};
    if (inflateInit(&zs) != Z_OK) {
        cut = true;
        return out;
    }
    zs.next_in = const_cast<Bytef*>(in.data());
    zs.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size(), 0xFFFFFFFFu));
    std::array<char, 16384> buf{};
    int rc = Z_OK;
    while (rc == Z_OK && out.size() < limit) {
        zs.next_out = reinterpret_cast<Bytef*>(buf.data());
        zs.avail_out = static_cast<uInt>(buf.size());
        rc = inflate(&zs, Z_NO_FLUSH);
        const std::size_t got = buf.size() - zs.avail_out;
        out.append(buf.data(), std::min(got, limit - out.size()));
        if (got == 0 && rc == Z_OK) rc = Z_BUF_ERROR; // no progress: truncated input
    }
    cut = rc != Z_STREAM_END;
    inflateEnd(&zs);
    return out;
}

struct Collector {
    const ProvenanceParams& p;
    std::vector<TextChunk> chunks;
    std::size_t total = 0, dropped = 0;

    void add(TextChunk c)
    {
        if (chunks.size() >= p.max_chunks || total >= p.max_total_bytes) {
            ++dropped;
            return;
        }
        // Declared UTF-8 (iTXt, XMP) is not always valid: read invalid text as Latin-1 so every
        // consumer (JSON, Qt) gets valid UTF-8.
        const Bytes raw(reinterpret_cast<const std::uint8_t*>(c.text.data()), c.text.size());
        if (!valid_utf8(raw)) c.text = latin1_to_utf8(raw);
        const std::size_t room = std::min(p.max_text_bytes, p.max_total_bytes - total);
        if (c.text.size() > room) {
            std::size_t k = room;
            while (k > 0 && (static_cast<unsigned char>(c.text[k]) & 0xC0) == 0x80) --k; // keep whole characters
            c.text.resize(k);
            c.truncated = true;
        }
        total += c.text.size();
        chunks.push_back(std::move(c));
    }
    std::size_t budget() const { return std::min(p.max_text_bytes, p.max_total_bytes - std::min(total, p.max_total_bytes)); }
};

void png_chunks(Bytes b, Collector& out)
{
    detail::walk_png_chunks(b, out.p.max_segments, [&](std::string_view type_view, Bytes data) {
        const std::string type(type_view);
        if (type != "tEXt" && type != "zTXt" && type != "iTXt") return true;
        const auto nul = std::find(data.begin(), data.end(), std::uint8_t{0});
        if (nul == data.end()) return true; // no keyword terminator
        const std::size_t klen = static_cast<std::size_t>(nul - data.begin());
        TextChunk c;
        c.container = "PNG " + type;
        c.keyword = latin1_to_utf8(data.first(std::min<std::size_t>(klen, 79)));
        c.stored_bytes = data.size();
        const Bytes rest = data.subspan(klen + 1);
        if (type == "tEXt") {
            c.text = latin1_to_utf8(rest.first(std::min(rest.size(), out.budget())));
            c.truncated = c.text.size() < rest.size();
        } else if (type == "zTXt") {
            if (rest.empty()) return true;
            bool cut = false;
            c.text = latin1_to_utf8([&] {
                const std::string raw = inflate_bounded(rest.subspan(1), out.budget(), cut);
                return std::vector<std::uint8_t>(raw.begin(), raw.end());
            }());
            c.truncated = cut;
        } else { // iTXt: flag, method, language\0, translated keyword\0, text
            if (rest.size() < 2) return true;
            const bool compressed = rest[0] != 0;
            Bytes tail = rest.subspan(2);
            for (int field = 0; field < 2; ++field) {
                const auto z = std::find(tail.begin(), tail.end(), std::uint8_t{0});
                if (z == tail.end()) {
                    tail = {};
                    break;
                }
                tail = tail.subspan(static_cast<std::size_t>(z - tail.begin()) + 1);
            }
            if (compressed) {
                bool cut = false;
                c.text = inflate_bounded(tail, out.budget(), cut);
                c.truncated = cut;
            } else {
                c.text.assign(reinterpret_cast<const char*>(tail.data()), std::min(tail.size(), out.budget()));
                c.truncated = c.text.size() < tail.size();
            }
        }
        out.add(std::move(c));
        return true;
    });
}

void jpeg_segments(Bytes b, Collector& out)
{
    static constexpr char kXmp[] = "http://ns.adobe.com/xap/1.0/";
    detail::walk_jpeg_segments(b, out.p.max_segments, [&](std::uint8_t marker, Bytes data) {
        if (marker == 0xFE) {
            TextChunk c;
            c.container = "JPEG COM";
            c.stored_bytes = data.size();
            // JPEG comments have no declared encoding: valid UTF-8 stays, anything else is read as Latin-1.
            const Bytes kept = data.first(std::min(data.size(), out.budget()));
            c.text =
                valid_utf8(kept) ? std::string(reinterpret_cast<const char*>(kept.data()), kept.size()) : latin1_to_utf8(kept);
            c.truncated = kept.size() < data.size();
            out.add(std::move(c));
        } else if (marker == 0xE1 && data.size() > sizeof kXmp && std::memcmp(data.data(), kXmp, sizeof kXmp) == 0) {
            TextChunk c;
            c.container = "JPEG XMP";
            c.keyword = "XML:com.adobe.xmp";
            c.stored_bytes = data.size();
            const Bytes x = data.subspan(sizeof kXmp);
            c.text.assign(reinterpret_cast<const char*>(x.data()), std::min(x.size(), out.budget()));
            c.truncated = c.text.size() < x.size();
            out.add(std::move(c));
        }
        return true;
    });
}

void webp_chunks(Bytes b, Collector& out)
{
    detail::walk_riff_chunks(b, out.p.max_segments, [&](std::string_view type, Bytes data) {
        if (type != "XMP ") return true;
        TextChunk c;
        c.container = "WebP XMP";
        c.keyword = "XML:com.adobe.xmp";
        c.stored_bytes = data.size();
        c.text.assign(reinterpret_cast<const char*>(data.data()), std::min(data.size(), out.budget()));
        c.truncated = c.text.size() < data.size();
        out.add(std::move(c));
        return true;
    });
}

// ---- interpretation -------------------------------------------------------

std::string lower(std::string s)
{
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trim(std::string s)
{
    const auto ws = " \t\r\n";
    const auto a = s.find_first_not_of(ws);
    if (a == std::string::npos) return {};
    return s.substr(a, s.find_last_not_of(ws) - a + 1);
}

std::string cut(std::string s, std::size_t n = 2000)
{
    if (s.size() <= n) return s;
    std::size_t k = n;
    while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k; // not inside a UTF-8 sequence
    return s.substr(0, k) + "\u2026";
}

std::string chunk_source(const TextChunk& c)
{
    return c.keyword.empty() ? c.container : c.container + " '" + c.keyword + "'";
}

std::string scalar(const json& v)
{
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    if (v.is_number_unsigned()) return std::to_string(v.get<unsigned long long>());
    if (v.is_number_float()) {
        std::string s = json(v).dump();
        return s;
    }
    return {};
}

void append_name(std::string& list, const std::string& name)
{
    if (name.empty() || list.find(name) != std::string::npos) return;
    if (!list.empty()) list += ", ";
    list += name;
}

// AUTOMATIC1111's "parameters": prompt, "Negative prompt: …", then one line of
// "Key: value, Key: value" (values may be quoted and contain commas).
std::optional<GeneratorSettings> parse_a1111(const std::string& text)
{
    const auto steps_at = text.rfind("Steps: ");
    if (steps_at == std::string::npos) return std::nullopt;
    GeneratorSettings g;
    g.tool = "AUTOMATIC1111 web UI (or compatible: Forge, SD.Next, Fooocus)";
    std::string head = text.substr(0, steps_at);
    const auto neg = head.find("Negative prompt:");
    if (neg != std::string::npos) {
        g.negative_prompt = cut(trim(head.substr(neg + 16)));
        head = head.substr(0, neg);
    }
    g.prompt = cut(trim(head));
    std::map<std::string, std::string> kv;
    const std::string line = text.substr(steps_at, text.find('\n', steps_at) - steps_at);
    std::size_t i = 0;
    while (i < line.size()) {
        const auto colon = line.find(": ", i);
        if (colon == std::string::npos) break;
        const std::string key = trim(line.substr(i, colon - i));
        std::size_t v = colon + 2, end;
        if (v < line.size() && line[v] == '"') {
            end = line.find('"', v + 1);
            end = end == std::string::npos ? line.size() : end + 1;
        } else {
            end = line.find(", ", v);
            if (end == std::string::npos) end = line.size();
        }
        std::string value = trim(line.substr(v, end - v));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        kv[key] = value;
        i = end;
        while (i < line.size() && (line[i] == ',' || line[i] == ' ')) ++i;
    }
    g.steps = kv["Steps"];
    g.sampler = kv["Sampler"];
    if (!kv["Schedule type"].empty()) g.sampler += " (" + kv["Schedule type"] + ")";
    g.cfg = kv["CFG scale"];
    g.seed = kv["Seed"];
    g.size = kv["Size"];
    g.model = kv["Model"];
    if (!kv["Model hash"].empty())
        g.model += (g.model.empty() ? "hash " : " (hash ") + kv["Model hash"] + (g.model.empty() ? "" : ")");
    if (!kv["Version"].empty()) g.tool += ", version " + kv["Version"];
    return g;
}

bool model_file(const std::string& v)
{
    const std::string l = lower(v);
    for (const char* ext : {".safetensors", ".ckpt", ".gguf", ".pt", ".pth", ".sft", ".bin"})
        if (l.size() > std::strlen(ext) && l.compare(l.size() - std::strlen(ext), std::strlen(ext), ext) == 0) return true;
    return false;
}

// ComfyUI's "prompt": the executed graph, {"id": {"class_type", "inputs"}}.
std::optional<GeneratorSettings> parse_comfy(const json& graph)
{
    if (!graph.is_object()) return std::nullopt;
    GeneratorSettings g;
    g.tool = "ComfyUI";
    bool any = false;
    std::string positive_ref;
    for (const auto& [id, node] : graph.items()) {
        if (!node.is_object() || !node.contains("class_type") || !node["class_type"].is_string()) continue;
        any = true;
        const std::string type = node["class_type"].get<std::string>();
        if (!node.contains("inputs") || !node["inputs"].is_object()) continue;
        const json& in = node["inputs"];
        for (const auto& [k, v] : in.items()) {
            const std::string s = scalar(v);
            if (v.is_string() && model_file(s) && k.find("lora") == std::string::npos && k.find("vae") == std::string::npos &&
                k.find("clip") == std::string::npos && k.find("upscale") == std::string::npos)
                append_name(g.model, s);
            if ((k == "seed" || k == "noise_seed") && g.seed.empty()) g.seed = s;
            if (k == "steps" && g.steps.empty()) g.steps = s;
            if ((k == "sampler_name") && g.sampler.empty()) g.sampler = s;
            if ((k == "cfg" || k == "guidance") && g.cfg.empty()) g.cfg = s;
        }
        if ((type == "KSampler" || type == "KSamplerAdvanced" || type == "CFGGuider" || type == "BasicGuider") &&
            in.contains("positive") && in["positive"].is_array() && !in["positive"].empty())
            positive_ref = scalar(in["positive"][0]);
        if (type == "BasicGuider" && in.contains("conditioning") && in["conditioning"].is_array() && !in["conditioning"].empty())
            positive_ref = scalar(in["conditioning"][0]);
        if ((type == "EmptyLatentImage" || type == "EmptySD3LatentImage") && in.contains("width") && in.contains("height"))
            g.size = scalar(in["width"]) + "x" + scalar(in["height"]);
    }
    if (!any) return std::nullopt;
    auto text_of = [&](const std::string& id) -> std::string {
        if (!graph.contains(id) || !graph[id].is_object() || !graph[id].contains("inputs") || !graph[id]["inputs"].is_object())
            return {};
        const json& in = graph[id]["inputs"];
        for (const char* k : {"text", "t5xxl", "clip_l", "text_g", "prompt"})
            if (in.contains(k) && in[k].is_string() && !in[k].get<std::string>().empty()) return in[k].get<std::string>();
        return {};
    };
    g.prompt = cut(text_of(positive_ref));
    if (g.prompt.empty())
        for (const auto& [id, node] : graph.items())
            if (node.is_object() && node.value("class_type", "").rfind("CLIPTextEncode", 0) == 0) {
                g.prompt = cut(text_of(id));
                if (!g.prompt.empty()) break;
            }
    return g;
}

// InvokeAI 3+ "invokeai_metadata" and 2.x "sd-metadata".
std::optional<GeneratorSettings> parse_invoke(const json& m)
{
    if (!m.is_object()) return std::nullopt;
    GeneratorSettings g;
    g.tool = "InvokeAI";
    if (m.contains("model") && m["model"].is_object())
        for (const char* k : {"name", "model_name", "key"})
            if (m["model"].contains(k) && m["model"][k].is_string()) {
                g.model = m["model"][k].get<std::string>();
                break;
            }
    if (m.contains("model_weights")) g.model = scalar(m["model_weights"]);
    const json& img = m.contains("image") && m["image"].is_object() ? m["image"] : m;
    if (img.contains("positive_prompt")) g.prompt = cut(scalar(img["positive_prompt"]));
    if (img.contains("negative_prompt")) g.negative_prompt = cut(scalar(img["negative_prompt"]));
    if (g.prompt.empty() && img.contains("prompt")) {
        const json& p = img["prompt"];
        if (p.is_string())
            g.prompt = cut(p.get<std::string>());
        else if (p.is_array() && !p.empty() && p[0].is_object() && p[0].contains("prompt"))
            g.prompt = cut(scalar(p[0]["prompt"]));
    }
    for (const char* k : {"seed"})
        if (img.contains(k)) g.seed = scalar(img[k]);
    if (img.contains("steps")) g.steps = scalar(img["steps"]);
    for (const char* k : {"scheduler", "sampler"})
        if (img.contains(k) && g.sampler.empty()) g.sampler = scalar(img[k]);
    for (const char* k : {"cfg_scale", "cfg"})
        if (img.contains(k) && g.cfg.empty()) g.cfg = scalar(img[k]);
    if (img.contains("width") && img.contains("height")) g.size = scalar(img["width"]) + "x" + scalar(img["height"]);
    return g;
}

std::optional<json> parse_json(const std::string& text)
{
    try {
        auto j = json::parse(text);
        return j;
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

// Names that, in a Software or CreatorTool tag, say a generator made the file.
constexpr std::array<const char*, 22> kGeneratorNames{
    "midjourney",         "dall-e",        "dall\u00b7e", "dalle",         "firefly",  "stable diffusion",
    "stablediffusion",    "novelai",       "comfyui",     "automatic1111", "invokeai", "imagen",
    "ideogram",           "leonardo.ai",   "flux.1",      "kolors",        "gpt-4o",   "chatgpt",
    "bing image creator", "playground ai", "nightcafe",   "dreamstudio"};

// Phrases platforms write into captions and credits of AI images.
constexpr std::array<const char*, 8> kAiPhrases{"made with ai",      "ai generated",    "ai-generated",        "generated by ai",
                                                "generated with ai", "created with ai", "made with google ai", "edited with ai"};

// The field a finding's source names: a quoted PNG keyword, an Exiv2 key, an XMP property.
std::string source_key(const std::string& source)
{
    if (const auto q = source.find('\''); q != std::string::npos) {
        const auto e = source.find('\'', q + 1);
        if (e != std::string::npos) return source.substr(q + 1, e - q - 1);
    }
    for (const char* prefix : {"metadata ", "XMP "})
        if (source.rfind(prefix, 0) == 0) {
            const std::string rest = source.substr(std::strlen(prefix));
            return rest.substr(0, rest.find(' '));
        }
    return {};
}

void note(Provenance& p, std::string source, std::string value, std::string meaning, bool ai, std::string key = {})
{
    for (const auto& f : p.findings)
        if (f.source == source && f.value == value) return;
    p.says_ai = p.says_ai || ai;
    if (key.empty()) key = source_key(source);
    p.findings.push_back({std::move(source), std::move(key), cut(std::move(value), 300), std::move(meaning), ai});
}

void digital_source(Provenance& p, const std::string& source, const std::string& uri)
{
    const std::string code(detail::source_type_code(trim(uri)));
    if (code.empty()) return;
    if (const auto* t = detail::find_source_type(code)) {
        p.digital_source_type = code;
        p.says_camera = p.says_camera || t->ai < 0;
        note(p, source, code, std::string(t->meaning), t->ai > 0);
        return;
    }
    note(p, source, code, "an IPTC digital source type this version does not know", false);
}

// DigitalSourceType in raw XMP: as an element, an attribute or an rdf:resource.
void xmp_digital_source(Provenance& p, const TextChunk& c)
{
    const std::string& x = c.text;
    for (std::size_t at = x.find("DigitalSourceType"); at != std::string::npos; at = x.find("DigitalSourceType", at + 1)) {
        const std::size_t end = std::min(x.size(), at + 400);
        const std::string window = x.substr(at, end - at);
        const auto key = window.find("digitalsourcetype/");
        if (key == std::string::npos) continue;
        std::size_t stop = key + 18;
        while (stop < window.size() && std::isalnum(static_cast<unsigned char>(window[stop]))) ++stop;
        digital_source(p, "XMP Iptc4xmpExt:DigitalSourceType (" + c.container + ")", window.substr(key + 18, stop - key - 18));
        return;
    }
}

// What the Content Credentials say, as findings beside the metadata's; and credentials that were removed.
void c2pa_findings(Provenance& p, const std::vector<MetadataEntry>& metadata)
{
    const C2paReport& r = p.c2pa;
    if (!r.present) {
        // An XMP dcterms:provenance reference survives when an editor strips the manifest store.
        std::string ref;
        for (const auto& m : metadata)
            if (m.key == "Xmp.dcterms.provenance") ref = m.value;
        for (const auto& c : p.chunks)
            if (ref.empty() && c.container.find("XMP") != std::string::npos)
                if (const auto at = c.text.find("dcterms:provenance"); at != std::string::npos) {
                    const auto q = c.text.find_first_of("\"'>", at + 18);
                    const auto e = q == std::string::npos ? q : c.text.find_first_of("\"'<", q + 1);
                    ref = e == std::string::npos ? std::string("(reference)") : c.text.substr(q + 1, e - q - 1);
                }
        if (!ref.empty())
            note(p, "XMP dcterms:provenance", ref,
                 "Content Credentials were removed: the XMP points at a C2PA manifest the file no longer holds "
                 "(an editor or platform stripped it, or the XMP was copied from another file)",
                 false, "dcterms:provenance");
        return;
    }
    if (!r.active) {
        note(p, "C2PA", r.error, "Content Credentials are present but cannot be read", false, "manifest");
        return;
    }
    const C2paManifest& m = *r.active;
    const bool intact = m.signature == C2paCheck::Valid && m.assertions == C2paCheck::Valid && m.binding == C2paCheck::Valid;
    const std::string signer = "signed by " + (m.signer_name.empty() ? std::string("an unknown signer") : m.signer_name);
    const std::string standing = !intact ? std::string("but the credentials do not verify (") + to_string(m.signature) +
                                               " signature, " + to_string(m.binding) + " binding)"
                                 : m.trust == C2paTrust::Trusted ? std::string("signed by a signer you trust")
                                 : m.trust == C2paTrust::Untrusted
                                     ? signer + "; issuer not on your trust list"
                                     : signer + ", but the signing certificate fails (" + m.trust_detail + ")";
    if (!m.claim_generator.empty())
        note(p, "C2PA", m.claim_generator, "Content Credentials name the software that made the claim, " + standing, false,
             "claim_generator");
    for (const auto& a : m.actions) {
        if (a.digital_source_type.empty()) continue;
        const auto* t = detail::find_source_type(a.digital_source_type);
        std::string meaning = t ? std::string(t->meaning) : "an IPTC digital source type this version does not know";
        note(p, "C2PA action " + a.action, a.digital_source_type, meaning + " — declared in Content Credentials, " + standing,
             t && t->ai > 0, "digitalSourceType");
        if (t && p.digital_source_type.empty()) p.digital_source_type = a.digital_source_type;
        if (t && t->ai < 0) p.says_camera = true;
    }
    if (!intact)
        note(p, "C2PA", m.status_codes.empty() ? std::string("invalid") : m.status_codes.back(),
             "the Content Credentials fail a check: the file or its manifest was changed after signing", false, "validation");
}

} // namespace

Result<std::vector<TextChunk>> read_text_chunks(std::span<const std::uint8_t> bytes, const ProvenanceParams& params,
                                                std::size_t* dropped)
{
    if (bytes.empty()) return Status(ErrorCode::EmptyFile, "no bytes to read provenance from");
    Collector c{params, {}, 0, 0};
    static constexpr std::uint8_t kPng[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    if (bytes.size() >= 8 && std::memcmp(bytes.data(), kPng, 8) == 0)
        png_chunks(bytes, c);
    else if (bytes.size() >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8)
        jpeg_segments(bytes, c);
    else if (bytes.size() >= 12 && std::memcmp(bytes.data(), "RIFF", 4) == 0 && std::memcmp(bytes.data() + 8, "WEBP", 4) == 0)
        webp_chunks(bytes, c);
    if (dropped) *dropped = c.dropped;
    return std::move(c.chunks);
}

Provenance interpret_provenance(std::vector<TextChunk> chunks, const std::vector<MetadataEntry>& metadata)
{
    Provenance p;
    p.chunks = std::move(chunks);
    auto set_generator = [&](GeneratorSettings g, const TextChunk& c) {
        g.source = chunk_source(c);
        std::string value = g.tool;
        if (!g.model.empty()) value += ", model " + g.model;
        note(p, g.source, value, "generation settings written by an image-generation front end: the file says it was generated",
             true);
        if (!p.generator) p.generator = std::move(g);
    };
    for (const auto& c : p.chunks) {
        const std::string k = lower(c.keyword);
        if (k == "xml:com.adobe.xmp" || c.container.find("XMP") != std::string::npos) {
            xmp_digital_source(p, c);
            continue;
        }
        if (k == "parameters" || (c.container == "JPEG COM" && c.text.find("Steps: ") != std::string::npos)) {
            if (auto g = parse_a1111(c.text)) set_generator(std::move(*g), c);
        } else if (k == "prompt") {
            if (auto j = parse_json(c.text))
                if (auto g = parse_comfy(*j)) set_generator(std::move(*g), c);
        } else if (k == "workflow") {
            if (auto j = parse_json(c.text); j && j->is_object() && j->contains("nodes"))
                note(p, chunk_source(c), std::to_string((*j)["nodes"].size()) + " nodes",
                     "a ComfyUI workflow (the editor's node graph) is embedded: the file says it was generated", true);
        } else if (k == "invokeai_metadata" || k == "sd-metadata") {
            if (auto j = parse_json(c.text))
                if (auto g = parse_invoke(*j)) set_generator(std::move(*g), c);
        } else if (k == "dream") {
            GeneratorSettings g;
            g.tool = "InvokeAI (dream)";
            g.prompt = cut(c.text);
            set_generator(std::move(g), c);
        } else if (k == "comment") {
            // NovelAI writes its settings as JSON here (with Software "NovelAI").
            if (auto j = parse_json(c.text); j && j->is_object() && (j->contains("sampler") || j->contains("steps"))) {
                GeneratorSettings g;
                g.tool = "NovelAI (or compatible)";
                g.prompt = cut(scalar(j->value("prompt", json())));
                g.negative_prompt = cut(scalar(j->value("uc", json())));
                g.seed = scalar(j->value("seed", json()));
                g.steps = scalar(j->value("steps", json()));
                g.sampler = scalar(j->value("sampler", json()));
                g.cfg = scalar(j->value("scale", json()));
                if (j->contains("width") && j->contains("height")) g.size = scalar((*j)["width"]) + "x" + scalar((*j)["height"]);
                set_generator(std::move(g), c);
            }
        }
        if (k == "software" || k == "source" || k == "generator" || k == "title" || k == "description") {
            const std::string l = lower(c.text);
            for (const char* name : kGeneratorNames)
                if (l.find(name) != std::string::npos) {
                    note(p, chunk_source(c), c.text, "the file names an image generator", true);
                    break;
                }
        }
    }
    // The same from Exiv2's reading of EXIF, IPTC and XMP.
    for (const auto& m : metadata) {
        const std::string key = m.key;
        if (key.find("DigitalSourceType") != std::string::npos) {
            digital_source(p, "XMP " + key, m.value.empty() ? m.raw : m.value);
            continue;
        }
        const bool tool = key == "Exif.Image.Software" || key == "Xmp.xmp.CreatorTool" || key == "Exif.Image.Make" ||
                          key == "Exif.Image.Model" || key == "Xmp.tiff.Software" || key == "Exif.Image.Artist";
        const bool caption = key == "Xmp.photoshop.Credit" || key == "Iptc.Application2.Credit" ||
                             key.rfind("Xmp.dc.description", 0) == 0 || key == "Exif.Image.ImageDescription" ||
                             key == "Iptc.Application2.Caption" || key == "Exif.Photo.UserComment";
        if (!tool && !caption) continue;
        const std::string l = lower(m.value);
        bool named = false;
        for (const char* name : kGeneratorNames)
            if (l.find(name) != std::string::npos) {
                note(p, "metadata " + key, m.value, "the file names an image generator", true);
                named = true;
                break;
            }
        if (!named && caption)
            for (const char* phrase : kAiPhrases)
                if (l.find(phrase) != std::string::npos) {
                    note(p, "metadata " + key, m.value, "a caption or credit line says the image was made or edited with AI",
                         true);
                    break;
                }
        if (!named && key == "Exif.Photo.UserComment" && m.value.find("Steps: ") != std::string::npos) {
            TextChunk c{"EXIF UserComment", "", m.value, m.value.size(), false};
            if (auto g = parse_a1111(m.value)) set_generator(std::move(*g), c);
        }
    }
    return p;
}

Result<Provenance> read_provenance(std::span<const std::uint8_t> bytes, const std::vector<MetadataEntry>& metadata,
                                   const ProvenanceParams& params)
{
    std::size_t dropped = 0;
    auto chunks = read_text_chunks(bytes, params, &dropped);
    if (!chunks) return chunks.status();
    Provenance p = interpret_provenance(std::move(*chunks), metadata);
    p.chunks_dropped = dropped;
    if (params.read_c2pa) {
        p.c2pa = read_c2pa(bytes, params.c2pa);
        c2pa_findings(p, metadata);
    }
    return p;
}

std::string Provenance::to_json() const
{
    json j{{"ai_declared", says_ai}, {"says_ai", says_ai}, {"says_camera", says_camera}, {"caveat", kProvenanceCaveat}};
    j["digital_source_type"] = digital_source_type.empty() ? json(nullptr) : json(digital_source_type);
    if (generator) {
        json g{{"tool", generator->tool}, {"source", generator->source}};
        for (auto [k, v] :
             {std::pair{"model", &GeneratorSettings::model}, std::pair{"sampler", &GeneratorSettings::sampler},
              std::pair{"steps", &GeneratorSettings::steps}, std::pair{"seed", &GeneratorSettings::seed},
              std::pair{"cfg", &GeneratorSettings::cfg}, std::pair{"size", &GeneratorSettings::size},
              std::pair{"prompt", &GeneratorSettings::prompt}, std::pair{"negative_prompt", &GeneratorSettings::negative_prompt}})
            if (!((*generator).*v).empty()) g[k] = (*generator).*v;
        j["generator"] = g;
    } else {
        j["generator"] = nullptr;
    }
    j["findings"] = json::array();
    for (const auto& f : findings)
        j["findings"].push_back(
            {{"source", f.source}, {"key", f.key}, {"value", f.value}, {"meaning", f.meaning}, {"says_ai", f.says_ai}});
    j["c2pa"] = json::parse(c2pa.to_json());
    j["text_chunks"] = json::array();
    for (const auto& c : chunks)
        j["text_chunks"].push_back({{"container", c.container},
                                    {"keyword", c.keyword},
                                    {"bytes", c.text.size()},
                                    {"stored_bytes", c.stored_bytes},
                                    {"truncated", c.truncated}});
    if (chunks_dropped) j["text_chunks_dropped"] = chunks_dropped;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string Provenance::summary() const
{
    std::string s = c2pa.short_label(); // signed credentials first
    auto add = [&](const std::string& part) { s += (s.empty() ? "" : "; ") + part; };
    if (generator) {
        add(generator->tool + (generator->model.empty() ? std::string() : ", model " + generator->model));
    } else {
        for (const auto& f : findings)
            if (f.source.rfind("C2PA", 0) != 0) {
                add(f.value + " (" + f.source + ")");
                break;
            }
    }
    if (!digital_source_type.empty() && s.find(digital_source_type) == std::string::npos)
        add("IPTC source type " + digital_source_type);
    return s;
}

} // namespace clipflow
