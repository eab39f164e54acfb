#pragma once

#include <string>
#include <vector>

namespace clipflow::cli {

extern const char* const kAddGeneratorHelp;
int run_add_generator(std::vector<std::string> words);

} // namespace clipflow::cli
