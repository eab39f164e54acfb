// TrainingMonitor: points accumulate on both curves, land where their values
// say, the status line carries throughput and ETA, and clear() empties it.

#include <clipflow/widgets/trainingmonitor.h>

#include "../../widgets/src/qcustomplotinclude.h"

#include <QTest>
#include <QWheelEvent>

using clipflow::widgets::TrainingMonitor;

class TestTrainingMonitor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void curvesFollowTheLosses_data()
    {
        QTest::addColumn<int>("points");
        QTest::addColumn<double>("finalLoss");
        QTest::newRow("short run") << 5 << 1.0;
        QTest::newRow("long run") << 200 << -2.0;
    }

    void curvesFollowTheLosses()
    {
        QFETCH(int, points);
        QFETCH(double, finalLoss);
        TrainingMonitor w;
        w.resize(600, 300);
        w.setSeriesNames(QStringLiteral("real CE"), QStringLiteral("AI CE"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        for (int i = 0; i < points; ++i) {
            const double t = double(i) / (points - 1);
            // The first loss falls, the second rises: on their own axes they end at opposite corners.
            w.addPoint(t * 10, 5.0 + (finalLoss - 5.0) * t, 2.0 + 6.0 * t * t);
        }
        QCOMPARE(w.pointCount(), points);
        QCOMPARE(w.plot()->graph(0)->name(), QStringLiteral("real CE"));
        w.plot()->replot();
        const QImage img = w.plot()->toPixmap(w.plot()->width(), w.plot()->height()).toImage();
        const int px = int(std::lround(w.plot()->xAxis->coordToPixel(10.0))) - 1;
        const int py = int(std::lround(w.plot()->yAxis->coordToPixel(finalLoss)));
        bool found = false;
        for (int dy = -3; dy <= 3 && !found; ++dy) {
            const QColor c = img.pixelColor(px, py + dy);
            found = c.blue() > 100 && c.red() < 110; // the first curve's blue
        }
        QVERIFY2(found, qPrintable(QStringLiteral("no curve at (%1, %2)").arg(px).arg(py)));
        w.setStatus(3, 60, 1234.0, 125.0, QStringLiteral("CPU"));
        QVERIFY(w.statusText().contains(QStringLiteral("Epoch 3 of 60")));
        QVERIFY(w.statusText().contains(QStringLiteral("2 min 5 s")));
        QVERIFY(w.statusText().contains(QStringLiteral("CPU")));
        // The wheel zooms the epoch axis and stops the auto-scaling; Home brings it back.
        const QCPRange full = w.plot()->xAxis->range();
        const QPointF centre = w.plot()->axisRect()->rect().center();
        QWheelEvent wheel(centre, w.plot()->mapToGlobal(centre), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(w.plot(), &wheel);
        QVERIFY(!w.following());
        QVERIFY(w.plot()->xAxis->range().size() < full.size() * 0.9);
        w.addPoint(20.0, 0.0, 0.0);
        QVERIFY(w.plot()->xAxis->range().upper < 20.0); // not followed while zoomed
        w.setFocus();
        QTest::keyClick(&w, Qt::Key_Home);
        QVERIFY(w.following());
        QCOMPARE(w.plot()->xAxis->range().upper, 20.0);
        w.clear();
        QCOMPARE(w.pointCount(), 0);
        QVERIFY(w.statusText().isEmpty());
    }

    void oneOrTwoCurves_data()
    {
        QTest::addColumn<QString>("second");
        QTest::addColumn<QString>("xLabel");
        QTest::addColumn<int>("legendItems");
        QTest::newRow("two curves, epochs") << QStringLiteral("proxy NLL") << QString() << 2;
        QTest::newRow("one curve, steps") << QString() << QStringLiteral("Step") << 1;
    }

    // A single loss (the backbone's) has no empty second legend entry or right axis.
    void oneOrTwoCurves()
    {
        QFETCH(QString, second);
        QFETCH(QString, xLabel);
        QFETCH(int, legendItems);
        TrainingMonitor w;
        w.setSeriesNames(QStringLiteral("natural NLL"), QStringLiteral("proxy NLL")); // from two...
        w.setSeriesNames(QStringLiteral("loss"), second, xLabel);                     // ...to what the row says
        QCOMPARE(w.plot()->legend->itemCount(), legendItems);
        QCOMPARE(w.plot()->yAxis2->visible(), legendItems == 2);
        QCOMPARE(w.plot()->xAxis->label(), xLabel.isEmpty() ? QStringLiteral("Epoch") : xLabel);
    }
};

QTEST_MAIN(TestTrainingMonitor)
#include "tst_trainingmonitor.moc"
