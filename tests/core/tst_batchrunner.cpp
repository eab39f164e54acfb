// run_batch: every item once, results handed on in input order while later
// items run, no more than the window claimed ahead, abort and progress on the
// caller's thread.

#include <clipflow/batchrunner.h>

#include <QTest>

#include <atomic>
#include <chrono>
#include <mutex>
#include <random>
#include <set>
#include <thread>

class TestBatchRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void inOrderOnce_data()
    {
        QTest::addColumn<int>("items");
        QTest::addColumn<int>("workers");
        QTest::addColumn<int>("group");
        QTest::addColumn<int>("window");
        QTest::addColumn<bool>("watched"); // with a progress report: the caller only watches
        QTest::newRow("empty") << 0 << 2 << 1 << 0 << false;
        QTest::newRow("one worker") << 50 << 1 << 1 << 0 << false;
        QTest::newRow("four workers") << 200 << 4 << 1 << 0 << false;
        QTest::newRow("groups of 3, uneven end") << 100 << 3 << 3 << 0 << false;
        QTest::newRow("window of 8") << 300 << 4 << 2 << 8 << false;
        QTest::newRow("window smaller than the workers' groups") << 120 << 4 << 5 << 3 << false;
        QTest::newRow("watched") << 120 << 3 << 2 << 16 << true;
    }
    void inOrderOnce()
    {
        QFETCH(int, items);
        QFETCH(int, workers);
        QFETCH(int, group);
        QFETCH(int, window);
        QFETCH(bool, watched);
        const auto caller = std::this_thread::get_id();
        std::vector<std::atomic<int>> ran(static_cast<std::size_t>(items));
        std::atomic<std::size_t> handed{0}, most_ahead{0};
        std::mutex m;
        std::set<std::thread::id> threads;
        std::vector<std::size_t> order;
        std::vector<int> values;
        std::size_t last_report = 0;
        bool report_elsewhere = false;
        const std::size_t room = window ? std::max<std::size_t>(window, std::size_t(group) * std::size_t(workers)) : items;
        const bool done = clipflow::run_batch<int>(
            clipflow::BatchPlan{std::size_t(items), workers, std::size_t(group), std::size_t(window)},
            [&](int, std::size_t first, std::size_t last) {
                {
                    std::lock_guard lock(m);
                    threads.insert(std::this_thread::get_id());
                }
                const std::size_t ahead = last - handed.load();
                for (std::size_t seen = most_ahead.load(); ahead > seen && !most_ahead.compare_exchange_weak(seen, ahead);) {}
                std::vector<int> out;
                std::mt19937 rng(static_cast<unsigned>(first));
                for (std::size_t i = first; i < last; ++i) {
                    ++ran[i];
                    std::this_thread::sleep_for(std::chrono::microseconds(rng() % 300)); // finish out of order
                    out.push_back(int(i) * 7);
                }
                return out;
            },
            [&](std::size_t index, int value) {
                order.push_back(index);
                values.push_back(value);
                ++handed;
            },
            watched ? std::function<void(std::size_t, double)>([&](std::size_t d, double) {
                if (std::this_thread::get_id() != caller) report_elsewhere = true;
                last_report = d;
            })
                    : std::function<void(std::size_t, double)>());
        QVERIFY(done);
        QCOMPARE(int(order.size()), items);
        for (int i = 0; i < items; ++i) {
            QCOMPARE(ran[std::size_t(i)].load(), 1);
            QCOMPARE(order[std::size_t(i)], std::size_t(i));
            QCOMPARE(values[std::size_t(i)], i * 7);
        }
        QVERIFY2(most_ahead.load() <= room, qPrintable(QStringLiteral("%1 ahead, room %2").arg(most_ahead.load()).arg(room)));
        if (items > 0) QVERIFY(int(threads.size()) <= workers);
        if (watched) {
            QVERIFY(!report_elsewhere);
            QCOMPARE(last_report, std::size_t(items));
            QVERIFY(!threads.count(caller)); // the caller only watched
        }
    }

    // Aborted: nothing starts after the abort; what finished is handed on in order.
    void abortStopsStarting()
    {
        std::atomic<int> started{0};
        std::vector<std::size_t> order;
        const bool done = clipflow::run_batch<int>(
            clipflow::BatchPlan{1000, 2, 1, 0},
            [&](int, std::size_t first, std::size_t last) {
                ++started;
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                return std::vector<int>(last - first, 1);
            },
            [&](std::size_t index, int) { order.push_back(index); }, {}, [&] { return started.load() >= 10; });
        QVERIFY(!done);
        QVERIFY(started.load() < 40);
        QCOMPARE(int(order.size()), started.load());
        for (std::size_t i = 0; i < order.size(); ++i) QCOMPARE(order[i], i);
    }
};

QTEST_MAIN(TestBatchRunner)
#include "tst_batchrunner.moc"
