#include "modeldownloader.h"

#include <QNetworkReply>
#include <QRegularExpression>
#include <QSaveFile>

namespace clipflow::app {

QUrl ModelDownloader::openAiClipUrl(const QString& name)
{
    static const QString base = QStringLiteral("https://openaipublic.azureedge.net/clip/models/");
    if (name == QLatin1String("ViT-B/32"))
        return QUrl(base + QStringLiteral("40d365715913c9da98579312b702a82c18be219cc2a73407c4526f58eba950af/ViT-B-32.pt"));
    if (name == QLatin1String("ViT-L/14"))
        return QUrl(base + QStringLiteral("b8cca3fd41ae0c99ba7e8951adf17d267cdb84cd88be6f7c2e0eca1737a03836/ViT-L-14.pt"));
    return {};
}

QString ModelDownloader::expectedSha256(const QUrl& url)
{
    static const QRegularExpression re(QStringLiteral("^/clip/models/([0-9a-f]{64})/[^/]+$"));
    if (url.host() != QLatin1String("openaipublic.azureedge.net")) return {};
    const auto m = re.match(url.path());
    return m.hasMatch() ? m.captured(1) : QString();
}

ModelDownloader::ModelDownloader(QObject* parent) : QObject(parent) {}

ModelDownloader::~ModelDownloader()
{
    abort();
}

bool ModelDownloader::start(const QUrl& url, const QString& dest_path, const QString& sha256, qint64 max_bytes)
{
    if (reply_ || !url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return false;
    file_ = std::make_unique<QSaveFile>(dest_path);
    if (!file_->open(QIODevice::WriteOnly)) {
        file_.reset();
        return false;
    }
    dest_ = dest_path;
    sha256_ = sha256.toLower();
    max_bytes_ = max_bytes;
    received_ = 0;
    error_.clear();
    hash_ = std::make_unique<QCryptographicHash>(QCryptographicHash::Sha256);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("ClipFlow-Forensics"));
    reply_ = network_.get(request);
    connect(reply_, &QNetworkReply::readyRead, this, [this] {
        const QByteArray chunk = reply_->readAll();
        received_ += chunk.size();
        if (received_ > max_bytes_) return fail(tr("the file is larger than %1 MB").arg(max_bytes_ >> 20));
        hash_->addData(chunk);
        if (file_->write(chunk) != chunk.size()) return fail(tr("cannot write %1: %2").arg(dest_, file_->errorString()));
    });
    connect(reply_, &QNetworkReply::downloadProgress, this, &ModelDownloader::progress);
    connect(reply_, &QNetworkReply::finished, this, [this] {
        QNetworkReply* reply = reply_;
        reply_ = nullptr;
        reply->deleteLater();
        QString error = error_;
        const int http = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (error.isEmpty() && http != 0 && http != 200) error = tr("the server answered HTTP %1").arg(http);
        if (error.isEmpty() && reply->error() != QNetworkReply::NoError) error = reply->errorString();
        if (error.isEmpty() && received_ == 0) error = tr("the server sent an empty file");
        const QString actual = QString::fromLatin1(hash_->result().toHex());
        if (error.isEmpty() && !sha256_.isEmpty() && actual != sha256_)
            error = tr("SHA-256 mismatch: expected %1, got %2").arg(sha256_, actual);
        if (error.isEmpty() && !file_->commit()) error = tr("cannot save %1: %2").arg(dest_, file_->errorString());
        if (!error.isEmpty()) file_->cancelWriting();
        file_.reset(); // a cancelled QSaveFile removes its temporary file
        Q_EMIT finished(error.isEmpty(), error.isEmpty() ? dest_ : QString(), error);
    });
    return true;
}

void ModelDownloader::fail(const QString& error)
{
    if (error_.isEmpty()) error_ = error;
    if (reply_) reply_->abort(); // finished() follows, and reports error_
}

void ModelDownloader::abort()
{
    fail(tr("cancelled"));
}

} // namespace clipflow::app
