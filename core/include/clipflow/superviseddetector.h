#pragma once
// Scoring with a supervised detector: p_ai, the most likely generator, a
// probability per generator, and an open-set answer ("unknown") when no known
// generator fits.
//
//   auto det = clipflow::SupervisedDetector::load("clipflow-supervised.safetensors");
//   auto s = det->score(evidence.pixels);
//   s->p_ai; s->generator; s->generator_probs;
//
// Probabilities are temperature-scaled on a validation split. generator_probs
// are conditional on the image being AI-made (they sum to 1). The generator is
// "unknown" when the image's embedding lies beyond the predicted class's
// 99th-percentile training radius, or no generator reaches 50%.
// Read in either orientation (a recalibrated model's scoring.orientation), the
// image's views and the same views transposed are two readings: the one with
// the larger log(p_real / p_ai) is the answer, so a photo saved turned a
// quarter reads as the original.
// The level: a model calibrated on natural photos it never saw (clipflow
// recalibrate; SupervisedModelInfo::calibration) reads log(p_real / p_ai)
// against them as CLIP-Flow reads its likelihood, with the same bound on false
// positives; an uncalibrated model flags p_ai >= 0.5 (weak < 0.7, moderate
// < 0.9, else strong), which bounds nothing: on natural photos unlike its
// training photos it flags half (docs/method.md).
// Threads: like ClipFlowDetector, one scoring thread per detector.

#include "clipflow/backbone.h"
#include "clipflow/clipflowdetector.h"
#include "clipflow/supervisedmodel.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clipflow {

struct SupervisedScore {
    double p_ai = 0.0;
    double ai_score = 0.0;      ///< p_ai; with a calibration its ai_score (calibration.h)
    double log_odds_real = 0.0; ///< log(p_real / p_ai), from the logits (finite where p_ai rounds to 0 or 1)
    /// With a calibration: log_odds_real (as log_likelihood) read against the natural photos.
    std::optional<CalibratedScore> calibrated;
    std::string generator; ///< empty when the level is natural; "unknown" when no known generator fits
    bool unknown_generator = false;
    double distance = 0.0;                                       ///< to the best generator's centroid, in units of its radius
    std::vector<std::pair<std::string, double>> generator_probs; ///< given AI, descending
    std::string verdict, verdict_code;                           ///< the level (see above)
};

class SupervisedDetector {
public:
    static Result<SupervisedDetector> load(const std::string& path, const DetectorLoadParams& params = {});

    SupervisedDetector(SupervisedDetector&&) noexcept;
    SupervisedDetector& operator=(SupervisedDetector&&) noexcept;
    ~SupervisedDetector();

    const SupervisedModelInfo& info() const;
    const Backbone& backbone() const;

    Result<SupervisedScore> score(const Raster& image) const;
    /// From precomputed backbone features of one image's scoring_views(), in that order.
    Result<SupervisedScore> score_features(const std::vector<std::vector<float>>& views) const;
    /// The backbone's scoring views; for a model read in either orientation
    /// (SupervisedModelInfo::orientation), then each of them transposed.
    std::vector<Raster> scoring_views(const Raster& image) const;
    /// Reads the model in either orientation, or as stored ("either" / "stored"), from now on:
    /// recalibration's, whose new bound holds for that reading only.
    Status set_orientation(const std::string& orientation);

private:
    SupervisedDetector();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace clipflow
