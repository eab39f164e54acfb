#include "trainingdialog.h"
#include "folderlisting.h"
#include "wording.h"

#include <clipflow/clipflowdetector.h>
#include <clipflow/imagepaths.h>
#include <clipflow/laundering.h>
#include <clipflow/learnedbackbone.h>
#include <clipflow/modelregistry.h>
#include <clipflow/widgets/trainingmonitor.h>

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <limits>

namespace clipflow::app {

namespace {
// On "Start from" items: whether those weights read the chroma halved (unset: random weights).
constexpr int kHalvedRole = Qt::UserRole + 1;
} // namespace

TrainingDialog::TrainingDialog(QWidget* parent)
    : QDialog(parent), out_dir_(QString::fromStdString(ModelRegistry::default_dir()) + QStringLiteral("/detectors"))
{
    setWindowTitle(tr("Train a CLIP-Flow detector"));
    what_ = new QComboBox(this);
    what_->setAccessibleName(tr("What to train"));
    what_->addItem(tr("A CLIP-Flow detector"));
    what_->addItem(tr("The learned backbone (forensic-v2)"));
    what_->setToolTip(tr("The backbone learns, from natural photos only, to tell them from decoder-like proxies; "
                         "its weights can then carry a new detector."));
    steps_ = new QSpinBox(this);
    steps_->setRange(10, 1000000);
    steps_->setValue(BackboneTrainParams{}.steps);
    steps_->setAccessibleName(tr("Steps"));
    start_from_ = new QComboBox(this);
    start_from_->setAccessibleName(tr("Start from"));
    start_from_->setToolTip(tr("Train further from existing weights (a new schedule over the steps you choose), "
                               "or from random weights."));
    start_from_->addItem(tr("Random weights"), QString());
    folders_ = new QListWidget(this);
    folders_->setAccessibleName(tr("Natural-image folders"));
    folders_->setToolTip(tr("Photos straight from cameras, never AI images: the detector learns what natural looks like."));
    add_ = new QPushButton(tr("Add folder\u2026"), this);
    remove_ = new QPushButton(tr("Remove"), this);
    backbone_ = new QComboBox(this);
    backbone_->setAccessibleName(tr("Backbone"));
    backbone_->addItem(tr("Forensic features (no weights, fast)"), QStringLiteral("forensic"));
    if (auto v2 = find_default_detector(QCoreApplication::applicationDirPath().toStdString(), LearnedBackbone::kDefaultFile)) {
        backbone_->addItem(tr("Learned forensic network (forensic-v2, shipped)"),
                           QStringLiteral("forensic-v2:") + QString::fromStdString(*v2));
        start_from_->addItem(tr("The shipped forensic-v2 weights"), QString::fromStdString(*v2));
        start_from_->setItemData(start_from_->count() - 1, false, kHalvedRole);
    }
    if (auto halved = find_default_detector(QCoreApplication::applicationDirPath().toStdString(), LearnedBackbone::kHalvedFile)) {
        start_from_->addItem(tr("The shipped forensic-v2 weights, chroma halved"), QString::fromStdString(*halved));
        start_from_->setItemData(start_from_->count() - 1, true, kHalvedRole);
    }
    if (auto models = ModelRegistry().list())
        for (const auto& m : *models)
            backbone_->addItem(tr("CLIP %1 (%2)").arg(QString::fromStdString(m.name), QString::fromStdString(m.id)),
                               QString::fromStdString(m.file));
    objective_ = new QComboBox(this);
    objective_->setAccessibleName(tr("Objective"));
    objective_->addItem(tr("Combined: raise natural, lower proxies"));
    objective_->addItem(tr("Proxies only: lower proxies"));
    epochs_ = new QSpinBox(this);
    epochs_->setRange(1, 2000);
    epochs_->setValue(60);
    epochs_->setAccessibleName(tr("Epochs"));
    // Items in TrainingRequest::Bound's order; as taken by default, as on the command line.
    bound_ = new QComboBox(this);
    bound_->setAccessibleName(tr("False-positive bound"));
    bound_->addItem(tr("Photos as taken"));
    bound_->setItemData(0, tr("At most 5% of held-out photos as they are flagged: the most sensitive reading."), Qt::ToolTipRole);
    bound_->addItem(tr("One threshold, also for photos delivered small (512 px, JPEG 85)"));
    bound_->setItemData(1,
                        tr("The threshold then holds at most 5% false positives for held-out photos shrunk to 512 px "
                           "and recompressed too: fewer false alarms on such copies, but fewer AI images flagged "
                           "everywhere (see the method documentation)."),
                        Qt::ToolTipRole);
    bound_->addItem(tr("Per kind: small JPEG copies against photos delivered small"));
    bound_->setItemData(2,
                        tr("Small JPEG files (shorter side at most %1 px) are read against the held-out photos "
                           "delivered so, every other image against them as taken: each kind keeps its own 5% bound "
                           "(as the shipped detector does).")
                            .arg(kDeliveredCopyMaxSide),
                        Qt::ToolTipRole);
    either_ = new QCheckBox(tr("Read photos in either orientation"), this);
    either_->setChecked(true);
    either_->setToolTip(tr("Each view is read as it is and transposed, and the more natural reading counts (the "
                           "held-out photos too), so a photo saved turned a quarter keeps the false-positive bound, as "
                           "with the shipped detector. Unchecked: the stored pixel grid, which is faster."));
    halve_ = new QCheckBox(tr("Read with the chroma halved"), this);
    halve_->setToolTip(tr("The network reads every image with its colour averaged over 2 \u00d7 2 pixels, as a JPEG "
                          "saved with 4:2:0 chroma does, so it learns from luminance what colour would tell it too "
                          "easily: the network of the shipped detector's second reading. Weights to start from must "
                          "have been trained so too."));
    second_ = new QCheckBox(tr("Also read with the chroma halved, as the shipped detector"), this);
    second_->setToolTip(tr("A second flow is trained over the shipped network that reads the chroma halved, on the "
                           "decoder proxies, and joined to the first: each view then reads as the less natural of "
                           "the two (the shipped detector's recipe; better on AI images saved as JPEG). About twice "
                           "the time to train and to score. The held-out photos are read as delivered too, so the "
                           "bound is never for photos as taken only. Needs the forensic-v2 backbone."));
    second_->setEnabled(false);
    second_->setProperty(
        "halvedFound",
        find_default_detector(QCoreApplication::applicationDirPath().toStdString(), LearnedBackbone::kHalvedFile).ok());
    connect(backbone_, &QComboBox::currentIndexChanged, this, &TrainingDialog::updateSecondReading);
    // Joining scores the held-out photos as delivered: "as taken" cannot be had with a second reading.
    connect(second_, &QCheckBox::toggled, this, [this](bool on) {
        if (auto* m = qobject_cast<QStandardItemModel*>(bound_->model())) m->item(0)->setEnabled(!on);
        if (on && bound_->currentIndex() == 0) bound_->setCurrentIndex(2);
    });
    // Weights to start from fix how the network reads colour: follow them, so Start cannot be refused for it.
    connect(start_from_, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (const QVariant halved = start_from_->itemData(i, kHalvedRole); halved.isValid()) halve_->setChecked(halved.toBool());
    });
    // Log-uniform in [S, 1] as on the command line; 1 draws nothing, so models and caches keep their keys.
    decoder_strength_ = new QDoubleSpinBox(this);
    decoder_strength_->setRange(0.01, 1.0);
    decoder_strength_->setDecimals(2);
    decoder_strength_->setSingleStep(0.05);
    decoder_strength_->setValue(1.0);
    decoder_strength_->setAccessibleName(tr("Decoder proxies' strength"));
    decoder_strength_->setToolTip(
        tr("The two decoder proxies (VAE-like decoder, up-sampling cascade) are moved back toward the photo by a "
           "strength drawn between this value and 1: a trained decoder keeps its error small, so its traces are "
           "weaker than a whole proxy's. 1 leaves them whole (the shipped recipe); the method documentation says "
           "what lower values did."));
    name_ = new QLineEdit(QStringLiteral("my-detector"), this);
    name_->setAccessibleName(tr("Model name"));
    device_ = new QLabel(tr("Runs on: %1").arg(TrainingJob::deviceDescription()), this);
    status_ = new QLabel(tr("Choose folders of natural photos, then Start."), this);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar_ = new QProgressBar(this);
    bar_->setAccessibleName(tr("Training progress"));
    monitor_ = new widgets::TrainingMonitor(this);
    monitor_->setSeriesNames(tr("natural NLL"), tr("proxy NLL"));
    monitor_->setMinimumSize(520, 300);

