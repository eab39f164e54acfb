#pragma once

#include <string>
#include <vector>

namespace clipflow::cli {

extern const char* const kTrainClassifierHelp;
int run_train_classifier(std::vector<std::string> words);

} // namespace clipflow::cli
