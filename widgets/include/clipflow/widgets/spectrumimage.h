#pragma once
// SpectrumImage: one centred 2D log-power spectrum in a perceptually uniform
// colour map, with a dB scale bar and the detected peaks circled (and their
// conjugate partners). Plain data in; used by SpectrumView and ProxyPreview.
// P switches the colour map between viridis and magma. GUI thread only.

#include "clipflow/widgets/colormap.h"

#include <QImage>
#include <QWidget>

#include <vector>

namespace clipflow::widgets {

class SpectrumImage : public QWidget {
    Q_OBJECT
public:
    struct Peak {
        double fx = 0.0, fy = 0.0; // cycles/pixel; the centre is DC, the edges are +-0.5
    };

    explicit SpectrumImage(QWidget* parent = nullptr);

    // Row-major dB values of a centred spectrum (DC in the middle).
    void setSpectrum(const std::vector<float>& db, int width, int height, const QString& title = {});
    void setPeaks(const std::vector<Peak>& peaks);
    void setPalette(ColorMap::Palette palette);

    // Where a frequency is drawn, in widget coordinates.
    QPointF frequencyToWidget(double fx, double fy) const;
    QRectF imageRect() const;
    float scaleLow() const { return lo_; }
    float scaleHigh() const { return hi_; }
    QSize sizeHint() const override { return {320, 300}; }

    ColorMap::Palette colorPalette() const { return map_.palette(); }

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void render();

    std::vector<float> db_;
    int w_ = 0, h_ = 0;
    QString title_;
    std::vector<Peak> peaks_;
    ColorMap map_;
    QImage image_;
    float lo_ = 0, hi_ = 0;
};

} // namespace clipflow::widgets
