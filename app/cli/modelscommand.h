#pragma once

#include <string>
#include <vector>

namespace clipflow::cli {

// `clipflow models list [--json]` and `clipflow models install FILE [--name NAME]`.
int run_models(std::vector<std::string> args);

} // namespace clipflow::cli
