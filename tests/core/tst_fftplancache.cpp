// FftPlanCache against a direct DFT, plan reuse, wisdom and concurrent use.

#include <clipflow/fftplancache.h>

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numbers>
#include <random>
#include <thread>

using clipflow::FftBuffer;
using clipflow::FftPlanCache;

namespace {

// Separable direct DFT in double precision: the reference.
std::vector<std::complex<double>> direct_dft(const std::vector<float>& in, int h, int w)
{
    const int hw = w / 2 + 1;
    std::vector<std::complex<double>> rows(static_cast<std::size_t>(h) * hw), out(rows.size());
    const double tau = 2 * std::numbers::pi;
    for (int y = 0; y < h; ++y)
        for (int k = 0; k < hw; ++k) {
            std::complex<double> acc;
            for (int x = 0; x < w; ++x) acc += double(in[std::size_t(y) * w + x]) * std::polar(1.0, -tau * k * x / w);
            rows[std::size_t(y) * hw + k] = acc;
        }
    for (int k = 0; k < hw; ++k)
        for (int ky = 0; ky < h; ++ky) {
            std::complex<double> acc;
            for (int y = 0; y < h; ++y) acc += rows[std::size_t(y) * hw + k] * std::polar(1.0, -tau * ky * y / h);
            out[std::size_t(ky) * hw + k] = acc;
        }
    return out;
}

double max_relative_error(int h, int w, unsigned seed)
{
    FftBuffer in(std::size_t(h) * w), out(std::size_t(h) * (w / 2 + 1) * 2);
    std::vector<float> copy(std::size_t(h) * w);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(-1, 1);
    for (std::size_t i = 0; i < copy.size(); ++i) in.data()[i] = copy[i] = u(rng);
    if (!FftPlanCache::instance().forward_r2c(h, w, in.data(), out.as_complex())) return 1e9;
    const auto ref = direct_dft(copy, h, w);
    double scale = 0, err = 0;
    for (std::size_t i = 0; i < ref.size(); ++i) {
        scale = std::max(scale, std::abs(ref[i]));
        err = std::max(err, std::abs(ref[i] - std::complex<double>(out.as_complex()[i])));
    }
    return err / scale;
}

} // namespace

class TestFftPlanCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(wisdomDir.isValid());
        FftPlanCache::instance().set_wisdom_path(wisdomDir.filePath(QStringLiteral("sub/fftw3f.wisdom")).toStdString());
    }

    void matchesDirectDft_data()
    {
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("width");
        QTest::newRow("8x8") << 8 << 8;
        QTest::newRow("10x12") << 10 << 12;
        QTest::newRow("9x17 odd") << 9 << 17;
        QTest::newRow("64x32") << 64 << 32;
        QTest::newRow("128x128 measured") << 128 << 128;
        QTest::newRow("333x500 photo-sized") << 333 << 500;
    }
    void matchesDirectDft()
    {
        QFETCH(int, height);
        QFETCH(int, width);
        QVERIFY(max_relative_error(height, width, unsigned(height * 1000 + width)) < 2e-5);
    }

    void reusesPlansAndStoresWisdom()
    {
        auto& cache = FftPlanCache::instance();
        const std::size_t before = cache.cached_plans();
        QVERIFY(max_relative_error(64, 64, 1) < 2e-5); // square power of two: measured plan
        const std::size_t after = cache.cached_plans();
        QCOMPARE(after, before + 1);
        QVERIFY(max_relative_error(64, 64, 2) < 2e-5);
        QCOMPARE(cache.cached_plans(), after);
        const QFileInfo wisdom(QString::fromStdString(cache.wisdom_path()));
        QVERIFY(wisdom.exists());
        QVERIFY(wisdom.size() > 20);
    }

    void concurrentUse()
    {
        std::vector<double> errors(8, 1e9);
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t)
            threads.emplace_back(
                [t, &errors] { errors[std::size_t(t)] = max_relative_error(t % 2 ? 48 : 40, 56 + 8 * (t % 3), unsigned(t)); });
        for (auto& th : threads) th.join();
        for (double e : errors) QVERIFY(e < 2e-5);
    }

    void rejectsNonsense()
    {
        FftBuffer in(16), out(32);
        QVERIFY(!FftPlanCache::instance().forward_r2c(0, 4, in.data(), out.as_complex()));
        QVERIFY(!FftPlanCache::instance().forward_r2c(4, -1, in.data(), out.as_complex()));
    }

private:
    QTemporaryDir wisdomDir;
};

QTEST_GUILESS_MAIN(TestFftPlanCache)
#include "tst_fftplancache.moc"
