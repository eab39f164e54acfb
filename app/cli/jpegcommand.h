#pragma once

#include <string>
#include <vector>

namespace clipflow::cli {

// `clipflow jpeg IMAGE|FOLDER... [--json] [--ela DIR]`; returns the exit code.
int run_jpeg(std::vector<std::string> args);

} // namespace clipflow::cli
