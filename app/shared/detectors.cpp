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

// Loads one detector kind into `slot` unless switched off ("-"); failures add to `error`.
template <class Detector>
static void load_one(const QString& choice, const QString& exe_dir, const char* default_name, std::optional<Detector>& slot,
                     QString& path_out, QString& error)
{
    if (choice == QLatin1String("-")) return;
    auto path = model_path(choice, exe_dir, default_name);
    if (!path) {
        error += QString::fromStdString(path.status().message()) + u'\n';
        return;
    }
    auto d = Detector::load(*path);
    if (!d) {
        error += QString::fromStdString(d.status().message()) + u'\n';
        return;
    }
    slot.emplace(std::move(*d));
    path_out = QString::fromStdString(*path);
}

void Detectors::load()
{
    loaded_ = true;
    error_.clear();
    clipflow_.reset();
    supervised_.reset();
    calibration_.reset();
    auto cards = std::make_shared<ModelCards>();
    load_one(clipflow_choice_, dir_, "clipflow-default.safetensors", clipflow_, cards->clipflow_path, error_);
    load_one(supervised_choice_, dir_, "clipflow-supervised.safetensors", supervised_, cards->supervised_path, error_);
    if (clipflow_) {
        cards->clipflow = clipflow_->info();
        calibration_ = std::make_shared<const Calibration>(clipflow_->info().calibration);
    }
    if (supervised_) cards->supervised = supervised_->info();
    cards->error = error_.trimmed();
    cards_ = std::move(cards);
}

ModelCards Detectors::cards()
{
    std::lock_guard lock(mutex_);
    if (!loaded_) load();
    return *cards_;
}

DetectorResults Detectors::score(const Raster& image, const std::string& sha256)
{
    std::lock_guard lock(mutex_);
    if (!loaded_) load();
    DetectorResults r;
    r.error = error_.trimmed();
    r.cards = cards_;
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
