// Downloading a CLIP checkpoint from a local HTTP server (QTcpServer in this
// process): the bytes arrive intact, the SHA-256 is enforced, errors leave no
// file behind, and the model manager installs what was fetched.

#include <modeldownloader.h>
#include <modelmanager.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace clipflow::app;

namespace {

// Serves one body per path; "/missing" answers 404; "/slow" sends headers and then stalls.
class HttpServer : public QTcpServer {
public:
    QMap<QString, QByteArray> files;
    int requests = 0;
    HttpServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    const QByteArray request = s->readAll();
                    const QString path = QString::fromLatin1(request.split(' ').value(1));
                    ++requests;
                    if (path == QLatin1String("/slow")) {
                        s->write("HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\npartial");
                        return;
                    }
                    if (!files.contains(path)) {
                        s->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    } else {
                        const QByteArray body = files.value(path);
                        s->write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n"
                                 "Content-Length: " +
                                 QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    }
                    s->disconnectFromHost();
                });
            }
        });
    }
    QUrl url(const QString& path) const { return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path)); }
};

QByteArray sha(const QByteArray& b)
{
    return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex();
}

QString clip_fixture(const char* name)
{
    return qEnvironmentVariable("CLIPFLOW_CLIP_FIXTURES") + u'/' + QLatin1String(name);
}

} // namespace

