#include "mainwindow.h"
#include "folderlisting.h"

#include "appsettings.h"
#include "casedialog.h"
#include "casereport.h"
#include "jpeghtml.h"
#include "modelcard.h"
#include "modelmanager.h"
#include "preferencesdialog.h"
#include "provenancehtml.h"
#include "reportfigures.h"
#include "trainingdialog.h"
#include "verdicthtml.h"
#include "wording.h"

#include <clipflow/c2pa.h>
#include <clipflow/imagepaths.h>
#include <clipflow/jpegforensics.h>
#include <clipflow/modelregistry.h>
#include <clipflow/provenance.h>

#include <clipflow/version.h>
#include <clipflow/widgets/imageview.h>
#include <clipflow/widgets/likelihoodhistogram.h>
#include <clipflow/widgets/spectrumview.h>

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDirIterator>
#include <QDragEnterEvent>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPromise>
#include <QRadioButton>
#include <QScreen>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <nlohmann/json.hpp>
#include <utility>

namespace clipflow::app {
namespace {

// The analysis kept a preview only: a view made on demand (heat map, JPEG ghosts) reads the
// file again, through the isolated reader when there is one, and must get the bytes analysed.
// Off the GUI thread. Empty, with the reason in `error`, otherwise.
std::optional<Evidence> read_again(const QString& file, const std::string& sha256, const std::shared_ptr<IsolatedReader>& reader,
                                   QString& error)
{
    auto ev = reader ? reader->read(file.toStdString()) : load_evidence(file.toStdString());
    if (!ev) {
        error = QString::fromStdString(ev.status().message());
        return std::nullopt;
    }
    if (ev->info.sha256 != sha256) {
        error = MainWindow::tr("the file changed on disk since it was analysed");
        return std::nullopt;
    }
    return std::move(*ev);
}

QGroupBox* boxed(const QString& title, QWidget* content, QWidget* parent)
{
    auto* box = new QGroupBox(title, parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(content);
    return box;
}

widgets::SpectrumView::Spectrum view_spectrum(const Spectrum& s, const QString& name)
{
    return {name, s.width, s.height, s.log_power_db, s.radial_profile_db};
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), detectors_(QCoreApplication::applicationDirPath()),
      queue_(&detectors_, [this] { return nextFileSettings(); })
{
    setWindowTitle(tr("ClipFlow Forensics"));
    setAcceptDrops(true);
    auto* central = new QWidget(this);
    auto* grid = new QGridLayout(central);
    info_ = new QLabel(tr("Drop an image here, or use File \u203a Open."), central);
    info_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    info_->setWordWrap(true);
    info_->setAccessibleName(tr("Evidence details"));
    results_ = new QLabel(central);
    results_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    results_->setWordWrap(true);
    results_->setAccessibleName(tr("Detector results"));
    results_->setAlignment(Qt::AlignTop | Qt::AlignLeft); // no dead space above the verdict
    image_ = new widgets::ImageView(central);
    image_->setAccessibleName(tr("Image (stored pixel grid)"));
    spectra_ = new widgets::SpectrumView(central);
    histogram_ = new widgets::LikelihoodHistogram(central);
    banner_ = new QLabel(central);
    banner_->setWordWrap(true);
    banner_->setAccessibleName(tr("Case integrity warning"));
    banner_->setStyleSheet(QStringLiteral("QLabel { background: #b03030; color: white; padding: 6px; font-weight: bold; }"));
    banner_->hide();
    grid->addWidget(banner_, 3, 0, 1, 2);
    grid->addWidget(info_, 0, 0, 1, 2);
    {
        // The image with its heat-map switch and legend above it.
        auto* box = boxed(tr("Image (stored pixel grid)"), image_, central);
        auto* bar = new QHBoxLayout;
        heat_ = new QCheckBox(tr("Heat map"), box);
        heat_->setToolTip(
            tr("Where the CLIP-Flow detector finds the image least natural, tile by tile (256-pixel tiles "
               "at native resolution, overlapping). A tile's score is noisier than the image's: look for "
               "regions that stand out over several tiles, not single bright squares. Press H to switch it on or off."));
        heat_->setAccessibleName(tr("Show the heat map"));
        heat_->setShortcut(QKeySequence(Qt::Key_H));
        heat_legend_ = new QWidget(box);
        {
            auto* legend = new QHBoxLayout(heat_legend_);
            legend->setContentsMargins(0, 0, 0, 0);
            auto* ramp = new QLabel(heat_legend_);
            ramp->setPixmap(QPixmap::fromImage(ReportFigures::heatRamp()));
            legend->addWidget(new QLabel(tr("natural"), heat_legend_));
            legend->addWidget(ramp);
            legend->addWidget(new QLabel(tr("less natural"), heat_legend_));
        }
        heat_legend_->hide();
        // Analysts flip between a photo and its error levels at one place and zoom: the
        // picture has the preview's size, so it lies on the image's own pixel grid.
        errors_ = new QCheckBox(tr("Error levels"), box);
        errors_->setToolTip(tr("Show the error level analysis in place of the image, at the same zoom and place "
                               "(JPEG files only; press E to switch between the two). Regions saved fewer times "
                               "than the rest may stand out; edges and texture always do."));
        errors_->setAccessibleName(tr("Show the error levels"));
        errors_->setShortcut(QKeySequence(Qt::Key_E)); // text editors keep their E (they take plain keys first)
        errors_->setEnabled(false);
        errors_legend_ = new QLabel(tr("JPEG 90, differences ×20: a pointer, never a finding"), box);
        errors_legend_->setToolTip(errors_->toolTip());
        errors_legend_->setWordWrap(true); // two lines in a narrow window rather than a clipped "never a finding"
        errors_legend_->hide();
        bar->addWidget(heat_);
        bar->addWidget(heat_legend_);
        bar->addWidget(errors_);
        bar->addWidget(errors_legend_, 1); // the room left; the stretch takes it while the legend is hidden
        bar->addStretch(0);
        static_cast<QVBoxLayout*>(box->layout())->insertLayout(0, bar);
        grid->addWidget(box, 1, 0);
        connect(heat_, &QCheckBox::toggled, this, [this](bool on) {
            if (on) errors_->setChecked(false);
            updateOverlay();
        });
        connect(errors_, &QCheckBox::toggled, this, [this](bool on) {
            if (on) heat_->setChecked(false);
            updateOverlay();
        });
        connect(&map_watcher_, &QFutureWatcher<MapJob>::finished, this, [this] {
            MapJob job = map_watcher_.result();
            const bool ok = job.map.has_value();
            if (ok) {
                // Kept in the case too: reopened tomorrow, it need not be computed again.
                if (CaseEvidence* e = caseEntry(job.sha256)) keep_heat_map(*e, *job.map);
                maps_[job.sha256] = std::move(*job.map);
            } else {
                map_errors_[job.sha256] = job.error;
            }
            statusBar()->showMessage(ok ? tr("Heat map ready") : tr("No heat map: %1").arg(job.error), 5000);
            Q_EMIT heatMapReady(job.file, ok);
            updateOverlay(); // this image's, or start the one now on screen
        });
    }
    metadata_ = new QTableWidget(0, 3, central);
    metadata_->setHorizontalHeaderLabels({tr("Family"), tr("Key"), tr("Value")});
    metadata_->horizontalHeader()->setStretchLastSection(true);
    metadata_->verticalHeader()->hide();
    metadata_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    metadata_->setTextElideMode(Qt::ElideMiddle); // long XMP paths keep their ends; the tooltip has them whole
    metadata_->setAccessibleName(tr("Metadata"));
    tabs_ = new QTabWidget(central);
    notes_ = new QPlainTextEdit(central);
    notes_->setPlaceholderText(tr("Your notes on this file: where it came from, what you checked. Saved in the case."));
    notes_->setAccessibleName(tr("Analyst notes"));
    notes_->setEnabled(false);
    cards_ = new QTextBrowser(central);
    cards_->setAccessibleName(tr("Model cards"));
    provenance_ = new QTextBrowser(central);
    provenance_->setAccessibleName(tr("Provenance"));
    provenance_->setOpenLinks(false);
    // Robustness checks make the text long: it scrolls rather than squeezing the tab.
    auto* results_scroll = new QScrollArea(central);
    results_scroll->setWidget(results_);
    results_scroll->setWidgetResizable(true);
    results_scroll->setFrameShape(QFrame::NoFrame);
    tabs_->addTab(results_scroll, tr("Detectors"));
    tabs_->addTab(provenance_, tr("Provenance"));
    jpeg_page_ = new QWidget(central);
    jpeg_ = new QTextBrowser(jpeg_page_);
    jpeg_->setAccessibleName(tr("JPEG structure"));
    // "grid:X,Y" links (a block grid off the corner): the JPEG ghosts, made on that grid.
    jpeg_->setOpenLinks(false);
    connect(jpeg_, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        const QStringList xy = url.toString().section(QLatin1Char(':'), 1).split(QLatin1Char(','));
        if (!url.toString().startsWith(QLatin1String("grid:")) || xy.size() != 2) return;
        {
            const QSignalBlocker quiet_x(ghost_grid_x_), quiet_y(ghost_grid_y_);
            ghost_grid_x_->setValue(xy[0].toInt());
            ghost_grid_y_->setValue(xy[1].toInt());
        }
        ghost_errors_.erase(shown_sha_); // the new grid is tried again
        if (ghost_mode_->isChecked())
            updateJpegPicture();
        else
            ghost_mode_->setChecked(true); // which shows them
    });
    ela_title_ = new QLabel(jpeg_page_); // what the picture below is (updateJpegPicture)
    ela_title_->setAccessibleName(tr("JPEG picture caption"));
    ela_title_->setWordWrap(true);
    ela_ = new widgets::ImageView(jpeg_page_); // fits the image, zooms and pans like the main view
    ela_->setAccessibleName(tr("Error level analysis"));
    ela_->setMinimumHeight(100);
    ela_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored); // takes the room left, never asks for more
    jpeg_choice_ = new QWidget(jpeg_page_);
    ela_mode_ = new QRadioButton(tr("Error levels"), jpeg_choice_);
    ela_mode_->setChecked(true);
    ghost_mode_ = new QRadioButton(tr("JPEG ghosts"), jpeg_choice_);
    ghost_mode_->setToolTip(tr("The image re-saved at qualities 50 to 95, one map per quality. A region first saved at "
                               "a lower quality than the rest (pasted in from another JPEG) is dark in that quality's map "
                               "while the rest is light. Computed when asked (seconds for a large photo)."));
    {
        // The choice and the ghosts' grid on one line, the quality slider under them (the
        // tab is narrow: on one line the slider had no room).
        auto* rows = new QVBoxLayout(jpeg_choice_);
        rows->setContentsMargins(0, 0, 0, 0);
        auto* h = new QHBoxLayout;
        h->addWidget(ela_mode_);
        h->addWidget(ghost_mode_);
        h->addStretch(1);
        h->addWidget(ghost_grid_label_ = new QLabel(tr("Grid"), jpeg_choice_));
        h->addWidget(ghost_grid_x_ = new QSpinBox(jpeg_choice_));
        h->addWidget(ghost_grid_y_ = new QSpinBox(jpeg_choice_));
        auto* q = new QHBoxLayout;
        q->addWidget(ghost_label_ = new QLabel(jpeg_choice_));
        q->addWidget(ghost_quality_ = new QSlider(Qt::Horizontal, jpeg_choice_), 1);
        rows->addLayout(h);
        rows->addLayout(q);
        auto* v = new QVBoxLayout(jpeg_page_);
        v->setContentsMargins(0, 0, 0, 0);
        v->addWidget(jpeg_, 3);
        v->addWidget(jpeg_choice_);
        v->addWidget(ela_title_);
        v->addWidget(ela_, 2);
    }
    ghost_quality_->setAccessibleName(tr("JPEG ghosts: quality"));
    ghost_quality_->setPageStep(1);
    ghost_quality_->setTickPosition(QSlider::TicksBelow);
    // A region pasted from another JPEG off the image's 8 x 8 grid keeps its own grid: its ghost
    // shows only when the re-saves are made on that grid (docs/method.md).
    const QString gridTip = tr("Where the re-saves put their 8 \u00d7 8 block grid: columns and rows past the image's "
                               "(0, 0: the image's own). A region pasted from another JPEG at a position that is no "
                               "multiple of 8 keeps its own grid, and its ghost shows only on that grid: the rest then "
                               "changes least at the highest quality everywhere, and the region stands out as a dip at "
                               "its first quality.");
    for (QSpinBox* box : {ghost_grid_x_, ghost_grid_y_}) {
        box->setRange(0, 7);
        box->setToolTip(gridTip);
        connect(box, &QSpinBox::valueChanged, this, [this] {
            ghost_errors_.erase(shown_sha_); // the new grid is tried again
            updateJpegPicture();
        });
    }
    ghost_grid_label_->setToolTip(gridTip);
    ghost_grid_x_->setPrefix(tr("x ")); // no room for words: the tooltip explains
    ghost_grid_y_->setPrefix(tr("y "));
    ghost_grid_x_->setAccessibleName(tr("JPEG ghosts: grid columns past the image's"));
    ghost_grid_y_->setAccessibleName(tr("JPEG ghosts: grid rows past the image's"));
    connect(ghost_mode_, &QRadioButton::toggled, this, &MainWindow::updateJpegPicture);
    connect(ghost_quality_, &QSlider::valueChanged, this, &MainWindow::updateJpegPicture);
    connect(&ghost_watcher_, &QFutureWatcher<GhostJob>::finished, this, [this] {
        GhostJob job = ghost_watcher_.result();
        const bool ok = job.ghosts.has_value();
        if (ok) {
            // The case keeps the grid, so that a report written from it prints what the analyst saw.
            if (CaseEvidence* e = caseEntry(job.sha256)) keep_jpeg_ghosts(*e, {job.ghosts->grid_x, job.ghosts->grid_y});
            ghosts_[job.sha256] = std::move(*job.ghosts);
        } else
            ghost_errors_[job.sha256] = job.error;
        Q_EMIT jpegGhostsReady(job.file, ok);
        updateJpegPicture(); // this file's, or start the one now on screen
    });
    jpeg_choice_->hide();
    ela_title_->hide();
    ela_->hide();
    tabs_->addTab(jpeg_page_, tr("JPEG"));
    tabs_->addTab(metadata_, tr("Metadata"));
    tabs_->addTab(notes_, tr("Notes"));
    tabs_->addTab(cards_, tr("Models"));
    // In a narrow column the last tabs (Notes, where the analyst writes; Models) sit behind the
    // scroll arrows, out of sight: a button beside them lists every tab by name.
    auto* all_tabs = new QToolButton(tabs_);
    all_tabs->setText(QStringLiteral("\u2261"));
    all_tabs->setAutoRaise(true);
    all_tabs->setPopupMode(QToolButton::InstantPopup);
    all_tabs->setToolTip(tr("All tabs"));
    all_tabs->setAccessibleName(tr("All tabs"));
    auto* tab_menu = new QMenu(all_tabs);
    connect(tab_menu, &QMenu::aboutToShow, this, [this, tab_menu] {
        tab_menu->clear();
        for (int i = 0; i < tabs_->count(); ++i) {
            QAction* a = tab_menu->addAction(tabs_->tabText(i), this, [this, i] { tabs_->setCurrentIndex(i); });
            a->setCheckable(true);
            a->setChecked(i == tabs_->currentIndex());
        }
    });
    all_tabs->setMenu(tab_menu);
    tabs_->setCornerWidget(all_tabs, Qt::TopRightCorner);
    connect(notes_, &QPlainTextEdit::textChanged, this, [this] {
        if (CaseEvidence* e = caseEntry(current_sha_)) e->notes = notes_->toPlainText().toStdString();
    });
    grid->addWidget(tabs_, 1, 1);
    grid->addWidget(boxed(tr("Spectra"), spectra_, central), 2, 0);
    grid->addWidget(boxed(tr("Among natural images (CLIP-Flow calibration)"), histogram_, central), 2, 1);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    grid->setRowStretch(1, 3);
    grid->setRowStretch(2, 3);

