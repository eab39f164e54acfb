// AnalysisQueue: the window's queue of analyses, without a window. Files run
// one at a time in the order queued, each reported once; waiting files can be
// cancelled; settings are asked for per file; shutting down abandons a read.

#include "analysis.h"
#include "analysisqueue.h"
#include "detectors.h"
#include "slowimage.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using clipflow::app::Analysis;
using clipflow::app::AnalysisQueue;
using clipflow::app::Detectors;

namespace {

QString fixture(const char* name)
{
    return QStringLiteral(CLIPFLOW_TEST_DATA "/formats/") + QLatin1String(name);
}

AnalysisQueue::FileSettings settings(double limit)
{
    AnalysisQueue::FileSettings s;
    s.time_limit_s = limit;
    return s;
}

} // namespace

class TestAnalysisQueue : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<std::shared_ptr<Analysis>>();
        detectors_.select(QStringLiteral("-"), QStringLiteral("-")); // the queue, not the detectors, is under test
    }

    void runsInOrderOnce_data()
    {
        QTest::addColumn<double>("limit");
        QTest::addColumn<int>("files");
        QTest::newRow("one file, isolated reader") << 60.0 << 1;
        QTest::newRow("three files, isolated reader") << 60.0 << 3;
        QTest::newRow("three files, in process") << 0.0 << 3;
    }
    void runsInOrderOnce()
    {
        QFETCH(double, limit);
        QFETCH(int, files);
        const QStringList all{fixture("rgb.png"), fixture("exif6.jpg"), fixture("grey.jpg")};
        const QStringList mine = all.mid(0, files);
        int asked = 0;
        AnalysisQueue queue(&detectors_, [&] {
            ++asked;
            return settings(limit);
        });
        queue.setReaderProgram(QStringLiteral(CLIPFLOW_BIN_DIR "/clipflow-intake"));
        QSignalSpy started(&queue, &AnalysisQueue::started);
        QSignalSpy finished(&queue, &AnalysisQueue::finished);
        // A file named twice is queued once.
        QCOMPARE(queue.enqueue(mine + mine.mid(0, 1)), mine);
        QVERIFY(queue.isBusy());
        QCOMPARE(queue.batchTotal(), files);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), files, 60000);
        QCOMPARE(started.count(), files);
        for (int i = 0; i < files; ++i) {
            QCOMPARE(started.at(i).at(0).toString(), mine[i]);
            QCOMPARE(started.at(i).at(1).toInt(), i + 1);
            QCOMPARE(started.at(i).at(2).toInt(), files);
            const auto a = finished.at(i).at(0).value<std::shared_ptr<Analysis>>();
            QVERIFY(a);
            QCOMPARE(a->file, mine[i]);
            QVERIFY2(a->error.isEmpty(), qPrintable(a->error));
            QVERIFY(!a->info.sha256.empty());
        }
        QCOMPARE(asked, files); // settings are read before each file
        QVERIFY(!queue.isBusy());
        QCOMPARE(queue.batchTotal(), 0);
        QCOMPARE(queue.batchDone(), 0);
        QCOMPARE(queue.reader() != nullptr, limit > 0);
    }

    // Waiting files are dropped; the running one finishes and is the only one reported.
    void cancelDropsWaitingFiles()
    {
        QTemporaryDir dir;
        const QString slow = dir.filePath(QStringLiteral("slow.png"));
        QVERIFY(write_slow_png(slow));
        AnalysisQueue queue(&detectors_, [] { return settings(60); });
        queue.setReaderProgram(QStringLiteral(CLIPFLOW_BIN_DIR "/clipflow-intake"));
        QSignalSpy started(&queue, &AnalysisQueue::started);
        QSignalSpy finished(&queue, &AnalysisQueue::finished);
        const QStringList quick{fixture("rgb.png"), fixture("grey.jpg"), fixture("exif6.jpg")};
        queue.enqueue(QStringList{slow} + quick);
        QCOMPARE(started.count(), 1);
        QCOMPARE(queue.cancelQueued(), quick);
        QVERIFY(queue.isBusy()); // the slow file is still running
        QCOMPARE(queue.batchTotal(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QTest::qWait(200);
        QCOMPARE(started.count(), 1);
        QCOMPARE(finished.count(), 1);
        QVERIFY(!queue.isBusy());
        // Queued again, a cancelled file runs.
        queue.enqueue({quick[0]});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QCOMPARE(finished.at(1).at(0).value<std::shared_ptr<Analysis>>()->file, quick[0]);
    }

    // A file that fails is reported with its error, and the queue goes on.
    void failureDoesNotStopTheQueue()
    {
        AnalysisQueue queue(&detectors_, [] { return settings(60); });
        queue.setReaderProgram(QStringLiteral(CLIPFLOW_BIN_DIR "/clipflow-intake"));
        QSignalSpy finished(&queue, &AnalysisQueue::finished);
        queue.enqueue({QStringLiteral("/nonexistent/x.png"), fixture("corrupt.png"), fixture("rgb.png")});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 60000);
        QVERIFY(!finished.at(0).at(0).value<std::shared_ptr<Analysis>>()->error.isEmpty());
        QVERIFY(!finished.at(1).at(0).value<std::shared_ptr<Analysis>>()->error.isEmpty());
        QVERIFY(finished.at(2).at(0).value<std::shared_ptr<Analysis>>()->error.isEmpty());
    }

    // A new limit applies from the next file: the reader is replaced (none without a limit).
    void settingsApplyFromTheNextFile()
    {
        double limit = 0;
        AnalysisQueue queue(&detectors_, [&] { return settings(limit); });
        queue.setReaderProgram(QStringLiteral(CLIPFLOW_BIN_DIR "/clipflow-intake"));
        QSignalSpy finished(&queue, &AnalysisQueue::finished);
        queue.enqueue({fixture("rgb.png")});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY(!queue.reader());
        limit = 30;
        queue.enqueue({fixture("grey.jpg")});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        const auto first = queue.reader();
        QVERIFY(first);
        queue.enqueue({fixture("exif6.jpg")});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 60000);
        QCOMPARE(queue.reader(), first); // same limit, same reader
        limit = 31;
        queue.enqueue({fixture("rgb.png")});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 4, 60000);
        QVERIFY(queue.reader() && queue.reader() != first);
    }

    // The queue's closing flag reaches the analysis itself: a window closed after a large file
    // was read does not wait out its block grid, spectra and scores.
    void analysisStopsWhenAsked_data()
    {
        QTest::addColumn<int>("after"); // the abort says true from its n-th question on; -1: never
        QTest::newRow("never") << -1;
        QTest::newRow("at once") << 0;
        QTest::newRow("inside a step") << 2;
    }
    void analysisStopsWhenAsked()
    {
        QFETCH(int, after);
        int asked = 0;
        clipflow::app::AnalyseOptions options;
        options.abort = [&asked, after] { return after >= 0 && asked++ >= after; };
        const Analysis a = clipflow::app::analyse_file(fixture("exif6.jpg"), &detectors_, options);
        if (after < 0) {
            QVERIFY2(a.error.isEmpty(), qPrintable(a.error));
            QVERIFY(a.spectrum.has_value());
        } else {
            QCOMPARE(a.error, QStringLiteral("stopped"));
            QVERIFY(!a.spectrum.has_value());
        }
        QVERIFY(asked > after); // asked, and (when told) not asked again and again
    }

    // Shutting down while a 100-megapixel file is being read stops the reader at once.
    void shutdownAbandonsARead()
    {
        QTemporaryDir dir;
        const QString slow = dir.filePath(QStringLiteral("slow.png"));
        QVERIFY(write_slow_png(slow));
        auto queue = std::make_unique<AnalysisQueue>(&detectors_, [] { return settings(120); });
        queue->setReaderProgram(QStringLiteral(CLIPFLOW_BIN_DIR "/clipflow-intake"));
        queue->enqueue({slow, fixture("rgb.png")});
        QTest::qWait(300);
        QVERIFY(queue->isBusy());
        const auto closing = queue->closing();
        QElapsedTimer timer;
        timer.start();
        queue.reset();
        QVERIFY2(timer.elapsed() < 1500, qPrintable(QStringLiteral("shutting down took %1 ms").arg(timer.elapsed())));
        QVERIFY(closing->load());
    }

private:
    Detectors detectors_{QStringLiteral(CLIPFLOW_BIN_DIR)};
};

QTEST_MAIN(TestAnalysisQueue)
#include "tst_analysisqueue.moc"
