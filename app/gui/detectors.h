#pragma once
// The default detectors (CLIP-Flow and supervised), shared by every analysis.
// Loaded on first use, on the worker thread that first needs them; a mutex
// keeps scoring to one thread at a time, as the detectors require. Intake and
// spectra run in parallel outside the lock.

#include <clipflow/clipflowdetector.h>
#include <clipflow/superviseddetector.h>

#include <QString>

#include <memory>
#include <mutex>
#include <optional>

namespace clipflow::app {

struct DetectorResults {
    std::optional<DetectorScore> clipflow;
    std::optional<SupervisedScore> supervised;
    QString clipflow_model, supervised_model; // model ids
    QString backbone;
    std::shared_ptr<const Calibration> calibration; // the CLIP-Flow model's, for the histogram (shared, not copied per image)
    QString error;                                  // why a detector is missing, if one is
};

class Detectors {
public:
    explicit Detectors(QString models_dir) : dir_(std::move(models_dir)) {}
    DetectorResults score(const Raster& image); // thread-safe

private:
    void load();
    QString dir_;
    std::mutex mutex_;
    bool loaded_ = false;
    std::optional<ClipFlowDetector> clipflow_;
    std::optional<SupervisedDetector> supervised_;
    std::shared_ptr<const Calibration> calibration_;
    QString error_;
};

} // namespace clipflow::app