    // Left: the evidence table, sortable and filterable.
    auto* left = new QWidget(this);
    auto* column = new QVBoxLayout(left);
    column->setContentsMargins(0, 0, 0, 0);
    filter_ = new QLineEdit(left);
    filter_->setPlaceholderText(tr("Filter (name, hash, format, verdict)\u2026"));
    filter_->setClearButtonEnabled(true);
    filter_->setAccessibleName(tr("Filter evidence"));
    sorted_.setSourceModel(&model_);
    sorted_.setSortRole(EvidenceModel::SortRole);
    sorted_.setFilterKeyColumn(-1);
    sorted_.setFilterCaseSensitivity(Qt::CaseInsensitive);
    table_ = new QTableView(left);
    table_->setModel(&sorted_);
    table_->setSortingEnabled(true);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setIconSize(QSize(48, 48));
    table_->verticalHeader()->setDefaultSectionSize(52);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setAccessibleName(tr("Evidence"));
    table_->setTextElideMode(Qt::ElideMiddle);
    column->addWidget(filter_);
    column->addWidget(table_);
    connect(filter_, &QLineEdit::textChanged, &sorted_, &QSortFilterProxyModel::setFilterFixedString);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showSelected);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(central);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    left->setMinimumWidth(260);
    split->setSizes({600, 900}); // name, verdict and provenance visible without scrolling at the default size
    setCentralWidget(split);

