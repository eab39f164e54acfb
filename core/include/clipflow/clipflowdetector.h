#pragma once
// Scoring with a trained CLIP-Flow detector.
//
//   auto det = clipflow::ClipFlowDetector::load("clipflow-default.safetensors");
//   auto ev = clipflow::load_evidence("suspect.jpg");
//   auto s = det->score(ev->pixels);   // s->calibrated.p_value, ai_score, verdict
//
// Threads: score() may be called from one thread at a time per detector
// (a CLIP backbone owns LibTorch's thread pool); load one detector per worker
// for parallel forensic scoring.

#include "clipflow/backbone.h"
#include "clipflow/calibration.h"
#include "clipflow/clipflowmodel.h"
#include "clipflow/programdir.h"
#include "clipflow/result.h"
#include "clipflow/scoremap.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace clipflow {

struct DetectorLoadParams {
    std::string clip_model;       ///< CLIP checkpoint for clip backbones; empty: looked up by SHA-256 among installed models
    std::string models_dir;       ///< installed models; empty: ModelRegistry::default_dir()
    std::string learned_backbone; ///< forensic-v2 weights; empty: beside the detector, installed, then shipped models
    std::string second_backbone;  ///< a second reading's forensic-v2 weights; empty: looked up as learned_backbone is
    ClipLoadParams clip_load;
};

struct ClipFlowScore {
    CalibratedScore calibrated;
    /// One per view (scoring_views()); calibrated.log_likelihood is their mean, or for a model
    /// read in either orientation the larger of the two halves' means (views, transposed views).
    std::vector<double> view_log_likelihoods;
};

class ClipFlowDetector {
public:
    static Result<ClipFlowDetector> load(const std::string& path, const DetectorLoadParams& params = {});

    ClipFlowDetector(ClipFlowDetector&&) noexcept;
    ClipFlowDetector& operator=(ClipFlowDetector&&) noexcept;
    ~ClipFlowDetector();

    const ClipFlowModelInfo& info() const;
    /// For a detector with a second reading (info().second_reading), both backbones over the
    /// same views: feature rows are the first's values, then the second's.
    const Backbone& backbone() const;

    Result<ClipFlowScore> score(const Raster& image) const;
    /// The views score() reads: the backbone's scoring views of the image and, for a model read
    /// in either orientation (ClipFlowModelInfo::orientation), then each of them transposed.
    std::vector<Raster> scoring_views(const Raster& image) const;
    /// Reads the model in either orientation, or as stored ("either" / "stored"), from now on:
    /// for recalibration, which then scores the calibration photos the same way.
    Status set_orientation(const std::string& orientation);
    /// Per-tile scores over the image (see scoremap.h); each tile is scored as score()
    /// scores an image of that size. Aborted when params.abort says so.
    Result<ScoreMap> score_map(const Raster& image, const ScoreMapParams& params = {}) const;
    /// The image's log-likelihood (nats/dim) from precomputed feature rows, one per view in
    /// scoring_views() order: score_from_features()'s, uncalibrated.
    Result<double> score_features(const std::vector<std::vector<float>>& views) const;
    /// score() from the backbone's features of this detector's scoring_views(image) (batched scoring).
    Result<ClipFlowScore> score_from_features(const std::vector<std::vector<float>>& views) const;
    /// The flow's log-likelihood of each feature row: several images' views in one pass (with a
    /// second reading, the two flows' readings combined: SecondReading::combine).
    Result<std::vector<float>> view_log_likelihoods(const std::vector<std::vector<float>>& rows) const;
    /// With a second reading: each flow's own log-likelihood of each row (the first's, the second's).
    Result<std::pair<std::vector<float>, std::vector<float>>>
    reading_log_likelihoods(const std::vector<std::vector<float>>& rows) const;
    /// score() from one image's view log-likelihoods, in scoring_views() order.
    Result<ClipFlowScore> score_from_log_likelihoods(std::vector<float> view_log_likelihoods) const;

private:
    ClipFlowDetector();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Where a default detector lives: the environment variable (for the CLIP-Flow
/// default, $CLIPFLOW_DEFAULT_MODEL; for forensic-v2.safetensors, $CLIPFLOW_DEFAULT_BACKBONE; for the supervised one,
/// $CLIPFLOW_DEFAULT_SUPERVISED_MODEL), then `EXE_DIR/../share/clipflow/models/NAME`
/// (build tree and installed layouts alike), then the user's models folder.
Result<std::string> find_default_detector(const std::string& exe_dir, const std::string& name = "clipflow-default.safetensors");

} // namespace clipflow
