// NormalizingFlow: invertible, exact log-determinant, a normalised density,
// finite on hostile input, deterministic, and saved/loaded losslessly.

#include <clipflow/flow.h>
#include <clipflow/safetensors.h>

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <numbers>
#include <random>

using clipflow::FlowParams;
using clipflow::NormalizingFlow;

namespace {

NormalizingFlow make_flow(int dim, int steps, std::uint64_t seed, float noise = 0.05f)
{
    FlowParams p;
    p.dim = dim;
    p.steps = steps;
    p.hidden = 16;
    p.seed = seed;
    auto flow = NormalizingFlow::create(p);
    if (!flow) qFatal("%s", flow.status().to_string().c_str());
    // Non-trivial ActNorm (data with variance 4 and an offset) and perturbed weights.
    std::mt19937 rng{static_cast<unsigned>(seed)};
    std::normal_distribution<float> g(0.5f, 2.0f);
    std::vector<float> data(std::size_t(64 * dim));
    for (float& v : data) v = g(rng);
    if (!flow->initialize(data, 64).ok()) qFatal("initialize failed");
    if (!flow->randomize(noise, seed + 1).ok()) qFatal("randomize failed");
    return std::move(flow.value());
}

std::vector<float> gaussian(int n, int dim, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> g(0.5f, 2.0f);
    std::vector<float> x(std::size_t(n * dim));
    for (float& v : x) v = g(rng);
    return x;
}

// log|det J| from the API: log p(x) * D = log N(z) + log|det J|.
double logdet_from_api(const NormalizingFlow& f, const std::vector<float>& x)
{
    const int d = f.params().dim;
    const auto z = f.forward(x, 1).value();
    const double ll = f.log_likelihood(x, 1).value()[0] * d;
    double logn = 0;
    for (float v : z) logn += -0.5 * (double(v) * v + std::log(2 * std::numbers::pi));
    return ll - logn;
}

// log|det J| by central differences and a double-precision LU.
double logdet_numeric(const NormalizingFlow& f, const std::vector<float>& x)
{
    const int d = f.params().dim;
    std::vector<double> J(std::size_t(d * d));
    const float h = 2e-3f; // small enough not to straddle many ReLU kinks, large against float rounding
    for (int j = 0; j < d; ++j) {
        auto xp = x, xm = x;
        xp[std::size_t(j)] += h;
        xm[std::size_t(j)] -= h;
        const auto zp = f.forward(xp, 1).value(), zm = f.forward(xm, 1).value();
        for (int i = 0; i < d; ++i) J[std::size_t(i * d + j)] = (double(zp[std::size_t(i)]) - zm[std::size_t(i)]) / (2.0 * h);
    }
    double logdet = 0;
    for (int c = 0; c < d; ++c) {
        int piv = c;
        for (int r = c + 1; r < d; ++r)
            if (std::abs(J[std::size_t(r * d + c)]) > std::abs(J[std::size_t(piv * d + c)])) piv = r;
        for (int k = 0; k < d; ++k) std::swap(J[std::size_t(c * d + k)], J[std::size_t(piv * d + k)]);
        const double p = J[std::size_t(c * d + c)];
        logdet += std::log(std::abs(p));
        for (int r = c + 1; r < d; ++r) {
            const double m = J[std::size_t(r * d + c)] / p;
            for (int k = c; k < d; ++k) J[std::size_t(r * d + k)] -= m * J[std::size_t(c * d + k)];
        }
    }
    return logdet;
}

} // namespace

