// ColorMap: end colours, linear mapping, automatic range, perceptual order.

#include <clipflow/widgets/colormap.h>

#include <QTest>

using clipflow::widgets::ColorMap;

Q_DECLARE_METATYPE(ColorMap::Palette)

class TestColorMap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void endpoints_data()
    {
        QTest::addColumn<ColorMap::Palette>("palette");
        QTest::addColumn<QColor>("low");
        QTest::addColumn<QColor>("high");
        QTest::newRow("viridis") << ColorMap::Palette::Viridis << QColor(68, 1, 84) << QColor(253, 231, 37);
        QTest::newRow("magma") << ColorMap::Palette::Magma << QColor(0, 0, 4) << QColor(252, 253, 191);
    }
    void endpoints()
    {
        QFETCH(ColorMap::Palette, palette);
        QFETCH(QColor, low);
        QFETCH(QColor, high);
        const ColorMap map(palette);
        auto close = [](QRgb a, const QColor& b) {
            return std::abs(qRed(a) - b.red()) <= 2 && std::abs(qGreen(a) - b.green()) <= 2 && std::abs(qBlue(a) - b.blue()) <= 2;
        };
        QVERIFY(close(map.color(0.0), low));
        QVERIFY(close(map.color(1.0), high));
        QVERIFY(close(map.color(-5.0), low)); // clamped
        QVERIFY(close(map.color(std::nan("")), low));
        // Perceptually ordered: luma rises monotonically from low to high.
        double previous = -1;
        for (int i = 0; i <= 20; ++i) {
            const QRgb c = map.color(i / 20.0);
            const double luma = 0.299 * qRed(c) + 0.587 * qGreen(c) + 0.114 * qBlue(c);
            QVERIFY2(luma > previous, qPrintable(QStringLiteral("step %1").arg(i)));
            previous = luma;
        }
    }

    void renderMapsRange_data()
    {
        QTest::addColumn<float>("lo");
        QTest::addColumn<float>("hi");
        QTest::newRow("explicit") << -10.0f << 10.0f;
        QTest::newRow("automatic") << 0.0f << 0.0f;
    }
    void renderMapsRange()
    {
        QFETCH(float, lo);
        QFETCH(float, hi);
        std::vector<float> ramp(100 * 10);
        for (int y = 0; y < 10; ++y)
            for (int x = 0; x < 100; ++x) ramp[std::size_t(y * 100 + x)] = -10.0f + 20.0f * x / 99.0f;
        const ColorMap map;
        const QImage image = map.render(ramp.data(), 100, 10, lo, hi);
        QCOMPARE(image.size(), QSize(100, 10));
        QCOMPARE(image.pixel(0, 5), map.color(0.0));
        QCOMPARE(image.pixel(99, 5), map.color(1.0));
        QVERIFY(image.pixel(50, 5) != image.pixel(0, 5));
    }
};

QTEST_MAIN(TestColorMap)
#include "tst_colormap.moc"
