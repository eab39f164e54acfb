#include "detectors.h"

namespace clipflow::app {

void Detectors::load()
{
    loaded_ = true;
    const std::string dir = dir_.toStdString();
    if (auto path = find_default_detector(dir, "clipflow-default.safetensors")) {
        auto d = ClipFlowDetector::load(*path);
        if (d) {
            clipflow_.emplace(std::move(*d));
            calibration_ = std::make_shared<const Calibration>(clipflow_->info().calibration);
        } else
            error_ += QString::fromStdString(d.status().message()) + u'\n';
    } else {
        error_ += QString::fromStdString(path.status().message()) + u'\n';
    }
    if (auto path = find_default_detector(dir, "clipflow-supervised.safetensors")) {
        auto d = SupervisedDetector::load(*path);
        if (d)
            supervised_.emplace(std::move(*d));
        else
            error_ += QString::fromStdString(d.status().message()) + u'\n';
    } else {
        error_ += QString::fromStdString(path.status().message()) + u'\n';
    }
}

DetectorResults Detectors::score(const Raster& image)
{
    std::lock_guard lock(mutex_);
    if (!loaded_) load();
    DetectorResults r;
    r.error = error_.trimmed();
    if (clipflow_) {
        r.clipflow_model = QString::fromStdString(clipflow_->info().model_id);
        r.backbone = QString::fromStdString(clipflow_->info().backbone_id);
        r.calibration = calibration_;
        if (auto s = clipflow_->score(image))
            r.clipflow = std::move(*s);
        else
            r.error += QString::fromStdString(s.status().message());
    }
    if (supervised_) {
        r.supervised_model = QString::fromStdString(supervised_->info().model_id);
        if (auto s = supervised_->score(image))
            r.supervised = std::move(*s);
        else
            r.error += QString::fromStdString(s.status().message());
    }
    return r;
}

} // namespace clipflow::app
