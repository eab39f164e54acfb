// The training commands as a torchrun-style launch runs them: two `clipflow`
// processes given the same command, their rank and the rendezvous in RANK,
// WORLD_SIZE, MASTER_ADDR and MASTER_PORT. train-classifier's weights equal a
// single-process run's; train-backbone trains with each rank on its shard of the
// photos; rank 0 alone writes; ranks given different inputs stop with an error.

#include "../core/freeport.h"
#include "../core/photofolder.h"

#include <clipflow/proxy.h>
#include <clipflow/safetensors.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

struct Run {
    int code = -1;
    QByteArray out, err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.trimmed().split('\n').last()).object(); }
};

QProcess* start(const QStringList& args, int rank, int world, int port)
{
    auto* p = new QProcess;
    auto env = QProcessEnvironment::systemEnvironment();
    if (world > 1) {
        env.insert(QStringLiteral("RANK"), QString::number(rank));
        env.insert(QStringLiteral("WORLD_SIZE"), QString::number(world));
        env.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
        env.insert(QStringLiteral("MASTER_PORT"), QString::number(port));
    }
    p->setProcessEnvironment(env);
    p->start(QStringLiteral(CLIPFLOW_BIN_DIR "/clipflow"), args);
    return p;
}

Run finish(QProcess* p)
{
    Run r;
    if (!p->waitForFinished(600000))
        p->kill();
    else
        r.code = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -2;
    r.out = p->readAllStandardOutput();
    r.err = p->readAllStandardError();
    delete p;
    return r;
}

// The same command on `world` ranks at once (one plain process for world 1);
// `per_rank` may change rank k's arguments.
QList<Run> launch(const QStringList& args, int world, const std::function<QStringList(int, QStringList)>& per_rank = {})
{
    const int port = testnet::free_port();
    QList<QProcess*> ps;
    for (int k = 0; k < world; ++k) ps << start(per_rank ? per_rank(k, args) : args, k, world, port);
    QList<Run> runs;
    for (auto* p : ps) runs << finish(p);
    return runs;
}

std::map<std::string, std::vector<float>> tensors(const QString& path)
{
    std::map<std::string, std::vector<float>> out;
    auto f = clipflow::SafetensorsFile::open(path.toStdString());
    if (!f) return out;
    for (const auto& t : f->tensors())
        if (auto v = t.to_float()) out[t.name] = *v;
    return out;
}

double max_diff(const std::map<std::string, std::vector<float>>& a, const std::map<std::string, std::vector<float>>& b)
{
    if (a.size() != b.size() || a.empty()) return INFINITY;
    double m = 0;
    for (const auto& [name, v] : a) {
        auto it = b.find(name);
        if (it == b.end() || it->second.size() != v.size()) return INFINITY;
        for (std::size_t i = 0; i < v.size(); ++i) m = std::max(m, double(std::abs(v[i] - it->second[i])));
    }
    return m;
}

} // namespace