    auto* folderButtons = new QHBoxLayout;
    folderButtons->addWidget(add_);
    folderButtons->addWidget(remove_);
    folderButtons->addStretch();
    auto* form = new QFormLayout;
    form_ = form;
    form->addRow(tr("Train"), what_);
    form->addRow(tr("Natural photos"), folders_);
    form->addRow(QString(), folderButtons);
    form->addRow(tr("Backbone"), backbone_);
    form->addRow(tr("Objective"), objective_);
    form->addRow(tr("Epochs"), epochs_);
    form->addRow(tr("False-positive bound"), bound_);
    form->addRow(tr("Orientation"), either_);
    form->addRow(tr("Second reading"), second_);
    form->addRow(tr("Steps"), steps_);
    form->addRow(tr("Start from"), start_from_);
    form->addRow(tr("Chroma"), halve_);
    form->addRow(tr("Decoder proxies' strength"), decoder_strength_);
    form->addRow(tr("Model name"), name_);
    form->addRow(QString(), device_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    start_ = buttons->addButton(tr("Start"), QDialogButtonBox::ActionRole);
    cancel_ = buttons->addButton(tr("Cancel training"), QDialogButtonBox::ActionRole);
    auto* right = new QVBoxLayout;
    right->addWidget(monitor_, 1);
    right->addWidget(bar_);
    right->addWidget(status_);
    auto* top = new QHBoxLayout;
    top->addLayout(form, 2);
    top->addLayout(right, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);

    connect(add_, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder of natural photos"));
        if (!dir.isEmpty()) addFolder(dir);
    });
    connect(remove_, &QPushButton::clicked, this, [this] {
        delete folders_->currentItem();
        updateButtons();
    });
    connect(name_, &QLineEdit::textChanged, this, &TrainingDialog::updateButtons);
    connect(what_, &QComboBox::currentIndexChanged, this, &TrainingDialog::updateMode);
    connect(&job_, &TrainingJob::lossPoint, this,
            [this](int step, double loss, int) { monitor_->addPoint(step, loss, std::numeric_limits<double>::quiet_NaN()); });
    connect(start_, &QPushButton::clicked, this, &TrainingDialog::startTraining);
    connect(cancel_, &QPushButton::clicked, this, &TrainingDialog::cancelTraining);
    connect(buttons, &QDialogButtonBox::rejected, this, &TrainingDialog::reject);
    connect(&job_, &TrainingJob::progress, this, [this](const QString& stage, long done, long total, double eta) {
        bar_->setRange(0, int(std::max(1L, total)));
        bar_->setValue(int(std::min(done, total)));
        const QString reading = reading_ == 1   ? tr("First reading, ")
                                : reading_ == 2 ? tr("Second reading, ")
                                : reading_ == 3 ? tr("Both readings joined, ")
                                                : QString();
        status_->setText(reading + tr("%1: %2 of %3 \u2014 about %4 s left").arg(stage).arg(done).arg(total).arg(eta, 0, 'f', 0));
    });
    // Each reading's flow has its own curves.
    connect(&job_, &TrainingJob::readingChanged, this, [this](int reading) {
        reading_ = reading;
        if (reading == 2) monitor_->clear();
    });
    connect(&job_, &TrainingJob::trainingPoint, this,
            [this](double x, double natural, double proxy, int epochs, double rate, double eta) {
                monitor_->addPoint(x, natural, proxy);
                monitor_->setStatus(int(std::ceil(x)), epochs, rate, eta, TrainingJob::deviceDescription());
            });
    connect(&job_, &TrainingJob::finished, this, [this](bool ok, const QString& path, const QString& message) {
        if (ok && trainsBackbone()) {
            bar_->setRange(0, 1);
            bar_->setValue(1);
            status_->setText(tr("Done: backbone weights saved to %1. Train a detector on them: they are now a "
                                "Backbone choice.")
                                 .arg(path));
            backbone_->addItem(tr("Learned forensic network (%1)").arg(QFileInfo(path).completeBaseName()),
                               QStringLiteral("forensic-v2:") + path);
            start_from_->addItem(tr("Learned forensic network (%1)").arg(QFileInfo(path).completeBaseName()), path);
            start_from_->setItemData(start_from_->count() - 1, halve_->isChecked(), kHalvedRole);
            Q_EMIT backboneReady(path);
        } else if (ok) {
            bar_->setRange(0, 1);
            bar_->setValue(1);
            status_->setText(tr("Done: calibrated detector saved to %1. It is now in the model list.").arg(path));
            Q_EMIT modelReady(path);
        } else {
            status_->setText(TrainingJob::canResume(outputPath())
                                 ? tr("Stopped: %1\nStart again to resume from the last checkpoint.").arg(message)
                                 : tr("Failed: %1").arg(message));
        }
        updateButtons();
    });
    updateMode();
}

