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
            if (it->is_regular_file(ec) && has_image_extension(it->path().string())) found.push_back(it->path().string());
        }
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

} // namespace clipflow
