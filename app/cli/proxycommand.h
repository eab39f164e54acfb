#pragma once

#include <string>
#include <vector>

namespace clipflow::cli {

extern const char* const kProxyHelp;
int run_proxy(std::vector<std::string> words);

} // namespace clipflow::cli