class TestDistributedCli : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString data_, photos_;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        // Labelled folders: real photos and two "generators" made by proxy operations.
        data_ = tmp_.filePath(QStringLiteral("data"));
        photos_ = data_ + QStringLiteral("/real");
        QVERIFY(QDir().mkpath(photos_));
        testimages::write_photos(photos_, 16, 300);
        for (const auto& [name, op] :
             {std::pair{"upsampler", clipflow::ProxyOp::ZeroInsertion}, std::pair{"booster", clipflow::ProxyOp::HighFreqBoost}}) {
            const QString dir = data_ + QStringLiteral("/fake/") + QString::fromLatin1(name);
            QVERIFY(QDir().mkpath(dir));
            for (int i = 0; i < 16; ++i) {
                auto p = clipflow::make_proxy(testimages::pink_noise(160, 160, 500u + unsigned(i)), op, unsigned(i));
                QVERIFY(p.ok());
                auto png = clipflow::encode_image(p->image, ".png");
                QVERIFY(png.ok());
                QVERIFY(clipflow::write_file_atomic((dir + QStringLiteral("/%1.png").arg(i)).toStdString(), *png).ok());
            }
        }
    }

    // A linear head has no dropout: two ranks take exactly the steps of one
    // process with the same global batch (sums in another order aside).
    void classifierMatchesOneProcess_data()
    {
        QTest::addColumn<int>("world");
        QTest::newRow("2 ranks") << 2;
        QTest::newRow("3 ranks") << 3;
    }
    void classifierMatchesOneProcess()
    {
        QFETCH(int, world);
        auto args = [&](const QString& out) {
            return QStringList{QStringLiteral("train-classifier"),
                               QStringLiteral("--data"),
                               data_,
                               QStringLiteral("--out"),
                               out,
                               QStringLiteral("--mode"),
                               QStringLiteral("linear"),
                               QStringLiteral("--epochs"),
                               QStringLiteral("8"),
                               QStringLiteral("--views"),
                               QStringLiteral("2"),
                               QStringLiteral("--no-cache"),
                               QStringLiteral("--seed"),
                               QStringLiteral("3"),
                               QStringLiteral("--json")};
        };
        const QString one = tmp_.filePath(QStringLiteral("one-%1.safetensors").arg(world));
        const QString many = tmp_.filePath(QStringLiteral("many-%1.safetensors").arg(world));
        const Run single = launch(args(one), 1).front();
        QVERIFY2(single.code == 0, single.err.constData());
        const auto runs = launch(args(many), world);
        for (const Run& r : runs) QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(runs[1].err.contains("finished; rank 0 wrote"), runs[1].err.constData());
        const auto a = tensors(one), b = tensors(many);
        QVERIFY(a.count("head.out.weight"));
        const double d = max_diff(a, b);
        qInfo("max |w(1 process) - w(%d ranks)| = %.3g", world, d);
        QVERIFY2(d < 1e-4, qPrintable(QString::number(d)));
        // Every rank reports the same validation (computed from the same exchanged features).
        for (const Run& r : runs)
            QCOMPARE(r.json().value(QStringLiteral("validation_accuracy")).toDouble(),
                     single.json().value(QStringLiteral("validation_accuracy")).toDouble());
    }

    void backboneOnShards()
    {
        const QString out = tmp_.filePath(QStringLiteral("v2.safetensors"));
        const QStringList args{QStringLiteral("train-backbone"),
                               QStringLiteral("--natural"),
                               photos_,
                               QStringLiteral("--out"),
                               out,
                               QStringLiteral("--steps"),
                               QStringLiteral("12"),
                               QStringLiteral("--batch"),
                               QStringLiteral("4"),
                               QStringLiteral("--patch"),
                               QStringLiteral("48"),
                               QStringLiteral("--validation"),
                               QStringLiteral("0.25"),
                               QStringLiteral("--threads"),
                               QStringLiteral("1"),
                               QStringLiteral("--json")};
        const auto runs = launch(args, 2);
        for (const Run& r : runs) QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(QFile::exists(out));
        QVERIFY(!QFile::exists(out + QStringLiteral(".ckpt"))); // finished: no checkpoint left
        const QJsonObject j0 = runs[0].json(), j1 = runs[1].json();
        // Photo counts and validation are global, the same on both ranks.
        QCOMPARE(j0.value(QStringLiteral("photos")).toInt() + j0.value(QStringLiteral("validation_photos")).toInt(), 16);
        QCOMPARE(j1.value(QStringLiteral("photos")).toInt(), j0.value(QStringLiteral("photos")).toInt());
        QCOMPARE(j1.value(QStringLiteral("validation_auc")).toDouble(), j0.value(QStringLiteral("validation_auc")).toDouble());
        QCOMPARE(j1.value(QStringLiteral("final_loss")).toDouble(), j0.value(QStringLiteral("final_loss")).toDouble());
        QVERIFY(!j0.value(QStringLiteral("sha256")).toString().isEmpty());
        // An odd split of the batch is refused before anyone waits.
        QStringList odd = args;
        odd[odd.indexOf(QStringLiteral("--batch")) + 1] = QStringLiteral("5");
        const auto bad = launch(odd, 2);
        for (const Run& r : bad) {
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains("divide evenly"), r.err.constData());
        }
    }

    // Rank 1 given other photos: both ranks stop with the reason, none hangs.
    void differentInputsRefused()
    {
        const QString out = tmp_.filePath(QStringLiteral("mismatch.safetensors"));
        const QStringList args{QStringLiteral("train"),
                               QStringLiteral("--natural"),
                               photos_,
                               QStringLiteral("--out"),
                               out,
                               QStringLiteral("--epochs"),
                               QStringLiteral("1"),
                               QStringLiteral("--no-cache"),
                               QStringLiteral("--dist-timeout"),
                               QStringLiteral("60")};
        const auto runs = launch(args, 2, [&](int rank, QStringList a) {
            if (rank == 1) a << data_ + QStringLiteral("/fake/booster/0.png");
            return a;
        });
        for (const Run& r : runs) {
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains("other files or settings"), r.err.constData());
        }
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestDistributedCli)
#include "tst_distributedcli.moc"
