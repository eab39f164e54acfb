#pragma once
// TrainingMonitor: live loss curves of a training job (natural and proxy NLL
// for CLIP-Flow, real and AI cross-entropy for the supervised detector) with
// its throughput and ETA. Feed it one point per progress report; no core types.
// The wheel zooms and dragging pans the epoch axis; Home follows the whole run again.
// GUI thread only.

#include <QWidget>

class QCustomPlot;
class QLabel;

namespace clipflow::widgets {

class TrainingMonitor : public QWidget {
    Q_OBJECT
public:
    explicit TrainingMonitor(QWidget* parent = nullptr);

    // Curve names, e.g. "natural NLL" / "proxy NLL"; an empty second name leaves one
    // curve (no legend entry, no right axis). xLabel: what x counts (default "Epoch").
    void setSeriesNames(const QString& first, const QString& second, const QString& xLabel = QString());
    void clear();
    // x: fractional epoch (epoch - 1 + step fraction).
    void addPoint(double x, double first, double second);
    void setStatus(int epoch, int epochs, double samples_per_s, double eta_s, const QString& device);
    int pointCount() const;
    QString statusText() const;
    QCustomPlot* plot() const { return plot_; }
    bool following() const { return follow_; } // rescales as points arrive

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void rescale();
    QCustomPlot* plot_;
    QLabel* status_;
    bool follow_ = true;
};

} // namespace clipflow::widgets
