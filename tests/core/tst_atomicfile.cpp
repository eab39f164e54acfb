// write_file_atomic: replaces whole files, leaves nothing behind, and keeps
// the previous file when the write cannot happen.

#include "pipereader.h"

#include <clipflow/atomicfile.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace {

QByteArray read_all(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::span<const unsigned char> span_of(const QByteArray& b)
{
    return {reinterpret_cast<const unsigned char*>(b.constData()), static_cast<std::size_t>(b.size())};
}

} // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesAndReplaces_data()
    {
        QTest::addColumn<QByteArray>("first");
        QTest::addColumn<QByteArray>("second");
        QTest::newRow("small") << QByteArray("old") << QByteArray("new contents");
        QTest::newRow("shrinks") << QByteArray(100000, 'x') << QByteArray("y");
        QTest::newRow("empty") << QByteArray("something") << QByteArray();
    }
    void writesAndReplaces()
    {
        QFETCH(QByteArray, first);
        QFETCH(QByteArray, second);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("case.cfcase"));
        QVERIFY(clipflow::write_file_atomic(path.toStdString(), span_of(first)).ok());
        QCOMPARE(read_all(path), first);
        QVERIFY(clipflow::write_file_atomic(path.toStdString(), span_of(second)).ok());
        QCOMPARE(read_all(path), second);
        // No temporary files are left beside it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void failureKeepsPreviousFile_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("missing folder") << "missing";
        QTest::newRow("target is a folder") << "folder";
        QTest::newRow("disk full") << "full";
    }
    void failureKeepsPreviousFile()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        QString path;
        if (kind == QLatin1String("missing")) {
            path = dir.filePath(QStringLiteral("no/such/dir/out.png"));
        } else if (kind == QLatin1String("folder")) {
            path = dir.filePath(QStringLiteral("taken"));
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("taken")));
            QFile keep(path + QStringLiteral("/keep.txt"));
            QVERIFY(keep.open(QIODevice::WriteOnly));
            keep.write("keep");
        } else {
            path = dir.filePath(QStringLiteral("model.safetensors"));
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("previous");
        }
        const QByteArray data(4096, 'z');
        // "Disk full": a file-size limit makes write() fail part-way, as ENOSPC would.
        rlimit saved{};
        getrlimit(RLIMIT_FSIZE, &saved);
        if (kind == QLatin1String("full")) {
            std::signal(SIGXFSZ, SIG_IGN);
            rlimit tight = saved;
            tight.rlim_cur = 1024;
            QCOMPARE(setrlimit(RLIMIT_FSIZE, &tight), 0);
        }
        const auto status = clipflow::write_file_atomic(path.toStdString(), span_of(data));
        setrlimit(RLIMIT_FSIZE, &saved);
        if (kind == QLatin1String("full")) {
            QCOMPARE(read_all(path), QByteArray("previous"));
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
        }
        QVERIFY(!status.ok());
        QCOMPARE(status.code(), clipflow::ErrorCode::IoError);
        QVERIFY(!status.message().empty());
        if (kind == QLatin1String("folder")) QCOMPARE(read_all(path + QStringLiteral("/keep.txt")), QByteArray("keep"));
    }

    // What the path names stays what it was: a link stays a link to the file it names, which gets the
    // bytes; a pipe or device is written into, never replaced by a file (as root, a rename over
    // /dev/stdout or /dev/full would have broken /dev for every process), and a full device is an error.
    void keepsLinksAndStreams_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("link to a file") << "link";
        QTest::newRow("pipe") << "pipe";
        QTest::newRow("full device") << "full";
    }
    void keepsLinksAndStreams()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.pdf"));
        const QByteArray data(100000, 'q'); // more than a pipe holds: the reader must drain it
        if (kind == QLatin1String("link")) {
            const QString real = dir.filePath(QStringLiteral("real.pdf"));
            QFile old(real);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("previous");
            old.close();
            QVERIFY(QFile::link(real, path));
            QVERIFY(clipflow::write_file_atomic(path.toStdString(), span_of(data)).ok());
            QVERIFY(QFileInfo(path).isSymLink());
            QCOMPARE(read_all(real), data);
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System).size(), 2);
            return;
        }
        if (kind == QLatin1String("pipe")) {
            PipeReader pipe(path);
            QVERIFY(pipe.ok());
            QVERIFY(clipflow::is_stream_path(path.toStdString()));
            const auto status = clipflow::write_file_atomic(path.toStdString(), span_of(data));
            const QByteArray received = pipe.take();
            QVERIFY2(status.ok(), status.message().c_str());
            QCOMPARE(received, data);
        } else {
            // A device node of our own (/dev/full's numbers), so that a failing run breaks nothing.
            if (::mknod(path.toLocal8Bit().constData(), S_IFCHR | 0600, makedev(1, 7)) != 0)
                QSKIP("making a device node needs root here");
            const auto status = clipflow::write_file_atomic(path.toStdString(), span_of(data));
            QCOMPARE(status.code(), clipflow::ErrorCode::IoError);
            QVERIFY2(status.message().find(std::strerror(ENOSPC)) != std::string::npos, status.message().c_str());
        }
        struct stat st {};
        QCOMPARE(::lstat(path.toLocal8Bit().constData(), &st), 0);
        QVERIFY(kind == QLatin1String("pipe") ? S_ISFIFO(st.st_mode) : S_ISCHR(st.st_mode));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System).size(), 1); // no temporary left
    }

    // A save killed between naming its temporary and the rename leaves a hidden name with
    // the writer's pid; the next save removes those whose writer is gone, and no other.
    void removesStaleTemporaries_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("removed");
        QTest::newRow("writer gone") << QStringLiteral(".x.bin.2147480000-0") << true; // above any pid_max: no such process
        QTest::newRow("writer alive") << QStringLiteral(".x.bin.%1-3").arg(::getppid()) << false;
        QTest::newRow("mkstemp-style name") << QStringLiteral(".x.bin.a1B2c3") << false;
        QTest::newRow("another file's temporary") << QStringLiteral(".y.bin.2147480000-0") << false;
    }
    void removesStaleTemporaries()
    {
        QFETCH(QString, name);
        QFETCH(bool, removed);
        QTemporaryDir dir;
        QFile stale(dir.filePath(name));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.write("partial");
        stale.close();
        const std::string target = dir.filePath(QStringLiteral("x.bin")).toStdString();
        const unsigned char bytes[] = {1, 2, 3};
        QVERIFY(clipflow::write_file_atomic(target, bytes).ok());
        QCOMPARE(QFile::exists(dir.filePath(name)), !removed);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("x.bin"))));
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
