#pragma once
// The main window: drop or open an image, see its hash, its stored pixels,
// its spectra and radial profiles. Analysis runs on a worker thread.

#include "analysis.h"

#include <QFutureWatcher>
#include <QMainWindow>

class QLabel;

namespace clipflow::widgets {
class RadialProfilePlot;
}

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
    QLabel* image_ = nullptr;
    QLabel* spectrum_ = nullptr;
    QLabel* residual_ = nullptr;
    widgets::RadialProfilePlot* profile_ = nullptr;
    QFutureWatcher<Analysis> watcher_;
};

} // namespace clipflow::app
