// Data-parallel training on c10d/Gloo: two ranks (threads of this process, each
// with its own rendezvous client) train the same flow as one process with the
// same global batch; an aborted two-rank run resumes exactly; a rank left alone
// times out with an error instead of hanging; torchrun's variables are read and
// bad ones refused.

#include "freeport.h"

#include <clipflow/distributed.h>
#include <clipflow/flowtrainer.h>
#include <clipflow/safetensors.h>

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <future>
#include <random>

using clipflow::DistributedParams;
using clipflow::FlowObjective;
using clipflow::FlowTrainParams;

namespace {

constexpr int kDim = 6;

std::vector<float> features(int n, float widen, unsigned seed)
{
    std::mt19937 rng{seed};
    std::normal_distribution<float> g(0.0f, 1.0f);
    std::vector<float> x(std::size_t(n * kDim));
    for (int i = 0; i < n; ++i) {
        const float common = g(rng);
        for (int k = 0; k < kDim; ++k) x[std::size_t(i * kDim + k)] = (0.6f * common + 0.8f * g(rng)) * (k < 3 ? widen : 1.0f);
    }
    return x;
}

FlowTrainParams small(FlowObjective objective, int batch, float noise)
{
    FlowTrainParams p;
    p.flow.dim = kDim;
    p.flow.steps = 2;
    p.flow.hidden = 16;
    p.objective = objective;
    p.epochs = 4;
    p.batch_size = batch;
    p.learning_rate = 3e-3f;
    p.feature_noise = noise;
    p.seed = 11;
    p.device = "cpu";
    return p;
}

struct Run {
    bool ok = false;
    std::string error;
    std::vector<float> weights;
    int resumed_from = 0;
};

std::vector<float> all_weights(const clipflow::NormalizingFlow& flow, const QString& dir, const char* name)
{
    const std::string path = QDir(dir).filePath(QString::fromLatin1(name)).toStdString();
    if (!flow.save(path).ok()) return {};
    auto f = clipflow::SafetensorsFile::open(path);
    std::vector<float> out;
    if (!f) return out;
    for (const auto& t : f->tensors()) {
        auto v = t.to_float();
        if (v) out.insert(out.end(), v->begin(), v->end());
    }
    return out;
}

Run train(const std::vector<float>& nat, const std::vector<float>& prox, FlowTrainParams p, const QString& dir, const char* name)
{
    const int n = int(nat.size() / kDim), m = int(prox.size() / kDim);
    auto r = clipflow::train_flow(nat, n, prox, m, p);
    Run out;
    (void)name;
    out.ok = r.ok();
    if (!r) {
        out.error = r.status().to_string();
        return out;
    }
    out.resumed_from = r->resumed_from_epoch;
    out.weights = all_weights(r->flow, dir, name);
    return out;
}

// Both ranks at once; rank k's params are made by `with_rank(k)`.
std::pair<Run, Run> two_ranks(const std::vector<float>& nat, const std::vector<float>& prox,
                              const std::function<FlowTrainParams(int)>& with_rank, const QString& dir)
{
    auto r1 = std::async(std::launch::async, [&] { return train(nat, prox, with_rank(1), dir, "rank1.safetensors"); });
    Run r0 = train(nat, prox, with_rank(0), dir, "rank0.safetensors");
    return {r0, r1.get()};
}

double max_diff(const std::vector<float>& a, const std::vector<float>& b)
{
    if (a.size() != b.size() || a.empty()) return INFINITY;
    double m = 0;
    for (std::size_t i = 0; i < a.size(); ++i) m = std::max(m, double(std::abs(a[i] - b[i])));
    return m;
}

} // namespace

Q_DECLARE_METATYPE(FlowObjective)

