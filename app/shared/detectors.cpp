#include "detectors.h"

namespace clipflow::app {

void Detectors::select(const QString& clipflow_model, const QString& supervised_model)
{
    std::lock_guard lock(mutex_);
    if (clipflow_model == clipflow_choice_ && supervised_model == supervised_choice_) return;
    clipflow_choice_ = clipflow_model;
    supervised_choice_ = supervised_model;
    loaded_ = false;
}

void Detectors::setScoring(const ScoreParams& params)
{
    std::lock_guard lock(mutex_);
    scoring_ = params;
}

void Detectors::load()
{
    loaded_ = true;
    DetectorSetParams params;
    params.clipflow_model = clipflow_choice_.toStdString();
    params.supervised_model = supervised_choice_.toStdString();
    params.exe_dir = dir_.toStdString();
    params.keep_going = true; // one missing model must not take the other's answer away
    auto set = DetectorSet::load(params);
    set_ = set ? std::move(*set) : DetectorSet();
    calibration_.reset();
    auto cards = std::make_shared<ModelCards>();
    cards->error = QString::fromStdString(set ? set_.errors() : set.status().message()).trimmed();
    if (const Detector* d = set_.find(DetectorKind::ClipFlow)) {
        cards->clipflow = d->clipflow()->info();
        cards->clipflow_path = QString::fromStdString(d->path());
        calibration_ = std::make_shared<const Calibration>(d->clipflow()->info().calibration);
    }
    if (const Detector* d = set_.find(DetectorKind::Supervised)) {
        cards->supervised = d->supervised()->info();
        cards->supervised_path = QString::fromStdString(d->path());
    }
    cards_ = std::move(cards);
}

ModelCards Detectors::cards()
{
    std::lock_guard lock(mutex_);
    if (!loaded_) load();
    return *cards_;
}

DetectorResults Detectors::score(const Raster& image, const std::string& sha256, const ScoreParams& kind)
{
    std::lock_guard lock(mutex_);
    if (!loaded_) load();
    DetectorResults r;
    r.error = cards_->error;
    r.cards = cards_;
    if (set_.find(DetectorKind::ClipFlow)) r.calibration = calibration_;
    ScoreParams scoring = scoring_;
    scoring.delivered_copy = kind.delivered_copy;
    scoring.uncalibrated_format = kind.uncalibrated_format;
    if (auto s = set_.score(image, sha256, scoring)) {
        r.scores = std::move(*s);
        if (!r.scores.error.empty())
            r.error += (r.error.isEmpty() ? QString() : QStringLiteral("\n")) + QString::fromStdString(r.scores.error);
    } else {
        r.error += QString::fromStdString(s.status().message());
    }
    return r;
}

Result<ScoreMap> Detectors::scoreMap(const Raster& image, const ScoreMapParams& params)
{
    std::lock_guard lock(mutex_);
    if (!loaded_) load();
    const Detector* d = set_.find(DetectorKind::ClipFlow);
    if (!d) return Status(ErrorCode::NotFound, "no CLIP-Flow detector is loaded");
    return d->score_map(image, params);
}

} // namespace clipflow::app
