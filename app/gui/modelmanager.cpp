#include "modelmanager.h"

#include <clipflow/clipflowdetector.h>
#include <clipflow/clipflowmodel.h>
#include <clipflow/learnedbackbone.h>
#include <clipflow/modelregistry.h>
#include <clipflow/sha256.h>
#include <clipflow/supervisedmodel.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace clipflow::app {
namespace {

QString detectors_dir(const QString& models_dir)
{
    return models_dir + QStringLiteral("/detectors");
}

} // namespace

ModelManager::ModelManager(const QString& exe_dir, const QString& models_dir, QWidget* parent)
    : QDialog(parent), exe_dir_(exe_dir), models_dir_(models_dir)
{
    setWindowTitle(tr("Models"));
    table_ = new QTableWidget(0, 5, this);
    table_->setHorizontalHeaderLabels({tr("Active"), tr("Kind"), tr("Model"), tr("Details"), tr("File")});
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setAccessibleName(tr("Installed models"));
    auto* useClipFlow = new QPushButton(tr("Use for CLIP-Flow"), this);
    auto* useSupervised = new QPushButton(tr("Use for supervised"), this);
    auto* install = new QPushButton(tr("Install from file\u2026"), this);
    auto* row = new QHBoxLayout;
    row->addWidget(useClipFlow);
    row->addWidget(useSupervised);
    row->addStretch();
    row->addWidget(install);

    // Downloading: nothing happens until the user presses the button, and the URL is in plain sight.
    auto* box = new QGroupBox(tr("Download a CLIP model"), this);
    auto* preset = new QComboBox(box);
    preset->addItems({QStringLiteral("ViT-B/32"), QStringLiteral("ViT-L/14")});
    preset->setAccessibleName(tr("CLIP model"));
    url_ = new QLineEdit(ModelDownloader::openAiClipUrl(QStringLiteral("ViT-B/32")).toString(), box);
    url_->setAccessibleName(tr("Download URL"));
    download_ = new QPushButton(tr("Download CLIP model\u2026"), box);
    bar_ = new QProgressBar(box);
    bar_->hide();
    auto* dl = new QVBoxLayout(box);
    auto* dlRow = new QHBoxLayout;
    dlRow->addWidget(preset);
    dlRow->addWidget(url_, 1);
    dlRow->addWidget(download_);
    dl->addWidget(new QLabel(tr("Fetched only when you press the button, from this address; the SHA-256 in OpenAI's "
                                "URLs is checked. About 350 MB (ViT-B/32) or 900 MB (ViT-L/14)."),
                             box));
    dl->addLayout(dlRow);
    dl->addWidget(bar_);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_, 1);
    layout->addLayout(row);
    layout->addWidget(box);
    layout->addWidget(status_);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(useClipFlow, &QPushButton::clicked, this, [this] { useSelected(QStringLiteral("clipflow")); });
    connect(useSupervised, &QPushButton::clicked, this, [this] { useSelected(QStringLiteral("supervised")); });
    connect(install, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Install a model"), QString(),
                                                          tr("Models (*.safetensors *.pt *.bin);;All files (*)"));
        if (!file.isEmpty()) installFile(file);
    });
    connect(preset, &QComboBox::currentTextChanged, this,
            [this](const QString& name) { url_->setText(ModelDownloader::openAiClipUrl(name).toString()); });
    connect(download_, &QPushButton::clicked, this, [this] {
        if (downloader_.isRunning())
            downloader_.abort();
        else
            download(QUrl(url_->text().trimmed()));
    });
    connect(&downloader_, &ModelDownloader::progress, this, [this](qint64 got, qint64 total) {
        bar_->setRange(0, total > 0 ? 1000 : 0);
        if (total > 0) bar_->setValue(int(1000 * got / total));
        status_->setText(tr("Downloading: %1 MB").arg(double(got) / 1048576.0, 0, 'f', 1));
    });
    connect(&downloader_, &ModelDownloader::finished, this, [this](bool ok, const QString& path, const QString& error) {
        bar_->hide();
        download_->setText(tr("Download CLIP model\u2026"));
        if (!ok) {
            status_->setText(tr("Download failed: %1").arg(error));
            return;
        }
        installFile(path);
        QFile::remove(path); // the registry keeps its own copy; a file it refused is of no use
    });
    refresh();
}

