// find_image_paths: which entries of a dropped folder become evidence. Entries that
// cannot be read are listed so that intake names the problem (tst_evidence::specialFiles),
// and folders that give nothing are named: none may vanish.

#include "deeptree.h"

#include <clipflow/imagepaths.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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
        const auto found = clipflow::find_image_paths({dir.path().toStdString()});
        for (const std::string& p : found.files) got << QDir(dir.path()).relativeFilePath(QString::fromStdString(p));
        QCOMPARE(got, expected);
        QVERIFY(found.problems.empty());
    }

    // Folders that give no images are named, with why; the rest is still listed.
    void folderProblems_data()
    {
        QTest::addColumn<QStringList>("layout");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QStringList>("problems"); // "KIND FOLDER", the folder relative to the one given
        QTest::newRow("an empty folder") << QStringList() << QStringList() << list({"none ."});
        QTest::newRow("only files not named like images")
            << list({"file notes.txt", "file sub/readme.md"}) << QStringList() << list({"none ."});
        QTest::newRow("only a link to a folder")
            << list({"file ../elsewhere/a.jpg", "link up ../elsewhere"}) << QStringList() << list({"none ."});
        QTest::newRow("an empty sub-folder beside images is no problem")
            << list({"file a.jpg", "file empty/.keep"}) << list({"a.jpg"}) << QStringList();
    }
    void folderProblems()
    {
        QFETCH(QStringList, layout);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, problems);
        QTemporaryDir parent;
        QVERIFY(parent.isValid());
        const QString root = parent.filePath(QStringLiteral("given"));
        QVERIFY(QDir().mkpath(root));
        build(root, layout);
        if (QTest::currentTestFailed()) return;
        const auto found = clipflow::find_image_paths({root.toStdString()});
        QStringList got, said;
        for (const std::string& p : found.files) got << QDir(root).relativeFilePath(QString::fromStdString(p));
        for (const auto& p : found.problems) {
            const bool none = p.kind == clipflow::FolderProblem::Kind::NoImages;
            said << (none ? QStringLiteral("none ") : QStringLiteral("unreadable ")) +
                        QDir(root).relativeFilePath(QString::fromStdString(p.path));
            QVERIFY2(!p.message.empty(), p.path.c_str());
        }
        QCOMPARE(got, expected);
        QCOMPARE(said, problems);
    }

    // The window stops a listing when it closes: once `abort` says so, no further folder is read,
    // and what the walk did not reach is not reported as "no images".
    void abortStopsTheWalk()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QStringList layout;
        for (int i = 0; i < 20; ++i) layout << QStringLiteral("file f%1/a.jpg").arg(i, 2, 10, QLatin1Char('0'));
        build(dir.path(), layout);
        const auto all = clipflow::find_image_paths({dir.path().toStdString()});
        QCOMPARE(int(all.files.size()), 20);
        int asked = 0;
        const auto stopped = clipflow::find_image_paths({dir.path().toStdString()}, [&] { return ++asked > 5; });
        QVERIFY2(stopped.files.size() <= 4, qPrintable(QString::number(stopped.files.size()))); // the root, then 4 folders
        QVERIFY(stopped.problems.empty());
        // Stopped before it began: nothing read, nothing said.
        const auto none = clipflow::find_image_paths({dir.path().toStdString()}, [] { return true; });
        QVERIFY(none.files.empty() && none.problems.empty());
    }

    // A folder deeper than a path may be long (PATH_MAX) cannot be opened by its path (nor could
    // the files in it be read by theirs): it is named, and the walk goes on — the images beside
    // it, before and after it, are still listed.
    void tooDeepFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        build(dir.path(), list({"file a.jpg", "file z.jpg"}));
        clipflow::ImagePaths found;
        {
            const DeepTree deep(dir.path(), "deep.jpg");
            QVERIFY(deep.ok());
            found = clipflow::find_image_paths({dir.path().toStdString()});
        }
        QStringList got;
        for (const std::string& p : found.files) got << QDir(dir.path()).relativeFilePath(QString::fromStdString(p));
        QCOMPARE(got, list({"a.jpg", "z.jpg"}));
        QCOMPARE(int(found.problems.size()), 1);
        QCOMPARE(found.problems.front().kind, clipflow::FolderProblem::Kind::Unreadable);
        QVERIFY2(found.problems.front().message.find("too long") != std::string::npos, found.problems.front().message.c_str());
    }

    // An unreadable sub-folder (permissions) is named; the images beside it are listed. (The
    // walk skipped it without a word, and its images went missing.) Root reads every folder, so
    // as root the walk runs in a child that has become `nobody`.
    void unreadableFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        build(dir.path(), list({"file a.jpg", "file locked/b.jpg", "file z.jpg"}));
        QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                                      QFileDevice::ReadOther | QFileDevice::ExeOther));
        QVERIFY(QFile::setPermissions(dir.filePath(QStringLiteral("locked")), QFileDevice::Permissions()));
        const QString walked = walkAsUnprivileged(dir.path());
        QFile::setPermissions(dir.filePath(QStringLiteral("locked")),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        if (walked == QLatin1String("unreachable"))
            QSKIP("no unprivileged user can be had here, or it cannot reach the temporary folder");
        QCOMPARE(walked, QStringLiteral("file a.jpg\nfile z.jpg\nunreadable locked Permission denied\n"));
    }

private:
    // find_image_paths(root) as a user without privileges, one line per file and problem.
    static QString walkAsUnprivileged(const QString& root)
    {
        const std::string path = root.toStdString();
        auto describe = [&] {
            std::string out;
            const auto found = clipflow::find_image_paths({path});
            for (const auto& f : found.files) out += "file " + std::filesystem::path(f).lexically_relative(path).string() + "\n";
            for (const auto& p : found.problems) {
                const bool denied = p.message.find("Permission denied") != std::string::npos;
                out += (p.kind == clipflow::FolderProblem::Kind::Unreadable ? "unreadable " : "none ") +
                       std::filesystem::path(p.path).lexically_relative(path).string() +
                       (denied ? " Permission denied\n" : " " + p.message + "\n");
            }
            return out;
        };
        if (::geteuid() != 0) return QString::fromStdString(describe());
        int fds[2];
        if (::pipe(fds) != 0) return QStringLiteral("pipe failed");
        const pid_t child = ::fork();
        if (child == 0) {
            ::close(fds[0]);
            if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(3);
            if (::access(path.c_str(), R_OK | X_OK) != 0) {
                const char u[] = "unreachable";
                (void)!::write(fds[1], u, sizeof u - 1);
                ::_exit(0);
            }
            const std::string out = describe();
            (void)!::write(fds[1], out.data(), out.size());
            ::_exit(0);
        }
        ::close(fds[1]);
        QByteArray got;
        char buf[4096];
        for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) got.append(buf, n);
        ::close(fds[0]);
        int status = 0;
        ::waitpid(child, &status, 0);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 3) return QStringLiteral("unreachable"); // no CAP_SETUID
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return QStringLiteral("the child failed: %1").arg(status);
        return QString::fromUtf8(got);
    }
};

QTEST_GUILESS_MAIN(TestImagePaths)
#include "tst_imagepaths.moc"
