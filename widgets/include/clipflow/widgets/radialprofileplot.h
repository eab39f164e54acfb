#pragma once
// Radial power profiles (dB against cycles/pixel) on a QCustomPlot, one
// coloured curve per series. Plain vectors in; no core types.

#include <QImage>
#include <QWidget>

#include <vector>

class QCustomPlot;

namespace clipflow::widgets {

class RadialProfilePlot : public QWidget {
    Q_OBJECT
public:
    explicit RadialProfilePlot(QWidget* parent = nullptr);

    void clear();
    // Adds one curve; frequencies and values_db must have the same length.
    void addSeries(const QString& name, const std::vector<float>& frequencies, const std::vector<float>& values_db,
                   const QColor& color);
    // A shaded band between two curves (e.g. the range of natural images); drawn beneath later series.
    void addBand(const QString& name, const std::vector<float>& frequencies, const std::vector<float>& lower_db,
                 const std::vector<float>& upper_db, const QColor& color);
    int seriesCount() const;
    // The plot as a picture (for reports); scale multiplies the pixel size, not the layout.
    QImage toImage(int width, int height, double scale = 2.0) const;
    QCustomPlot* plot() const { return plot_; }

private:
    QCustomPlot* plot_ = nullptr;
};

} // namespace clipflow::widgets
