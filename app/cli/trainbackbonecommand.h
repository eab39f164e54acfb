#pragma once

#include <string>
#include <vector>

namespace clipflow::cli {

extern const char* const kTrainBackboneHelp;
int run_train_backbone(std::vector<std::string> words);

} // namespace clipflow::cli
