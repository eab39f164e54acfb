#include "provenancecommand.h"

#include "jsonfields.h"
#include "optiontable.h"

#include <clipflow/c2pa.h>
#include <clipflow/evidence.h>

#include <cstring>
#include <iostream>

namespace clipflow::cli {

const char* const kProvenanceAbout = R"(What each file says about where it came from, without looking at its pixels:
C2PA Content Credentials (found, read and verified offline), generator
settings (AUTOMATIC1111, ComfyUI, NovelAI, InvokeAI), the IPTC digital
source type, and software, camera and credit tags. Files are read, never
written.

Content Credentials are checked three ways, each valid, invalid or
unverified: the claim's signature against the signer's certificate, each
assertion against the hash the claim signed, and the binding to the file's
bytes (a changed pixel breaks it). No trust list ships: a valid signature is
"signed by <signer>; issuer not on your trust list" unless --trust names a
PEM file of certificates you trust.)";

const char* const kProvenanceNotes = R"(JSON fields: file, sha256, format (null for a file ClipFlow cannot decode,
such as HEIF or AVIF: its provenance is still read), name_format (null, or a sentence
when the name's ending promises another format: a renamed file), ai_declared (the metadata or a C2PA action
declares AI generation), generator (the settings a front end recorded, or
null), digital_source_type, findings (each {source, key, value, meaning,
says_ai}), c2pa ({present, claim_generator, digital_source_type, signer,
signer_name, signer_issuer, signing_time, algorithm, signature, assertions,
binding, trust, details, status_codes, actions, ingredients}), caveat. A
file that cannot be read gives {file, error, error_code}.

Metadata and manifests can be removed; unsigned metadata can be forged. A
valid signature says who made the claims, not that they are true; a file
with nothing to say proves nothing.

Exit status: 0 all read, 1 some inputs failed, 2 usage error.)";

namespace {

void print_text(const nlohmann::json& line)
{
    std::cout << line["file"].get<std::string>() << "  sha256 " << line["sha256"].get<std::string>().substr(0, 16) << "\n";
    if (line["format"].is_null()) std::cout << "  (not an image format ClipFlow decodes: only what the bytes say was read)\n";
    if (line["name_format"].is_string()) std::cout << "  " << line["name_format"].get<std::string>() << "\n";
    const auto& c = line["c2pa"];
    if (c.value("present", false)) {
        if (c.contains("error") && !c.contains("claim_generator")) {
            std::cout << "  Content Credentials: present but unreadable (" << c["error"].get<std::string>() << ")\n";
        } else {
            auto s = [&](const char* k) { return c[k].is_string() ? c[k].get<std::string>() : std::string("(none)"); };
            std::cout << "  Content Credentials by " << s("claim_generator") << "\n"
                      << "    signer     " << s("signer") << "\n"
                      << "    issuer     " << s("signer_issuer") << "\n"
                      << "    signed at  " << (c["signing_time"].is_string() ? s("signing_time") : "(no time-stamp)") << "\n";
            for (const char* check : {"signature", "assertions", "binding", "trust"})
                std::cout << "    " << check << std::string(11 - std::strlen(check), ' ') << c[check].get<std::string>() << ": "
                          << c["details"][check].get<std::string>() << "\n";
            for (const auto& a : c["actions"])
                std::cout << "    action     " << a["action"].get<std::string>()
                          << (a.contains("digital_source_type") ? " (" + a["digital_source_type"].get<std::string>() + ")" : "")
                          << (a.contains("software_agent") ? " by " + a["software_agent"].get<std::string>() : "") << "\n";
            for (const auto& i : c["ingredients"])
                std::cout << "    ingredient " << i["title"].get<std::string>() << " (" << i["relationship"].get<std::string>()
                          << (i["has_manifest"].get<bool>() ? ", with its own credentials" : "") << ")\n";
        }
    } else {
        std::cout << "  Content Credentials: none\n";
    }
    if (line["generator"].is_object()) {
        const auto& g = line["generator"];
        std::cout << "  Generator settings (" << g["source"].get<std::string>() << "): " << g["tool"].get<std::string>();
        if (g.contains("model")) std::cout << ", model " << g["model"].get<std::string>();
        if (g.contains("seed")) std::cout << ", seed " << g["seed"].get<std::string>();
        std::cout << "\n";
        if (g.contains("prompt")) std::cout << "    prompt: " << g["prompt"].get<std::string>().substr(0, 200) << "\n";
    }
    for (const auto& f : line["findings"])
        if (f["source"].get<std::string>().rfind("C2PA", 0) != 0 || !c.contains("claim_generator"))
            std::cout << "  " << f["source"].get<std::string>() << ": " << f["value"].get<std::string>() << "\n    "
                      << f["meaning"].get<std::string>() << "\n";
    std::cout << "  AI generation declared: " << (line["ai_declared"].get<bool>() ? "yes" : "no") << "\n";
}

} // namespace

int run_provenance(std::vector<std::string> words)
{
    bool json = false;
    std::optional<std::string> trust;
    std::vector<std::string> inputs;
    OptionTable t("provenance", "[options] IMAGE|FOLDER...", kProvenanceAbout);
    t.flag("--json", json, "one JSON line per file (default: readable text)")
        .text("--trust", "FILE.pem", trust, "trust anchors (root or intermediate certificates)")
        .positionals(inputs)
        .notes(kProvenanceNotes);
    if (auto code = t.parse(std::move(words))) return *code;
    auto usage = [&t](const std::string& why) { return t.usage_error(why); };
    if (inputs.empty()) return usage("no images given");
    IntakeParams intake;
    intake.decode_pixels = false; // the bytes and the header are all provenance needs
    intake.require_image = false; // HEIF/AVIF phone photos carry credentials too
    intake.read_provenance = true;
    if (trust) {
        auto pem = read_trust_anchors(*trust);
        if (!pem) return usage(pem.status().message());
        intake.provenance.c2pa.trust_anchors_pem = std::move(*pem);
    }
    int failures = 0;
    for (const auto& file : image_inputs(inputs, failures)) {
        auto ev = load_evidence(file, intake);
        nlohmann::json line;
        if (!ev) {
            line = error_line(file, ev.status());
        } else if (!ev->provenance) {
            line = error_line(file, Status(ErrorCode::CorruptData, "the file's provenance could not be read"));
        } else {
            line = {{"file", ev->info.path},
                    {"sha256", ev->info.sha256},
                    {"format", ev->info.format.empty() ? nlohmann::json(nullptr) : nlohmann::json(ev->info.format)},
                    {"name_format", name_format_json(ev->info)}};
            auto p = nlohmann::json::parse(ev->provenance->to_json());
            for (const char* k : {"ai_declared", "generator", "digital_source_type", "findings", "c2pa", "caveat"})
                line[k] = std::move(p[k]);
        }
        if (!print_line(line, file, json, print_text)) ++failures;
    }
    if (!json) std::cout << "(" << kProvenanceCaveat << ")\n";
    return failures ? 1 : 0;
}

} // namespace clipflow::cli
