#pragma once
// The model manager: every detector and CLIP model this user can use (the
// shipped defaults, detectors they trained or installed, CLIP checkpoints),
// installing from a file, choosing the active detectors, and downloading a
// CLIP checkpoint — only when the user asks, with the URL shown first.
// GUI thread only; the download is asynchronous.

#include "modeldownloader.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace clipflow::app {

class ModelManager : public QDialog {
    Q_OBJECT
public:
    struct Row {
        QString kind; // "clipflow", "supervised", "clip"
        QString name, details, path;
    };

    // models_dir: the user's models folder (ModelRegistry); exe_dir finds the shipped defaults.
    ModelManager(const QString& exe_dir, const QString& models_dir, QWidget* parent = nullptr);

    void refresh();
    const QList<Row>& rows() const { return rows_; }
    // Active detector files; empty means the shipped default.
    void setActive(const QString& clipflow, const QString& supervised);
    QString activeClipFlow() const { return active_clipflow_; }
    QString activeSupervised() const { return active_supervised_; }
    // Validates a detector or CLIP checkpoint and copies it into the models folder.
    bool installFile(const QString& path, QString* error = nullptr);
    // Starts downloading a CLIP checkpoint (explicit user action) into the models folder, then installs it.
    bool download(const QUrl& url);
    ModelDownloader* downloader() { return &downloader_; }
    QString statusText() const;
    QTableWidget* table() const { return table_; }
    QLineEdit* urlEdit() const { return url_; }

Q_SIGNALS:
    void activeChanged(const QString& clipflow, const QString& supervised);
    void installed(const QString& path);

private:
    void useSelected(const QString& kind);
    QString exe_dir_, models_dir_;
    QString active_clipflow_, active_supervised_;
    QList<Row> rows_;
    QTableWidget* table_;
    QLineEdit* url_;
    QLabel* status_;
    QProgressBar* bar_;
    QPushButton* download_;
    ModelDownloader downloader_;
};

} // namespace clipflow::app
