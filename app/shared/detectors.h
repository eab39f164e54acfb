#pragma once
// The active detectors (core's DetectorSet of CLIP-Flow and supervised), shared by every analysis.
// Loaded on first use, on the worker thread that first needs them; a mutex
// keeps scoring to one thread at a time, as the detectors require. Intake and
// spectra run in parallel outside the lock. Every method is thread-safe.

#include <clipflow/detector.h>

#include <QString>

#include <memory>
#include <mutex>
#include <optional>

namespace clipflow::app {

// What each loaded model says about itself (the model cards).
struct ModelCards {
    std::optional<ClipFlowModelInfo> clipflow;
    std::optional<SupervisedModelInfo> supervised;
    QString clipflow_path, supervised_path;
    QString error;
};

struct DetectorResults {
    DetectorSetScore scores;                        // each detector's answer; core owns the disagreement rule and the JSON
    std::shared_ptr<const Calibration> calibration; // the CLIP-Flow model's, for the histogram (shared, not copied per image)
    std::shared_ptr<const ModelCards> cards;        // of the models that scored this image (shared, not copied)
    QString error;                                  // why a detector is missing, if one is

    const DetectorScore* score(DetectorKind kind) const { return scores.find(kind); }
    const ClipFlowScore* clipflow() const
    {
        const auto* s = score(DetectorKind::ClipFlow);
        return s && s->clipflow ? &*s->clipflow : nullptr;
    }
    const SupervisedScore* supervised() const
    {
        const auto* s = score(DetectorKind::Supervised);
        return s && s->supervised ? &*s->supervised : nullptr;
    }
    QString model_id(DetectorKind kind) const
    {
        const auto* s = score(kind);
        return s ? QString::fromStdString(s->model_id) : QString();
    }
    QString backbone(DetectorKind kind = DetectorKind::ClipFlow) const
    {
        const auto* s = score(kind);
        return s ? QString::fromStdString(s->backbone_id) : QString();
    }
    // The image was among those a model trained or calibrated on: its score says little.
    bool seen(DetectorKind kind) const
    {
        const auto* s = score(kind);
        return s && s->seen;
    }
    // One detector calls the image natural and another does not.
    bool disagree() const { return scores.disagree(); }
};

class Detectors {
public:
    // models_dir: the program's folder, where the shipped defaults are found.
    explicit Detectors(QString exe_dir) : dir_(std::move(exe_dir)) {}

    // Empty paths select the shipped defaults; "-" switches a detector off.
    // Takes effect at the next score() (models are reloaded then).
    void select(const QString& clipflow_model, const QString& supervised_model);
    // Robustness checks and the inconclusive band for the next score() calls.
    void setScoring(const ScoreParams& params);
    // kind: the file's delivered_copy and uncalibrated_format (ScoreParams); the rest comes from the settings.
    DetectorResults score(const Raster& image, const std::string& sha256 = {}, const ScoreParams& kind = {});
    // The CLIP-Flow detector's tile map (core's ScoreMap); an error when none is loaded.
    Result<ScoreMap> scoreMap(const Raster& image, const ScoreMapParams& params = {});
    ModelCards cards(); // loads the models if needed (so not for the GUI thread: results carry their cards)

private:
    void load();
    QString dir_;
    QString clipflow_choice_, supervised_choice_;
    std::mutex mutex_;
    bool loaded_ = false;
    DetectorSet set_;
    ScoreParams scoring_;
    std::shared_ptr<const Calibration> calibration_;
    std::shared_ptr<const ModelCards> cards_;
};

} // namespace clipflow::app
