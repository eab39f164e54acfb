// WinogradConv3x3 (core/src/detect/winogradconv.h) against a plain convolution
// in double precision: every size (odd, smaller than a tile, wide), channel
// counts the fast kernel takes and one it does not, split into tile rows as
// threads split it; and the forensic-v2 network gives the same features with
// our kernels (this one and directconv.h) as with LibTorch's convolutions.

#include "detect/forensicnet.h"
#include "detect/winogradconv.h"

#include "convreference.h"

#include <QTest>

#include <cmath>
#include <vector>

using clipflow::detail::WinogradConv3x3;

using convreference::random_values;

class TestWinogradConv : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesDirectConvolution_data()
    {
        QTest::addColumn<int>("h");
        QTest::addColumn<int>("w");
        QTest::addColumn<int>("cin");
        QTest::addColumn<int>("cout");
        QTest::addColumn<int>("pieces"); // tile-row ranges the image is computed in
        QTest::newRow("forensic-v2 layer 1, 64 x 64") << 64 << 64 << 16 << 32 << 1;
        QTest::newRow("odd height and width") << 17 << 9 << 16 << 32 << 1;
        QTest::newRow("one pixel") << 1 << 1 << 8 << 32 << 1;
        QTest::newRow("one row, odd tile count") << 1 << 7 << 16 << 32 << 1;
        QTest::newRow("more channels") << 6 << 5 << 24 << 64 << 1;
        QTest::newRow("split between three threads") << 23 << 31 << 16 << 32 << 3;
        QTest::newRow("channels the fast kernel does not take") << 9 << 7 << 3 << 16 << 2;
    }

    void matchesDirectConvolution()
    {
        QFETCH(int, h);
        QFETCH(int, w);
        QFETCH(int, cin);
        QFETCH(int, cout);
        QFETCH(int, pieces);
        const auto in = random_values(std::size_t(h) * w * cin, 1, 0.0f, 2.0f);
        const auto weight = random_values(std::size_t(cout) * cin * 9, 2, -0.3f, 0.3f);
        const auto bias = random_values(std::size_t(cout), 3, -0.5f, 0.5f);
        const WinogradConv3x3 conv(weight.data(), bias.data(), cin, cout);
        qInfo("fast kernel: %s", WinogradConv3x3::supported(cin, cout) ? "yes" : "no (direct fallback)");
        std::vector<float> out(std::size_t(h) * w * cout, -1.0f); // -1: never written (ReLU output is >= 0)
        const int rows = (h + 1) / 2;
        for (int k = 0; k < pieces; ++k) conv.run(in.data(), out.data(), h, w, rows * k / pieces, rows * (k + 1) / pieces);
        const auto want = convreference::conv3x3_relu(in, weight, bias, h, w, cin, cout);
        double worst = 0.0;
        int zeros = 0;
        for (std::size_t i = 0; i < want.size(); ++i) {
            QVERIFY2(out[i] >= 0.0f, qPrintable(QStringLiteral("output %1 not written").arg(i)));
            worst = std::max(worst, double(std::abs(out[i] - want[i])));
            zeros += want[i] == 0.0f;
        }
        QVERIFY2(worst < 1e-4, qPrintable(QString::number(worst)));
        // Both sides of the ReLU were exercised.
        QVERIFY(zeros > 0 && zeros < int(want.size()));
    }

    void rangesOutsideTheImageAreHarmless()
    {
        const int h = 4, w = 4, cin = 8, cout = 32;
        const auto in = random_values(std::size_t(h) * w * cin, 4, 0.0f, 1.0f);
        const auto weight = random_values(std::size_t(cout) * cin * 9, 5, -0.3f, 0.3f);
        const std::vector<float> bias(cout, 0.1f);
        const WinogradConv3x3 conv(weight.data(), bias.data(), cin, cout);
        std::vector<float> out(std::size_t(h) * w * cout, -1.0f);
        conv.run(in.data(), out.data(), h, w, 2, 9); // past the last tile row: nothing written
        conv.run(in.data(), out.data(), h, w, 1, 1); // empty
        for (float v : out) QCOMPARE(v, -1.0f);
        conv.run(in.data(), out.data(), h, w, -3, 9); // clamped to the image
        for (float v : out) QVERIFY(v >= 0.0f);
    }

    void networkFeaturesUnchanged_data()
    {
        QTest::addColumn<int>("side");
        QTest::addColumn<int>("batch");
        QTest::newRow("one 256 x 256 view") << 256 << 1;
        QTest::newRow("three odd-sized views") << 75 << 3;
    }

    void networkFeaturesUnchanged()
    {
        QFETCH(int, side);
        QFETCH(int, batch);
        torch::manual_seed(7);
        clipflow::detail::ForensicNet net;
        {
            // Trained-looking batch-norm statistics, so folding them matters.
            torch::NoGradGuard g;
            // (torch::rand, not uniform_: GCC's -O1 sanitizer build warns inside uniform_'s header.)
            auto between = [](const torch::Tensor& t, double lo, double hi) { t.copy_(torch::rand(t.sizes()) * (hi - lo) + lo); };
            for (auto& bn : net->norms) {
                between(bn->running_mean, -0.2, 0.2);
                between(bn->running_var, 0.5, 2.0);
                between(bn->weight, 0.5, 1.5);
                between(bn->bias, -0.1, 0.1);
            }
        }
        net->eval();
        net->fuse_for_inference();
        torch::InferenceMode guard;
        const auto images = torch::rand({batch, 3, side, side});
        net->own_kernels = false;
        const auto plain = net->features(images);
        net->own_kernels = true;
        const auto fast = net->features(images);
        const double diff = (plain - fast).abs().max().item<double>(), scale = plain.abs().max().item<double>();
        qInfo("max difference %.3g of %.3g", diff, scale);
        QVERIFY(scale > 0.0);
        QVERIFY2(diff <= 1e-4 * std::max(1.0, scale), qPrintable(QString::number(diff)));
    }
};

QTEST_MAIN(TestWinogradConv)
#include "tst_winogradconv.moc"
