#include "clipflow/widgets/radialprofileplot.h"

#include "qcustomplotinclude.h"

#include <QVBoxLayout>

namespace clipflow::widgets {

RadialProfilePlot::RadialProfilePlot(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    plot_->xAxis->setLabel(tr("Frequency (cycles/pixel)"));
    plot_->yAxis->setLabel(tr("Power (dB)"));
    plot_->xAxis->setRange(0, 0.5);
    plot_->legend->setVisible(false); // shown with the first named curve: an empty legend is a stray box
    plot_->setAccessibleName(tr("Radial power profile"));
    setMinimumHeight(160);
}

void RadialProfilePlot::clear()
{
    plot_->clearGraphs();
    plot_->legend->setVisible(false);
    plot_->replot();
}

void RadialProfilePlot::addSeries(const QString& name, const std::vector<float>& frequencies, const std::vector<float>& values_db,
                                  const QColor& color)
{
    const auto n = std::min(frequencies.size(), values_db.size());
    QVector<double> x(static_cast<qsizetype>(n)), y(static_cast<qsizetype>(n));
    for (std::size_t i = 0; i < n; ++i) {
        x[static_cast<qsizetype>(i)] = frequencies[i];
        y[static_cast<qsizetype>(i)] = values_db[i];
    }
    QCPGraph* graph = plot_->addGraph();
    graph->setName(name);
    graph->setPen(QPen(color, 2));
    graph->setData(x, y, true);
    plot_->legend->setVisible(true);
    plot_->rescaleAxes();
    plot_->xAxis->setRange(0, 0.5);
    plot_->replot();
}

void RadialProfilePlot::addBand(const QString& name, const std::vector<float>& frequencies, const std::vector<float>& lower_db,
                                const std::vector<float>& upper_db, const QColor& color)
{
    const auto n = std::min({frequencies.size(), lower_db.size(), upper_db.size()});
    QVector<double> x(static_cast<qsizetype>(n)), lo(static_cast<qsizetype>(n)), hi(static_cast<qsizetype>(n));
    for (std::size_t i = 0; i < n; ++i) {
        x[static_cast<qsizetype>(i)] = frequencies[i];
        lo[static_cast<qsizetype>(i)] = lower_db[i];
        hi[static_cast<qsizetype>(i)] = upper_db[i];
    }
    QCPGraph* upper = plot_->addGraph();
    QCPGraph* lower = plot_->addGraph();
    upper->setName(name);
    lower->removeFromLegend();
    QColor fill = color;
    fill.setAlpha(70);
    for (QCPGraph* g : {upper, lower}) g->setPen(QPen(color, 1));
    upper->setBrush(fill);
    upper->setChannelFillGraph(lower);
    upper->setData(x, hi, true);
    lower->setData(x, lo, true);
    plot_->legend->setVisible(true);
    plot_->rescaleAxes();
    plot_->xAxis->setRange(0, 0.5);
    plot_->replot();
}

int RadialProfilePlot::seriesCount() const
{
    return plot_->graphCount();
}

QImage RadialProfilePlot::toImage(int width, int height, double scale) const
{
    return plot_->toPixmap(width, height, scale).toImage();
}

} // namespace clipflow::widgets
