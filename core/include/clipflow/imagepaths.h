#pragma once
// Which files a path stands for: a file as given (intake reports what is
// wrong with it), a folder recursively — the image files inside it by
// extension (case-insensitive), sorted. Shared by the CLI, the report and the
// window so that all three see the same files in a folder.

#include <string>
#include <vector>

namespace clipflow {

std::vector<std::string> expand_image_paths(const std::vector<std::string>& paths);
bool has_image_extension(const std::string& path);

} // namespace clipflow
