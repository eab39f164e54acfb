#include "clipflow/widgets/trainingmonitor.h"

#include "qcustomplotinclude.h"

#include <QKeyEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace clipflow::widgets {

namespace {

QString duration(double s)
{
    if (!(s >= 0)) return QStringLiteral("?");
    if (s >= 3600) return QStringLiteral("%1 h %2 min").arg(int(s / 3600)).arg(int(s / 60) % 60);
    if (s >= 60) return QStringLiteral("%1 min %2 s").arg(int(s / 60)).arg(int(s) % 60);
    return QStringLiteral("%1 s").arg(int(s));
}

} // namespace

TrainingMonitor::TrainingMonitor(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)), status_(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_, 1);
    layout->addWidget(status_);
    status_->setAccessibleName(tr("Training status"));
    plot_->setAccessibleName(tr("Training loss curves"));
    plot_->xAxis->setLabel(tr("Epoch"));
    plot_->legend->setVisible(true);
    // Two scales: proxy NLL grows by orders of magnitude while the natural NLL
    // moves by fractions of a nat, so each curve gets its own axis in its colour.
    plot_->yAxis2->setVisible(true);
    const QColor first(59, 82, 139), second(230, 120, 10);
    plot_->addGraph(plot_->xAxis, plot_->yAxis)->setPen(QPen(first, 2));
    plot_->addGraph(plot_->xAxis, plot_->yAxis2)->setPen(QPen(second, 2));
    plot_->yAxis->setLabelColor(first);
    plot_->yAxis->setTickLabelColor(first);
    plot_->yAxis2->setLabelColor(second);
    plot_->yAxis2->setTickLabelColor(second);
    setSeriesNames(tr("natural NLL"), tr("proxy NLL"));
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->axisRect()->setRangeDrag(Qt::Horizontal);
    plot_->axisRect()->setRangeZoom(Qt::Horizontal);
    // Once the analyst zooms or drags, stop rescaling under their hands.
    connect(plot_, &QCustomPlot::mouseWheel, this, [this] { follow_ = false; });
    connect(plot_, &QCustomPlot::mousePress, this, [this] { follow_ = false; });
    setFocusPolicy(Qt::StrongFocus);
    setMinimumHeight(180);
}

void TrainingMonitor::setSeriesNames(const QString& first, const QString& second, const QString& xLabel)
{
    plot_->graph(0)->setName(first);
    plot_->graph(1)->setName(second);
    plot_->yAxis->setLabel(first);
    plot_->yAxis2->setLabel(second);
    const bool two = !second.isEmpty();
    if (two)
        plot_->graph(1)->addToLegend(); // false when already there
    else
        plot_->graph(1)->removeFromLegend();
    plot_->yAxis2->setVisible(two);
    plot_->xAxis->setLabel(xLabel.isEmpty() ? tr("Epoch") : xLabel);
    plot_->replot();
}

void TrainingMonitor::clear()
{
    plot_->graph(0)->data()->clear();
    plot_->graph(1)->data()->clear();
    follow_ = true;
    status_->clear();
    plot_->replot();
}

void TrainingMonitor::addPoint(double x, double first, double second)
{
    plot_->graph(0)->addData(x, first);
    plot_->graph(1)->addData(x, second);
    if (follow_) rescale();
    plot_->replot(QCustomPlot::rpQueuedReplot); // many points per second: coalesce repaints
}

void TrainingMonitor::rescale()
{
    plot_->rescaleAxes();
    plot_->yAxis->scaleRange(1.1); // a margin, so extremes do not hide under the frame
    plot_->yAxis2->scaleRange(1.1);
    plot_->xAxis->setRangeLower(0);
}

void TrainingMonitor::keyPressEvent(QKeyEvent* event)
{
    if (event->key() != Qt::Key_Home) {
        QWidget::keyPressEvent(event);
        return;
    }
    follow_ = true;
    rescale();
    plot_->replot();
    event->accept();
}

void TrainingMonitor::setStatus(int epoch, int epochs, double samples_per_s, double eta_s, const QString& device)
{
    status_->setText(tr("Epoch %1 of %2 · %3 samples/s · %4 left · %5")
                         .arg(epoch)
                         .arg(epochs)
                         .arg(samples_per_s, 0, 'f', 0)
                         .arg(duration(eta_s), device));
}

int TrainingMonitor::pointCount() const
{
    return plot_->graph(0)->dataCount();
}

QString TrainingMonitor::statusText() const
{
    return status_->text();
}

} // namespace clipflow::widgets
