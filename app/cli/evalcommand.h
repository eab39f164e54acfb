#pragma once

#include <string>
#include <vector>

namespace clipflow::cli {

int run_eval(std::vector<std::string> words);

} // namespace clipflow::cli
