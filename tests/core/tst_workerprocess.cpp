// WorkerProcess: the child answers line by line; a request past its limit
// kills the child and the next request gets a fresh one; a child that dies
// costs only its current request. The children here are small shell scripts.

#include <clipflow/workerprocess.h>

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <cctype>
#include <chrono>
#include <thread>

namespace {

// Answers "got LINE"; "hang" stops the shell (SIGSTOP: stuck for good), "segv"
// and "exit" end it the hard way, "big" answers 300 KB in one line.
const char* const kScript = R"(echo ready
while read -r l; do
  case "$l" in
    hang) kill -STOP $$ ;;
    segv) kill -SEGV $$ ;;
    exit) exit 3 ;;
    big) head -c 300000 /dev/zero | tr '\0' x; echo ;;
    *) echo "got $l" ;;
  esac
done)";

clipflow::WorkerProcessParams shell(const char* script, double timeout_s = 0.5)
{
    clipflow::WorkerProcessParams p;
    p.argv = {"/bin/sh", "-c", script};
    p.timeout_s = timeout_s;
    p.startup_timeout_s = 5;
    return p;
}

} // namespace

class TestWorkerProcess : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void requests_data()
    {
        QTest::addColumn<QByteArrayList>("requests");
        // per request: the reply, or "!code: part of the message"
        QTest::addColumn<QByteArrayList>("expected");
        QTest::addColumn<int>("started");
        QTest::newRow("answers in order") << QByteArrayList{"a", "b c", "d"} << QByteArrayList{"got a", "got b c", "got d"} << 1;
        QTest::newRow("hang is stopped, next file goes on")
            << QByteArrayList{"a", "hang", "b", "hang", "c"}
            << QByteArrayList{"got a", "!timed_out: longer than the limit of 0.5 s", "got b",
                              "!timed_out: longer than the limit of 0.5 s", "got c"}
            << 3;
        QTest::newRow("crash costs one file")
            << QByteArrayList{"segv", "a"} << QByteArrayList{"!worker_crashed: signal 11 (SIGSEGV) on this file", "got a"} << 2;
        QTest::newRow("exit costs one file")
            << QByteArrayList{"a", "exit", "b"} << QByteArrayList{"got a", "!worker_crashed: exited with status 3", "got b"} << 2;
        QTest::newRow("long reply") << QByteArrayList{"big", "a"} << QByteArrayList{QByteArray(300000, 'x'), "got a"} << 1;
        QTest::newRow("two lines refused") << QByteArrayList{"a\nb", "a"}
                                           << QByteArrayList{"!invalid_argument: one line", "got a"} << 1;
    }
    void requests()
    {
        QFETCH(QByteArrayList, requests);
        QFETCH(QByteArrayList, expected);
        QFETCH(int, started);
        clipflow::WorkerProcess w(shell(kScript));
        auto ready = w.start();
        QVERIFY2(ready, ready.status().message().c_str());
        QCOMPARE(QByteArray::fromStdString(*ready), QByteArray("ready"));
        for (int i = 0; i < requests.size(); ++i) {
            QElapsedTimer t;
            t.start();
            auto r = w.request(requests[i].toStdString());
            const QByteArray want = expected[i];
            if (want.startsWith('!')) {
                QVERIFY2(!r, requests[i].constData());
                const qsizetype colon = want.indexOf(':');
                const QByteArray code = want.mid(1, colon - 1);
                const QByteArray part = want.mid(colon + 2);
                QCOMPARE(QByteArray(clipflow::error_code_name(r.status().code())), code);
                QVERIFY2(QByteArray::fromStdString(r.status().message()).contains(part), r.status().message().c_str());
            } else {
                QVERIFY2(r, r.status().message().c_str());
                QCOMPARE(QByteArray::fromStdString(*r), want);
            }
            QVERIFY2(t.elapsed() < 4000, "a request outlived its limit");
        }
        QCOMPARE(w.started(), started);
    }

    void startFailures_data()
    {
        QTest::addColumn<QByteArrayList>("argv");
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("exits before ready") << QByteArrayList{"/bin/sh", "-c", "exit 2"} << QByteArray("worker_crashed")
                                            << QByteArray("exited with status 2 before it was ready");
        QTest::newRow("never ready") << QByteArrayList{"/bin/sh", "-c", "kill -STOP $$"} << QByteArray("timed_out")
                                     << QByteArray("did not start within 1 s");
        QTest::newRow("no such program") << QByteArrayList{"/nonexistent/clipflow"} << QByteArray("io_error")
                                         << QByteArray("cannot start");
        QTest::newRow("no program") << QByteArrayList{} << QByteArray("invalid_argument") << QByteArray("no worker program");
    }
    void startFailures()
    {
        QFETCH(QByteArrayList, argv);
        QFETCH(QByteArray, code);
        QFETCH(QByteArray, message);
        clipflow::WorkerProcessParams p;
        for (const auto& a : argv) p.argv.push_back(a.toStdString());
        p.startup_timeout_s = 1;
        clipflow::WorkerProcess w(p);
        auto r = w.start();
        QVERIFY(!r);
        QCOMPARE(QByteArray(clipflow::error_code_name(r.status().code())), code);
        QVERIFY2(QByteArray::fromStdString(r.status().message()).contains(message), r.status().message().c_str());
        // A request after a failed start tries again and fails the same way, without hanging.
        QVERIFY(!w.request("a"));
    }

    // Request lines carry paths as hex, so a name may hold any byte; anything else is refused.
    void pathEncoding_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("plain") << QByteArray("/tmp/a b.png");
        QTest::newRow("newline") << QByteArray("/tmp/new\nline.png");
        QTest::newRow("not UTF-8") << QByteArray("/tmp/\xff\xfe\x80.jpg");
        QTest::newRow("NUL and CR") << QByteArray("a\0b\rc", 6);
        QTest::newRow("empty") << QByteArray();
    }
    void pathEncoding()
    {
        QFETCH(QByteArray, path);
        const std::string p(path.constData(), static_cast<std::size_t>(path.size()));
        const std::string line = clipflow::encode_worker_path(p);
        QCOMPARE(line.size(), p.size() * 2);
        QVERIFY(line.find_first_not_of("0123456789abcdef") == std::string::npos);
        const auto back = clipflow::decode_worker_path(line);
        QVERIFY(back);
        QCOMPARE(*back, p);
        if (!line.empty()) {
            QVERIFY(!clipflow::decode_worker_path(line.substr(1))); // odd length
            std::string upper = line;
            for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            QCOMPARE(bool(clipflow::decode_worker_path(upper)), upper == line); // lowercase only
            QVERIFY(!clipflow::decode_worker_path(line + "zz"));
        }
    }

    void abortStopsWaiting()
    {
        std::atomic<bool> stop{false};
        auto p = shell(kScript, 60);
        p.abort = [&] { return stop.load(); };
        clipflow::WorkerProcess w(p);
        QVERIFY(w.start());
        QElapsedTimer t;
        t.start();
        std::thread stopper([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            stop = true;
        });
        auto r = w.request("hang");
        stopper.join();
        QVERIFY(!r);
        QCOMPARE(r.status().code(), clipflow::ErrorCode::Aborted);
        QVERIFY(t.elapsed() < 5000);
    }
};

QTEST_MAIN(TestWorkerProcess)
#include "tst_workerprocess.moc"