TrainingDialog::~TrainingDialog()
{
    if (listing_) {
        stop_listing_->store(true);
        listing_->waitForFinished();
    }
}

bool TrainingDialog::trainsBackbone() const
{
    return what_->currentIndex() == 1;
}

void TrainingDialog::updateMode()
{
    const bool backbone = trainsBackbone();
    setWindowTitle(backbone ? tr("Train the learned backbone") : tr("Train a CLIP-Flow detector"));
    form_->setRowVisible(backbone_, !backbone);
    form_->setRowVisible(objective_, !backbone);
    form_->setRowVisible(epochs_, !backbone);
    form_->setRowVisible(bound_, !backbone);
    form_->setRowVisible(either_, !backbone);
    form_->setRowVisible(second_, !backbone);
    form_->setRowVisible(steps_, backbone);
    form_->setRowVisible(start_from_, backbone);
    form_->setRowVisible(halve_, backbone);
    if (backbone)
        monitor_->setSeriesNames(tr("training loss"), QString(), tr("Step"));
    else
        monitor_->setSeriesNames(tr("natural NLL"), tr("proxy NLL"));
    updateButtons();
}

void TrainingDialog::setTrainBackbone(bool backbone)
{
    what_->setCurrentIndex(backbone ? 1 : 0);
}

