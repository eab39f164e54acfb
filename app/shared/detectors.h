#pragma once
// The active detectors (CLIP-Flow and supervised), shared by every analysis.
// Loaded on first use, on the worker thread that first needs them; a mutex
// keeps scoring to one thread at a time, as the detectors require. Intake and
// spectra run in parallel outside the lock. Every method is thread-safe.

#include <clipflow/clipflowdetector.h>
#include <clipflow/superviseddetector.h>

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
    std::optional<DetectorScore> clipflow;
    std::optional<SupervisedScore> supervised;
    QString clipflow_model, supervised_model; // model ids
    QString backbone;
    std::shared_ptr<const Calibration> calibration; // the CLIP-Flow model's, for the histogram (shared, not copied per image)
    // The image was among those a model trained or calibrated on: its score says little.
    bool clipflow_seen = false, supervised_seen = false;
    std::shared_ptr<const ModelCards> cards; // of the models that scored this image (shared, not copied)
    QString error;                           // why a detector is missing, if one is

    // One detector calls the image natural and the other does not.
    bool disagree() const
    {
        return clipflow && supervised &&
               (clipflow->calibrated.verdict_code == "natural") != (supervised->verdict_code == "natural");
    }
};

class Detectors {
public:
    // models_dir: the program's folder, where the shipped defaults are found.
    explicit Detectors(QString exe_dir) : dir_(std::move(exe_dir)) {}

    // Empty paths select the shipped defaults; "-" switches a detector off.
    // Takes effect at the next score() (models are reloaded then).
    void select(const QString& clipflow_model, const QString& supervised_model);
    DetectorResults score(const Raster& image, const std::string& sha256 = {});
    ModelCards cards(); // loads the models if needed (so not for the GUI thread: results carry their cards)

private:
    void load();
    QString dir_;
    QString clipflow_choice_, supervised_choice_;
    std::mutex mutex_;
    bool loaded_ = false;
    std::optional<ClipFlowDetector> clipflow_;
    std::optional<SupervisedDetector> supervised_;
    std::shared_ptr<const Calibration> calibration_;
    std::shared_ptr<const ModelCards> cards_;
    QString error_;
};

} // namespace clipflow::app
