#pragma once

#include <string>
#include <vector>

namespace clipflow::cli {

// `clipflow models list [--json]` and `clipflow models install FILE [--name NAME]`.
int run_models(std::vector<std::string> args);
extern const char* const kModelsHelp;

} // namespace clipflow::cli