void TrainingDialog::setSteps(int steps)
{
    steps_->setValue(steps);
}

void TrainingDialog::addFolder(const QString& folder)
{
    folders_->addItem(QDir::toNativeSeparators(folder));
    updateButtons();
}

void TrainingDialog::setModelName(const QString& name)
{
    name_->setText(name);
}

void TrainingDialog::setEpochs(int epochs)
{
    epochs_->setValue(epochs);
}

QString TrainingDialog::outputPath() const
{
    return out_dir_ + u'/' + name_->text().trimmed() + QStringLiteral(".safetensors");
}

QString TrainingDialog::statusText() const
{
    return status_->text();
}

void TrainingDialog::updateButtons()
{
    const bool running = isBusy();
    const QString name = name_->text().trimmed();
    const bool name_ok = !name.isEmpty() && !name.contains(u'/') && !name.contains(u'\\') && !name.startsWith(u'.');
    start_->setEnabled(!running && folders_->count() > 0 && name_ok);
    start_->setText(TrainingJob::canResume(outputPath()) ? tr("Resume") : tr("Start"));
    cancel_->setEnabled(running);
    for (QWidget* w : std::initializer_list<QWidget*>{what_, folders_, backbone_, objective_, epochs_, bound_, either_, steps_,
                                                      start_from_, halve_, decoder_strength_, name_, add_, remove_})
        w->setEnabled(!running);
    updateSecondReading();
}