class TestModelDownloader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(server_.listen(QHostAddress::LocalHost));
        QByteArray big(3 * 1024 * 1024 + 17, '\0');
        for (int i = 0; i < big.size(); ++i) big[i] = char((i * 2654435761u) >> 24);
        server_.files.insert(QStringLiteral("/big.bin"), big);
        server_.files.insert(QStringLiteral("/empty.bin"), QByteArray());
    }

    void openAiUrlsCarryTheirHash_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("file");
        QTest::newRow("ViT-B/32") << QStringLiteral("ViT-B/32") << QStringLiteral("ViT-B-32.pt");
        QTest::newRow("ViT-L/14") << QStringLiteral("ViT-L/14") << QStringLiteral("ViT-L-14.pt");
    }
    void openAiUrlsCarryTheirHash()
    {
        QFETCH(QString, name);
        QFETCH(QString, file);
        const QUrl url = ModelDownloader::openAiClipUrl(name);
        QCOMPARE(url.scheme(), QStringLiteral("https"));
        QVERIFY(url.path().endsWith(file));
        QCOMPARE(ModelDownloader::expectedSha256(url).size(), 64);
        QVERIFY(ModelDownloader::expectedSha256(
                    QUrl(QStringLiteral("https://example.org/clip/models/%1/x.pt").arg(ModelDownloader::expectedSha256(url))))
                    .isEmpty());
        QVERIFY(ModelDownloader::openAiClipUrl(QStringLiteral("RN50")).isEmpty());
    }

    void downloads_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("giveHash");
        QTest::addColumn<bool>("wrongHash");
        QTest::addColumn<qint64>("cap");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("why");
        QTest::newRow("3 MB, hash checked") << QStringLiteral("/big.bin") << true << false << (1LL << 30) << true << QString();
        QTest::newRow("no hash given") << QStringLiteral("/big.bin") << false << false << (1LL << 30) << true << QString();
        QTest::newRow("hash mismatch") << QStringLiteral("/big.bin") << true << true << (1LL << 30) << false
                                       << QStringLiteral("SHA-256 mismatch");
        QTest::newRow("404") << QStringLiteral("/missing") << false << false << (1LL << 30) << false << QStringLiteral("404");
        QTest::newRow("empty body") << QStringLiteral("/empty.bin") << false << false << (1LL << 30) << false
                                    << QStringLiteral("empty");
        QTest::newRow("larger than the cap")
            << QStringLiteral("/big.bin") << false << false << (1LL << 20) << false << QStringLiteral("larger than");
    }
    void downloads()
    {
        QFETCH(QString, path);
        QFETCH(bool, giveHash);
        QFETCH(bool, wrongHash);
        QFETCH(qint64, cap);
        QFETCH(bool, ok);
        QFETCH(QString, why);
        QTemporaryDir dir;
        const QString dest = dir.filePath(QStringLiteral("model.bin"));
        const QByteArray body = server_.files.value(path);
        QString hash = giveHash ? QString::fromLatin1(sha(body)) : QString();
        if (wrongHash) hash = QString(64, u'0');
        ModelDownloader d;
        QSignalSpy done(&d, &ModelDownloader::finished);
        QSignalSpy progress(&d, &ModelDownloader::progress);
        QVERIFY(d.start(server_.url(path), dest, hash, cap));
        QVERIFY(d.isRunning());
        QVERIFY(!d.start(server_.url(path), dest)); // one at a time
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
        QCOMPARE(done.at(0).at(0).toBool(), ok);
        if (ok) {
            QCOMPARE(done.at(0).at(1).toString(), dest);
            QFile f(dest);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(sha(f.readAll()), sha(body));
            QVERIFY(!progress.isEmpty());
        } else {
            QVERIFY2(done.at(0).at(2).toString().contains(why), qPrintable(done.at(0).at(2).toString()));
            QVERIFY(!QFile::exists(dest));
        }
        // Nothing but the finished file may remain (no partial downloads).
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), ok ? 1 : 0);
    }

    void refusesNonHttpAndCancels()
    {
        QTemporaryDir dir;
        ModelDownloader d;
        QVERIFY(!d.start(QUrl(QStringLiteral("file:///etc/passwd")), dir.filePath(QStringLiteral("x"))));
        QVERIFY(!d.start(QUrl(QStringLiteral("ftp://127.0.0.1/x")), dir.filePath(QStringLiteral("x"))));
        QSignalSpy done(&d, &ModelDownloader::finished);
        QVERIFY(d.start(server_.url(QStringLiteral("/slow")), dir.filePath(QStringLiteral("slow.bin"))));
        QTest::qWait(300);
        d.abort();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 10000);
        QVERIFY(!done.at(0).at(0).toBool());
        QVERIFY(done.at(0).at(2).toString().contains(QLatin1String("cancelled")));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 0);
    }

    // The model manager fetches a (tiny, real-format) OpenAI CLIP checkpoint and installs it.
    void managerDownloadsAndInstallsClip()
    {
        const QString fixture = clip_fixture("openai-f32.pt");
        if (!QFile::exists(fixture)) QSKIP("CLIP fixtures not generated (run through ctest)");
        QFile f(fixture);
        QVERIFY(f.open(QIODevice::ReadOnly));
        server_.files.insert(QStringLiteral("/clip/ViT-T.pt"), f.readAll());
        QTemporaryDir models;
        ModelManager manager(QStringLiteral(CLIPFLOW_BIN_DIR), models.path());
        const int before = manager.rows().size();
        QVERIFY(before >= 2); // the shipped detectors
        QSignalSpy installed(&manager, &ModelManager::installed);
        QVERIFY(manager.download(server_.url(QStringLiteral("/clip/ViT-T.pt"))));
        QTRY_COMPARE_WITH_TIMEOUT(installed.count(), 1, 30000);
        QCOMPARE(manager.rows().size(), before + 1);
        QCOMPARE(manager.rows().last().kind, QStringLiteral("clip"));
        QVERIFY(QFile::exists(installed.at(0).at(0).toString()));
        // The download itself is gone; only the registry's copy stays.
        QVERIFY(QDir(models.path()).entryList({QStringLiteral("download-*")}, QDir::Files).isEmpty());
    }

    // Where a detector is chosen, one that reads every view twice (the shipped
    // CLIP-Flow default) says so; the supervised detector reads once. (Here, beside
    // the manager's other test, rather than in an executable of its own: CI's budget.)
    void managerNamesSecondReadings()
    {
        QTemporaryDir models;
        ModelManager manager(QStringLiteral(CLIPFLOW_BIN_DIR), models.path());
        int clipflow = 0, supervised = 0;
        for (const auto& r : manager.rows()) {
            if (r.kind == QLatin1String("clipflow")) {
                ++clipflow;
                // The shipped second network is told from the first by its SHA-256.
                QVERIFY2(r.details.contains(QLatin1String("read twice (second reading: forensic-v2 with the chroma halved)")),
                         qPrintable(r.details));
            } else if (r.kind == QLatin1String("supervised")) {
                ++supervised;
                QVERIFY2(!r.details.contains(QLatin1String("read twice")), qPrintable(r.details));
            }
        }
        QCOMPARE(clipflow, 1);
        QCOMPARE(supervised, 1);
    }

private:
    HttpServer server_;
};

QTEST_MAIN(TestModelDownloader)
#include "tst_modeldownloader.moc"
