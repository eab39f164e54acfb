#pragma once

#include <string>
#include <vector>

namespace clipflow::cli {

// `clipflow spectrum IMAGE... [--out PNG] [--json]`; returns the exit code.
int run_spectrum(std::vector<std::string> args);

} // namespace clipflow::cli
