#pragma once
// Finding and loading the detector a command should use (shared by score and eval).

#include <clipflow/clipflowdetector.h>

#include <optional>
#include <string>

namespace clipflow::cli {

// --model MODEL or the default detector; prints the reason and returns nullopt on failure.
std::optional<std::string> detector_path(const std::string& command, const std::optional<std::string>& model);
// bf16: bfloat16 compute for CLIP backbones (CPUs with AVX-512 BF16, or CUDA).
Result<ClipFlowDetector> load_detector(const std::string& path, const std::optional<std::string>& clip, bool bf16 = false);

} // namespace clipflow::cli
