#pragma once

#include <string>
#include <vector>

namespace clipflow::cli {

extern const char* const kEvalHelp;
int run_eval(std::vector<std::string> words);

} // namespace clipflow::cli
