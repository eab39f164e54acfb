#include "detectorsetup.h"

#include "args.h"

#include <clipflow/modelregistry.h>

#include <iostream>

namespace clipflow::cli {

std::optional<std::string> detector_path(const std::string& command, const std::optional<std::string>& model)
{
    if (model) return *model;
    auto found = find_default_detector(executable_dir());
    if (!found) {
        std::cerr << "clipflow " << command << ": " << found.status().message() << "\n";
        return std::nullopt;
    }
    return *found;
}

Result<ClipFlowDetector> load_detector(const std::string& path, const std::optional<std::string>& clip, bool bf16)
{
    DetectorLoadParams lp;
    lp.clip_load.bf16 = bf16;
    if (clip) {
        auto resolved = ModelRegistry().resolve(*clip);
        if (!resolved) return resolved.status();
        lp.clip_model = *resolved;
    }
    return ClipFlowDetector::load(path, lp);
}

} // namespace clipflow::cli
