// RadialProfilePlot: curves land at the pixels their data say; the legend only with curves.

#include <clipflow/widgets/radialprofileplot.h>

#include "../../widgets/src/qcustomplotinclude.h"

#include <QTest>

using clipflow::widgets::RadialProfilePlot;

class TestRadialProfilePlot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void curveIsDrawnWhereItsDataAre_data()
    {
        QTest::addColumn<double>("level");
        QTest::addColumn<double>("frequency");
        QTest::newRow("-20 dB at 0.25") << -20.0 << 0.25;
        QTest::newRow("-20 dB at 0.1") << -20.0 << 0.1;
        QTest::newRow("5 dB at 0.4") << 5.0 << 0.4;
    }
    void curveIsDrawnWhereItsDataAre()
    {
        QFETCH(double, level);
        QFETCH(double, frequency);
        RadialProfilePlot w;
        w.resize(600, 300);
        w.show();
        std::vector<float> f(128), flat(128, float(level)), slope(128);
        for (int i = 0; i < 128; ++i) {
            f[std::size_t(i)] = (i + 0.5f) * 0.5f / 128;
            slope[std::size_t(i)] = float(level) - 30.0f + 10.0f * i / 128;
        }
        const QColor pen(200, 30, 30);
        w.addSeries(QStringLiteral("flat"), f, flat, pen);
        w.addSeries(QStringLiteral("other"), f, slope, QColor(30, 30, 200));
        QCOMPARE(w.seriesCount(), 2);
        QVERIFY(w.plot()->legend->visible());
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.plot()->replot();
        const QImage img = w.plot()->toPixmap(600, 300).toImage();
        const int px = int(std::lround(w.plot()->xAxis->coordToPixel(frequency)));
        const int py = int(std::lround(w.plot()->yAxis->coordToPixel(level)));
        bool found = false;
        for (int dy = -2; dy <= 2 && !found; ++dy) {
            const QColor c = img.pixelColor(px, py + dy);
            found = c.red() > 150 && c.green() < 90 && c.blue() < 90;
        }
        QVERIFY2(found, qPrintable(QStringLiteral("no red curve at pixel (%1, %2)").arg(px).arg(py)));
        w.clear();
        QCOMPARE(w.seriesCount(), 0);
        QVERIFY(!w.plot()->legend->visible()); // a file that could not be analysed shows no empty legend box
    }

    void emptyPlotHasNoLegend()
    {
        RadialProfilePlot w;
        QVERIFY(!w.plot()->legend->visible());
        std::vector<float> f{0.1f, 0.2f}, lo{-10.0f, -12.0f}, hi{0.0f, -2.0f};
        w.addBand(QStringLiteral("natural range"), f, lo, hi, QColor(120, 120, 120));
        QVERIFY(w.plot()->legend->visible());
    }
};

QTEST_MAIN(TestRadialProfilePlot)
#include "tst_radialprofileplot.moc"
