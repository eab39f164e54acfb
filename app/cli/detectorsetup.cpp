#include "detectorsetup.h"

#include "args.h"

#include <algorithm>
#include <iostream>

namespace clipflow::cli {

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

std::vector<Detector> load_detectors(const std::string& command, const std::string& path, const DetectorLoadParams& params,
                                     int count)
{
    std::vector<Detector> out;
    for (int i = 0; i < std::max(1, count); ++i) {
        auto d = Detector::load(path, params);
        if (!d) {
            if (out.empty()) std::cerr << "clipflow " << command << ": " << path << ": " << d.status().message() << "\n";
            break;
        }
        const bool one_only = d->clip_backbone();
        out.push_back(std::move(*d));
        if (one_only) break;
    }
    return out;
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
        const auto& ds = s->detectors();
        const bool one_only = std::any_of(ds.begin(), ds.end(), [](const Detector& d) { return d.clip_backbone(); });
        out.push_back(std::move(*s));
        if (one_only) break;
    }
    return out;
}

} // namespace clipflow::cli
