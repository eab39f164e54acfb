#pragma once
// Finding and loading the detectors a command uses (shared by score and eval).
// A detector file says which kind it is; AnyDetector hides the difference.

#include "jsonfields.h"

#include <clipflow/clipflowdetector.h>
#include <clipflow/superviseddetector.h>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace clipflow::cli {

class AnyDetector {
public:
    static Result<AnyDetector> load(const std::string& path, const std::optional<std::string>& clip, bool bf16);

    const std::string& kind() const { return kind_; } // "clipflow" or "supervised"
    std::string model_id() const;
    std::string backbone_id() const;
    bool clip_backbone() const;
    bool trained_on(const std::string& sha256) const;
    // Detector-specific JSON fields for one image (detector, model_id, backbone, scores, verdict).
    Result<nlohmann::json> score(const Raster& image) const;
    // A single number, higher = more AI-like, and the model's own threshold on it.
    Result<double> evidence(const Raster& image) const;
    double evidence_threshold() const;

private:
    std::string kind_;
    std::optional<ClipFlowDetector> clipflow_;
    std::optional<SupervisedDetector> supervised_;
};

// --model MODEL, or the default detector of that kind; prints the reason and returns nullopt on failure.
std::optional<std::string> detector_path(const std::string& command, const std::optional<std::string>& model,
                                         const std::string& kind = "clipflow");
// Loads `count` copies (one per worker thread; at least one), printing errors as "clipflow COMMAND: ...".
std::vector<AnyDetector> load_detectors(const std::string& command, const std::string& path,
                                        const std::optional<std::string>& clip, bool bf16, int count);

} // namespace clipflow::cli
