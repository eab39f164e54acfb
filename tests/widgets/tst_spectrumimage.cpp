// SpectrumImage: a bright frequency is drawn at its place, peaks are circled
// there and at their conjugates, and the scale bar shows the colour range.

#include <clipflow/widgets/spectrumimage.h>

#include <QTest>

using clipflow::widgets::SpectrumImage;

namespace {

// A 64x64 centred spectrum: -40 dB everywhere, 0 dB in a 3x3 spot at (fx, fy) and its conjugate.
std::vector<float> spot(double fx, double fy)
{
    std::vector<float> db(64 * 64, -40.0f);
    for (int sign : {1, -1}) {
        const int cx = 32 + int(std::lround(sign * fx * 64)), cy = 32 + int(std::lround(sign * fy * 64));
        for (int y = cy - 1; y <= cy + 1; ++y)
            for (int x = cx - 1; x <= cx + 1; ++x)
                if (x >= 0 && x < 64 && y >= 0 && y < 64) db[std::size_t(y * 64 + x)] = 0.0f;
    }
    return db;
}

} // namespace

class TestSpectrumImage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void spotAndPeakAtTheirFrequency_data()
    {
        QTest::addColumn<double>("fx");
        QTest::addColumn<double>("fy");
        QTest::newRow("horizontal 0.25") << 0.25 << 0.0;
        QTest::newRow("diagonal") << 0.125 << -0.25;
        QTest::newRow("near Nyquist") << -0.4375 << 0.1875;
    }

    void spotAndPeakAtTheirFrequency()
    {
        QFETCH(double, fx);
        QFETCH(double, fy);
        SpectrumImage w;
        w.resize(420, 380);
        w.setSpectrum(spot(fx, fy), 64, 64, QStringLiteral("luminance"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QImage shot = w.grab().toImage();
        const qreal dpr = shot.devicePixelRatio();
        auto at = [&](QPointF p) { return shot.pixelColor(int(p.x() * dpr), int(p.y() * dpr)); };
        // Viridis: the top of the range is yellow, the bottom dark purple.
        const QColor bright = at(w.frequencyToWidget(fx, fy)), dark = at(w.frequencyToWidget(fx + 0.0625, fy + 0.0625));
        QVERIFY2(bright.red() > 200 && bright.green() > 200, qPrintable(bright.name()));
        QVERIFY2(dark.red() < 90 && dark.green() < 60, qPrintable(dark.name()));
        QCOMPARE(w.scaleHigh(), 0.0f);
        QCOMPARE(w.scaleLow(), -40.0f);

        // A circled peak: a red ring 7 px from its centre, at the peak and its conjugate.
        w.setPeaks({{fx, fy}});
        shot = w.grab().toImage();
        for (int sign : {1, -1}) {
            const QPointF c = w.frequencyToWidget(sign * fx, sign * fy);
            bool ring = false;
            for (const QPointF d : {QPointF(7, 0), QPointF(-7, 0), QPointF(0, 7), QPointF(0, -7)}) {
                const QColor px = at(c + d);
                ring |= px.red() > 200 && px.green() < 120 && px.blue() < 120;
            }
            QVERIFY2(ring, qPrintable(QStringLiteral("no ring at (%1, %2)").arg(c.x()).arg(c.y())));
        }
    }

    void keyPSwitchesPalette()
    {
        SpectrumImage w;
        w.resize(300, 300);
        w.setSpectrum(spot(0.25, 0.0), 64, 64);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QColor before = w.grab().toImage().pixelColor(w.frequencyToWidget(0.25, 0).toPoint());
        QTest::keyClick(&w, Qt::Key_P);
        QCOMPARE(w.colorPalette(), clipflow::widgets::ColorMap::Palette::Magma);
        const QColor after = w.grab().toImage().pixelColor(w.frequencyToWidget(0.25, 0).toPoint());
        QVERIFY2(before != after, qPrintable(before.name() + QStringLiteral(" ") + after.name())); // yellow -> pale yellow-white
        QTest::keyClick(&w, Qt::Key_P);
        QCOMPARE(w.colorPalette(), clipflow::widgets::ColorMap::Palette::Viridis);
    }

    void rejectsMismatchedData()
    {
        SpectrumImage w;
        w.setSpectrum(std::vector<float>(10, 0.0f), 64, 64);
        QVERIFY(w.imageRect().isEmpty() || w.scaleHigh() == 0.0f);
        w.resize(300, 300);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(!w.grab().isNull()); // paints the title only, no crash
    }
};

QTEST_MAIN(TestSpectrumImage)
#include "tst_spectrumimage.moc"
