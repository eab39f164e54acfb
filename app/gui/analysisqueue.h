#pragma once
// The window's queue of files to analyse: one file at a time on a worker thread
// (QtConcurrent), each read first by an isolated `clipflow-intake` under
// the per-file time limit, the next file of the queue read ahead meanwhile. It
// owns the reader process and the running analysis; the window only shows what
// it reports. All members are called, and all signals emitted, on the thread
// that owns the queue (the GUI thread).

#include "analysis.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace clipflow::app {

class Detectors;

class AnalysisQueue : public QObject {
    Q_OBJECT
public:
    // What applies to the next file, asked for just before it starts (preferences
    // apply from the next file).
    struct FileSettings {
        double time_limit_s = 0; // <= 0: read in process, without a limit
        ScoreParams scoring;
        ProvenanceParams provenance;
    };
    using SettingsSource = std::function<FileSettings()>;

    // `detectors` must outlive the queue; the queue sets their scoring before each file.
    AnalysisQueue(Detectors* detectors, SettingsSource settings, QObject* parent = nullptr);
    ~AnalysisQueue() override; // shutdown()

    // Appends the files not queued already (in order) and starts the first when idle.
    // Returns those appended.
    QStringList enqueue(const QStringList& files);
    // Drops every queued file that has not started (the running one finishes); returns them.
    QStringList cancelQueued();
    bool contains(const QString& file) const { return pending_.contains(file); }
    // From a file's start until the window has been told it finished, or files are waiting.
    bool isBusy() const { return running_ || !pending_.isEmpty(); }
    bool isEmpty() const { return pending_.isEmpty(); }

    // The batch: files started or waiting since the queue was last idle, and those done.
    int batchTotal() const { return batch_total_; }
    int batchDone() const { return batch_done_; }
    // Seconds left for the batch, from the files done so far; negative before the first is done.
    double secondsLeft() const;

    // The isolated reader's program (default: `clipflow` beside this program); applies from the next file.
    void setReaderProgram(const QString& path);
    // The reader of the running or last file (null: in process), for other jobs on the same files.
    std::shared_ptr<IsolatedReader> reader() const { return reader_; }
    // Set when the queue shuts down: long jobs that borrowed the reader poll it.
    std::shared_ptr<std::atomic<bool>> closing() const { return closing_; }
    // Abandons a file still being read at once and waits for the running analysis.
    void shutdown();

Q_SIGNALS:
    // `index` counts from 1 within the batch of `total`.
    void started(const QString& file, int index, int total);
    // One per started file, in the order started; on return the next file starts.
    // The receiver may take the analysis (move from it).
    void finished(std::shared_ptr<clipflow::app::Analysis> analysis);

private:
    void startNext();
    void done();

    Detectors* detectors_;
    SettingsSource settings_;
    QStringList pending_;
    bool running_ = false;
    int batch_total_ = 0, batch_done_ = 0;
    QElapsedTimer batch_clock_; // since the batch's first file started
    std::shared_ptr<IsolatedReader> reader_;
    QString reader_program_;
    double reader_limit_ = -1;
    std::shared_ptr<std::atomic<bool>> closing_ = std::make_shared<std::atomic<bool>>(false);
    QFutureWatcher<std::shared_ptr<Analysis>> watcher_;
};

} // namespace clipflow::app
