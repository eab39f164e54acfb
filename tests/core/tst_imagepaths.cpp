// expand_image_paths: which entries of a dropped folder become evidence. Entries that
// cannot be read are listed so that intake names the problem (tst_evidence::specialFiles);
// none may vanish.

#include <clipflow/imagepaths.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <sys/stat.h>

namespace {

// One entry per line: "file PATH", "fifo PATH", "link PATH TARGET" (folders made as needed).
void build(const QString& root, const QStringList& layout)
{
    for (const QString& line : layout) {
        const QStringList w = line.split(QLatin1Char(' '));
        const QString path = root + QLatin1Char('/') + w[1];
        QDir().mkpath(QFileInfo(path).absolutePath());
        if (w[0] == QLatin1String("file")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not really an image");
        } else if (w[0] == QLatin1String("fifo")) {
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        } else {
            std::error_code ec;
            std::filesystem::create_symlink(w[2].toStdString(), path.toStdString(), ec);
            QVERIFY2(!ec, ec.message().c_str());
        }
    }
}

QStringList list(std::initializer_list<const char*> items)
{
    QStringList out;
    for (const char* i : items) out << QString::fromUtf8(i);
    return out;
}

} // namespace

class TestImagePaths : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void folderEntries_data()
    {
        QTest::addColumn<QStringList>("layout");
        QTest::addColumn<QStringList>("expected"); // relative to the folder, sorted
        QTest::newRow("images by extension, any case, sorted, recursive")
            << list({"file b.JPG", "file a.png", "file notes.txt", "file sub/c.webp", "file sub/deeper/d.HEIC"})
            << list({"a.png", "b.JPG", "sub/c.webp", "sub/deeper/d.HEIC"});
        QTest::newRow("a FIFO named like an image is listed, not skipped")
            << list({"file a.jpg", "fifo pipe.jpg", "fifo pipe.txt"}) << list({"a.jpg", "pipe.jpg"});
        QTest::newRow("broken and looping links are listed")
            << list({"file a.jpg", "link gone.png /nonexistent/x.png", "link self.jpg self.jpg", "file z.jpg"})
            << list({"a.jpg", "gone.png", "self.jpg", "z.jpg"});
        QTest::newRow("a link to an image is listed") << list({"file a.jpg", "link b.jpg a.jpg"}) << list({"a.jpg", "b.jpg"});
        QTest::newRow("a folder named like an image is entered, not listed")
            << list({"file album.jpg/inside.png"}) << list({"album.jpg/inside.png"});
        QTest::newRow("links to folders are not followed (no loops)")
            << list({"file a.jpg", "link loop .", "link up.jpg .."}) << list({"a.jpg"});
    }
    void folderEntries()
    {
        QFETCH(QStringList, layout);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        build(dir.path(), layout);
        if (QTest::currentTestFailed()) return; // the layout could not be made
        QStringList got;
        for (const std::string& p : clipflow::expand_image_paths({dir.path().toStdString()}))
            got << QDir(dir.path()).relativeFilePath(QString::fromStdString(p));
        QCOMPARE(got, expected);
    }
};

QTEST_GUILESS_MAIN(TestImagePaths)
#include "tst_imagepaths.moc"