void TrainingDialog::updateSecondReading()
{
    // The halved network cuts forensic-v2's views: a second reading joins only a forensic-v2 first.
    const bool possible = !isBusy() && second_->property("halvedFound").toBool() &&
                          backbone_->currentData().toString().startsWith(QLatin1String("forensic-v2:"));
    second_->setEnabled(possible);
    if (!possible && !isBusy()) second_->setChecked(false);
}

void TrainingDialog::startTraining()
{
    if (isBusy()) return;
    std::vector<std::string> folders;
    for (int i = 0; i < folders_->count(); ++i)
        folders.push_back(QDir::fromNativeSeparators(folders_->item(i)->text()).toStdString());
    auto stop = std::make_shared<std::atomic_bool>(false);
    stop_listing_ = stop;
    listing_ = new QFutureWatcher<ImagePaths>(this);
    connect(listing_, &QFutureWatcher<ImagePaths>::finished, this, [this, watcher = listing_, stop] {
        listing_ = nullptr;
        watcher->deleteLater();
        bar_->setRange(0, 1);
        bar_->setValue(0);
        if (stop->load())
            status_->setText(tr("Cancelled before training began."));
        else
            startWith(watcher->result());
        updateButtons();
    });
    listing_->setFuture(list_folders(std::move(folders), stop));
    status_->setText(tr("Listing the folders\u2026"));
    bar_->setRange(0, 0); // busy: how many folders remain is not known
    updateButtons();
}

void TrainingDialog::startWith(const ImagePaths& found)
{
    TrainingRequest r;
    // A model is made from every photo asked for, or not at all (as `clipflow train`).
    if (!found.problems.empty()) {
        status_->setText(tr("Not started: %1").arg(Wording::folderProblem(found.problems.front())));
        return;
    }
    for (const std::string& f : found.files) r.natural_files << QString::fromStdString(f);
    r.out_path = outputPath();
    r.backbone = backbone_->currentData().toString();
    r.proxy_only = objective_->currentIndex() == 1;
    r.epochs = epochs_->value();
    r.bound = static_cast<TrainingRequest::Bound>(bound_->currentIndex());
    r.either_orientation = either_->isChecked();
    r.second_reading = !trainsBackbone() && second_->isChecked();
    r.what = trainsBackbone() ? TrainingRequest::What::Backbone : TrainingRequest::What::Detector;
    r.steps = steps_->value();
    r.decoder_strength = decoder_strength_->value();
    r.halve_chroma = trainsBackbone() && halve_->isChecked();
    if (trainsBackbone()) r.init_path = start_from_->currentData().toString();
    r.cache_dir = cache_dir_;
    if (r.natural_files.isEmpty()) {
        status_->setText(tr("The folders hold no images."));
        return;
    }
    if (!QDir().mkpath(out_dir_)) {
        status_->setText(tr("Cannot create %1").arg(out_dir_));
        return;
    }
    if (!TrainingJob::canResume(r.out_path)) monitor_->clear();
    reading_ = 0;
    status_->setText(tr("Starting on %1 photos\u2026").arg(r.natural_files.size()));
    job_.start(r);
    updateButtons();
}

void TrainingDialog::cancelTraining()
{
    if (listing_) stop_listing_->store(true); // the listing's end says so
    job_.cancel();
    status_->setText(tr("Cancelling\u2026"));
}

void TrainingDialog::reject()
{
    if (isBusy()) {
        cancelTraining();
        return; // closes once the job has stopped and the user closes again
    }
    QDialog::reject();
}

} // namespace clipflow::app
