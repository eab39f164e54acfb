#include "clipflow/widgets/likelihoodhistogram.h"

#include "qcustomplotinclude.h"

#include <QFileInfo>
#include <QKeyEvent>
#include <QPainter>
#include <QSvgGenerator>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace clipflow::widgets {

namespace {

const QColor kNatural(68, 1, 84);  // viridis ends: dark purple ...
const QColor kProxy(253, 231, 37); // ... and yellow, distinct for colour-blind readers too
const QColor kThreshold(200, 30, 30);
const QColor kMarker(33, 145, 140);

} // namespace

LikelihoodHistogram::LikelihoodHistogram(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    plot_->xAxis->setLabel(tr("Log-likelihood (nats/dim); lower = less like natural photos"));
    plot_->yAxis->setLabel(tr("Density"));
    plot_->legend->setVisible(true);
    // Bottom centre: the bars sit at the sides (proxies left, natural right), labels at the top.
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignHCenter);
    plot_->legend->setBrush(QColor(255, 255, 255, 200));
    plot_->setAccessibleName(tr("Likelihood histogram of natural images"));
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->axisRect()->setRangeDrag(Qt::Horizontal);
    plot_->axisRect()->setRangeZoom(Qt::Horizontal);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumHeight(180);
}

void LikelihoodHistogram::setNatural(const Bins& bins)
{
    natural_ = bins;
    rebuild();
}

void LikelihoodHistogram::setNaturalLabel(const QString& label)
{
    natural_label_ = label;
    rebuild();
}

void LikelihoodHistogram::setProxy(const Bins& bins)
{
    proxy_ = bins;
    rebuild();
}

void LikelihoodHistogram::setThreshold(double score, double fpr, double confidence)
{
    threshold_ = score;
    fpr_ = fpr;
    confidence_ = confidence;
    has_threshold_ = std::isfinite(score);
    rebuild();
}

QString LikelihoodHistogram::thresholdLabel() const
{
    if (!has_threshold_) return {};
    if (confidence_ > 0.0)
        return tr("threshold (at most %1% false positives, %2% confidence)")
            .arg(fpr_ * 100, 0, 'g', 3)
            .arg(confidence_ * 100, 0, 'g', 3);
    return tr("threshold (%1% false positives)").arg(fpr_ * 100, 0, 'g', 3);
}

void LikelihoodHistogram::setMarkers(const std::vector<Marker>& markers)
{
    markers_ = markers;
    rebuild();
}

QCPBars* LikelihoodHistogram::bars(const Bins& b, const QString& name, const QColor& color)
{
    const auto n = static_cast<qsizetype>(b.counts.size());
    if (n == 0 || !(b.hi > b.lo)) return nullptr;
    double total = 0;
    for (double c : b.counts) total += c;
    const double width = (b.hi - b.lo) / static_cast<double>(n);
    QVector<double> x(n), y(n);
    for (qsizetype i = 0; i < n; ++i) {
        x[i] = b.lo + (static_cast<double>(i) + 0.5) * width;
        y[i] = total > 0 ? b.counts[static_cast<std::size_t>(i)] / (total * width) : 0.0;
    }
    auto* bars = new QCPBars(plot_->xAxis, plot_->yAxis);
    bars->setName(name);
    bars->setWidth(width);
    bars->setData(x, y, true);
    QColor fill = color;
    fill.setAlpha(140);
    bars->setBrush(fill);
    bars->setPen(QPen(color.darker(120), 1));
    return bars;
}

