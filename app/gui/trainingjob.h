#pragma once
// A training run on a worker thread, through core's job API: a CLIP-Flow
// detector, or the forensic-v2 backbone from natural photos. The
// object lives on the GUI thread; start() hands the work to QtConcurrent and
// every signal arrives queued on the GUI thread. cancel() is honoured within a
// training step; the per-epoch checkpoint stays, and starting again with the
// same output resumes from it.

#include <clipflow/backbonetraining.h>
#include <clipflow/clipflowtraining.h>

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

namespace clipflow::app {

struct TrainingRequest {
    enum class What { Detector, Backbone };
    What what = What::Detector;
    QStringList natural_files;
    QString out_path;
    QString backbone = QStringLiteral("forensic"); // "forensic" or a CLIP checkpoint path
    QString clip_layer = QStringLiteral("proj");
    bool proxy_only = false; // objective: proxies only, or combined (default)
    int epochs = 60;
    int steps = 8000;  // backbone only: optimiser steps
    QString init_path; // backbone only: forensic-v2 weights to start from; empty: random
    // Detector only: which photos the false-positive bound holds for (clipflowtraining.h). AsTaken: the
    // held-out photos as they are; Everywhere: one threshold, also for them delivered small; Copies: small
    // JPEG copies read against the photos delivered small, every other image against them as taken.
    enum class Bound { AsTaken, Everywhere, Copies };
    Bound bound = Bound::AsTaken;
    // Detector only: read images in either orientation (ClipFlowTrainParams::orientation), as the shipped
    // default does, so a photo saved turned a quarter keeps the bound; false: as stored.
    bool either_orientation = true;
    // Both: the decoder proxies are drawn between the photo and themselves at a strength in [this, 1]
    // (ProxyParams::decoder_strength_min); 1, the default, leaves them whole.
    double decoder_strength = 1.0;
    // Backbone only: the network reads every image with its chroma averaged over 2 x 2 blocks, as the
    // shipped second reading's does (BackboneTrainParams::halve_chroma); starting weights must read so too.
    bool halve_chroma = false;
    // Detector only, on forensic-v2: also train a second reading over the shipped chroma-halved network
    // with the decoder proxies, and join it, as the shipped default is made
    // (ClipFlowTrainParams::second_reading). The joined file carries the delivered bound (bound
    // AsTaken reads as Everywhere).
    bool second_reading = false;
    QString device = QStringLiteral("auto");
    QString cache_dir = QStringLiteral("default");
};

class TrainingJob : public QObject {
    Q_OBJECT
public:
    explicit TrainingJob(QObject* parent = nullptr);
    ~TrainingJob() override; // cancels and waits

    bool start(const TrainingRequest& request); // false while one is running
    void cancel();
    bool isRunning() const { return running_; }
    // A checkpoint from an interrupted run with this output exists (a reading's, for a detector read
    // twice): starting resumes it.
    static bool canResume(const QString& out_path);
    static QString deviceDescription(const QString& device = QStringLiteral("auto"));

Q_SIGNALS:
    // stage as core names it ("features", "training", "calibration", "saving").
    void progress(const QString& stage, long done, long total, double eta_s);
    // A detector read twice: 1 and 2 as each reading's flow is made, 3 as both are joined.
    void readingChanged(int reading);
    // One point per progress report of the flow: fractional epoch and both losses.
    void trainingPoint(double epoch, double natural_nll, double proxy_nll, int epochs, double samples_per_s, double eta_s);
    // The backbone's running training loss, once per progress report.
    void lossPoint(int step, double loss, int steps);
    void finished(bool ok, const QString& model_path, const QString& message);

private:
    void startBackbone(const TrainingRequest& request);
    std::shared_ptr<std::atomic<bool>> abort_;
    QFutureWatcher<QString> watcher_;
    QString out_;
    bool running_ = false;
    int reading_ = 0;
};

} // namespace clipflow::app
