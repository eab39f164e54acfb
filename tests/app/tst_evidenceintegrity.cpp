// Evidence is never written: every path that touches an evidence file (intake,
// metadata, spectra, both detectors, case save/open/verify, the PDF report and
// the CLI commands) runs while the kernel (inotify) watches the file. Any open
// for writing, modification, attribute change, move or deletion would be
// reported; a positive control shows the watch does catch a write.

#include <analysis.h>
#include <casereport.h>
#include <detectors.h>

#include <clipflow/casefile.h>
#include <clipflow/sha256.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace clipflow;
using namespace clipflow::app;

namespace {

constexpr std::uint32_t kWriteEvents = IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVE_SELF | IN_DELETE_SELF;

class Watch {
public:
    explicit Watch(const QString& file)
    {
        fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        if (fd_ >= 0)
            wd_ = inotify_add_watch(fd_, QFile::encodeName(file).constData(), kWriteEvents | IN_OPEN | IN_CLOSE_NOWRITE);
    }
    ~Watch()
    {
        if (fd_ >= 0) ::close(fd_);
    }
    bool ok() const { return fd_ >= 0 && wd_ >= 0; }
    // All event masks since the last call, or'ed together.
    std::uint32_t drain()
    {
        std::uint32_t seen = 0;
        alignas(inotify_event) char buf[4096];
        for (;;) {
            const ssize_t n = ::read(fd_, buf, sizeof buf);
            if (n <= 0) break;
            for (char* p = buf; p < buf + n;) {
                const auto* e = reinterpret_cast<const inotify_event*>(p);
                seen |= e->mask;
                p += sizeof(inotify_event) + e->len;
            }
        }
        return seen;
    }

private:
    int fd_ = -1, wd_ = -1;
};

QString fixture(const char* name)
{
    return QStringLiteral(CLIPFLOW_TEST_DATA "/formats/") + QLatin1String(name);
}

int cli(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(CLIPFLOW_BIN_DIR "/") + program, args);
    if (!p.waitForFinished(120000)) return -1;
    return p.exitCode();
}

struct Stamp {
    timespec mtime{}, ctime{};
    off_t size = 0;
    bool operator==(const Stamp& o) const
    {
        return mtime.tv_sec == o.mtime.tv_sec && mtime.tv_nsec == o.mtime.tv_nsec && ctime.tv_sec == o.ctime.tv_sec &&
               ctime.tv_nsec == o.ctime.tv_nsec && size == o.size;
    }
};

Stamp stamp(const QString& file)
{
    struct stat st {};
    ::stat(QFile::encodeName(file).constData(), &st);
    return {st.st_mtim, st.st_ctim, st.st_size};
}

} // namespace

class TestEvidenceIntegrity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nothingWritesEvidence_data()
    {
        QTest::addColumn<QString>("source");
        QTest::newRow("JPEG with EXIF") << fixture("exif6.jpg");
        QTest::newRow("PNG") << fixture("rgb.png");
        QTest::newRow("TIFF") << fixture("rgb.tif");
        QTest::newRow("WebP") << fixture("rgb.webp");
        QTest::newRow("GIF") << fixture("palette.gif");
        QTest::newRow("truncated JPEG") << fixture("truncated.jpg");
    }
    void nothingWritesEvidence()
    {
        QFETCH(QString, source);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("evidence") + source.mid(source.lastIndexOf(u'.')));
        QVERIFY(QFile::copy(source, file));
        const auto before_sha = Sha256::file_hex(file.toStdString());
        QVERIFY(before_sha);
        const Stamp before = stamp(file);
        Watch watch(file);
        QVERIFY(watch.ok());

        // In process: intake, metadata, spectra, both detectors, re-hash.
        static Detectors detectors(QStringLiteral(CLIPFLOW_BIN_DIR));
        const Analysis a = analyse_file(file, &detectors);
        if (a.error.isEmpty()) QVERIFY2(a.changed_during_analysis.isEmpty(), qPrintable(a.changed_during_analysis));
        // A case: add, save, load, verify; and the PDF report.
        CaseFile c;
        if (a.error.isEmpty()) c.add_evidence(a.info);
        QVERIFY(c.save(dir.filePath(QStringLiteral("c.cfcase")).toStdString()).ok());
        auto loaded = CaseFile::load(dir.filePath(QStringLiteral("c.cfcase")).toStdString());
        QVERIFY(loaded);
        for (const auto& v : verify_evidence(*loaded)) QVERIFY(v.ok);
        CaseReport report({}, detectors.cards());
        report.add(a);
        QVERIFY(report.write(dir.filePath(QStringLiteral("r.pdf"))).ok());
        // The command line, as a batch user runs it.
        cli(QStringLiteral("clipflow"), {QStringLiteral("score"), QStringLiteral("--detector"), QStringLiteral("all"), file});
        cli(QStringLiteral("clipflow"),
            {QStringLiteral("spectrum"), file, QStringLiteral("--out"), dir.filePath(QStringLiteral("s.png"))});
        cli(QStringLiteral("clipflow"),
            {QStringLiteral("proxy"), file, QStringLiteral("--out"), dir.filePath(QStringLiteral("proxies"))});
        cli(QStringLiteral("clipflow"),
            {QStringLiteral("report"), file, QStringLiteral("--out"), dir.filePath(QStringLiteral("r2.pdf"))});

        const std::uint32_t seen = watch.drain();
        QVERIFY2(seen & IN_OPEN, "the watch saw no open at all: it is not watching"); // the file was read
        QVERIFY2((seen & kWriteEvents) == 0,
                 qPrintable(QStringLiteral("write-type events on evidence: 0x%1").arg(seen & kWriteEvents, 0, 16)));
        QVERIFY(stamp(file) == before);
        QCOMPARE(*Sha256::file_hex(file.toStdString()), *before_sha);

        // Positive control: opening for writing, even without writing, is caught.
        QFile w(file);
        QVERIFY(w.open(QIODevice::WriteOnly | QIODevice::Append));
        w.close();
        QVERIFY(watch.drain() & IN_CLOSE_WRITE);
    }
};

QTEST_MAIN(TestEvidenceIntegrity)
#include "tst_evidenceintegrity.moc"