void ModelManager::refresh()
{
    rows_.clear();
    QStringList files;
    for (const QString& dir : {QDir(exe_dir_).filePath(QStringLiteral("../share/clipflow/models")), detectors_dir(models_dir_)}) {
        const QDir d(dir);
        for (const QString& f : d.entryList({QStringLiteral("*.safetensors")}, QDir::Files, QDir::Name))
            files << QFileInfo(d.filePath(f)).canonicalFilePath();
    }
    // The shipped chroma-halved network by its SHA-256 (detectors pin their backbones by it): a
    // second reading over it is named so, not "forensic-v2" as the first reading is.
    std::string halved_sha;
    if (auto halved = find_default_detector(exe_dir_.toStdString(), LearnedBackbone::kHalvedFile))
        if (auto sha = Sha256::file_hex(*halved)) halved_sha = *sha;
    for (const QString& f : std::as_const(files)) {
        const auto kind = detector_kind(f.toStdString());
        if (!kind) continue;
        Row r;
        r.kind = QString::fromStdString(*kind);
        r.path = f;
        if (*kind == "clipflow") {
            if (auto info = ClipFlowModelInfo::read(f.toStdString())) {
                r.name = QString::fromStdString(info->model_id);
                const auto& cal = info->calibration;
                // A detector that reads every view twice costs about twice as much: say so where it is chosen.
                QString backbone = QString::fromStdString(info->backbone_id);
                if (info->second_reading) {
                    const auto& second = info->second_reading->backbone;
                    QString name = QString::fromStdString(second.backbone_id);
                    if (!halved_sha.empty() && second.backbone_weights_sha256 == halved_sha)
                        name = tr("%1 with the chroma halved").arg(name);
                    backbone = tr("%1, read twice (second reading: %2)").arg(backbone, name);
                }
                r.details = cal.bound_holds()
                                ? tr("%1; calibrated on %2 natural photos, at most %3% false positives (%4% confidence)")
                                      .arg(backbone)
                                      .arg(cal.natural_count())
                                      .arg(cal.fpr() * 100, 0, 'g', 3)
                                      .arg(cal.confidence() * 100, 0, 'g', 3)
                                : tr("%1; calibrated on %2 natural photos, FPR %3%")
                                      .arg(backbone)
                                      .arg(cal.natural_count())
                                      .arg(cal.fpr() * 100, 0, 'f', 0);
            }
        } else if (auto info = SupervisedModelInfo::read(f.toStdString())) {
            r.name = QString::fromStdString(info->model_id);
            r.details = tr("%1; %n class(es)", nullptr, int(info->classes.size())).arg(QString::fromStdString(info->backbone_id));
        }
        if (!r.name.isEmpty()) rows_ << r;
    }
    if (auto clips = ModelRegistry(models_dir_.toStdString()).list())
        for (const auto& m : *clips)
            rows_ << Row{QStringLiteral("clip"), QString::fromStdString(m.name),
                         tr("%1, %2 layers, %3 px").arg(QString::fromStdString(m.format)).arg(m.layers).arg(m.image_size),
                         QString::fromStdString(m.file)};

    const QString defaultClipFlow =
        QDir(exe_dir_).filePath(QStringLiteral("../share/clipflow/models/clipflow-default.safetensors"));
    const QString defaultSupervised =
        QDir(exe_dir_).filePath(QStringLiteral("../share/clipflow/models/clipflow-supervised.safetensors"));
    auto active = [&](const Row& r) {
        const QString chosen = r.kind == QLatin1String("clipflow") ? active_clipflow_ : active_supervised_;
        const QString fallback = r.kind == QLatin1String("clipflow") ? defaultClipFlow : defaultSupervised;
        if (r.kind == QLatin1String("clip")) return false;
        return QFileInfo(chosen.isEmpty() ? fallback : chosen).canonicalFilePath() == r.path;
    };
    table_->setRowCount(0);
    for (const Row& r : std::as_const(rows_)) {
        const int i = table_->rowCount();
        table_->insertRow(i);
        const QString kind = r.kind == QLatin1String("clipflow")     ? tr("CLIP-Flow detector")
                             : r.kind == QLatin1String("supervised") ? tr("Supervised detector")
                                                                     : tr("CLIP backbone");
        table_->setItem(i, 0, new QTableWidgetItem(active(r) ? QStringLiteral("\u2713") : QString()));
        table_->setItem(i, 1, new QTableWidgetItem(kind));
        table_->setItem(i, 2, new QTableWidgetItem(r.name));
        table_->setItem(i, 3, new QTableWidgetItem(r.details));
        table_->setItem(i, 4, new QTableWidgetItem(QDir::toNativeSeparators(r.path)));
    }
    table_->resizeColumnsToContents();
}

