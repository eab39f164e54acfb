#pragma once
// Expands the paths given on the command line: folders recurse to the image
// files inside them (sorted), explicit files are kept as given.

#include <string>
#include <vector>

namespace clipflow::cli {

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths);
bool has_image_extension(const std::string& path);

} // namespace clipflow::cli
