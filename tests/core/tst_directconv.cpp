// DirectConv3x3 (core/src/detect/directconv.h) against the convolution's
// definition in double precision: both strides, odd and tiny sizes, a row
// shorter than the kernel's six pixels, channel counts the fast kernel takes
// and one it does not, split into row ranges as threads split it. (The network
// with it against LibTorch's convolutions: tst_winogradconv.)

#include "detect/directconv.h"

#include "convreference.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <vector>

using clipflow::detail::DirectConv3x3;

using convreference::random_values;

class TestDirectConv : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesDefinition_data()
    {
        QTest::addColumn<int>("h");
        QTest::addColumn<int>("w");
        QTest::addColumn<int>("cin");
        QTest::addColumn<int>("cout");
        QTest::addColumn<int>("stride");
        QTest::addColumn<int>("pieces"); // row ranges the image is computed in
        QTest::newRow("forensic-v2 layer 2, 64 x 64") << 64 << 64 << 32 << 64 << 2 << 1;
        QTest::newRow("layer 4's channels, odd size") << 13 << 11 << 64 << 128 << 2 << 1;
        QTest::newRow("stride 1") << 9 << 14 << 16 << 32 << 1 << 1;
        QTest::newRow("one pixel") << 1 << 1 << 8 << 16 << 2 << 1;
        QTest::newRow("a row shorter than six pixels") << 5 << 7 << 5 << 16 << 2 << 1;
        QTest::newRow("split between three threads") << 23 << 31 << 32 << 64 << 2 << 3;
        QTest::newRow("channels the fast kernel does not take") << 9 << 7 << 8 << 12 << 2 << 2;
    }

    void matchesDefinition()
    {
        QFETCH(int, h);
        QFETCH(int, w);
        QFETCH(int, cin);
        QFETCH(int, cout);
        QFETCH(int, stride);
        QFETCH(int, pieces);
        const auto in = random_values(std::size_t(h) * w * cin, 1, 0.0f, 2.0f);
        const auto weight = random_values(std::size_t(cout) * cin * 9, 2, -0.3f, 0.3f);
        const auto bias = random_values(std::size_t(cout), 3, -0.5f, 0.5f);
        const DirectConv3x3 conv(weight.data(), bias.data(), cin, cout, stride);
        qInfo("fast kernel: %s", DirectConv3x3::supported(cin, cout) ? "yes" : "no (plain loop)");
        const int ho = conv.output_size(h), wo = conv.output_size(w);
        QCOMPARE(ho, (h + stride - 1) / stride);
        // One spare pixel past the end: -1 there means nothing was written beyond the output.
        std::vector<float> out(std::size_t(ho) * wo * cout + cout, -1.0f);
        for (int k = 0; k < pieces; ++k) conv.run(in.data(), out.data(), h, w, ho * k / pieces, ho * (k + 1) / pieces);
        const auto want = convreference::conv3x3_relu(in, weight, bias, h, w, cin, cout, stride);
        double worst = 0.0;
        int zeros = 0;
        for (std::size_t i = 0; i < want.size(); ++i) {
            QVERIFY2(out[i] >= 0.0f, qPrintable(QStringLiteral("output %1 not written").arg(i)));
            worst = std::max(worst, double(std::abs(out[i] - want[i])));
            zeros += want[i] == 0.0f;
        }
        for (std::size_t i = want.size(); i < out.size(); ++i) QCOMPARE(out[i], -1.0f);
        QVERIFY2(worst < 1e-4, qPrintable(QString::number(worst)));
        QVERIFY(zeros > 0 && zeros < int(want.size())); // both sides of the ReLU
    }

    void rangesOutsideTheImageAreHarmless()
    {
        const int h = 8, w = 8, cin = 16, cout = 32;
        const auto in = random_values(std::size_t(h) * w * cin, 4, 0.0f, 1.0f);
        const auto weight = random_values(std::size_t(cout) * cin * 9, 5, -0.3f, 0.3f);
        const std::vector<float> bias(cout, 0.1f);
        const DirectConv3x3 conv(weight.data(), bias.data(), cin, cout, 2);
        std::vector<float> out(std::size_t(4) * 4 * cout, -1.0f);
        conv.run(in.data(), out.data(), h, w, 4, 9); // past the last output row: nothing written
        conv.run(in.data(), out.data(), h, w, 2, 2); // empty
        for (float v : out) QCOMPARE(v, -1.0f);
        conv.run(in.data(), out.data(), h, w, -3, 9); // clamped to the image
        for (float v : out) QVERIFY(v >= 0.0f);
    }
};

QTEST_MAIN(TestDirectConv)
#include "tst_directconv.moc"
