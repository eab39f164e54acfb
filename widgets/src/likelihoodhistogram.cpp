#include "clipflow/widgets/likelihoodhistogram.h"

#include "qcustomplotinclude.h"

#include <QFileInfo>
#include <QFontMetricsF>
#include <QKeyEvent>
#include <QPainter>
#include <QScopeGuard>
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

double text_width(const QFontMetricsF& fm, const QString& text)
{
    double w = 0;
    for (const QString& line : text.split(QLatin1Char('\n'))) w = std::max(w, fm.horizontalAdvance(line));
    return w;
}

// Wrapped at spaces to at most room pixels a line; a word wider than that (a
// file name) keeps its start and end.
QString wrapped(const QString& text, const QFontMetricsF& fm, double room)
{
    QStringList out;
    for (const QString& paragraph : text.split(QLatin1Char('\n'))) {
        QString line;
        for (QString word : paragraph.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (fm.horizontalAdvance(word) > room) word = fm.elidedText(word, Qt::ElideMiddle, room);
            const QString joined = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
            if (!line.isEmpty() && fm.horizontalAdvance(joined) > room) {
                out << line;
                line = word;
            } else {
                line = joined;
            }
        }
        out << line;
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace

LikelihoodHistogram::LikelihoodHistogram(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    plot_->yAxis->setLabel(tr("Density"));
    // The legend in a row of its own above the plot: inside, it covered bars
    // wherever the natural scores happened to lie.
    plot_->legend->setVisible(true);
    plot_->plotLayout()->insertRow(0);
    plot_->axisRect()->insetLayout()->take(plot_->legend);
    auto* top = new QCPLayoutGrid; // centred at its own width between two stretching spacers
    plot_->plotLayout()->addElement(0, 0, top);
    top->addElement(0, 0, new QCPLayoutElement(plot_));
    top->addElement(0, 1, plot_->legend);
    top->addElement(0, 2, new QCPLayoutElement(plot_));
    top->setColumnStretchFactor(1, 0.001);
    top->setColumnSpacing(0);
    plot_->plotLayout()->setRowStretchFactor(0, 0.001);
    plot_->plotLayout()->setRowSpacing(0);
    plot_->legend->setBorderPen(Qt::NoPen);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->legend->setMargins(QMargins(4, 2, 4, 0));
    // Labels are fitted to the size actually drawn, on screen or in an export.
    connect(plot_, &QCustomPlot::afterLayout, this, &LikelihoodHistogram::fitLabels);
    // Labels above every line, so no line crosses another's text.
    plot_->addLayer(QStringLiteral("labels"), plot_->layer(QStringLiteral("main")), QCustomPlot::limAbove);
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
    if (!(total > 0)) return nullptr; // nothing counted: no bars, no legend entry
    const double width = (b.hi - b.lo) / static_cast<double>(n);
    QVector<double> x(n), y(n);
    for (qsizetype i = 0; i < n; ++i) {
        x[i] = b.lo + (static_cast<double>(i) + 0.5) * width;
        y[i] = b.counts[static_cast<std::size_t>(i)] / (total * width);
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
    labels_.clear();
    end_labels_.clear();
    // Ranges from the data alone (not rescaleAxes), so the view never depends on the widget's size.
    double lo = INFINITY, hi = -INFINITY, top = 0;
    std::vector<QCPBars*> open; // bars whose end bins count everything beyond
    for (const Bins* b : {&natural_, &proxy_}) {
        const QString natural = natural_label_.isEmpty() ? tr("natural images (held out)") : natural_label_;
        if (QCPBars* bar = bars(*b, b == &natural_ ? natural : tr("proxy images"), b == &natural_ ? kNatural : kProxy)) {
            if (b->open_ends) open.push_back(bar);
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
    endLabels(open);

    const QCPRange view = plot_->xAxis->range();
    auto vertical = [&](double x, const QColor& color, Qt::PenStyle style, const QString& text) {
        if (std::isnan(x)) return;                                  // no place on the axis: no line, no label
        const double shown = std::clamp(x, view.lower, view.upper); // pinned to the edge when far outside
        auto* line = new QCPItemStraightLine(plot_);
        line->point1->setCoords(shown, 0);
        line->point2->setCoords(shown, 1);
        line->setPen(QPen(color, 2, shown == x ? style : Qt::DotLine));
        auto* label = new QCPItemText(plot_);
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptAbsolute); // fitLabels() stacks them in pixels
        label->position->setCoords(shown, 0);
        // Pinned: the true score on a second line, with an arrow towards it.
        const QString full = shown == x ? text
                                        : text + QStringLiteral("\n%1 %2 %3")
                                                     .arg(x < shown ? QStringLiteral("◀") : QString())
                                                     .arg(x, 0, 'g', 3)
                                                     .arg(x > shown ? QStringLiteral("▶") : QString());
        label->setText(full);
        label->setColor(color);
        label->setPadding(QMargins(3, 1, 3, 1));
        label->setBrush(QBrush(QColor(255, 255, 255, 210)));
        label->setLayer(QStringLiteral("labels"));
        labels_.push_back({label, full, shown});
    };
    if (has_threshold_) vertical(threshold_, kThreshold, Qt::DashLine, thresholdLabel());
    for (const auto& m : markers_)
        vertical(m.score, kMarker, Qt::SolidLine, tr("%1: %2").arg(m.label, percentileText(m.percentile)));
    fitLegend(width());
    plot_->replot();
}

QString LikelihoodHistogram::percentileText(double percentile)
{
    const int decimals = percentile < 1 ? 2 : percentile > 99 ? 1 : 0;
    // Rounded up to 100 or down to 0 only where it is so (99.96 reads 99.9, not 100).
    const double scale = decimals == 2 ? 100 : decimals == 1 ? 10 : 1;
    double shown = std::round(percentile * scale) / scale;
    if (shown >= 100 && percentile < 100) shown = std::floor(percentile * scale) / scale;
    if (shown <= 0 && percentile > 0) shown = 1 / scale;
    return tr("percentile %1%").arg(shown, 0, 'f', decimals);
}

void LikelihoodHistogram::endLabels(const std::vector<QCPBars*>& open)
{
    // An open end bin holds every score beyond it (proxies reach -1e6): say so
    // above it, or its bar reads as a pile of scores at that value. One note per
    // end, above the taller of the bars there.
    for (const bool first : {true, false}) {
        double height = 0, edge = 0, inner = 0; // tallest end bar; the range's edge; the bin's other side
        for (const QCPBars* bar : open) {
            const auto d = first ? bar->data()->constBegin() : bar->data()->constEnd() - 1;
            if (d->value > height) {
                const double half = bar->width() / 2;
                height = d->value;
                edge = first ? d->key - half : d->key + half;
                inner = first ? d->key + half : d->key - half;
            }
        }
        if (!(height > 0)) continue;
        auto* text = new QCPItemText(plot_);
        text->setLayer(QStringLiteral("labels"));
        text->position->setCoords(edge, height);
        text->setPositionAlignment((first ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignBottom);
        text->setText(first ? tr("≤ %1").arg(inner, 0, 'g', 3) : tr("≥ %1").arg(inner, 0, 'g', 3));
        text->setColor(QColor(90, 90, 90));
        QFont font = text->font();
        font.setPointSizeF(font.pointSizeF() * 0.85);
        text->setFont(font);
        end_labels_.push_back(text);
    }
}

void LikelihoodHistogram::fitLegend(int width) const
{
    // One row when it fits the width drawn, else one entry per line.
    QCPLegend* legend = plot_->legend;
    legend->setWrap(0);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    if (legend->minimumOuterSizeHint().width() > width) {
        legend->setWrap(1);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    }
    // The score axis's label on two lines when one would be cut off, and
    // wrapped further when even those are too long (translations are longer).
    const QFontMetricsF fm(plot_->xAxis->labelFont());
    const double room = width - 70; // the value axis and its ticks take the rest
    const QString one = tr("Log-likelihood (nats/dim); lower = less like natural photos");
    const QString two = tr("Log-likelihood (nats/dim)\nlower = less like natural photos");
    plot_->xAxis->setLabel(text_width(fm, one) <= room ? one : text_width(fm, two) <= room ? two : wrapped(two, fm, room));
}

void LikelihoodHistogram::fitLabels()
{
    const QRect area = plot_->axisRect()->rect();
    if (area.width() < 8 || area.height() < 8) return; // not laid out yet
    // The end bins' notes stay where they are; the other labels avoid them and each other.
    std::vector<QRectF> placed;
    for (QCPItemText* e : end_labels_) placed.emplace_back(e->topLeft->pixelPosition(), e->bottomRight->pixelPosition());
    for (const Label& l : labels_) {
        const QFontMetricsF fm(l.item->font());
        const QMargins pad = l.item->padding();
        const double margin = pad.left() + pad.right() + 2;
        const double px = plot_->xAxis->coordToPixel(l.x);
        const double right = area.right() - px - margin, left = px - area.left() - margin;
        const double t = (px - area.left()) / area.width();
        // Beside its line (so it is clear which line it names), away from the
        // nearer edge if it fits there, else wherever it fits, else wrapped to
        // the roomier side.
        const Qt::Alignment preferred = t > 0.5 ? Qt::AlignRight : Qt::AlignLeft;
        auto room = [&](Qt::Alignment a) {
            return a == Qt::AlignLeft ? right : a == Qt::AlignRight ? left : 2 * std::min(left, right);
        };
        QString text = l.text;
        Qt::Alignment align = preferred;
        const double w = text_width(fm, text);
        if (w > room(align)) {
            align = w <= room(Qt::AlignLeft)      ? Qt::AlignLeft
                    : w <= room(Qt::AlignRight)   ? Qt::AlignRight
                    : w <= room(Qt::AlignHCenter) ? Qt::AlignHCenter
                                                  : Qt::Alignment();
            if (!align) {
                align = right >= left ? Qt::AlignLeft : Qt::AlignRight;
                text = wrapped(text, fm, std::max(fm.averageCharWidth() * 4, room(align)));
            }
        }
        const double tw = text_width(fm, text) + pad.left() + pad.right();
        const double th = fm.lineSpacing() * (text.count(QLatin1Char('\n')) + 1) + pad.top() + pad.bottom();
        const double x0 = align == Qt::AlignLeft ? px : align == Qt::AlignRight ? px - tw : px - tw / 2;
        // From the top down, below any label it would cover.
        QRectF r(x0, area.top() + 3, tw, th);
        for (bool moved = true; moved;) {
            moved = false;
            for (const QRectF& p : placed)
                if (r.intersects(p)) {
                    r.moveTop(p.bottom() + 2);
                    moved = true;
                }
        }
        placed.push_back(r);
        l.item->setText(text);
        l.item->setPositionAlignment(align | Qt::AlignTop);
        l.item->setTextAlignment(align | Qt::AlignTop);
        l.item->position->setCoords(l.x, r.top());
    }
}

void LikelihoodHistogram::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitLegend(width());
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
    fitLegend(width);
    const auto restore = qScopeGuard([this] { fitLegend(this->width()); });
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
    fitLegend(width);
    const auto restore = qScopeGuard([this] { fitLegend(this->width()); });
    return plot_->toPixmap(width, height, scale).toImage();
}

} // namespace clipflow::widgets
