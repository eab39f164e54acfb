#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clipflow::cli {

// `--ghost-grid X,Y` (jpeg, report): columns and rows past the image's grid, 0..7 each; nullopt if malformed.
std::optional<std::pair<int, int>> parse_ghost_grid(const std::string& text);

// `clipflow jpeg IMAGE|FOLDER... [--json] [--ela DIR]`; returns the exit code.
int run_jpeg(std::vector<std::string> args);

} // namespace clipflow::cli
