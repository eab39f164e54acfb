#include "mainwindow.h"

#include <clipflow/version.h>
#include <clipflow/widgets/colormap.h>
#include <clipflow/widgets/radialprofileplot.h>

#include <QApplication>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QStatusBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace clipflow::app {
namespace {

QLabel* make_view(const QString& accessible, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setAlignment(Qt::AlignCenter);
    label->setMinimumSize(280, 280);
    label->setFrameShape(QFrame::StyledPanel);
    label->setAccessibleName(accessible);
    return label;
}

QPixmap fit(const QImage& image, const QLabel* label)
{
    return QPixmap::fromImage(image).scaled(label->size() - QSize(8, 8), Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("ClipFlow Forensics"));
    setAcceptDrops(true);
    auto* central = new QWidget(this);
    auto* grid = new QGridLayout(central);
    info_ = new QLabel(tr("Drop an image here, or use File \u203a Open."), central);
    info_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    info_->setWordWrap(true);
    info_->setAccessibleName(tr("Evidence details"));
    image_ = make_view(tr("Image (stored pixel grid)"), central);
    spectrum_ = make_view(tr("Luminance spectrum"), central);
    residual_ = make_view(tr("Noise-residual spectrum"), central);
    profile_ = new widgets::RadialProfilePlot(central);
    grid->addWidget(info_, 0, 0, 1, 3);
    const std::pair<QLabel*, QString> panes[] = {{image_, tr("Image (stored pixel grid)")},
                                                 {spectrum_, tr("Luminance spectrum")},
                                                 {residual_, tr("Noise-residual spectrum")}};
    int column = 0;
    for (const auto& [view, title] : panes) {
        auto* box = new QGroupBox(title, central);
        auto* layout = new QVBoxLayout(box);
        layout->setContentsMargins(4, 4, 4, 4);
        layout->addWidget(view);
        grid->addWidget(box, 1, column++);
    }
    grid->addWidget(profile_, 2, 0, 1, 3);
    grid->setRowStretch(1, 3);
    grid->setRowStretch(2, 2);
    setCentralWidget(central);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open\u2026"), QKeySequence::Open, this, &MainWindow::chooseFile);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    statusBar()->showMessage(tr("Ready \u2014 ClipFlow Forensics %1").arg(QString::fromLatin1(clipflow::version())));
    connect(&watcher_, &QFutureWatcher<Analysis>::finished, this, &MainWindow::showAnalysis);
    resize(1100, 820);
}

bool MainWindow::isBusy() const
{
    return watcher_.isRunning();
}

void MainWindow::openFile(const QString& file)
{
    if (watcher_.isRunning()) {
        statusBar()->showMessage(tr("Still analysing the previous image\u2026"));
        return;
    }
    statusBar()->showMessage(tr("Analysing %1\u2026").arg(file));
    watcher_.setFuture(QtConcurrent::run(analyse_file, file));
}

void MainWindow::chooseFile()
{
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Open evidence image"), QString(),
                                     tr("Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.gif);;All files (*)"));
    if (!file.isEmpty()) openFile(file);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    for (const QUrl& url : urls) {
        if (url.isLocalFile()) {
            openFile(url.toLocalFile());
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::showAnalysis()
{
    const Analysis a = watcher_.result();
    if (!a.error.isEmpty()) {
        info_->setText(tr("<b>%1</b><br>Cannot analyse: %2").arg(a.file.toHtmlEscaped(), a.error.toHtmlEscaped()));
        statusBar()->showMessage(tr("Failed: %1").arg(a.error));
        Q_EMIT analysisFinished(a.file, false);
        return;
    }
    const auto& s = *a.spectrum;
    info_->setText(
        tr("<b>%1</b><br>SHA-256 <tt>%2</tt><br>%3\u00d7%4 %5, %6-bit %7, %8 bytes \u2014 %9 periodic peak(s)<br><i>%10</i>")
            .arg(a.file.toHtmlEscaped(), QString::fromStdString(a.info.sha256))
            .arg(a.info.width)
            .arg(a.info.height)
            .arg(QString::fromStdString(a.info.format))
            .arg(a.info.bit_depth)
            .arg(QString::fromStdString(a.info.colour_model))
            .arg(a.info.file_size)
            .arg(s.peaks.size())
            .arg(QString::fromStdString(pixel_grid_note(a.info)).toHtmlEscaped()));
    const widgets::ColorMap viridis;
    image_->setPixmap(fit(a.preview, image_));
    spectrum_->setPixmap(fit(viridis.render(s.image.log_power_db.data(), s.image.width, s.image.height), spectrum_));
    residual_->setPixmap(fit(viridis.render(s.residual.log_power_db.data(), s.residual.width, s.residual.height), residual_));
    profile_->clear();
    profile_->addSeries(tr("luminance"), s.radial_frequency, s.image.radial_profile_db, QColor(40, 40, 40));
    profile_->addSeries(tr("residual"), s.radial_frequency, s.residual.radial_profile_db, QColor(230, 120, 20));
    profile_->addSeries(tr("periodicity"), s.radial_frequency, s.periodicity.radial_profile_db, QColor(30, 120, 200));
    statusBar()->showMessage(tr("Analysed %1").arg(a.file));
    Q_EMIT analysisFinished(a.file, true);
}

} // namespace clipflow::app
