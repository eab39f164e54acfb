#pragma once
// What every CLI command shares: JSON building blocks, so each output line names
// evidence the same way; the images its inputs stand for; its exit status.

#include "checkedexit.h" // checked_exit, for every command

#include <clipflow/evidence.h>
#include <clipflow/imagepaths.h>
#include <clipflow/status.h>

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace clipflow::cli {

// Rounds for compact, stable JSON (profiles are dB; 1e-3 is ample).
double rounded(double value, double step = 1e-4);
nlohmann::json rounded_array(const std::vector<float>& values, double step = 1e-3);

// {"file","sha256","width","height","format",...} for one intake result.
nlohmann::json evidence_fields(const EvidenceInfo& info);
// name_format_note() as JSON: null when the name fits the file, else the sentence.
nlohmann::json name_format_json(const EvidenceInfo& info);
// {"file","error","error_code"}
nlohmann::json error_line(const std::string& file, const Status& status);
// One output line, without its newline; invalid UTF-8 in file names is replaced, not thrown on.
std::string dump_line(const nlohmann::json& j);
// Prints one command's output line: the JSON, or read as text `print_text(line)`, an error line as
// "FILE: message" on standard error. Returns false for an error line.
bool print_line(const nlohmann::json& line, const std::string& file, bool json,
                const std::function<void(const nlohmann::json&)>& print_text);
// The images `inputs` stand for (clipflow/imagepaths.h). Each folder that gave none is said on
// standard error as "PATH: why", as a failed file is, and counted in `problems`, so that the
// command exits 1 as for one: a mistyped or unreadable folder must not pass as an empty batch.
std::vector<std::string> image_inputs(const std::vector<std::string>& inputs, int& problems);
// Says each folder that gave no images on standard error, as above; true when there was one.
bool say_folder_problems(const std::vector<FolderProblem>& problems);
// A worker's reply line to one request: `handle(path)` for a request naming a file
// (clipflow/workerprocess.h encoding), an error line for anything else.
std::string answer_file_request(const std::string& request, const std::function<nlohmann::json(const std::string&)>& handle);

} // namespace clipflow::cli
