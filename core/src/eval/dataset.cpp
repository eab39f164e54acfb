#include "clipflow/dataset.h"

#include "clipflow/imagepaths.h"

#include <algorithm>
#include <filesystem>

namespace clipflow {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> files_under(const std::string& path, std::vector<FolderProblem>* problems)
{
    auto found = find_image_paths({path});
    if (problems) problems->insert(problems->end(), found.problems.begin(), found.problems.end());
    return std::move(found.files);
}

} // namespace

std::vector<LabelledImage> scan_labelled_folder(const std::string& dir, const std::vector<std::string>& exclude,
                                                std::vector<FolderProblem>* problems)
{
    std::vector<LabelledImage> out;
    auto excluded = [&](const std::string& name) { return std::find(exclude.begin(), exclude.end(), name) != exclude.end(); };
    auto add = [&](const fs::path& folder, const std::string& label) {
        for (const auto& f : files_under(folder.string(), problems)) out.push_back({f, label});
    };
    // The sub-folders of a folder, sorted; one that cannot be listed is a problem.
    auto folders_in = [&](const fs::path& folder) {
        std::vector<fs::path> found;
        std::error_code ec;
        fs::directory_iterator it(folder, ec);
        for (const fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
            std::error_code entry_ec;
            if (it->is_directory(entry_ec)) found.push_back(it->path());
        }
        if (ec && problems)
            problems->push_back({folder.string(), "cannot read this folder: " + ec.message(), FolderProblem::Kind::Unreadable});
        std::sort(found.begin(), found.end());
        return found;
    };
    const auto entries = folders_in(dir);
    for (const auto& e : entries) {
        const std::string name = e.filename().string();
        if (excluded(name)) continue;
        if (name == "real" || name == "natural") {
            add(e, "real");
        } else if (name == "fake" || name == "ai") {
            for (const auto& g : folders_in(e))
                if (!excluded(g.filename().string())) add(g, g.filename().string());
        } else {
            add(e, name);
        }
    }
    return out;
}

std::vector<EvalImage> eval_images(const std::vector<std::string>& real, const std::string& fake_dir,
                                   std::vector<FolderProblem>* problems)
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
        for (const auto& f : files_under(input, problems)) {
            std::string group = dir ? name : std::string("."); // files given one by one: "."
            if (dir) {
                const auto rel = fs::path(f).lexically_relative(input);
                if (std::distance(rel.begin(), rel.end()) > 1)
                    group = several ? name + "/" + rel.begin()->string() : rel.begin()->string();
            }
            out.push_back({f, group, false});
        }
    }
    for (const auto& f : files_under(fake_dir, problems)) {
        const auto rel = fs::path(f).lexically_relative(fake_dir);
        const bool nested = std::distance(rel.begin(), rel.end()) > 1;
        out.push_back({f, nested ? rel.begin()->string() : std::string("."), true});
    }
    return out;
}

} // namespace clipflow
