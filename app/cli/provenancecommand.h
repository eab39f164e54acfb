#pragma once

#include <string>
#include <vector>

namespace clipflow::cli {

// `clipflow provenance IMAGE|FOLDER... [--json] [--trust FILE.pem]`; returns the exit code.
int run_provenance(std::vector<std::string> args);

} // namespace clipflow::cli