    buildMenus();
    batch_left_ = new QLabel(this);
    batch_bar_ = new QProgressBar(this);
    batch_bar_->setFormat(tr("%v of %m files"));
    batch_bar_->setMaximumWidth(220);
    batch_bar_->setAccessibleName(tr("Batch progress"));
    statusBar()->addPermanentWidget(batch_left_);
    statusBar()->addPermanentWidget(batch_bar_);
    batch_left_->hide();
    batch_bar_->hide();
    statusBar()->showMessage(tr("Ready \u2014 ClipFlow Forensics %1").arg(QString::fromLatin1(clipflow::version())));
    connect(&queue_, &AnalysisQueue::started, this, &MainWindow::started);
    connect(&queue_, &AnalysisQueue::finished, this, &MainWindow::finished);
    connect(&verifier_, &QFutureWatcher<std::vector<IntegrityCheck>>::finished, this, [this] {
        const auto checks = verifier_.result();
        QStringList bad;
        for (const auto& c : checks)
            if (!c.ok) bad << tr("%1: %2").arg(QString::fromStdString(c.file), QString::fromStdString(c.error));
        case_.log("verify evidence", std::to_string(checks.size() - std::size_t(bad.size())) + " of " +
                                         std::to_string(checks.size()) + " files match their recorded SHA-256");
        banner_->setVisible(!bad.isEmpty());
        banner_->setText(tr("\u26a0 %n evidence file(s) differ from the case record:\n", nullptr, int(bad.size())) +
                         bad.join(u'\n'));
        Q_EMIT caseVerified(int(bad.size()));
    });
    // 1500 x 880 where the screen has room; on a small one (a 1366 x 768 laptop) no larger
    // than the space the desktop leaves, so that no edge of the window starts off the screen.
    QSize size(1500, 880);
    if (const QScreen* s = screen()) size = size.boundedTo(s->availableGeometry().size() * 0.96);
    resize(size);
    case_.analyst = AppSettings::analyst().toStdString();
    detectors_.select(AppSettings::clipflowModel(), AppSettings::supervisedModel());
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open\u2026"), QKeySequence::Open, this, &MainWindow::chooseFile);
    file->addAction(tr("Open &folder\u2026"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O), this, &MainWindow::chooseFolder);
    recent_files_ = file->addMenu(tr("Recent &files"));
    file->addAction(tr("&Cancel queued analyses"), QKeySequence(Qt::Key_Escape), this, &MainWindow::cancelQueued);
    file->addSeparator();
    file->addAction(tr("Open &case\u2026"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open case"), QString(), tr("ClipFlow cases (*.cfcase)"));
        if (!path.isEmpty()) openCase(path);
    });
    recent_cases_ = file->addMenu(tr("Recent c&ases"));
    file->addAction(tr("&Save case"), QKeySequence::Save, this, [this] {
        QString path = case_path_;
        if (path.isEmpty())
            path = QFileDialog::getSaveFileName(this, tr("Save case"), QStringLiteral("case.cfcase"),
                                                tr("ClipFlow cases (*.cfcase)"));
        if (!path.isEmpty()) saveCase(path);
    });
    file->addAction(tr("Save case &as\u2026"), QKeySequence::SaveAs, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Save case"), QStringLiteral("case.cfcase"), tr("ClipFlow cases (*.cfcase)"));
        if (!path.isEmpty()) saveCase(path);
    });
    file->addAction(tr("Case &properties\u2026"), QKeySequence(Qt::CTRL | Qt::Key_I), this, &MainWindow::editCase);
    file->addAction(tr("&Export report (PDF)\u2026"), QKeySequence::Print, this, &MainWindow::chooseReport);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);

    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(tr("&Models\u2026"), QKeySequence(Qt::CTRL | Qt::Key_M), this, &MainWindow::showModelManager);
    tools->addAction(tr("&Train a CLIP-Flow detector\u2026"), QKeySequence(Qt::CTRL | Qt::Key_T), this,
                     &MainWindow::showTraining);
    tools->addSeparator();
    tools->addAction(tr("&Preferences\u2026"), QKeySequence::Preferences, this, &MainWindow::showPreferences);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About ClipFlow Forensics"), this, [this] {
        QMessageBox::about(this, tr("About ClipFlow Forensics"),
                           tr("<b>ClipFlow Forensics %1</b><p>Decide whether an image was made by an AI generator: "
                              "CLIP-Flow (trained on natural photos only), a supervised detector, and spectra you can "
                              "check yourself.</p><p>Absence of detection is not proof of authenticity.</p>")
                               .arg(QString::fromLatin1(clipflow::version())));
    });
    rebuildRecentMenus();
}

void MainWindow::rebuildRecentMenus()
{
    auto fill = [this](QMenu* menu, const QStringList& paths, bool cases) {
        menu->clear();
        for (int i = 0; i < paths.size(); ++i) {
            const QString path = paths[i];
            QAction* a = menu->addAction(QStringLiteral("&%1 %2").arg((i + 1) % 10).arg(QFileInfo(path).fileName()));
            a->setToolTip(path);
            connect(a, &QAction::triggered, this, [this, path, cases] { cases ? (void)openCase(path) : openFile(path); });
        }
        menu->setEnabled(!paths.isEmpty());
    };
    fill(recent_files_, AppSettings::recentFiles(), false);
    fill(recent_cases_, AppSettings::recentCases(), true);
}

void MainWindow::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a folder of images"));
    if (!dir.isEmpty()) {
        AppSettings::addRecentFile(dir);
        rebuildRecentMenus();
        openFile(dir);
    }
}

CaseEvidence* MainWindow::caseEntry(const std::string& sha256)
{
    if (sha256.empty()) return nullptr;
    // The newest entry for these bytes (a changed file gets its own entry beside the original).
    for (auto it = case_.evidence.rbegin(); it != case_.evidence.rend(); ++it)
        if (it->sha256 == sha256) return &*it;
    return nullptr;
}

void MainWindow::setCaseProperties(const QString& title, const QString& analyst, const QString& notes)
{
    if (title.toStdString() != case_.title || analyst.toStdString() != case_.analyst)
        case_.log("case properties", "title \"" + title.toStdString() + "\", analyst \"" + analyst.toStdString() + "\"");
    case_.title = title.toStdString();
    case_.analyst = analyst.toStdString();
    case_.notes = notes.toStdString();
    if (!analyst.isEmpty()) AppSettings::setAnalyst(analyst);
    setWindowTitle(title.isEmpty() ? tr("ClipFlow Forensics") : tr("ClipFlow Forensics \u2014 %1").arg(title));
}

