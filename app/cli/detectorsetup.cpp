#include "detectorsetup.h"

#include "optiontable.h"

#include <iostream>

namespace clipflow::cli {

std::string executable_dir()
{
    return running_program_dir();
}

std::optional<std::string> detector_path(const std::string& command, const std::optional<std::string>& model, DetectorKind kind)
{
    if (model) return *model;
    auto found = find_default_detector(executable_dir(), default_detector_file(kind));
    if (!found) {
        std::cerr << "clipflow " << command << ": " << found.status().message() << "\n";
        return std::nullopt;
    }
    return *found;
}

DetectorLoadParams load_params(const std::optional<std::string>& clip, bool bf16)
{
    DetectorLoadParams lp;
    lp.clip_load.bf16 = bf16;
    if (clip) lp.clip_model = *clip;
    return lp;
}

std::vector<DetectorSet> load_detector_sets(const std::string& command, const DetectorSetParams& params, int count)
{
    std::vector<DetectorSet> out;
    for (int i = 0; i < std::max(1, count); ++i) {
        auto s = DetectorSet::load(params);
        if (!s) {
            if (out.empty()) std::cerr << "clipflow " << command << ": " << s.status().message() << "\n";
            break;
        }
        const bool one_only = s->clip_backbone();
        out.push_back(std::move(*s));
        if (one_only) break;
    }
    return out;
}

} // namespace clipflow::cli
