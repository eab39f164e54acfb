#include "trainingjob.h"

#include <clipflow/clipflowdetector.h>
#include <clipflow/flowtrainer.h>
#include <clipflow/learnedbackbone.h>

#include <QCoreApplication>

#include <QFileInfo>
#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace clipflow::app {

TrainingJob::TrainingJob(QObject* parent) : QObject(parent)
{
    connect(&watcher_, &QFutureWatcher<QString>::finished, this, [this] {
        running_ = false;
        const QString error = watcher_.result();
        Q_EMIT finished(error.isEmpty(), error.isEmpty() ? out_ : QString(), error);
    });
}

TrainingJob::~TrainingJob()
{
    cancel();
    watcher_.waitForFinished();
}

bool TrainingJob::canResume(const QString& out_path)
{
    for (const QString& part : {QString(), QStringLiteral(".reading1"), QStringLiteral(".reading2")})
        if (QFileInfo::exists(out_path + part + QStringLiteral(".ckpt"))) return true;
    return false;
}

QString TrainingJob::deviceDescription(const QString& device)
{
    return QString::fromStdString(describe_training_device(device.toStdString()));
}

bool TrainingJob::start(const TrainingRequest& request)
{
    if (running_) return false;
    running_ = true;
    out_ = request.out_path;
    abort_ = std::make_shared<std::atomic<bool>>(false);
    if (request.what == TrainingRequest::What::Backbone) {
        startBackbone(request);
        return true;
    }
    ClipFlowTrainParams p;
    for (const QString& f : request.natural_files) p.natural_files.push_back(f.toStdString());
    p.out_path = request.out_path.toStdString();
    if (request.backbone.startsWith(QLatin1String("forensic-v2:"))) {
        p.backbone.type = "forensic-v2";
        p.backbone.weights = request.backbone.mid(12).toStdString();
    } else if (request.backbone != QLatin1String("forensic")) {
        p.backbone.type = "clip";
        p.backbone.clip_model = request.backbone.toStdString();
        p.backbone.layer = request.clip_layer.toStdString();
    }
    p.train.objective = request.proxy_only ? FlowObjective::ProxyOnly : FlowObjective::Combined;
    p.train.epochs = request.epochs;
    p.delivery_calibration = request.bound != TrainingRequest::Bound::AsTaken;
    p.delivery_scope = request.bound == TrainingRequest::Bound::Copies ? DeliveredScope::Copies : DeliveredScope::Everywhere;
    p.orientation = request.either_orientation ? "either" : "stored";
    p.proxy.decoder_strength_min = static_cast<float>(request.decoder_strength);
    if (request.second_reading) {
        auto halved = find_default_detector(QCoreApplication::applicationDirPath().toStdString(), LearnedBackbone::kHalvedFile);
        if (!halved || p.backbone.type != "forensic-v2") {
            running_ = false;
            // Reported as a finished run, as every other failure is (queued: the caller's slot runs after start()).
            const QString why = !halved ? QString::fromStdString(halved.status().message())
                                        : tr("a second reading needs the forensic-v2 backbone");
            QMetaObject::invokeMethod(
                this, [this, why] { Q_EMIT finished(false, QString(), why); }, Qt::QueuedConnection);
            return true;
        }
        SecondReadingTrainParams second;
        second.backbone.type = "forensic-v2";
        second.backbone.weights = *halved;
        second.ops = {ProxyOp::VaeDecoder, ProxyOp::UpsamplingCascade}; // the shipped default's second flow
        p.second_reading = std::move(second);                           // the join scores the held-out photos as delivered too
    }
    reading_ = 0;
    p.train.device = request.device.toStdString();
    p.cache_dir = request.cache_dir.toStdString();
    p.abort = [flag = abort_] { return flag->load(); };
    // Progress arrives on the worker thread; QPointer guards a job destroyed meanwhile
    // (the destructor waits, so this is belt and braces).
    QPointer<TrainingJob> self(this);
    p.progress = [self](const JobProgress& j) {
        const QString stage = QString::fromStdString(j.stage);
        const auto t = j.train;
        QMetaObject::invokeMethod(self, [self, stage, j, t] {
            if (!self) return;
            if (j.reading != self->reading_) Q_EMIT self->readingChanged(self->reading_ = j.reading);
            Q_EMIT self->progress(stage, j.done, j.total, j.eta_s);
            if (stage == QLatin1String("training") && t.epochs > 0) {
                const double frac = t.steps_per_epoch > 0 ? double(t.step % t.steps_per_epoch) / double(t.steps_per_epoch) : 0.0;
                const double x = t.epoch_end ? double(t.epoch) : double(t.epoch - 1) + frac;
                Q_EMIT self->trainingPoint(x, t.natural_nll, t.proxy_nll, t.epochs, t.samples_per_s, t.eta_s);
            }
        });
    };
    watcher_.setFuture(QtConcurrent::run([p] {
        auto r = train_clipflow_detector(p);
        return r ? QString() : QString::fromStdString(r.status().message());
    }));
    return true;
}

void TrainingJob::startBackbone(const TrainingRequest& request)
{
    BackboneTrainParams p;
    for (const QString& f : request.natural_files) p.natural_files.push_back(f.toStdString());
    p.out_path = request.out_path.toStdString();
    p.steps = request.steps;
    p.init_path = request.init_path.toStdString();
    p.decoder_strength_min = static_cast<float>(request.decoder_strength);
    p.halve_chroma = request.halve_chroma;
    p.device = request.device.toStdString();
    p.abort = [flag = abort_] { return flag->load(); };
    QPointer<TrainingJob> self(this);
    p.progress = [self, steps = p.steps](const JobProgress& j) {
        const QString stage = QString::fromStdString(j.stage);
        QMetaObject::invokeMethod(self, [self, stage, j, steps] {
            if (!self) return;
            Q_EMIT self->progress(stage, j.done, j.total, j.eta_s);
            if (stage == QLatin1String("training")) Q_EMIT self->lossPoint(int(j.train.step), j.train.loss, steps);
        });
    };
    watcher_.setFuture(QtConcurrent::run([p] {
        auto r = train_learned_backbone(p);
        return r ? QString() : QString::fromStdString(r.status().message());
    }));
}

void TrainingJob::cancel()
{
    if (abort_) abort_->store(true);
}

} // namespace clipflow::app
