#pragma once
// Finding and loading the detectors a command uses (shared by score and eval):
// command-line choices in, clipflow::Detector(Set)s out, errors printed as
// "clipflow COMMAND: ...".

#include <clipflow/detector.h>

#include <optional>
#include <string>
#include <vector>

namespace clipflow::cli {

// The folder holding the running executable (the default models are found from it, and
// the programs installed beside it: clipflow-intake, clipflow-report).
std::string executable_dir();

// --model MODEL, or the default detector of that kind; prints the reason and returns nullopt on failure.
std::optional<std::string> detector_path(const std::string& command, const std::optional<std::string>& model,
                                         DetectorKind kind = DetectorKind::ClipFlow);
// --clip and --bf16 as load parameters.
DetectorLoadParams load_params(const std::optional<std::string>& clip, bool bf16);
// Loads `count` copies (one per worker thread; at least one; one only with a CLIP backbone,
// which uses every core already).
std::vector<DetectorSet> load_detector_sets(const std::string& command, const DetectorSetParams& params, int count);

} // namespace clipflow::cli
