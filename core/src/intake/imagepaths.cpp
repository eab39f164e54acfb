#include "clipflow/imagepaths.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace fs = std::filesystem;

namespace clipflow {

namespace {

// Each image ending and the format (EvidenceInfo::format) a file so named is expected to be.
constexpr std::pair<const char*, const char*> kKnown[] = {
    {".jpg", "JPEG"},  {".jpeg", "JPEG"}, {".jpe", "JPEG"},  {".png", "PNG"},   {".tif", "TIFF"},
    {".tiff", "TIFF"}, {".webp", "WebP"}, {".heic", "HEIF"}, {".heif", "HEIF"}, {".hif", "HEIF"},
    {".avif", "AVIF"}, {".bmp", "BMP"},   {".gif", "GIF"}};

// Walks one folder. Its own walk, not recursive_directory_iterator: that one
// ends the whole walk at the first folder it cannot open (or skips it without a
// word, with skip_permission_denied), where each such folder must be named and
// the rest still listed. A stack, not recursion: a hostile tree may be deep.
void walk(const fs::path& root, std::vector<std::string>& found, std::vector<FolderProblem>& problems,
          const std::function<bool()>& abort)
{
    std::vector<fs::path> folders{root};
    while (!folders.empty() && !(abort && abort())) {
        const fs::path folder = std::move(folders.back());
        folders.pop_back();
        std::error_code ec;
        fs::directory_iterator it(folder, ec);
        if (ec) {
            problems.push_back({folder.string(), "cannot read this folder: " + ec.message(), FolderProblem::Kind::Unreadable});
            continue;
        }
        for (const fs::directory_iterator end; it != end; it.increment(ec)) {
            // Each entry's checks have their own error code: a bad entry must not end the walk.
            std::error_code entry_ec;
            if (it->is_directory(entry_ec)) {
                // Links to folders are not followed: no loops, and nothing is found twice.
                if (!it->is_symlink(entry_ec)) folders.push_back(it->path());
                continue;
            }
            // Anything else named like an image is listed, FIFOs, devices and broken links included:
            // intake then says what is wrong with it, where skipping it here would lose it silently.
            if (has_image_extension(it->path().string())) found.push_back(it->path().string());
        }
        if (ec)
            problems.push_back(
                {folder.string(), "reading this folder failed part-way: " + ec.message(), FolderProblem::Kind::Unreadable});
    }
}

} // namespace

std::string format_named(const std::string& path)
{
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    for (const auto& [ending, format] : kKnown)
        if (ext == ending) return format;
    return {};
}

bool has_image_extension(const std::string& path)
{
    return !format_named(path).empty();
}

ImagePaths find_image_paths(const std::vector<std::string>& paths, const std::function<bool()>& abort)
{
    ImagePaths out;
    for (const auto& p : paths) {
        if (abort && abort()) break;
        std::error_code ec;
        if (!fs::is_directory(p, ec)) {
            out.files.push_back(p); // intake reports missing files, links and the like
            continue;
        }
        std::vector<std::string> found;
        const std::size_t problems_before = out.problems.size();
        walk(p, found, out.problems, abort);
        if (abort && abort()) break; // what a stopped walk did not reach is not "no images"
        // A folder given that yields nothing is said so — unless a folder inside it already
        // explains why (it could not be read).
        if (found.empty() && out.problems.size() == problems_before) {
            std::string names;
            for (const auto& [k, format] : kKnown) names += std::string(names.empty() ? "" : " ") + k;
            out.problems.push_back({p,
                                    "no images in this folder or its sub-folders (files are read by their names' "
                                    "endings: " +
                                        names + ")",
                                    FolderProblem::Kind::NoImages});
        }
        std::sort(found.begin(), found.end());
        out.files.insert(out.files.end(), found.begin(), found.end());
    }
    return out;
}

} // namespace clipflow
