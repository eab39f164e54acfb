#pragma once

#include <string>
#include <vector>

namespace clipflow::cli {

extern const char* const kScoreHelp;
int run_score(std::vector<std::string> words);

} // namespace clipflow::cli
