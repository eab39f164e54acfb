#include "detectorsetup.h"

#include "args.h"

#include <clipflow/modelregistry.h>

#include <iostream>

namespace clipflow::cli {

Result<AnyDetector> AnyDetector::load(const std::string& path, const std::optional<std::string>& clip, bool bf16)
{
    DetectorLoadParams lp;
    lp.clip_load.bf16 = bf16;
    if (clip) {
        auto resolved = ModelRegistry().resolve(*clip);
        if (!resolved) return resolved.status();
        lp.clip_model = *resolved;
    }
    auto kind = detector_kind(path);
    if (!kind) return kind.status();
    AnyDetector d;
    d.kind_ = *kind;
    if (*kind == "clipflow") {
        auto det = ClipFlowDetector::load(path, lp);
        if (!det) return det.status();
        d.clipflow_.emplace(std::move(*det));
    } else {
        auto det = SupervisedDetector::load(path, lp);
        if (!det) return det.status();
        d.supervised_.emplace(std::move(*det));
    }
    return d;
}

std::string AnyDetector::model_id() const
{
    return clipflow_ ? clipflow_->info().model_id : supervised_->info().model_id;
}

std::string AnyDetector::backbone_id() const
{
    return clipflow_ ? clipflow_->info().backbone_id : supervised_->info().backbone_id;
}

bool AnyDetector::clip_backbone() const
{
    return (clipflow_ ? clipflow_->info().backbone_type : supervised_->info().backbone_type) == "clip";
}

bool AnyDetector::trained_on(const std::string& sha256) const
{
    return clipflow_ ? clipflow_->info().trained_on(sha256) : supervised_->info().trained_on(sha256);
}

Result<nlohmann::json> AnyDetector::score(const Raster& image) const
{
    nlohmann::json j{{"detector", kind_}, {"model_id", model_id()}, {"backbone", backbone_id()}};
    if (clipflow_) {
        auto s = clipflow_->score(image);
        if (!s) return s.status();
        const auto& c = s->calibrated;
        j["log_likelihood"] = rounded(c.log_likelihood, 1e-5);
        j["percentile"] = rounded(c.percentile, 1e-3);
        j["p_value"] = c.p_value < 1e-4 ? c.p_value : rounded(c.p_value, 1e-6);
        j["p_extrapolated"] = c.p_extrapolated;
        j["ai_score"] = rounded(c.ai_score, 1e-4);
        j["verdict"] = c.verdict;
        j["verdict_code"] = c.verdict_code;
        j["views"] = s->view_log_likelihoods.size();
        return j;
    }
    auto s = supervised_->score(image);
    if (!s) return s.status();
    j["p_ai"] = rounded(s->p_ai, 1e-5);
    j["ai_score"] = rounded(s->ai_score, 1e-4);
    j["generator"] = s->generator.empty() ? nlohmann::json(nullptr) : nlohmann::json(s->generator);
    j["unknown_generator"] = s->unknown_generator;
    nlohmann::json probs = nlohmann::json::object();
    for (const auto& [name, p] : s->generator_probs) probs[name] = rounded(p, 1e-4);
    j["generator_probs"] = probs;
    j["distance"] = rounded(s->distance, 1e-3);
    j["verdict"] = s->verdict;
    j["verdict_code"] = s->verdict_code;
    return j;
}

Result<double> AnyDetector::evidence(const Raster& image) const
{
    if (clipflow_) {
        auto s = clipflow_->score(image);
        if (!s) return s.status();
        return -s->calibrated.log_likelihood;
    }
    auto s = supervised_->score(image);
    if (!s) return s.status();
    return s->p_ai;
}

double AnyDetector::evidence_threshold() const
{
    return clipflow_ ? -clipflow_->info().calibration.threshold() : 0.5;
}

std::optional<std::string> detector_path(const std::string& command, const std::optional<std::string>& model,
                                         const std::string& kind)
{
    if (model) return *model;
    auto found = find_default_detector(executable_dir(),
                                       kind == "supervised" ? "clipflow-supervised.safetensors" : "clipflow-default.safetensors");
    if (!found) {
        std::cerr << "clipflow " << command << ": " << found.status().message() << "\n";
        return std::nullopt;
    }
    return *found;
}

std::vector<AnyDetector> load_detectors(const std::string& command, const std::string& path,
                                        const std::optional<std::string>& clip, bool bf16, int count)
{
    std::vector<AnyDetector> out;
    for (int i = 0; i < std::max(1, count); ++i) {
        auto d = AnyDetector::load(path, clip, bf16);
        if (!d) {
            if (out.empty()) std::cerr << "clipflow " << command << ": " << path << ": " << d.status().message() << "\n";
            break;
        }
        const bool one_only = d->clip_backbone(); // a CLIP backbone uses every core already
        out.push_back(std::move(*d));
        if (one_only) break;
    }
    return out;
}

} // namespace clipflow::cli
