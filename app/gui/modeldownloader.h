#pragma once
// Downloads one model file, only ever on an explicit user action (the model
// manager shows the URL first). Streams into a temporary file renamed into
// place when complete, checks the size cap and, when given, the SHA-256, and
// never leaves a partial file behind. GUI thread object; the network I/O is
// asynchronous (QNetworkAccessManager).

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <memory>

class QNetworkReply;
class QSaveFile;

namespace clipflow::app {

class ModelDownloader : public QObject {
    Q_OBJECT
public:
    // OpenAI's published CLIP checkpoints; the folder in each URL is the file's SHA-256.
    static QUrl openAiClipUrl(const QString& name); // "ViT-B/32", "ViT-L/14"; empty URL when unknown
    static QString expectedSha256(const QUrl& url); // from an OpenAI URL, else empty

    explicit ModelDownloader(QObject* parent = nullptr);
    ~ModelDownloader() override;

    // http and https only. False (with finished() not emitted) when one is running or the URL is unusable.
    bool start(const QUrl& url, const QString& dest_path, const QString& sha256 = {}, qint64 max_bytes = 8LL << 30);
    void abort();
    bool isRunning() const { return reply_ != nullptr; }

Q_SIGNALS:
    void progress(qint64 received, qint64 total); // total is -1 when the server does not say
    void finished(bool ok, const QString& path, const QString& error);

private:
    void fail(const QString& error);
    QNetworkAccessManager network_;
    QNetworkReply* reply_ = nullptr;
    std::unique_ptr<QSaveFile> file_;
    std::unique_ptr<QCryptographicHash> hash_;
    QString dest_, sha256_, error_;
    qint64 max_bytes_ = 0, received_ = 0;
};

} // namespace clipflow::app
