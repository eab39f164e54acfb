#pragma once

#include <string>
#include <vector>

namespace clipflow::cli {

extern const char* const kTrainHelp;
int run_train(std::vector<std::string> words);

} // namespace clipflow::cli