void LikelihoodHistogram::rebuild()
{
    plot_->clearPlottables();
    plot_->clearItems();
    // Ranges from the data alone (not rescaleAxes), so the view never depends on the widget's size.
    double lo = INFINITY, hi = -INFINITY, top = 0;
    for (const Bins* b : {&natural_, &proxy_}) {
        const QString natural = natural_label_.isEmpty() ? tr("natural images (held out)") : natural_label_;
        if (QCPBars* bar = bars(*b, b == &natural_ ? natural : tr("proxy images"), b == &natural_ ? kNatural : kProxy)) {
            lo = std::min(lo, b->lo);
            hi = std::max(hi, b->hi);
            for (auto it = bar->data()->constBegin(); it != bar->data()->constEnd(); ++it) top = std::max(top, it->value);
        }
    }
    // Markers and the threshold widen the view only moderately; anything further
    // out is pinned to the edge with its value in the label.
    const bool have_bins = std::isfinite(lo);
    const double span = have_bins ? hi - lo : 0.0;
    auto widen = [&](double x) {
        if (!have_bins || (x >= lo - span && x <= hi + span)) {
            lo = std::min(lo, x);
            hi = std::max(hi, x);
        }
    };
    for (const auto& m : markers_) widen(m.score);
    if (has_threshold_) widen(threshold_);
    if (!(hi > lo)) {
        lo = std::isfinite(lo) ? lo - 1 : -1;
        hi = lo + 2;
    }
    const double pad = (hi - lo) * 0.05;
    plot_->xAxis->setRange(lo - pad, hi + pad);
    plot_->yAxis->setRange(0, top > 0 ? top * 1.25 : 1.0);

    const QCPRange view = plot_->xAxis->range();
    auto vertical = [&](double x, const QColor& color, Qt::PenStyle style, const QString& text, double height) {
        const double shown = std::clamp(x, view.lower, view.upper); // pinned to the edge when far outside
        auto* line = new QCPItemStraightLine(plot_);
        line->point1->setCoords(shown, 0);
        line->point2->setCoords(shown, 1);
        line->setPen(QPen(color, 2, shown == x ? style : Qt::DotLine));
        auto* label = new QCPItemText(plot_);
        label->position->setType(QCPItemPosition::ptPlotCoords);
        label->position->setCoords(shown, plot_->yAxis->range().upper * height);
        // Labels grow away from the nearer edge, so they stay inside the plot.
        const double t = (shown - view.lower) / view.size();
        label->setPositionAlignment((t > 0.6 ? Qt::AlignRight : t < 0.4 ? Qt::AlignLeft : Qt::AlignHCenter) | Qt::AlignBottom);
        // Pinned: the true score on a second line, with an arrow towards it.
        label->setText(shown == x ? text
                                  : text + QStringLiteral("\n%1 %2 %3")
                                               .arg(x < shown ? QStringLiteral("◀") : QString())
                                               .arg(x, 0, 'g', 3)
                                               .arg(x > shown ? QStringLiteral("▶") : QString()));
        label->setColor(color);
        label->setPadding(QMargins(3, 1, 3, 1));
        label->setBrush(QBrush(QColor(255, 255, 255, 210)));
    };
    if (has_threshold_) vertical(threshold_, kThreshold, Qt::DashLine, thresholdLabel(), 0.93);
    for (std::size_t i = 0; i < markers_.size(); ++i) {
        const auto& m = markers_[i];
        vertical(m.score, kMarker, Qt::SolidLine,
                 tr("%1: percentile %2").arg(m.label).arg(m.percentile, 0, 'f', m.percentile < 1 ? 2 : 0),
                 0.80 - 0.14 * static_cast<double>(i % 4));
    }
    plot_->replot();
}

void LikelihoodHistogram::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Home) {
        rebuild();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

double LikelihoodHistogram::markerPixelX(int i) const
{
    const double x = i < 0 ? threshold_ : markers_.at(static_cast<std::size_t>(i)).score;
    const QCPRange view = plot_->xAxis->range();
    return plot_->xAxis->coordToPixel(std::clamp(x, view.lower, view.upper)); // pinned like the drawing
}

bool LikelihoodHistogram::exportTo(const QString& path, int width, int height)
{
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == QLatin1String("png")) return plot_->savePng(path, width, height);
    if (ext == QLatin1String("pdf")) return plot_->savePdf(path, width, height);
    if (ext != QLatin1String("svg")) return false;
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(QSize(width, height));
    svg.setViewBox(QRect(0, 0, width, height));
    svg.setTitle(tr("Likelihood histogram"));
    QCPPainter painter;
    if (!painter.begin(&svg)) return false;
    plot_->toPainter(&painter, width, height);
    painter.end();
    return QFileInfo(path).size() > 0;
}

QImage LikelihoodHistogram::toImage(int width, int height, double scale) const
{
    return plot_->toPixmap(width, height, scale).toImage();
}

} // namespace clipflow::widgets
