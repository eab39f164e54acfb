#pragma once
// LikelihoodHistogram: where an image's score falls among natural images.
// Shows the calibration histogram of held-out natural scores (and optionally
// their proxies'), the detector's threshold, and one marker per image with
// its percentile. Plain numbers in (a detector's calibration, copied by the
// app); no core types. Exports to PNG, SVG or PDF.
//
// The mouse wheel zooms and dragging pans the score axis; Home resets it.
// Labels stay inside the plot at any width: each grows away from the nearer
// edge, wraps (eliding a long file name in the middle) where it does not fit,
// and moves down past the labels it would cover. The legend sits above the plot.
// GUI thread only, like every widget.

#include <QImage>
#include <QString>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPBars;
class QCPItemText;

namespace clipflow::widgets {

class LikelihoodHistogram : public QWidget {
    Q_OBJECT
public:
    struct Bins {
        double lo = 0.0, hi = 0.0;  // range of the equal-width bins
        std::vector<double> counts; // one per bin
        bool open_ends = false;     // the first and last bins also count every score beyond them (as calibrations store them)
    };
    struct Marker {
        QString label;         // e.g. the file name
        double score = 0.0;    // log-likelihood, nats/dim
        double percentile = 0; // among natural images, 0..100
    };

    explicit LikelihoodHistogram(QWidget* parent = nullptr);

    // "percentile 0.93%": a percentile with its unit, so that 0.9 is not read as the
    // 90th; two decimals below 1, one above 99 (never "100%" short of it), else none.
    // The window's detector pane and the report say it the same way.
    static QString percentileText(double percentile);

    // Histograms are normalised to densities so natural and proxy sets of any size compare.
    void setNatural(const Bins& bins);
    // The natural bars' legend entry; empty: "natural images (held out)".
    void setNaturalLabel(const QString& label);
    void setProxy(const Bins& bins); // empty or all-zero counts hide it
    // confidence > 0: the threshold bounds the false-positive rate at fpr with that
    // confidence (the label says "at most"); 0: fpr is the plain rate on held-out photos.
    void setThreshold(double score, double fpr, double confidence = 0.0);
    QString thresholdLabel() const;
    void setMarkers(const std::vector<Marker>& markers);
    int markerCount() const { return static_cast<int>(markers_.size()); }
    // Horizontal pixel of marker i (or of the threshold with i = -1) in plot()
    // coordinates; scores far outside the histogram are pinned to its edge.
    double markerPixelX(int i) const;
    // By extension: .png, .svg or .pdf. False (with nothing written) for anything else or a write error.
    bool exportTo(const QString& path, int width = 900, int height = 500);
    // The plot as a picture (for reports); scale multiplies the pixel size, not the layout.
    QImage toImage(int width, int height, double scale = 2.0) const;

    QCustomPlot* plot() const { return plot_; }

protected:
    void keyPressEvent(QKeyEvent* event) override; // Home: back to the full view after wheel zoom or drag
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Label {
        QCPItemText* item = nullptr;
        QString text; // in full; what is drawn may be wrapped or elided
        double x = 0; // score where its line is drawn (pinned to the view)
    };
    void rebuild();
    void endLabels(const std::vector<QCPBars*>& open);
    void fitLabels();                // after every layout, for the size being drawn (screen or export)
    void fitLegend(int width) const; // the legend's wrap for the width drawn (plot_ is not this widget's state)
    QCPBars* bars(const Bins& b, const QString& name, const QColor& color);

    QCustomPlot* plot_;
    Bins natural_, proxy_;
    QString natural_label_;
    double threshold_ = 0.0, fpr_ = 0.0, confidence_ = 0.0;
    bool has_threshold_ = false;
    std::vector<Marker> markers_;
    std::vector<Label> labels_;
    std::vector<QCPItemText*> end_labels_;
};

} // namespace clipflow::widgets
