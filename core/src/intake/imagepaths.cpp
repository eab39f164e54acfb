#include "clipflow/imagepaths.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace fs = std::filesystem;

namespace clipflow {

bool has_image_extension(const std::string& path)
{
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    static const char* known[] = {".jpg",  ".jpeg", ".jpe", ".png",  ".tif", ".tiff", ".webp",
                                  ".heic", ".heif", ".hif", ".avif", ".bmp", ".gif"};
    return std::any_of(std::begin(known), std::end(known), [&](const char* k) { return ext == k; });
}

std::vector<std::string> expand_image_paths(const std::vector<std::string>& paths)
{
    std::vector<std::string> out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (!fs::is_directory(p, ec)) {
            out.push_back(p); // intake reports missing files, links and the like
            continue;
        }
        std::vector<std::string> found;
        for (fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
             it.increment(ec)) {
            // Anything named like an image that is not a folder is listed, FIFOs, devices and broken links
            // included: intake then says what is wrong with it, where skipping it here would lose it silently.
            std::error_code entry_ec; // its own: a bad entry must not end the walk
            if (has_image_extension(it->path().string()) && !it->is_directory(entry_ec)) found.push_back(it->path().string());
        }
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

} // namespace clipflow