void MainWindow::editCase()
{
    CaseDialog dialog(QString::fromStdString(case_.title), QString::fromStdString(case_.analyst),
                      QString::fromStdString(case_.notes), this);
    if (dialog.exec() == QDialog::Accepted) setCaseProperties(dialog.title(), dialog.analyst(), dialog.notes());
}

void MainWindow::chooseReport()
{
    const QString suggested =
        (case_.title.empty() ? QStringLiteral("case-report") : QString::fromStdString(case_.title)) + QStringLiteral(".pdf");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export case report"), suggested, tr("PDF (*.pdf)"));
    if (!path.isEmpty()) exportReport(path);
}

bool MainWindow::exportReport(const QString& path)
{
    ReportParams params;
    params.title = QString::fromStdString(case_.title);
    params.analyst = QString::fromStdString(case_.analyst);
    params.notes = QString::fromStdString(case_.notes);
    params.page = AppSettings::pageSize();
    params.case_file = case_path_;
    params.audit = case_.audit;
    if (verifier_.isFinished() && verifier_.future().isValid() && verifier_.future().resultCount() > 0)
        params.integrity = verifier_.result();
    // The cards of the models behind the newest analysis (the window never loads models on the GUI thread).
    std::vector<const Analysis*> analyses;
    const Analysis* newest = nullptr;
    for (int row = 0; row < model_.rowCount(); ++row)
        if (const Analysis* a = model_.analysis(row)) {
            analyses.push_back(a);
            if (a->detectors.cards && (!newest || a->analysed_at > newest->analysed_at)) newest = a;
        }
    if (analyses.empty()) {
        statusBar()->showMessage(tr("Nothing to report yet: open and analyse images first."));
        return false;
    }
    if (!makeReportFigures(AppSettings::reportHeatMaps(), AppSettings::reportGhosts())) {
        statusBar()->showMessage(tr("Report not written: %1").arg(tr("cancelled")));
        return false;
    }
    CaseReport report(params, newest ? *newest->detectors.cards : ModelCards{});
    for (const Analysis* a : analyses) {
        const std::string& sha = a->info.sha256;
        const CaseEvidence* e = caseEntry(sha);
        const auto ghosts = ghosts_.find(sha); // where the analyst made them (or the report asked)
        // Where one could not be made, the report says why.
        Analysis shown = *a;
        if (const auto why = map_errors_.find(sha); why != map_errors_.end()) shown.heat_map_error = why->second;
        if (const auto why = ghost_errors_.find(sha); why != ghost_errors_.end()) shown.ghosts_error = why->second;
        const bool made = ghosts != ghosts_.end();
        report.add(shown, e ? QString::fromStdString(e->notes) : QString(), heatMap(sha), made ? ghosts->second.sheet : QImage(),
                   made ? QPoint(ghosts->second.grid_x, ghosts->second.grid_y) : QPoint());
    }
    if (report.size() == 0) {
        statusBar()->showMessage(tr("Nothing to report yet: open and analyse images first."));
        return false;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status s = report.write(path);
    QApplication::restoreOverrideCursor();
    if (!s.ok()) {
        statusBar()->showMessage(tr("Report not written: %1").arg(QString::fromStdString(s.message())));
        return false;
    }
    case_.log("export report", path.toStdString());
    statusBar()->showMessage(tr("Report written to %1 (%n file(s))", nullptr, report.size()).arg(path));
    return true;
}

QString MainWindow::modelCardsHtml() const
{
    return cards_->toHtml();
}

void MainWindow::showModelCards(const std::shared_ptr<const ModelCards>& cards)
{
    if (!cards || cards == shown_cards_) return; // the same models: nothing to redraw
    shown_cards_ = cards;
    const ModelCards& c = *cards;
    QString html;
    if (c.clipflow) html += ModelCard::html(*c.clipflow, c.clipflow_path);
    if (c.supervised) html += ModelCard::html(*c.supervised, c.supervised_path);
    if (!c.error.isEmpty()) html += QStringLiteral("<p><i>%1</i></p>").arg(c.error.toHtmlEscaped());
    cards_->setHtml(html);
}

void MainWindow::useModels(const QString& clipflow, const QString& supervised)
{
    AppSettings::setModels(clipflow, supervised);
    detectors_.select(clipflow, supervised);
    statusBar()->showMessage(tr("Detectors changed; files opened from now on use them."));
}

void MainWindow::showModelManager()
{
    ModelManager manager(QCoreApplication::applicationDirPath(), QString::fromStdString(ModelRegistry::default_dir()), this);
    manager.setActive(AppSettings::clipflowModel(), AppSettings::supervisedModel());
    connect(&manager, &ModelManager::activeChanged, this, &MainWindow::useModels);
    manager.resize(1000, 560);
    manager.exec();
}

void MainWindow::showTraining()
{
    auto* dialog = new TrainingDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TrainingDialog::modelReady, this, [this](const QString& path) {
        if (QMessageBox::question(this, tr("New detector"), tr("Use the new detector for CLIP-Flow from now on?")) ==
            QMessageBox::Yes)
            useModels(path, AppSettings::supervisedModel());
    });
    dialog->show();
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    dialog.exec();
}

bool MainWindow::isBusy() const
{
    return queue_.isBusy() || !listings_.isEmpty();
}

void MainWindow::openFile(const QString& path)
{
    if (!QFileInfo(path).isDir()) {
        addFound(path, find_image_paths({path.toStdString()})); // a file: nothing to walk
        return;
    }
    statusBar()->showMessage(tr("Listing %1\u2026").arg(QDir::toNativeSeparators(path)));
    auto* watcher = new QFutureWatcher<ImagePaths>(this);
    listings_ << watcher;
    connect(watcher, &QFutureWatcher<ImagePaths>::finished, this, [this, watcher, path] {
        listings_.removeOne(watcher);
        watcher->deleteLater();
        addFound(path, watcher->result());
    });
    watcher->setFuture(list_folders({path.toStdString()}, closing_));
}

void MainWindow::addFound(const QString& path, const ImagePaths& found)
{
    // "Listing …" is over; what follows says what happened (an analysis, a problem) or nothing.
    if (statusBar()->currentMessage() == tr("Listing %1\u2026").arg(QDir::toNativeSeparators(path))) statusBar()->clearMessage();
    QStringList fresh;
    // A folder that gives nothing must say so: a drop that does nothing looks like a broken drop.
    if (!found.problems.empty()) {
        QString message = Wording::folderProblem(found.problems.front());
        if (found.problems.size() > 1)
            message += QLatin1Char(' ') + tr("(and %n more folder(s))", nullptr, int(found.problems.size() - 1));
        statusBar()->showMessage(message);
    }
    // Images that could not be listed are missing from the case: that must not pass with the
    // status line, which the analyses overwrite at once. A warning that stays, not modal.
    QStringList unreadable;
    for (const auto& p : found.problems)
        if (p.kind == FolderProblem::Kind::Unreadable) unreadable << Wording::folderProblem(p);
    if (!unreadable.isEmpty()) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Folder not read whole"),
                                    tr("Some images of %1 are not in the case:").arg(QDir::toNativeSeparators(path)),
                                    QMessageBox::Ok, this);
        box->setInformativeText(unreadable.mid(0, 5).join(QLatin1Char('\n')) +
                                (unreadable.size() > 5
                                     ? QLatin1Char('\n') + tr("(and %n more folder(s))", nullptr, int(unreadable.size() - 5))
                                     : QString()));
        box->setObjectName(QStringLiteral("folderNotReadWhole"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::NonModal);
        box->show();
    }
    for (const std::string& name : found.files) {
        const QString f = QString::fromStdString(name);
        const int row = model_.add(f);
        const auto state = model_.state(row);
        // Each file is analysed once; cancelled ones may be queued again.
        if (state == EvidenceModel::State::Done || state == EvidenceModel::State::Failed ||
            state == EvidenceModel::State::Analysing || queue_.contains(f) || fresh.contains(f))
            continue;
        model_.setState(row, EvidenceModel::State::Queued);
        fresh << f;
    }
    queue_.enqueue(fresh); // the first may start at once (started() marks it)
    updateBatchProgress();
}

