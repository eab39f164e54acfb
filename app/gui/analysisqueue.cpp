#include "analysisqueue.h"

#include "detectors.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QtConcurrent>

namespace clipflow::app {

AnalysisQueue::AnalysisQueue(Detectors* detectors, SettingsSource settings, QObject* parent)
    : QObject(parent), detectors_(detectors), settings_(std::move(settings))
{
    connect(&watcher_, &QFutureWatcher<std::shared_ptr<Analysis>>::finished, this, &AnalysisQueue::done);
}

AnalysisQueue::~AnalysisQueue()
{
    shutdown();
}

void AnalysisQueue::shutdown()
{
    // The analysis holds pointers to the detectors and the reader; a file still being
    // read is abandoned at once (the reader polls this every 100 ms).
    closing_->store(true);
    pending_.clear();
    watcher_.waitForFinished();
}

QStringList AnalysisQueue::enqueue(const QStringList& files)
{
    QStringList added;
    for (const QString& f : files) {
        if (pending_.contains(f) || added.contains(f)) continue;
        added << f;
    }
    pending_ << added;
    batch_total_ += int(added.size());
    startNext();
    return added;
}

QStringList AnalysisQueue::cancelQueued()
{
    QStringList dropped;
    dropped.swap(pending_);
    batch_total_ -= int(dropped.size());
    if (!running_) batch_total_ = batch_done_ = 0;
    return dropped;
}

double AnalysisQueue::secondsLeft() const
{
    if (batch_done_ == 0 || !batch_clock_.isValid()) return -1;
    const double per_file = double(batch_clock_.elapsed()) / 1000.0 / batch_done_;
    return per_file * (batch_total_ - batch_done_);
}

void AnalysisQueue::setReaderProgram(const QString& path)
{
    reader_program_ = path;
    reader_limit_ = -1; // rebuilt before the next file
}

void AnalysisQueue::startNext()
{
    if (running_ || pending_.isEmpty() || closing_->load()) return;
    const FileSettings s = settings_ ? settings_() : FileSettings{};
    if (s.time_limit_s != reader_limit_) {
        reader_.reset();
        reader_limit_ = s.time_limit_s;
        const QString exe = reader_program_.isEmpty()
                                ? QCoreApplication::applicationDirPath() + QStringLiteral("/clipflow-intake")
                                : reader_program_;
        if (s.time_limit_s > 0 && QFileInfo(exe).isExecutable()) {
            WorkerProcessParams params;
            params.argv = {exe.toStdString()};
            params.timeout_s = s.time_limit_s;
            params.startup_timeout_s = 60;
            params.abort = [closing = closing_] { return closing->load(); };
            reader_ = std::make_shared<IsolatedReader>(std::move(params));
        } else if (s.time_limit_s > 0) {
            qWarning("clipflow-forensics: %s not found; images are read without a per-file time limit", qPrintable(exe));
        }
    }
    if (batch_done_ == 0) batch_clock_.start();
    running_ = true;
    const QString file = pending_.takeFirst();
    detectors_->setScoring(s.scoring);
    // The next file is read ahead by the isolated reader while this one is analysed.
    watcher_.setFuture(QtConcurrent::run([file, detectors = detectors_, reader = reader_, provenance = s.provenance,
                                          closing = closing_, next = pending_.isEmpty() ? QString() : pending_.first()] {
        AnalyseOptions options;
        options.abort = [closing] { return closing->load(); };
        options.reader = reader;
        options.provenance = provenance;
        options.read_ahead = next;
        return std::make_shared<Analysis>(analyse_file(file, detectors, options));
    }));
    Q_EMIT started(file, batch_done_ + 1, batch_total_);
}

void AnalysisQueue::done()
{
    std::shared_ptr<Analysis> a = watcher_.result(); // shared: the window moves from it, nothing is copied
    running_ = false;
    ++batch_done_;
    // The batch ends with its last file: files queued from here on start a new one.
    if (pending_.isEmpty()) batch_total_ = batch_done_ = 0;
    Q_EMIT finished(a);
    startNext();
}

} // namespace clipflow::app
