#pragma once
// Which files a path stands for: a file as given (intake reports what is
// wrong with it), a folder recursively — the entries inside it named like
// images (extension, case-insensitive), sorted; links to folders are not
// followed. Entries that are not regular files (FIFOs, devices, broken links)
// are listed too, so that intake reports them instead of their going missing.
// Shared by the CLI, the report and the window so that all three see the same
// files in a folder.

#include <string>
#include <vector>

namespace clipflow {

std::vector<std::string> expand_image_paths(const std::vector<std::string>& paths);
bool has_image_extension(const std::string& path);

} // namespace clipflow