class TestNormalizingFlow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void inverts_data()
    {
        QTest::addColumn<int>("dim");
        QTest::addColumn<int>("steps");
        QTest::addColumn<float>("noise");
        QTest::newRow("2-d, 2 steps") << 2 << 2 << 0.05f;
        QTest::newRow("7-d, 4 steps (odd split)") << 7 << 4 << 0.05f;
        // Random noise on every weight of a 64x64 LU factor makes W badly
        // conditioned; trained flows stay near rotations, so perturb gently.
        QTest::newRow("64-d, 8 steps") << 64 << 8 << 0.01f;
    }
    void inverts()
    {
        QFETCH(int, dim);
        QFETCH(int, steps);
        QFETCH(float, noise);
        const auto f = make_flow(dim, steps, 3, noise);
        const auto x = gaussian(10, dim, 9);
        const auto z = f.forward(x, 10).value();
        const auto back = f.inverse(z, 10).value();
        double err = 0, moved = 0;
        for (std::size_t i = 0; i < x.size(); ++i) {
            err = std::max(err, double(std::abs(back[i] - x[i])));
            moved = std::max(moved, double(std::abs(z[i] - x[i])));
        }
        QVERIFY2(err < 1e-3, qPrintable(QString::number(err)));
        QVERIFY(moved > 0.1); // the flow is not the identity
    }

    void exactLogDeterminant_data()
    {
        QTest::addColumn<int>("dim");
        QTest::addColumn<int>("steps");
        QTest::addColumn<float>("noise");
        QTest::newRow("4-d") << 4 << 3 << 0.05f;
        QTest::newRow("6-d, stronger couplings") << 6 << 4 << 0.2f;
    }
    void exactLogDeterminant()
    {
        QFETCH(int, dim);
        QFETCH(int, steps);
        QFETCH(float, noise);
        const auto f = make_flow(dim, steps, 5, noise);
        for (unsigned s = 0; s < 3; ++s) {
            const auto x = gaussian(1, dim, 100 + s);
            const double exact = logdet_from_api(f, x), numeric = logdet_numeric(f, x);
            QVERIFY2(std::abs(exact) > 0.1, "log-determinant should not be trivially zero");
            QVERIFY2(std::abs(exact - numeric) < 2e-2 * std::max(1.0, std::abs(exact)),
                     qPrintable(QStringLiteral("exact %1, numeric %2").arg(exact).arg(numeric)));
        }
    }

    void densityIntegratesToOne()
    {
        const auto f = make_flow(2, 3, 11, 0.1f);
        const int n = 300;
        const double lo = -12, hi = 13, step = (hi - lo) / n;
        std::vector<float> grid;
        grid.reserve(std::size_t(2 * n * n));
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j) {
                grid.push_back(float(lo + (i + 0.5) * step));
                grid.push_back(float(lo + (j + 0.5) * step));
            }
        const auto ll = f.log_likelihood(grid, n * n).value();
        double mass = 0;
        for (float v : ll) mass += std::exp(2.0 * v) * step * step; // nats per dimension x 2
        QVERIFY2(std::abs(mass - 1.0) < 0.02, qPrintable(QString::number(mass)));
    }

    void neverNanOrInf_data()
    {
        QTest::addColumn<float>("value");
        QTest::newRow("NaN") << std::numeric_limits<float>::quiet_NaN();
        QTest::newRow("+Inf") << std::numeric_limits<float>::infinity();
        QTest::newRow("-Inf") << -std::numeric_limits<float>::infinity();
        QTest::newRow("1e30") << 1e30f;
        QTest::newRow("-1e38") << -1e38f;
        QTest::newRow("denormal") << 1e-42f;
        QTest::newRow("zero") << 0.0f;
    }
    void neverNanOrInf()
    {
        QFETCH(float, value);
        const auto f = make_flow(16, 4, 7, 0.3f);
        std::vector<float> x(16 * 3, value);
        x[5] = 1.0f; // mixed rows too
        const auto ll = f.log_likelihood(x, 3);
        QVERIFY(ll.ok());
        for (float v : *ll) QVERIFY2(std::isfinite(v), qPrintable(QString::number(v)));
    }

    void deterministicFromSeed()
    {
        const auto x = gaussian(4, 8, 1);
        const auto a = make_flow(8, 3, 21).log_likelihood(x, 4).value();
        const auto b = make_flow(8, 3, 21).log_likelihood(x, 4).value();
        const auto c = make_flow(8, 3, 22).log_likelihood(x, 4).value();
        QCOMPARE(a, b);
        QVERIFY(a != c);
    }

    void savesAndLoads()
    {
        const auto f = make_flow(12, 3, 31, 0.1f);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("flow.safetensors")).toStdString();
        QVERIFY(f.save(path, {{"objective", "proxy"}}).ok());
        auto g = NormalizingFlow::load(path);
        QVERIFY2(g.ok(), g.status().to_string().c_str());
        QCOMPARE(g->params().dim, 12);
        QCOMPARE(g->params().steps, 3);
        QCOMPARE(g->parameter_count(), f.parameter_count());
        const auto x = gaussian(5, 12, 2);
        QCOMPARE(g->log_likelihood(x, 5).value(), f.log_likelihood(x, 5).value());
        // Not a flow: a bare safetensors file without the flow metadata.
        const std::string other = dir.filePath(QStringLiteral("other.safetensors")).toStdString();
        QVERIFY(clipflow::write_safetensors(other, {clipflow::TensorData::from_floats("x", {1}, {1.0f})}).ok());
        QCOMPARE(NormalizingFlow::load(other).status().code(), clipflow::ErrorCode::InvalidArgument);
    }

    void refusesBadParams_data()
    {
        QTest::addColumn<int>("dim");
        QTest::addColumn<int>("steps");
        QTest::addColumn<int>("hidden");
        QTest::newRow("dim 1") << 1 << 4 << 8;
        QTest::newRow("no steps") << 8 << 0 << 8;
        QTest::newRow("no hidden") << 8 << 4 << 0;
    }
    void refusesBadParams()
    {
        QFETCH(int, dim);
        QFETCH(int, steps);
        QFETCH(int, hidden);
        FlowParams p;
        p.dim = dim;
        p.steps = steps;
        p.hidden = hidden;
        QCOMPARE(NormalizingFlow::create(p).status().code(), clipflow::ErrorCode::InvalidArgument);
        auto ok = make_flow(4, 2, 1);
        QCOMPARE(ok.log_likelihood(std::vector<float>(7), 2).status().code(), clipflow::ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestNormalizingFlow)
#include "tst_normalizingflow.moc"