void ModelManager::setActive(const QString& clipflow, const QString& supervised)
{
    active_clipflow_ = clipflow;
    active_supervised_ = supervised;
    refresh();
}

void ModelManager::useSelected(const QString& kind)
{
    const int i = table_->currentRow();
    if (i < 0 || i >= rows_.size() || rows_[i].kind != kind) {
        status_->setText(tr("Select a %1 model in the list first.")
                             .arg(kind == QLatin1String("clipflow") ? tr("CLIP-Flow") : tr("supervised")));
        return;
    }
    if (kind == QLatin1String("clipflow"))
        active_clipflow_ = rows_[i].path;
    else
        active_supervised_ = rows_[i].path;
    refresh();
    status_->setText(tr("Active: %1").arg(rows_.value(i).name));
    Q_EMIT activeChanged(active_clipflow_, active_supervised_);
}

bool ModelManager::installFile(const QString& path, QString* error)
{
    QString why;
    const auto kind = detector_kind(path.toStdString());
    if (kind) {
        // A detector: validated by reading its metadata, then copied beside the user's other detectors.
        const auto ok = *kind == "clipflow" ? ClipFlowModelInfo::read(path.toStdString()).ok()
                                            : SupervisedModelInfo::read(path.toStdString()).ok();
        const QString dest = detectors_dir(models_dir_) + u'/' + QFileInfo(path).fileName();
        if (!ok)
            why = tr("%1 is not a valid detector model").arg(path);
        else if (QFileInfo(dest).exists() && QFileInfo(dest).canonicalFilePath() != QFileInfo(path).canonicalFilePath())
            why = tr("a model named %1 is already installed").arg(QFileInfo(path).fileName());
        else if (!QDir().mkpath(detectors_dir(models_dir_)) || (!QFileInfo::exists(dest) && !QFile::copy(path, dest)))
            why = tr("cannot copy to %1").arg(dest);
        if (why.isEmpty()) {
            refresh();
            status_->setText(tr("Installed %1").arg(dest));
            Q_EMIT installed(dest);
            return true;
        }
    } else {
        auto clip = ModelRegistry(models_dir_.toStdString()).install_clip(path.toStdString());
        if (clip) {
            refresh();
            status_->setText(
                tr("Installed CLIP %1 (%2)").arg(QString::fromStdString(clip->name), QString::fromStdString(clip->id)));
            Q_EMIT installed(QString::fromStdString(clip->file));
            return true;
        }
        why = tr("neither a detector nor a CLIP checkpoint: %1").arg(QString::fromStdString(clip.status().message()));
    }
    status_->setText(tr("Not installed: %1").arg(why));
    if (error) *error = why;
    return false;
}

bool ModelManager::download(const QUrl& url)
{
    if (!QDir().mkpath(models_dir_)) return false;
    const QString dest = models_dir_ + QStringLiteral("/download-") + QFileInfo(url.path()).fileName();
    if (!downloader_.start(url, dest, ModelDownloader::expectedSha256(url))) {
        status_->setText(tr("Cannot download from %1").arg(url.toString()));
        return false;
    }
    bar_->show();
    download_->setText(tr("Cancel download"));
    status_->setText(tr("Downloading %1\u2026").arg(url.toString()));
    return true;
}

QString ModelManager::statusText() const
{
    return status_->text();
}

} // namespace clipflow::app
