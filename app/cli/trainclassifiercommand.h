#pragma once

#include <string>
#include <vector>

namespace clipflow::cli {

int run_train_classifier(std::vector<std::string> words);

} // namespace clipflow::cli
