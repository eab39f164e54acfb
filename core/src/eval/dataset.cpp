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
    // Reals by source folder, so false positives can be read per source: the
    // first-level sub-folder ("polyu"; with several folders given, "natural/polyu"),
    // or the folder's own name for the photos directly in it.
    const bool several = real.size() > 1;
    for (const auto& input : real) {
        std::error_code ec;
        const bool dir = fs::is_directory(input, ec);
        fs::path root = fs::path(input).lexically_normal();
        if (root.filename().empty()) root = root.parent_path(); // "photos/" names "photos"
        const std::string name = root.filename().empty() ? std::string(".") : root.filename().string(); // "/" has none
        for (const auto& f : expand_image_paths({input})) {
            std::string group = dir ? name : std::string("."); // files given one by one: "."
            if (dir) {
                const auto rel = fs::path(f).lexically_relative(input);
                if (std::distance(rel.begin(), rel.end()) > 1)
                    group = several ? name + "/" + rel.begin()->string() : rel.begin()->string();
            }
            out.push_back({f, group, false});
        }
    }
    for (const auto& f : expand_image_paths({fake_dir})) {
        const auto rel = fs::path(f).lexically_relative(fake_dir);
        const bool nested = std::distance(rel.begin(), rel.end()) > 1;
        out.push_back({f, nested ? rel.begin()->string() : std::string("."), true});
    }
    return out;
}

} // namespace clipflow
