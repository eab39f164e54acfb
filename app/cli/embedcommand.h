#pragma once

#include <string>
#include <vector>

namespace clipflow::cli {

// `clipflow embed --clip MODEL [--layer proj|cls|all] IMAGE... --json`
int run_embed(std::vector<std::string> args);

} // namespace clipflow::cli
