#pragma once

#include <string>
#include <vector>

namespace clipflow::cli {

int run_recalibrate(std::vector<std::string> words);

} // namespace clipflow::cli
