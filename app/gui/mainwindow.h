#pragma once
// The main window: drop or open an image, see its hash, its stored pixels,
// its spectra and radial profiles, both detectors' scores and where it falls
// among natural images. Analysis runs on a worker thread (QtConcurrent);
// everything here runs on the GUI thread.

#include "analysis.h"

#include <QFutureWatcher>
#include <QMainWindow>

class QLabel;

namespace clipflow::widgets {
class ImageView;
class LikelihoodHistogram;
class SpectrumView;
} // namespace clipflow::widgets

namespace clipflow::app {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Starts a background analysis; the result appears when it finishes.
    void openFile(const QString& file);
    bool isBusy() const;

Q_SIGNALS:
    void analysisFinished(const QString& file, bool ok);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void chooseFile();
    void showAnalysis();

    QLabel* info_ = nullptr;
    QLabel* results_ = nullptr;
    widgets::ImageView* image_ = nullptr;
    widgets::SpectrumView* spectra_ = nullptr;
    widgets::LikelihoodHistogram* histogram_ = nullptr;
    Detectors detectors_;
    QFutureWatcher<Analysis> watcher_;
};

} // namespace clipflow::app
