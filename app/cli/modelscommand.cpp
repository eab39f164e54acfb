#include "modelscommand.h"

#include "optiontable.h"

#include <clipflow/modelregistry.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace clipflow::cli {

const char* const kModelsAbout =
    R"(Models live in $XDG_DATA_HOME/clipflow/models (default ~/.local/share/clipflow/models;
CLIPFLOW_MODELS_DIR overrides). `install` validates a CLIP checkpoint (Hugging Face
or OpenAI safetensors, or OpenAI's TorchScript .pt), records its SHA-256 and copies
it there. ClipFlow never downloads anything by itself: see docs/models.md for which
public checkpoints to fetch.)";

int run_models(std::vector<std::string> words)
{
    bool json = false;
    std::optional<std::string> name;
    std::vector<std::string> rest;
    OptionTable t("models", "list [--json] | install FILE [--name NAME]", kModelsAbout);
    t.flag("--json", json, "list: one JSON line per model")
        .text("--name", "NAME", name, "install: the name to list it under (default: the checkpoint's)")
        .positionals(rest);
    if (auto code = t.parse(std::move(words))) return *code;
    auto usage = [&t](const std::string& why) { return t.usage_error(why); };
    if (rest.empty()) return usage("say list or install");
    const ModelRegistry registry;
    if (rest[0] == "list") {
        auto entries = registry.list();
        if (!entries) {
            std::cerr << "clipflow models: " << entries.status().message() << "\n";
            return 1;
        }
        if (json) {
            for (const auto& e : *entries)
                std::cout << nlohmann::json{{"id", e.id},         {"kind", e.kind},     {"name", e.name},  {"file", e.file},
                                            {"sha256", e.sha256}, {"format", e.format}, {"dtype", e.dtype}}
                                 .dump()
                          << "\n";
        } else if (entries->empty()) {
            std::cout << "No models installed in " << registry.dir() << ".\nInstall one with: clipflow models install FILE\n";
        } else {
            for (const auto& e : *entries)
                std::printf("%-18s %-5s %-12s %-19s %-5s %s\n  sha256 %s\n", e.id.c_str(), e.kind.c_str(), e.name.c_str(),
                            e.format.c_str(), e.dtype.c_str(), e.file.c_str(), e.sha256.c_str());
        }
        return 0;
    }
    if (rest[0] == "install") {
        if (rest.size() != 2) return usage("install takes exactly one file");
        auto entry = registry.install_clip(rest[1], name.value_or(""));
        if (!entry) {
            std::cerr << rest[1] << ": " << entry.status().message() << "\n";
            return 1;
        }
        std::printf("installed %s (%s, %s %s) as %s\n  sha256 %s\n", rest[1].c_str(), entry->name.c_str(), entry->format.c_str(),
                    entry->dtype.c_str(), entry->id.c_str(), entry->sha256.c_str());
        return 0;
    }
    return usage("unknown models command '" + rest[0] + "'");
}

} // namespace clipflow::cli