void MainWindow::cancelQueued()
{
    for (const QString& f : queue_.cancelQueued()) model_.setState(model_.find(f), EvidenceModel::State::Cancelled);
    updateBatchProgress();
    statusBar()->showMessage(tr("Queued analyses cancelled"));
}

MainWindow::~MainWindow()
{
    // A file still being read is abandoned at once; the heat map's job sees the same flag.
    queue_.shutdown();
    closing_->store(true); // a folder being listed stops at its next sub-folder
    for (auto* listing : listings_) listing->waitForFinished();
    verifier_.waitForFinished();
    map_watcher_.waitForFinished();
    ghost_watcher_.waitForFinished();
}

void MainWindow::setReaderProgram(const QString& path)
{
    queue_.setReaderProgram(path);
}

void MainWindow::updateBatchProgress()
{
    // One file needs no bar: its row says "analysing".
    const bool show = queue_.batchTotal() > 1;
    batch_bar_->setVisible(show);
    batch_left_->setVisible(show);
    if (!show) return;
    batch_bar_->setRange(0, queue_.batchTotal());
    batch_bar_->setValue(queue_.batchDone());
    const double seconds = queue_.secondsLeft();
    if (seconds < 0) {
        batch_left_->setText(tr("estimating time left\u2026"));
        return;
    }
    const int left = int(std::lround(seconds));
    batch_left_->setText(left < 60 ? tr("about %n s left", nullptr, std::max(1, left))
                                   : tr("about %n min left", nullptr, (left + 30) / 60));
}

AnalysisQueue::FileSettings MainWindow::nextFileSettings()
{
    // Preferences apply from the next file: time limit, robustness checks, trust anchors.
    AnalysisQueue::FileSettings settings;
    settings.time_limit_s = AppSettings::fileTimeLimit();
    settings.scoring.robustness = AppSettings::robustnessChecks();
    if (const QString trust = AppSettings::trustAnchors(); !trust.isEmpty()) {
        if (auto pem = read_trust_anchors(trust.toStdString())) {
            settings.provenance.c2pa.trust_anchors_pem = std::move(*pem);
            trust_warned_.clear();
        } else if (trust_warned_ != trust) {
            trust_warned_ = trust;
            QMessageBox::warning(this, tr("Trust anchors"),
                                 tr("The C2PA trust anchors could not be read, so no signer is trusted: %1")
                                     .arg(QString::fromStdString(pem.status().message())));
        }
    }
    return settings;
}

void MainWindow::started(const QString& file, int index, int total)
{
    model_.setState(model_.find(file), EvidenceModel::State::Analysing);
    statusBar()->showMessage(tr("Analysing %1 of %2: %3\u2026").arg(index).arg(total).arg(file));
    updateBatchProgress();
}

