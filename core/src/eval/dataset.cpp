#include "clipflow/dataset.h"

#include "clipflow/imagepaths.h"

#include <algorithm>
#include <filesystem>

namespace clipflow {

namespace fs = std::filesystem;

std::vector<LabelledImage> scan_labelled_folder(const std::string& dir, const std::vector<std::string>& exclude)
{
    std::vector<LabelledImage> out;
    auto excluded = [&](const std::string& name) { return std::find(exclude.begin(), exclude.end(), name) != exclude.end(); };
    auto add = [&](const fs::path& folder, const std::string& label) {
        for (const auto& f : expand_image_paths({folder.string()})) out.push_back({f, label});
    };
    std::error_code ec;
    std::vector<fs::path> entries;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_directory(ec)) entries.push_back(e.path());
    std::sort(entries.begin(), entries.end());
    for (const auto& e : entries) {
        const std::string name = e.filename().string();
        if (excluded(name)) continue;
        if (name == "real" || name == "natural") {
            add(e, "real");
        } else if (name == "fake" || name == "ai") {
            std::vector<fs::path> gens;
            for (const auto& g : fs::directory_iterator(e, ec))
                if (g.is_directory(ec) && !excluded(g.path().filename().string())) gens.push_back(g.path());
            std::sort(gens.begin(), gens.end());
            for (const auto& g : gens) add(g, g.filename().string());
        } else {
            add(e, name);
        }
    }
    return out;
}

std::vector<EvalImage> eval_images(const std::vector<std::string>& real, const std::string& fake_dir)
{
    std::vector<EvalImage> out;
    for (const auto& f : expand_image_paths(real)) out.push_back({f, "real", false});
    for (const auto& f : expand_image_paths({fake_dir})) {
        const auto rel = fs::path(f).lexically_relative(fake_dir);
        const bool nested = std::distance(rel.begin(), rel.end()) > 1;
        out.push_back({f, nested ? rel.begin()->string() : std::string("."), true});
    }
    return out;
}

} // namespace clipflow
