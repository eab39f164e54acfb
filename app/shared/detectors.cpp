#include "detectors.h"

namespace clipflow::app {
namespace {

// The chosen file, or the shipped default when none was chosen.
Result<std::string> model_path(const QString& choice, const QString& exe_dir, const char* default_name)
{
    if (!choice.isEmpty()) return choice.toStdString();
    return find_default_detector(exe_dir.toStdString(), default_name);
}

} // namespace

void Detectors::select(const QString& clipflow_model, const QString& supervised_model)
{
    std::lock_guard lock(mutex_);
    if (clipflow_model == clipflow_choice_ && supervised_model == supervised_choice_) return;
    clipflow_choice_ = clipflow_model;
    supervised_choice_ = supervised_model;
    loaded_ = false;
}

void Detectors::load()
{
    loaded_ = true;
    error_.clear();
    clipflow_.reset();
    supervised_.reset();
    calibration_.reset();
    clipflow_path_.clear();
    supervised_path_.clear();
    if (clipflow_choice_ != QLatin1String("-")) {
        if (auto path = model_path(clipflow_choice_, dir_, "clipflow-default.safetensors")) {
            auto d = ClipFlowDetector::load(*path);
            if (d) {
                clipflow_.emplace(std::move(*d));
                clipflow_path_ = QString::fromStdString(*path);
                calibration_ = std::make_shared<const Calibration>(clipflow_->info().calibration);
            } else
                error_ += QString::fromStdString(d.status().message()) + u'\n';
        } else {
            error_ += QString::fromStdString(path.status().message()) + u'\n';
        }
    }
    if (supervised_choice_ != QLatin1String("-")) {
        if (auto path = model_path(supervised_choice_, dir_, "clipflow-supervised.safetensors")) {
            auto d = SupervisedDetector::load(*path);
            if (d) {
                supervised_.emplace(std::move(*d));
                supervised_path_ = QString::fromStdString(*path);
            } else
                error_ += QString::fromStdString(d.status().message()) + u'\n';
        } else {
            error_ += QString::fromStdString(path.status().message()) + u'\n';
        }
    }
}

ModelCards Detectors::cards()
{
    std::lock_guard lock(mutex_);
    if (!loaded_) load();
    ModelCards c;
    if (clipflow_) c.clipflow = clipflow_->info();
    if (supervised_) c.supervised = supervised_->info();
    c.clipflow_path = clipflow_path_;
    c.supervised_path = supervised_path_;
    c.error = error_.trimmed();
    return c;
}

DetectorResults Detectors::score(const Raster& image, const std::string& sha256)
{
    std::lock_guard lock(mutex_);
    if (!loaded_) load();
    DetectorResults r;
    r.error = error_.trimmed();
    if (clipflow_) {
        const auto& info = clipflow_->info();
        r.clipflow_model = QString::fromStdString(info.model_id);
        r.backbone = QString::fromStdString(info.backbone_id);
        r.calibration = calibration_;
        r.clipflow_seen = !sha256.empty() && (info.trained_on(sha256) || info.calibrated_on(sha256));
        if (auto s = clipflow_->score(image))
            r.clipflow = std::move(*s);
        else
            r.error += QString::fromStdString(s.status().message());
    }
    if (supervised_) {
        r.supervised_model = QString::fromStdString(supervised_->info().model_id);
        r.supervised_seen = !sha256.empty() && supervised_->info().trained_on(sha256);
        if (auto s = supervised_->score(image))
            r.supervised = std::move(*s);
        else
            r.error += QString::fromStdString(s.status().message());
    }
    return r;
}

} // namespace clipflow::app
