// The clipflow executable as a user runs it: exit codes, JSON lines, PNG output.

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int code = -1;
    QByteArray out, err;
    QList<QJsonObject> lines() const
    {
        QList<QJsonObject> objects;
        for (const QByteArray& l : out.split('\n')) {
            if (l.trimmed().isEmpty()) continue;
            QJsonParseError e{};
            const auto doc = QJsonDocument::fromJson(l, &e);
            if (e.error != QJsonParseError::NoError) qWarning("not JSON: %s", l.constData());
            objects << doc.object();
        }
        return objects;
    }
};

Run clipflow(const QStringList& args, const QString& modelsDir = QString())
{
    QProcess p;
    if (!modelsDir.isEmpty()) {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CLIPFLOW_MODELS_DIR"), modelsDir);
        p.setProcessEnvironment(env);
    }
    p.start(QStringLiteral(CLIPFLOW_BIN_DIR "/clipflow"), args);
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString fixture(const char* name)
{
    return QStringLiteral(CLIPFLOW_TEST_DATA "/formats/") + QLatin1String(name);
}

QString clip_fixture(const char* name)
{
    return qEnvironmentVariable("CLIPFLOW_CLIP_FIXTURES") + u'/' + QLatin1String(name);
}

} // namespace

class TestClipflowCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("version") << QStringList{QStringLiteral("--version")} << 0 << QStringLiteral("clipflow 0.");
        QTest::newRow("help") << QStringList{QStringLiteral("--help")} << 0 << QStringLiteral("spectrum");
        QTest::newRow("nothing") << QStringList{} << 2 << QStringLiteral("Usage");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2 << QStringLiteral("unknown command");
        QTest::newRow("no images") << QStringList{QStringLiteral("spectrum")} << 2 << QStringLiteral("no images");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("spectrum"), QStringLiteral("--bogus"), fixture("rgb.png")}
                                        << 2 << QStringLiteral("unknown option");
        QTest::newRow("bad window") << QStringList{QStringLiteral("spectrum"), QStringLiteral("--window"),
                                                   QStringLiteral("kaiser"), fixture("rgb.png")}
                                    << 2 << QStringLiteral("unknown window");
        QTest::newRow("missing value") << QStringList{QStringLiteral("spectrum"), fixture("rgb.png"), QStringLiteral("--out")}
                                       << 2 << QStringLiteral("needs a value");
    }
    void usage()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        const Run r = clipflow(args);
        QCOMPARE(r.code, code);
        QVERIFY2(QString::fromUtf8(r.out + r.err).contains(mentions), (r.out + r.err).constData());
    }

    void spectrumWritesJsonAndPng()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("s.png"));
        const Run r =
            clipflow({QStringLiteral("spectrum"), fixture("rgb.jpg"), QStringLiteral("--out"), png, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const auto lines = r.lines();
        QCOMPARE(lines.size(), 1);
        const QJsonObject o = lines.first();
        QFile f(fixture("rgb.jpg"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(o[QStringLiteral("sha256")].toString(),
                 QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex()));
        QCOMPARE(o[QStringLiteral("file")].toString(), fixture("rgb.jpg"));
        QCOMPARE(o[QStringLiteral("width")].toInt(), 64);
        QCOMPARE(o[QStringLiteral("height")].toInt(), 48);
        QCOMPARE(o[QStringLiteral("format")].toString(), QStringLiteral("JPEG"));
        QVERIFY(o[QStringLiteral("radial_profile")].toArray().size() >= 64);
        QCOMPARE(o[QStringLiteral("radial_profile")].toArray().size(), o[QStringLiteral("radial_frequency")].toArray().size());
        QVERIFY(o[QStringLiteral("peaks")].isArray());
        QVERIFY(o[QStringLiteral("pixel_grid")].toString().contains(QStringLiteral("stored pixel grid")));
        QCOMPARE(o[QStringLiteral("spectrum_png")].toString(), png);
        const QImage sheet(png);
        QVERIFY(!sheet.isNull());
        QVERIFY(sheet.width() > 1000);
        QVERIFY(sheet.pixel(256, 256) != sheet.pixel(5, 5));
    }

    void batchGoesOnAfterFailures()
    {
        const QStringList files{fixture("rgb.png"),  fixture("empty.jpg"),          fixture("huge.png"),
                                fixture("nope.png"), fixture("truncated_scan.jpg"), fixture("grey16.tif")};
        const Run r = clipflow(QStringList{QStringLiteral("spectrum"), QStringLiteral("--json")} + files);
        QCOMPARE(r.code, 1);
        const auto lines = r.lines();
        QCOMPARE(lines.size(), files.size());
        const QStringList codes{QString(),
                                QStringLiteral("empty_file"),
                                QStringLiteral("too_many_pixels"),
                                QStringLiteral("not_found"),
                                QStringLiteral("truncated_data"),
                                QString()};
        for (int i = 0; i < files.size(); ++i) {
            QCOMPARE(lines[i][QStringLiteral("file")].toString(), files[i]);
            QCOMPARE(lines[i][QStringLiteral("error_code")].toString(), codes[i]);
            QCOMPARE(lines[i].contains(QStringLiteral("error")), !codes[i].isEmpty());
        }
    }

    void foldersRecurseAndSheetsAreNumbered()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(QStringLiteral("in/sub"));
        QVERIFY(QFile::copy(fixture("rgb.png"), dir.filePath(QStringLiteral("in/a.png"))));
        QVERIFY(QFile::copy(fixture("rgb.webp"), dir.filePath(QStringLiteral("in/sub/b.webp"))));
        QVERIFY(QFile::copy(fixture("notanimage.png"),
                            dir.filePath(QStringLiteral("in/sub/notes.txt")))); // skipped: not an image name
        const Run r = clipflow({QStringLiteral("spectrum"), dir.filePath(QStringLiteral("in")), QStringLiteral("--json"),
                                QStringLiteral("--out"), dir.filePath(QStringLiteral("sheet.png"))});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.lines().size(), 2);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("sheet-1-a.png"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("sheet-2-b.png"))));
    }

    void modelsInstallAndList()
    {
        QTemporaryDir models;
        Run r = clipflow({QStringLiteral("models"), QStringLiteral("list")}, models.path());
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("No models installed"));
        r = clipflow({QStringLiteral("models"), QStringLiteral("install"), clip_fixture("openai-f32.safetensors"),
                      QStringLiteral("--name"), QStringLiteral("tiny")},
                     models.path());
        QCOMPARE(r.code, 0);
        r = clipflow({QStringLiteral("models"), QStringLiteral("install"), clip_fixture("weights.pickle.pt")}, models.path());
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("pickle"));
        r = clipflow({QStringLiteral("models"), QStringLiteral("list"), QStringLiteral("--json")}, models.path());
        QCOMPARE(r.code, 0);
        const auto lines = r.lines();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0][QStringLiteral("name")].toString(), QStringLiteral("tiny"));
        QFile f(clip_fixture("openai-f32.safetensors"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(lines[0][QStringLiteral("sha256")].toString(),
                 QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex()));
        QVERIFY(QFile::exists(lines[0][QStringLiteral("file")].toString()));
        QVERIFY(lines[0][QStringLiteral("file")].toString().startsWith(models.path()));
    }

    void embedWritesEmbeddings_data()
    {
        QTest::addColumn<QString>("layer");
        QTest::addColumn<int>("dims");
        QTest::newRow("default proj") << QString() << 32;
        QTest::newRow("cls") << "cls" << 64;
        QTest::newRow("all") << "all" << 32;
    }
    void embedWritesEmbeddings()
    {
        QFETCH(QString, layer);
        QFETCH(int, dims);
        QStringList args{QStringLiteral("embed"),  QStringLiteral("--clip"),  clip_fixture("hf-f32.safetensors"),
                         QStringLiteral("--json"), QStringLiteral("--batch"), QStringLiteral("2"),
                         clip_fixture("images"),   fixture("empty.jpg")};
        if (!layer.isEmpty()) args << QStringLiteral("--layer") << layer;
        const Run r = clipflow(args);
        QCOMPARE(r.code, 1); // the empty file fails, the rest go on
        const auto lines = r.lines();
        QCOMPARE(lines.size(), 6);
        QCOMPARE(lines.last()[QStringLiteral("error_code")].toString(), QStringLiteral("empty_file"));
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(lines[i][QStringLiteral("embedding")].toArray().size(), dims);
            QCOMPARE(lines[i][QStringLiteral("sha256")].toString().size(), 64);
            QVERIFY(lines[i][QStringLiteral("file")].toString().contains(QStringLiteral("img")));
        }
        if (layer == QLatin1String("all")) QCOMPARE(lines[0][QStringLiteral("blocks")].toArray().size(), 2);
    }

    void embedRefusesBadModels_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no model") << QStringList{QStringLiteral("embed"), fixture("rgb.png")} << "--clip MODEL is required";
        QTest::newRow("unknown model") << QStringList{QStringLiteral("embed"), QStringLiteral("--clip"),
                                                      QStringLiteral("ViT-Z/99"), fixture("rgb.png")}
                                       << "no model file or installed model";
        QTest::newRow("pickle") << QStringList{QStringLiteral("embed"), QStringLiteral("--clip"),
                                               clip_fixture("weights.pickle.pt"), fixture("rgb.png")}
                                << "pickle";
        QTest::newRow("bad layer")
            << QStringList{QStringLiteral("embed"),   QStringLiteral("--clip"), clip_fixture("hf-f32.safetensors"),
                           QStringLiteral("--layer"), QStringLiteral("mid"),    fixture("rgb.png")}
            << "--layer must be";
    }
    void embedRefusesBadModels()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        QTemporaryDir models;
        const Run r = clipflow(args, models.path());
        QCOMPARE(r.code, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
    }

    void humanOutputWithoutJson()
    {
        const Run r = clipflow({QStringLiteral("spectrum"), fixture("exif6.jpg")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("64x48 JPEG"));
        QVERIFY(r.out.contains("EXIF orientation 6"));
    }
};

QTEST_GUILESS_MAIN(TestClipflowCli)
#include "tst_clipflowcli.moc"
