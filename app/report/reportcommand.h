#pragma once

#include <string>
#include <vector>

namespace clipflow::cli {

extern const char* const kReportHelp;
// `clipflow report`: analyses the images (or a case's evidence) and writes the PDF case report.
int run_report(std::vector<std::string> words);

} // namespace clipflow::cli
