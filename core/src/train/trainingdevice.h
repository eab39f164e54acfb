#pragma once
// Where a training job runs (internal, no torch): its "auto" / "cpu" / "cuda"
// setting is read once, up front, so that a job meant for a GPU is refused before
// minutes of photo or feature work rather than crawling along on the CPU.

#include "clipflow/result.h"

#include <string>

namespace clipflow::detail {

/// true: CUDA, false: the CPU. "auto" takes CUDA when LibTorch sees a GPU; "cuda"
/// without one, or any other word, is an InvalidArgument error.
Result<bool> training_on_cuda(const std::string& device);

} // namespace clipflow::detail