void MainWindow::finished(std::shared_ptr<Analysis> analysis)
{
    Analysis a = std::move(*analysis);
    const int row = model_.find(a.file);
    const bool ok = a.error.isEmpty();
    if (ok) {
        auto& entry = case_.add_evidence(a.info);
        nlohmann::json results = nlohmann::json::object();
        // Each detector's answer as `clipflow score --json` writes it, keyed by kind.
        for (const auto& d : a.detectors.scores.scores) results[detector_kind_name(d.kind)] = nlohmann::json::parse(d.to_json());
        // What the file said of its origin, as `clipflow provenance` writes it.
        if (a.provenance) results["provenance"] = nlohmann::json::parse(a.provenance->to_json());
        // A heat map is the CLIP-Flow model's reading: one made by another model goes, one this model
        // made before (in this window or kept in the case) stays; a new analysis may make one that failed.
        const std::string& sha = a.info.sha256;
        const std::string model = a.detectors.model_id(DetectorKind::ClipFlow).toStdString();
        if (auto m = maps_.find(sha); m != maps_.end() && m->second.model_id != model) maps_.erase(m);
        map_errors_.erase(sha);
        if (!maps_.contains(sha))
            if (auto kept = kept_heat_map(entry, model)) maps_.emplace(sha, std::move(*kept));
        std::optional<KeptJpegGhosts> ghosts = kept_jpeg_ghosts(entry);
        if (auto g = ghosts_.find(sha); g != ghosts_.end()) ghosts = KeptJpegGhosts{g->second.grid_x, g->second.grid_y};
        entry.results_json = results.dump();
        if (auto m = maps_.find(sha); m != maps_.end()) keep_heat_map(entry, m->second);
        if (ghosts) keep_jpeg_ghosts(entry, *ghosts);
    }
    const QString file = a.file;
    model_.setAnalysis(row, std::move(a));
    table_->resizeColumnsToContents();
    // Long generator file names would push every score off screen.
    table_->setColumnWidth(EvidenceModel::Name, std::min(table_->columnWidth(EvidenceModel::Name), 150));
    // Long verdicts and signer names are elided (the full text is in the detail pane) so that
    // name, verdict and provenance fit beside each other at the default window size.
    table_->setColumnWidth(EvidenceModel::Verdict, std::min(table_->columnWidth(EvidenceModel::Verdict), 185));
    table_->setColumnWidth(EvidenceModel::Provenance, std::min(table_->columnWidth(EvidenceModel::Provenance), 190));
    // Show the newest result unless the analyst is looking at another row.
    const QModelIndex current = table_->selectionModel()->currentIndex();
    const QModelIndex mine = sorted_.mapFromSource(model_.index(row, EvidenceModel::Name));
    if (!current.isValid() || current.row() == mine.row()) {
        table_->selectionModel()->setCurrentIndex(mine, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        if (const Analysis* shown = model_.analysis(row)) showAnalysis(*shown);
    }
    if (queue_.isEmpty()) statusBar()->showMessage(ok ? tr("Analysed %1").arg(file) : tr("Failed: %1").arg(file));
    updateBatchProgress();
    Q_EMIT analysisFinished(file, ok); // the queue starts the next file on return
}

bool MainWindow::saveCase(const QString& path)
{
    case_.log("save case", path.toStdString());
    const Status s = case_.save(path.toStdString());
    if (!s.ok()) {
        statusBar()->showMessage(tr("Case not saved: %1").arg(QString::fromStdString(s.message())));
        return false;
    }
    case_path_ = path;
    AppSettings::addRecentCase(path);
    rebuildRecentMenus();
    statusBar()->showMessage(tr("Case saved to %1").arg(path));
    return true;
}

bool MainWindow::openCase(const QString& path)
{
    auto loaded = CaseFile::load(path.toStdString());
    if (!loaded) {
        statusBar()->showMessage(tr("Cannot open the case: %1").arg(QString::fromStdString(loaded.status().message())));
        return false;
    }
    cancelQueued();
    case_ = std::move(*loaded);
    case_path_ = path;
    AppSettings::addRecentCase(path);
    rebuildRecentMenus();
    case_.log("open case", path.toStdString());
    model_.clear();
    banner_->hide();
    for (const auto& e : case_.evidence) openFile(QString::fromStdString(e.file));
    verifier_.setFuture(QtConcurrent::run([c = case_] { return verify_evidence(c); }));
    setWindowTitle(
        tr("ClipFlow Forensics \u2014 %1").arg(QString::fromStdString(case_.title.empty() ? path.toStdString() : case_.title)));
    return true;
}

QString MainWindow::banner() const
{
    return banner_->isHidden() ? QString() : banner_->text();
}

void MainWindow::showSelected()
{
    const QModelIndex current = table_->selectionModel()->currentIndex();
    if (!current.isValid()) return;
    if (const Analysis* a = model_.analysis(sorted_.mapToSource(current).row())) showAnalysis(*a);
}

const ScoreMap* MainWindow::heatMap(const std::string& sha256) const
{
    const auto it = maps_.find(sha256);
    return it == maps_.end() ? nullptr : &it->second;
}

void MainWindow::showGhostGrid()
{
    // Each file keeps the grid its ghosts were last made on (this session, or in the case), as it
    // keeps its quality: a splice found on (3,5) is there again when the analyst comes back to it.
    KeptJpegGhosts grid;
    if (const auto g = ghosts_.find(shown_sha_); g != ghosts_.end())
        grid = {g->second.grid_x, g->second.grid_y};
    else if (const CaseEvidence* e = caseEntry(shown_sha_))
        grid = kept_jpeg_ghosts(*e).value_or(KeptJpegGhosts{});
    const QSignalBlocker quiet_x(ghost_grid_x_), quiet_y(ghost_grid_y_);
    ghost_grid_x_->setValue(grid.grid_x);
    ghost_grid_y_->setValue(grid.grid_y);
}

void MainWindow::updateJpegPicture()
{
    const int grid_x = ghost_grid_x_->value(), grid_y = ghost_grid_y_->value();
    auto found = ghosts_.find(shown_sha_);
    if (found != ghosts_.end() && (found->second.grid_x != grid_x || found->second.grid_y != grid_y))
        found = ghosts_.end(); // made on another grid: made again on this one
    const bool showing = ghost_mode_->isChecked() && !shown_ela_.isNull();
    ghost_label_->setVisible(showing && found != ghosts_.end());
    ghost_quality_->setVisible(showing && found != ghosts_.end());
    for (QWidget* grid :
         {static_cast<QWidget*>(ghost_grid_label_), static_cast<QWidget*>(ghost_grid_x_), static_cast<QWidget*>(ghost_grid_y_)})
        grid->setVisible(showing);
    if (!showing) {
        ela_title_->setText(JpegHtml::errorLevelsCaption());
        ela_->setAccessibleName(tr("Error level analysis"));
        if (ela_->image().cacheKey() != shown_ela_.cacheKey()) ela_->setImage(shown_ela_);
        return;
    }
    ela_->setAccessibleName(tr("JPEG ghosts"));
    if (found != ghosts_.end()) {
        ela_title_->setText(JpegHtml::ghostsCaption(QPoint(grid_x, grid_y)));
        Ghosts& g = found->second;
        const int last = static_cast<int>(g.maps.size()) - 1;
        if (ghost_quality_->maximum() != last || ghost_shown_sha_ != shown_sha_) {
            // Another file's maps: the slider goes where the analyst left it for this file, else to
            // its map with the most contrast.
            const QSignalBlocker quiet(ghost_quality_);
            ghost_quality_->setRange(0, last);
            ghost_quality_->setValue(g.shown >= 0 ? g.shown : g.start);
            ghost_shown_sha_ = shown_sha_;
        }
        const int k = std::clamp(ghost_quality_->value(), 0, last);
        g.shown = k;
        ghost_label_->setText(tr("JPEG %1").arg(g.qualities[std::size_t(k)]));
        // Same size for every quality: the zoom and place stay while the analyst steps through them.
        const QImage& map = g.maps[std::size_t(k)];
        if (ela_->image().cacheKey() != map.cacheKey()) ela_->replaceImage(map);
        return;
    }
    ela_->setImage({});
    if (const auto e = ghost_errors_.find(shown_sha_); e != ghost_errors_.end()) {
        ela_title_->setText(tr("<b>JPEG ghosts:</b> none could be made: %1").arg(e->second.toHtmlEscaped()));
        return;
    }
    ela_title_->setText(tr("<b>JPEG ghosts:</b> computing\u2026"));
    if (ghost_watcher_.isRunning()) return; // its end calls this again for the file then on screen
    // The ghosts need the stored 8 x 8 grid at full size: the file is read again.
    ghost_watcher_.setFuture(QtConcurrent::run(
        [file = shown_file_, sha = shown_sha_, closing = queue_.closing(), reader = queue_.reader(), grid_x, grid_y] {
            GhostJob job{sha, {}, file, {}};
            if (auto ev = read_again(file, sha, reader, job.error))
                job.ghosts = makeGhosts(
                    *ev, [closing] { return closing->load(); }, job.error, grid_x, grid_y);
            return job;
        }));
}

std::optional<MainWindow::Ghosts> MainWindow::makeGhosts(const Evidence& ev, const AbortCallback& abort, QString& error,
                                                         int grid_x, int grid_y)
{
    JpegGhostParams params;
    params.abort = abort;
    params.grid_x = grid_x;
    params.grid_y = grid_y;
    auto ghosts = jpeg_ghosts(to_picture(ev.pixels), params);
    if (!ghosts) {
        error = QString::fromStdString(ghosts.status().message());
        return std::nullopt;
    }
    Ghosts g;
    g.qualities = ghosts->qualities;
    g.grid_x = ghosts->grid_x; // as made, not as asked
    g.grid_y = ghosts->grid_y;
    double most = -1;
    for (std::size_t k = 0; k < ghosts->maps.size(); ++k) {
        const auto& d = ghosts->maps[k].data;
        double sum = 0, squares = 0;
        for (std::uint8_t v : d) sum += v, squares += double(v) * v;
        const double n = double(std::max<std::size_t>(1, d.size()));
        const double spread = squares / n - (sum / n) * (sum / n);
        if (spread > most) most = spread, g.start = int(k);
        g.maps.push_back(to_qimage(ghosts->maps[k]));
    }
    g.sheet = to_qimage(jpeg_ghost_sheet(*ghosts));
    return g;
}

bool MainWindow::makeReportFigures(bool maps, bool ghosts)
{
    struct Item {
        std::string sha256;
        QString file;
        bool map = false, ghosts = false; // asked
        KeptJpegGhosts grid;              // the ghosts' (the case's, where it kept one)
        std::optional<ScoreMap> made_map;
        std::optional<Ghosts> made_ghosts;
        QString map_error, ghost_error;
    };
    std::vector<Item> items;
    for (int row = 0; row < model_.rowCount(); ++row) {
        const Analysis* a = model_.analysis(row);
        if (!a || !a->error.isEmpty()) continue;
        const std::string& sha = a->info.sha256;
        Item item;
        item.sha256 = sha;
        item.file = a->file;
        item.map = maps && !maps_.contains(sha) && !map_errors_.contains(sha);
        // Ghosts the analyst made in an earlier session are made again, on the grid the case kept.
        const CaseEvidence* e = caseEntry(sha);
        const auto kept = e ? kept_jpeg_ghosts(*e) : std::nullopt;
        item.ghosts = (ghosts || kept) && a->info.format == "JPEG" && !ghosts_.contains(sha) && !ghost_errors_.contains(sha);
        if (kept)
            item.grid = *kept;
        else if (a->block_grid && a->block_grid->found) // nobody chose one: where the picture's blocks lie
            item.grid = {a->block_grid->grid_x, a->block_grid->grid_y};
        if (item.map || item.ghosts) items.push_back(std::move(item));
    }
    if (items.empty()) return true;
    const bool any_map = std::any_of(items.begin(), items.end(), [](const Item& i) { return i.map; });
    const bool any_ghosts = std::any_of(items.begin(), items.end(), [](const Item& i) { return i.ghosts; });
    const QString what = any_map && any_ghosts ? tr("Making the heat maps and JPEG ghosts for the report: file %1 of %2\u2026")
                         : any_map             ? tr("Making the heat maps for the report: file %1 of %2\u2026")
                                               : tr("Making the JPEG ghosts for the report: file %1 of %2\u2026");
    const int n = int(items.size());
    QProgressDialog progress(what.arg(1).arg(n), tr("Cancel"), 0, n, this);
    progress.setWindowTitle(tr("Export case report"));
    progress.setAccessibleName(tr("Report figures"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setAutoReset(false);
    progress.setValue(0);
    // One file at a time, each read once (checked against its SHA-256) for both figures.
    QFutureWatcher<std::vector<Item>> watcher;
    QEventLoop wait;
    connect(&watcher, &QFutureWatcherBase::progressValueChanged, &progress, [&](int done) {
        progress.setValue(done);
        progress.setLabelText(what.arg(std::min(done + 1, n)).arg(n));
    });
    connect(&progress, &QProgressDialog::canceled, &watcher, &QFutureWatcherBase::cancel);
    connect(&watcher, &QFutureWatcherBase::finished, &wait, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run(
        [detectors = &detectors_, closing = queue_.closing(), reader = queue_.reader()](QPromise<std::vector<Item>>& promise,
                                                                                        std::vector<Item> todo) {
            const auto stop = [&promise, closing] { return promise.isCanceled() || closing->load(); };
            promise.setProgressRange(0, int(todo.size()));
            for (std::size_t k = 0; k < todo.size() && !stop(); ++k) {
                Item& item = todo[k];
                QString error;
                if (auto ev = read_again(item.file, item.sha256, reader, error)) {
                    if (item.map) {
                        ScoreMapParams params;
                        params.abort = stop;
                        if (auto map = detectors->scoreMap(ev->pixels, params))
                            item.made_map = std::move(*map);
                        else
                            item.map_error = QString::fromStdString(map.status().message());
                    }
                    if (item.ghosts && !stop())
                        item.made_ghosts = makeGhosts(*ev, stop, item.ghost_error, item.grid.grid_x, item.grid.grid_y);
                } else {
                    item.map_error = item.ghost_error = error;
                }
                promise.setProgressValue(int(k + 1));
            }
            promise.addResult(std::move(todo));
        },
        std::move(items)));
    if (!watcher.isFinished()) wait.exec();
    // (A cancel before the job started reaches no future: the dialog remembers it.)
    if (progress.wasCanceled() || watcher.isCanceled() || queue_.closing()->load() || watcher.future().resultCount() == 0)
        return false;
    for (Item& item : watcher.result()) {
        if (item.made_map) {
            if (CaseEvidence* e = caseEntry(item.sha256)) keep_heat_map(*e, *item.made_map);
            maps_[item.sha256] = std::move(*item.made_map);
        } else if (item.map) {
            map_errors_[item.sha256] = item.map_error;
        }
        if (item.made_ghosts) {
            if (CaseEvidence* e = caseEntry(item.sha256)) keep_jpeg_ghosts(*e, item.grid);
            ghosts_[item.sha256] = std::move(*item.made_ghosts);
        } else if (item.ghosts)
            ghost_errors_[item.sha256] = item.ghost_error;
    }
    updateOverlay();
    updateJpegPicture();
    return true;
}

void MainWindow::updateOverlay()
{
    const QImage& errors = shown_ela_; // the shown file's, or none
    errors_->setEnabled(!errors.isNull());
    errors_legend_->setVisible(errors_->isChecked() && !errors.isNull());
    heat_legend_->setVisible(heat_->isChecked());
    if (errors_->isChecked()) {
        // Unticked by nobody when the next file is no JPEG: it shows again at the next one that is.
        if (errors.isNull())
            image_->clearOverlay();
        else
            image_->setOverlay(errors, 1.0);
        return;
    }
    if (!heat_->isChecked() || shown_sha_.empty()) {
        image_->clearOverlay();
        return;
    }
    if (const ScoreMap* m = heatMap(shown_sha_)) {
        image_->setOverlay(ReportFigures::heatMap(*m), 0.55);
        return;
    }
    image_->clearOverlay();
    if (const auto e = map_errors_.find(shown_sha_); e != map_errors_.end()) {
        statusBar()->showMessage(tr("No heat map: %1").arg(e->second), 5000);
        return;
    }
    if (map_watcher_.isRunning()) return; // its end calls this again for the image then on screen
    statusBar()->showMessage(tr("Computing the heat map\u2026"));
    map_watcher_.setFuture(QtConcurrent::run(
        [file = shown_file_, sha = shown_sha_, detectors = &detectors_, closing = queue_.closing(), reader = queue_.reader()] {
            MapJob job{sha, std::nullopt, file, {}};
            if (auto ev = read_again(file, sha, reader, job.error)) {
                ScoreMapParams params;
                params.abort = [closing] { return closing->load(); };
                auto map = detectors->scoreMap(ev->pixels, params);
                if (map)
                    job.map = std::move(*map);
                else
                    job.error = QString::fromStdString(map.status().message());
            }
            return job;
        }));
}

void MainWindow::chooseFile()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open evidence image"), QString(),
        tr("Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.heif *.avif *.bmp *.gif);;All files (*)"));
    if (!file.isEmpty()) {
        AppSettings::addRecentFile(file);
        rebuildRecentMenus();
        openFile(file);
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    for (const QUrl& url : urls)
        if (url.isLocalFile()) {
            AppSettings::addRecentFile(url.toLocalFile());
            openFile(url.toLocalFile()); // files and whole folders
            event->acceptProposedAction();
        }
    rebuildRecentMenus();
}

void MainWindow::showAnalysis(const Analysis& a)
{
    showModelCards(a.detectors.cards);
    {
        // Loading another file's notes is not an edit.
        const QSignalBlocker quiet(notes_);
        current_sha_ = a.error.isEmpty() ? a.info.sha256 : std::string();
        const CaseEvidence* e = caseEntry(current_sha_);
        notes_->setPlainText(e ? QString::fromStdString(e->notes) : QString());
        notes_->setEnabled(e != nullptr);
    }
    if (!a.error.isEmpty()) {
        info_->setText(tr("<b>%1</b><br>Cannot analyse: %2").arg(a.file.toHtmlEscaped(), a.error.toHtmlEscaped()));
        // Nothing of the previous image may stay on screen beside this file's name.
        image_->setImage(QImage());
        shown_file_.clear();
        shown_sha_.clear();
        spectra_->setSpectra({}, {}, {});
        results_->clear();
        metadata_->setRowCount(0);
        provenance_->clear();
        jpeg_->clear();
        shown_ela_ = QImage();
        ela_->setImage({});
        ela_->hide();
        ela_title_->hide();
        jpeg_choice_->hide();
        updateOverlay();
        tabs_->setTabText(tabs_->indexOf(jpeg_page_), tr("JPEG"));
        tabs_->setTabText(tabs_->indexOf(metadata_), tr("Metadata"));
        tabs_->setTabText(tabs_->indexOf(provenance_), tr("Provenance"));
        histogram_->setMarkers({});
        return;
    }
    const auto& s = *a.spectrum;
    const std::string renamed = name_format_note(a.info);
    info_->setText(
        tr("<b>%1</b><br>SHA-256 <tt>%2</tt><br>%3\u00d7%4 %5, %6-bit %7, %8 bytes \u2014 %9 periodic peak(s)<br><i>%10</i>")
            .arg(a.file.toHtmlEscaped(), QString::fromStdString(a.info.sha256))
            .arg(a.info.width)
            .arg(a.info.height)
            .arg(Wording::format(a.info.format, a.info.lossy))
            .arg(a.info.bit_depth)
            .arg(QString::fromStdString(a.info.colour_model))
            .arg(a.info.file_size)
            .arg(s.peaks.size())
            .arg(QString::fromStdString(pixel_grid_note(a.info)).toHtmlEscaped()) +
        // A file named as another format was renamed or re-saved: worth a look before anything else.
        (renamed.empty() ? QString() : QStringLiteral("<br><i>%1</i>").arg(QString::fromStdString(renamed).toHtmlEscaped())) +
        (a.changed_during_analysis.isEmpty()
             ? QString()
             : tr("<br><b style='color:#b03030'>The file changed on disk during the analysis (%1); these results "
                  "describe the bytes read at intake.</b>")
                   .arg(a.changed_during_analysis.toHtmlEscaped())));
    image_->setImage(a.preview);
    shown_file_ = a.file;
    const std::string previous_sha = std::exchange(shown_sha_, a.info.sha256);
    std::vector<widgets::SpectrumView::Spectrum> spectra{view_spectrum(s.image, Wording::spectrum("luminance"))};
    for (const auto& c : s.channels) spectra.push_back(view_spectrum(c, Wording::spectrum(c.name)));
    spectra.push_back(view_spectrum(s.residual, Wording::spectrum("residual")));
    spectra.push_back(view_spectrum(s.periodicity, Wording::spectrum("periodicity")));
    std::vector<widgets::SpectrumView::Peak> peaks;
    for (const auto& p : s.peaks) {
        const QString source = p.source == s.image.name ? Wording::spectrum("luminance") : Wording::spectrum(p.source);
        peaks.push_back({source, p.fx, p.fy});
    }
    spectra_->setSpectra(spectra, s.radial_frequency, peaks);

    metadata_->setRowCount(0);
    // What the file says of its origin first, then every text chunk, then Exiv2's entries.
    auto add_row = [&](const QString& family, const QString& key, const QString& value, const QString& tip, bool bold) {
        const int r = metadata_->rowCount();
        metadata_->insertRow(r);
        const QString texts[3] = {family, key, value};
        for (int col = 0; col < 3; ++col) {
            auto* item = new QTableWidgetItem(texts[col]);
            QFont f = item->font();
            f.setBold(bold);
            item->setFont(f);
            item->setToolTip(tip);
            metadata_->setItem(r, col, item);
        }
    };
    // What the findings mean is in the Provenance tab; here, the raw text chunks beside Exiv2's entries.
    std::size_t provenance_rows = 0;
    const Provenance* prov = a.provenance ? &*a.provenance : nullptr;
    provenance_->setHtml(ProvenanceHtml::render(prov));
    jpeg_->setHtml(JpegHtml::render(a.jpeg ? &*a.jpeg : nullptr, QString::fromStdString(a.info.format), a.jpeg_error,
                                    a.block_grid ? &*a.block_grid : nullptr, !a.ela.isNull()));
    tabs_->setTabText(tabs_->indexOf(jpeg_page_), a.jpeg && JpegHtml::notable(*a.jpeg) ? tr("JPEG \u26a0") : tr("JPEG"));
    shown_ela_ = a.ela;
    ela_->setVisible(!a.ela.isNull());
    ela_title_->setVisible(!a.ela.isNull());
    jpeg_choice_->setVisible(!a.ela.isNull());
    if (shown_sha_ != previous_sha) showGhostGrid();
    updateJpegPicture();
    updateOverlay(); // after the error level picture: it may be the overlay
    const int rank = ProvenanceHtml::rank(prov);
    tabs_->setTabText(tabs_->indexOf(provenance_), rank == 2    ? tr("Provenance \u2713")
                                                   : rank == -1 ? tr("Provenance \u2717")
                                                   : rank == 1  ? tr("Provenance \u2022")
                                                                : tr("Provenance"));
    tabs_->setTabToolTip(tabs_->indexOf(provenance_), ProvenanceHtml::column(prov));
    if (a.provenance) {
        for (const auto& c : a.provenance->chunks)
            add_row(QString::fromStdString(c.container), QString::fromStdString(c.keyword),
                    QString::fromStdString(c.text.substr(0, 2000)),
                    tr("%1 bytes of text%2").arg(c.text.size()).arg(c.truncated ? tr(", cut at the reader's limit") : QString()),
                    false);
        provenance_rows = std::size_t(metadata_->rowCount());
    }
    for (const auto& m : a.metadata) {
        const int r = metadata_->rowCount();
        metadata_->insertRow(r);
        metadata_->setItem(r, 0, new QTableWidgetItem(QString::fromStdString(m.family)));
        auto* key = new QTableWidgetItem(QString::fromStdString(m.key));
        key->setToolTip(key->text());
        metadata_->setItem(r, 1, key);
        auto* value = new QTableWidgetItem(QString::fromStdString(m.value));
        value->setToolTip(tr("Stored value: %1").arg(QString::fromStdString(m.raw)));
        metadata_->setItem(r, 2, value);
    }
    tabs_->setTabText(tabs_->indexOf(metadata_), a.metadata_error.isEmpty()
                                                     ? tr("Metadata (%1)").arg(a.metadata.size() + provenance_rows)
                                                     : tr("Metadata (unreadable)"));
    tabs_->setTabToolTip(tabs_->indexOf(metadata_),
                         a.metadata_error.isEmpty() ? tr("EXIF, IPTC and XMP through Exiv2") : a.metadata_error);
    metadata_->resizeColumnsToContents();
    // The value is what the analyst reads: family and key give up width first in a narrow pane.
    const int room = tabs_->width(); // the page itself may not be laid out while another tab shows
    metadata_->setColumnWidth(0, std::min(metadata_->columnWidth(0), room / 6));
    metadata_->setColumnWidth(1, std::min(metadata_->columnWidth(1), room * 9 / 20));

    const auto& d = a.detectors;
    QString text;
    if (!d.scores.scores.empty()) text += VerdictHtml::overall(d.scores) + QStringLiteral("<br><br>");
    if (d.clipflow()) {
        const auto& c = d.clipflow()->calibrated;
        const auto& score = *d.score(DetectorKind::ClipFlow);
        text += tr("<b>CLIP-Flow</b> (%1, backbone %2)<br>%3<br>%4 \u00b7 %5 \u00b7 ai_score %6<br>")
                    .arg(d.model_id(DetectorKind::ClipFlow), d.backbone(), VerdictHtml::verdict(score),
                         Wording::pValue(c.p_value, c.p_extrapolated).toHtmlEscaped(),
                         widgets::LikelihoodHistogram::percentileText(c.percentile))
                    .arg(c.ai_score, 0, 'f', 2);
        if (const QString n = VerdictHtml::calibrationNote(score); !n.isEmpty()) text += n + QStringLiteral("<br>");
        if (const QString r = VerdictHtml::robustness(score); !r.isEmpty()) text += r + QStringLiteral("<br>");
        text += QStringLiteral("<br>");
    }
    if (d.supervised()) {
        const auto& v = *d.supervised();
        const auto& score = *d.score(DetectorKind::Supervised);
        text += tr("<b>Supervised</b> (%1)<br>%2<br>%3 \u00b7 %4<br>")
                    .arg(d.model_id(DetectorKind::Supervised), VerdictHtml::verdict(score),
                         VerdictHtml::supervisedNumbers(v).toHtmlEscaped(), Wording::maker(v.generator).toHtmlEscaped());
        if (const QString r = VerdictHtml::robustness(score); !r.isEmpty()) text += r + QStringLiteral("<br>");
    }
    if (d.disagree()) text += tr("<br><b style='color:#b03030'>The detectors disagree.</b> Look at the spectra.<br>");
    if (a.provenance && a.provenance->says_ai)
        text += tr("<br><b style='color:#b03030'>The file says it was AI-generated:</b> %1 (see Provenance; "
                   "metadata can be forged or removed)<br>")
                    .arg(QString::fromStdString(a.provenance->summary()).toHtmlEscaped());
    else if (a.provenance && a.provenance->c2pa.present)
        text += tr("<br>Content Credentials: %1 (see Provenance)<br>")
                    .arg(QString::fromStdString(a.provenance->c2pa.short_label()).toHtmlEscaped());
    else if (a.provenance && a.provenance->says_camera)
        text += tr("<br>The file's metadata claims a camera capture (IPTC %1); metadata can be forged.<br>")
                    .arg(QString::fromStdString(a.provenance->digital_source_type).toHtmlEscaped());
    if (!d.error.isEmpty()) text += tr("<br><i>%1</i>").arg(d.error.toHtmlEscaped());
    text += tr(
        "<br><small>Absence of evidence is not proof of authenticity; resizing and recompression weaken every detector.</small>");
    results_->setText(text);
    ReportFigures::showCalibration(*histogram_, a);
}

} // namespace clipflow::app
