#pragma once

#include <string>
#include <vector>

namespace clipflow::cli {

int run_add_generator(std::vector<std::string> words);

} // namespace clipflow::cli