class TestDistributed : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    const std::vector<float> nat_ = features(300, 1.0f, 1), prox_ = features(300, 2.0f, 2);

    DistributedParams rank(int r, int port, double timeout = 120) const
    {
        DistributedParams d;
        d.rank = r;
        d.world_size = 2;
        d.master_port = port;
        d.timeout_s = timeout;
        return d;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(tmp_.isValid()); }

    // Summed gradients of two half batches are the gradient of the whole batch:
    // the weights after 4 epochs match one process to float precision. Odd batch
    // sizes give the ranks unequal shares.
    void twoRanksMatchOneProcess_data()
    {
        QTest::addColumn<FlowObjective>("objective");
        QTest::addColumn<int>("batch");
        QTest::addColumn<float>("noise");
        QTest::newRow("combined, batch 64") << FlowObjective::Combined << 64 << 0.0f;
        QTest::newRow("combined, batch 37, feature noise") << FlowObjective::Combined << 37 << 0.5f;
        QTest::newRow("proxy-only, batch 50, feature noise") << FlowObjective::ProxyOnly << 50 << 0.5f;
    }
    void twoRanksMatchOneProcess()
    {
        QFETCH(FlowObjective, objective);
        QFETCH(int, batch);
        QFETCH(float, noise);
        const QString dir = tmp_.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_').remove(u','));
        QVERIFY(QDir().mkpath(dir));
        const Run one = train(nat_, prox_, small(objective, batch, noise), dir, "one.safetensors");
        QVERIFY2(one.ok, one.error.c_str());
        const int port = testnet::free_port();
        const auto [r0, r1] = two_ranks(
            nat_, prox_,
            [&](int r) {
                auto p = small(objective, batch, noise);
                p.distributed = rank(r, port);
                return p;
            },
            dir);
        QVERIFY2(r0.ok, r0.error.c_str());
        QVERIFY2(r1.ok, r1.error.c_str());
        // The ranks hold identical weights (same summed gradient, same step).
        QCOMPARE(max_diff(r0.weights, r1.weights), 0.0);
        // Against one process: only the order of floating-point sums differs.
        const double d = max_diff(one.weights, r0.weights);
        qInfo("max |w(1 process) - w(2 ranks)| = %.3g", d);
        QVERIFY2(d < 2e-4, qPrintable(QString::number(d)));
        // A different seed moves the weights far more: the comparison can fail.
        auto other = small(objective, batch, noise);
        other.seed = 12;
        const Run third = train(nat_, prox_, other, dir, "other.safetensors");
        QVERIFY(max_diff(one.weights, third.weights) > 100 * std::max(d, 1e-6));
    }

    // Both ranks stop after 6 steps (epoch 2 of 4 checkpointed by rank 0 only);
    // the same two commands again resume from it and end where an uninterrupted
    // two-rank run ends.
    void abortedRunResumes()
    {
        const QString dir = tmp_.filePath(QStringLiteral("resume"));
        QVERIFY(QDir().mkpath(dir));
        const std::string ckpt = QDir(dir).filePath(QStringLiteral("flow.ckpt")).toStdString();
        auto with = [&](int r, int port, bool stop, const std::string& checkpoint) {
            auto p = small(FlowObjective::Combined, 64, 0.5f);
            p.distributed = rank(r, port);
            p.checkpoint_path = checkpoint;
            if (stop) {
                auto steps = std::make_shared<std::atomic<int>>(0);
                p.abort = [steps] { return ++*steps > 12; }; // 5 steps per epoch: stops in epoch 3
            }
            return p;
        };
        int port = testnet::free_port();
        const auto [s0, s1] = two_ranks(
            nat_, prox_, [&](int r) { return with(r, port, false, {}); }, dir);
        QVERIFY2(s0.ok && s1.ok, (s0.error + s1.error).c_str());

        port = testnet::free_port();
        const auto [a0, a1] = two_ranks(
            nat_, prox_, [&](int r) { return with(r, port, true, ckpt); }, dir);
        QVERIFY(!a0.ok && !a1.ok);
        QVERIFY2(a0.error.find("aborted") != std::string::npos, a0.error.c_str());
        QVERIFY(QFile::exists(QString::fromStdString(ckpt)));

        port = testnet::free_port();
        const auto [b0, b1] = two_ranks(
            nat_, prox_, [&](int r) { return with(r, port, false, ckpt); }, dir);
        QVERIFY2(b0.ok && b1.ok, (b0.error + b1.error).c_str());
        QCOMPARE(b0.resumed_from, 2);
        QCOMPARE(b1.resumed_from, 2);
        QCOMPARE(max_diff(b0.weights, s0.weights), 0.0);
        QCOMPARE(max_diff(b1.weights, s0.weights), 0.0);
    }

    // A checkpoint only rank 0 can see cannot be resumed from: both ranks say so.
    void checkpointSeenByOneRankRefused()
    {
        const QString dir = tmp_.filePath(QStringLiteral("one-sided"));
        QVERIFY(QDir().mkpath(dir));
        const std::string seen = QDir(dir).filePath(QStringLiteral("flow.ckpt")).toStdString();
        QFile f(QString::fromStdString(seen));
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write("x") == 1);
        f.close();
        const int port = testnet::free_port();
        const auto [r0, r1] = two_ranks(
            nat_, prox_,
            [&](int r) {
                auto p = small(FlowObjective::Combined, 64, 0.0f);
                p.distributed = rank(r, port);
                p.checkpoint_path = r == 0 ? seen : seen + ".elsewhere";
                return p;
            },
            dir);
        for (const Run* r : {&r0, &r1}) {
            QVERIFY(!r->ok);
            QVERIFY2(r->error.find("only some ranks see the checkpoint") != std::string::npos, r->error.c_str());
        }
    }

    // Rank 0 waiting for a rank 1 that never comes gives up after its timeout.
    void aloneTimesOut()
    {
        auto p = small(FlowObjective::Combined, 64, 0.0f);
        p.distributed = rank(0, testnet::free_port(), 2.0);
        QElapsedTimer t;
        t.start();
        const Run r = train(nat_, prox_, p, tmp_.path(), "alone.safetensors");
        QVERIFY(!r.ok);
        QVERIFY2(r.error.find("could not join") != std::string::npos, r.error.c_str());
        QVERIFY2(t.elapsed() < 60000, qPrintable(QString::number(t.elapsed())));
    }

    void environment_data()
    {
        QTest::addColumn<QByteArray>("rank");
        QTest::addColumn<QByteArray>("world");
        QTest::addColumn<QByteArray>("addr");
        QTest::addColumn<QByteArray>("port");
        QTest::addColumn<int>("flagRank"); // -1: no flag
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("wantRank");
        QTest::addColumn<int>("wantWorld");
        QTest::addColumn<QByteArray>("wantAddr");
        QTest::addColumn<int>("wantPort");
        QTest::newRow("nothing set") << QByteArray() << QByteArray() << QByteArray() << QByteArray() << -1 << true << 0 << 1
                                     << QByteArray("127.0.0.1") << 29500;
        QTest::newRow("torchrun") << QByteArray("3") << QByteArray("4") << QByteArray("node0") << QByteArray("23456") << -1
                                  << true << 3 << 4 << QByteArray("node0") << 23456;
        QTest::newRow("a flag wins") << QByteArray("3") << QByteArray("4") << QByteArray() << QByteArray() << 2 << true << 2 << 4
                                     << QByteArray("127.0.0.1") << 29500;
        QTest::newRow("rank past the world")
            << QByteArray("4") << QByteArray("4") << QByteArray() << QByteArray() << -1 << false << 0 << 0 << QByteArray() << 0;
        QTest::newRow("not a number") << QByteArray("one") << QByteArray("4") << QByteArray() << QByteArray() << -1 << false << 0
                                      << 0 << QByteArray() << 0;
        QTest::newRow("port out of range") << QByteArray("0") << QByteArray("2") << QByteArray() << QByteArray("70000") << -1
                                           << false << 0 << 0 << QByteArray() << 0;
        QTest::newRow("negative world") << QByteArray("0") << QByteArray("-2") << QByteArray() << QByteArray() << -1 << false << 0
                                        << 0 << QByteArray() << 0;
    }
    void environment()
    {
        QFETCH(QByteArray, rank);
        QFETCH(QByteArray, world);
        QFETCH(QByteArray, addr);
        QFETCH(QByteArray, port);
        QFETCH(int, flagRank);
        QFETCH(bool, ok);
        auto set = [](const char* name, const QByteArray& v) {
            if (v.isEmpty())
                qunsetenv(name);
            else
                qputenv(name, v);
        };
        set("RANK", rank);
        set("WORLD_SIZE", world);
        set("MASTER_ADDR", addr);
        set("MASTER_PORT", port);
        DistributedParams given;
        if (flagRank >= 0) given.rank = flagRank;
        const auto r = clipflow::distributed_from_environment(given);
        for (const char* n : {"RANK", "WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT"}) qunsetenv(n);
        QCOMPARE(r.ok(), ok);
        if (!ok) {
            QVERIFY(!r.status().message().empty());
            return;
        }
        QFETCH(int, wantRank);
        QFETCH(int, wantWorld);
        QFETCH(QByteArray, wantAddr);
        QFETCH(int, wantPort);
        QCOMPARE(r->rank, wantRank);
        QCOMPARE(r->world_size, wantWorld);
        QCOMPARE(QByteArray::fromStdString(r->master_addr), wantAddr);
        QCOMPARE(r->master_port, wantPort);
    }
};

QTEST_GUILESS_MAIN(TestDistributed)
#include "tst_distributed.moc"
