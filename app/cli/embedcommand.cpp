#include "embedcommand.h"

#include "jsonfields.h"
#include "optiontable.h"

#include <clipflow/clipencoder.h>
#include <clipflow/evidence.h>
#include <clipflow/modelregistry.h>

#include <iostream>

namespace clipflow::cli {

const char* const kEmbedAbout = R"(CLIP image embeddings, one JSON line per image. MODEL is a checkpoint file or
an installed model (id, name or SHA-256 prefix; see clipflow models list).)";

int run_embed(std::vector<std::string> words)
{
    bool json = false, bf16 = false;
    std::optional<std::string> model;
    std::string which = "proj";
    int batch = 16;
    std::vector<std::string> inputs;
    OptionTable t("embed", "--clip MODEL [options] IMAGE|FOLDER...", kEmbedAbout);
    t.text("--clip", "MODEL", model, "the CLIP checkpoint")
        .required()
        .choice("--layer", "L", which, {"proj", "cls", "all"},
                "\nproj: the projected CLIP embedding\ncls: the class token after ln_post, before the projection\n"
                "all: also the class token after every block (\"blocks\")")
        .flag("--bf16", bf16, "bfloat16 compute (faster on CPUs with AVX-512 BF16)")
        .whole("--batch", "N", batch, 1, 4096, "images per forward pass")
        .flag("--json", json, "JSON lines (the default; kept for symmetry)")
        .positionals(inputs)
        .notes("Exit status: 0 all embedded, 1 some failed, 2 usage error or unusable model.");
    if (auto code = t.parse(std::move(words))) return *code;
    if (inputs.empty()) return t.usage_error("no images given");

    auto path = ModelRegistry().resolve(*model);
    if (!path) {
        std::cerr << "clipflow embed: " << path.status().message() << "\n";
        return 2;
    }
    ClipLoadParams lp;
    lp.bf16 = bf16;
    auto encoder = ClipEncoder::load(*path, lp);
    if (!encoder) {
        std::cerr << "clipflow embed: " << *path << ": " << encoder.status().message() << "\n";
        return 2;
    }
    const std::string model_name = encoder->config().name();
    ClipEncodeParams ep;
    ep.batch_size = batch;
    ep.all_layers = which == "all";

    int failures = 0;
    const auto files = image_inputs(inputs, failures);
    // Decode a batch at a time so a large folder never sits in memory whole.
    for (std::size_t start = 0; start < files.size(); start += static_cast<std::size_t>(batch)) {
        // Lines keep the input order: failures wait for their batch's successes.
        std::vector<nlohmann::json> lines;
        std::vector<std::size_t> slot; // line index of each decoded image
        std::vector<EvidenceInfo> infos;
        std::vector<Raster> pixels;
        for (std::size_t i = start; i < std::min(files.size(), start + static_cast<std::size_t>(batch)); ++i) {
            auto ev = load_evidence(files[i]);
            if (!ev) {
                ++failures;
                lines.push_back(error_line(files[i], ev.status()));
                continue;
            }
            slot.push_back(lines.size());
            lines.emplace_back();
            infos.push_back(ev->info);
            pixels.push_back(std::move(ev->pixels));
        }
        auto feats =
            pixels.empty() ? Result<std::vector<ClipFeatures>>(std::vector<ClipFeatures>{}) : encoder->encode(pixels, ep);
        for (std::size_t i = 0; i < infos.size(); ++i) {
            if (!feats) {
                ++failures;
                lines[slot[i]] = error_line(infos[i].path, feats.status());
                continue;
            }
            const auto& f = (*feats)[i];
            nlohmann::json line = {{"file", infos[i].path}, {"sha256", infos[i].sha256}, {"model", model_name}, {"layer", which}};
            line["embedding"] = rounded_array(which == "cls" ? f.class_token : f.projected, 1e-6);
            if (which == "all") {
                line["cls"] = rounded_array(f.class_token, 1e-6);
                nlohmann::json blocks = nlohmann::json::array();
                for (const auto& b : f.block_tokens) blocks.push_back(rounded_array(b, 1e-6));
                line["blocks"] = blocks;
            }
            lines[slot[i]] = std::move(line);
        }
        for (const auto& line : lines) std::cout << line.dump() << "\n";
        std::cout.flush();
    }
    return failures ? 1 : 0;
}

} // namespace clipflow::cli
