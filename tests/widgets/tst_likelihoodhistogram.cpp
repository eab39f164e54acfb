// LikelihoodHistogram: markers and the threshold land at the pixels of their
// scores; bars are drawn; labels, legend and axis title stay inside the plot at
// any width; wheel zoom and Home; export in three formats.

#include <clipflow/widgets/likelihoodhistogram.h>

#include "../../widgets/src/qcustomplotinclude.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using clipflow::widgets::LikelihoodHistogram;

namespace {

LikelihoodHistogram::Bins gaussian_bins(double mean, double sd, double lo, double hi, int n = 40)
{
    LikelihoodHistogram::Bins b{lo, hi, {}};
    for (int i = 0; i < n; ++i) {
        const double x = lo + (i + 0.5) * (hi - lo) / n;
        b.counts.push_back(std::round(1000 * std::exp(-0.5 * (x - mean) * (x - mean) / (sd * sd))));
    }
    return b;
}

// Is there a pixel of this colour (within tolerance) in column x, anywhere in the plot's height?
bool column_has(const QImage& img, int x, const QColor& c, int tol = 40)
{
    for (int dx = -1; dx <= 1; ++dx)
        for (int y = 0; y < img.height(); ++y) {
            const QColor p = img.pixelColor(x + dx, y);
            if (std::abs(p.red() - c.red()) < tol && std::abs(p.green() - c.green()) < tol && std::abs(p.blue() - c.blue()) < tol)
                return true;
        }
    return false;
}

} // namespace

class TestLikelihoodHistogram : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void markersSitAtTheirScores_data()
    {
        QTest::addColumn<double>("score");
        QTest::addColumn<double>("threshold");
        QTest::newRow("typical") << 0.2 << -2.0;
        QTest::newRow("in the tail") << -3.5 << -2.0;
        QTest::newRow("far outside the histogram") << -25.0 << -2.5;
    }

    void markersSitAtTheirScores()
    {
        QFETCH(double, score);
        QFETCH(double, threshold);
        LikelihoodHistogram w;
        w.resize(800, 400);
        w.setNatural(gaussian_bins(0.0, 1.0, -4, 4));
        w.setProxy(gaussian_bins(-6.0, 2.0, -12, 0));
        w.setThreshold(threshold, 0.05);
        w.setMarkers({{QStringLiteral("suspect.png"), score, 3.0}});
        QCOMPARE(w.markerCount(), 1);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.plot()->replot();
        const QImage img = w.plot()->toPixmap(w.plot()->width(), w.plot()->height()).toImage();
        const int mx = int(std::lround(w.markerPixelX(0))), tx = int(std::lround(w.markerPixelX(-1)));
        QVERIFY(mx > 0 && mx < img.width());
        QVERIFY2(column_has(img, mx, QColor(33, 145, 140)), qPrintable(QStringLiteral("no marker at x=%1").arg(mx)));
        QVERIFY2(column_has(img, tx, QColor(200, 30, 30)), qPrintable(QStringLiteral("no threshold at x=%1").arg(tx)));
        // The marker's pixel follows the axis: lower scores lie further left.
        QCOMPARE(mx < tx, score < threshold);
        // Natural bars (purple) are drawn near the natural mean.
        QVERIFY(column_has(img, int(w.plot()->xAxis->coordToPixel(0.0)), QColor(68, 1, 84).lighter(150), 70));
    }

    // Every label inside the plot and clear of the others, whatever the width and
    // wherever the lines fall; cut short only where it cannot fit whole.
    void labelsStayInsideThePlot_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<double>("score");
        QTest::addColumn<double>("threshold");
        for (int width : {300, 520, 900}) {
            const QByteArray w = QByteArray::number(width);
            QTest::newRow(w + " px, marker left of the threshold") << width << -3.5 << -2.0;
            QTest::newRow(w + " px, marker mid-plot") << width << 0.1 << -2.0;
            QTest::newRow(w + " px, marker at the right edge") << width << 3.9 << -2.0;
            QTest::newRow(w + " px, marker pinned far outside") << width << -25.0 << -2.5;
            QTest::newRow(w + " px, marker on the threshold") << width << -2.0 << -2.0;
        }
    }

    void labelsStayInsideThePlot()
    {
        QFETCH(int, width);
        QFETCH(double, score);
        QFETCH(double, threshold);
        LikelihoodHistogram w;
        w.resize(width, 320);
        w.setNatural({-4, 4, gaussian_bins(0.0, 1.0, -4, 4).counts, true});
        w.setProxy({-4, 4, gaussian_bins(-3.0, 2.0, -4, 4).counts, true}); // heavy first bin: an end note
        w.setThreshold(threshold, 0.05, 0.95);
        const QString name = QStringLiteral("output__renders__a-very-long-generated-file-name-without-spaces__ldif-2.png");
        w.setMarkers({{name, score, 3.0}, {QStringLiteral("copy.jpg"), score + 0.05, 3.5}});
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.plot()->replot();
        const QRectF area = QRectF(w.plot()->axisRect()->rect()).adjusted(-1, -1, 1, 1);
        std::vector<QRectF> rects;
        QStringList texts;
        for (int i = 0; i < w.plot()->itemCount(); ++i)
            if (auto* t = qobject_cast<QCPItemText*>(w.plot()->item(i))) {
                const QRectF r(t->topLeft->pixelPosition(), t->bottomRight->pixelPosition());
                QVERIFY2(area.contains(r), qPrintable(QStringLiteral("\"%1\" at %2,%3 %4x%5 leaves the plot")
                                                          .arg(t->text())
                                                          .arg(r.x())
                                                          .arg(r.y())
                                                          .arg(r.width())
                                                          .arg(r.height())));
                for (const QRectF& o : rects) QVERIFY2(!r.intersects(o.adjusted(1, 1, -1, -1)), qPrintable(t->text()));
                rects.push_back(r);
                texts << t->text();
            }
        QCOMPARE(rects.size(), std::size_t(5)); // threshold, two markers, the open end bins (proxies on both sides)
        // The threshold's words all survive (wrapped at most); the long name keeps its ends.
        const QString shown = texts.join(QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
        for (const QString& word : w.thresholdLabel().split(QLatin1Char(' '))) QVERIFY2(shown.contains(word), qPrintable(word));
        QVERIFY2(shown.contains(name + QLatin1Char(':')) ||
                     shown.contains(QRegularExpression(QStringLiteral("(^| )out\\S*…\\S*png:"))),
                 qPrintable(shown));
        QVERIFY(shown.contains(QStringLiteral("≤ ")) && shown.contains(QStringLiteral("≥ ")));
        if (width >= 900) QVERIFY(texts.contains(w.thresholdLabel())); // whole where there is room
        // The legend and the axis title fit the width too.
        QVERIFY(w.plot()->legend->outerRect().right() <= w.plot()->width());
        for (const QString& line : w.plot()->xAxis->label().split(QLatin1Char('\n')))
            QVERIFY(QFontMetricsF(w.plot()->xAxis->labelFont()).horizontalAdvance(line) <= w.plot()->width() - 70);
    }

    // A percentile carries its unit, so the 0.9th is not read as the 90th, and is never shown
    // as 0% or 100% unless it is.
    void percentileText_data()
    {
        QTest::addColumn<double>("percentile");
        QTest::addColumn<QString>("text");
        QTest::newRow("deep in the tail") << 0.9312 << QStringLiteral("percentile 0.93%");
        QTest::newRow("below every natural photo") << 0.0 << QStringLiteral("percentile 0.00%");
        QTest::newRow("barely above none") << 0.001 << QStringLiteral("percentile 0.01%");
        QTest::newRow("typical") << 39.4 << QStringLiteral("percentile 39%");
        QTest::newRow("just under one") << 0.996 << QStringLiteral("percentile 1.00%");
        QTest::newRow("near the top") << 99.62 << QStringLiteral("percentile 99.6%");
        QTest::newRow("just short of the top") << 99.97 << QStringLiteral("percentile 99.9%");
        QTest::newRow("above every natural photo") << 100.0 << QStringLiteral("percentile 100.0%");
    }
    void percentileText()
    {
        QFETCH(double, percentile);
        QFETCH(QString, text);
        QCOMPARE(LikelihoodHistogram::percentileText(percentile), text);
        // The marker's label says the same.
        LikelihoodHistogram w;
        w.resize(800, 400);
        w.setNatural(gaussian_bins(0.0, 1.0, -4, 4));
        w.setMarkers({{QStringLiteral("suspect.png"), 0.5, percentile}});
        w.plot()->replot();
        QStringList texts;
        for (int i = 0; i < w.plot()->itemCount(); ++i)
            if (auto* t = qobject_cast<QCPItemText*>(w.plot()->item(i)))
                texts << t->text().replace(QLatin1Char('\n'), QLatin1Char(' '));
        QVERIFY2(texts.contains(QStringLiteral("suspect.png: ") + text), qPrintable(texts.join(QLatin1Char('|'))));
    }

    void wheelZoomsAndHomeResets()
    {
        LikelihoodHistogram w;
        w.resize(800, 400);
        w.setNatural(gaussian_bins(0.0, 1.0, -4, 4));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QCPRange before = w.plot()->xAxis->range();
        const QPoint centre = w.plot()->axisRect()->rect().center();
        QWheelEvent wheel(centre, w.plot()->mapToGlobal(centre), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(w.plot(), &wheel);
        QVERIFY(w.plot()->xAxis->range().size() < before.size() * 0.9);
        w.setFocus();
        QTest::keyClick(&w, Qt::Key_Home);
        QCOMPARE(w.plot()->xAxis->range().lower, before.lower);
        QCOMPARE(w.plot()->xAxis->range().upper, before.upper);
    }

    void exports_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("magic");
        QTest::addColumn<bool>("ok");
        QTest::newRow("png") << "h.png" << QByteArray("\x89PNG") << true;
        QTest::newRow("svg") << "h.svg" << QByteArray("<?xml") << true;
        QTest::newRow("pdf") << "h.pdf" << QByteArray("%PDF") << true;
        QTest::newRow("unknown") << "h.bmpx" << QByteArray() << false;
    }

    void exports()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, magic);
        QFETCH(bool, ok);
        QTemporaryDir dir;
        LikelihoodHistogram w;
        w.setNatural(gaussian_bins(0.0, 1.0, -4, 4));
        w.setMarkers({{QStringLiteral("a"), 1.0, 80.0}});
        const QString path = dir.filePath(name);
        QCOMPARE(w.exportTo(path), ok);
        QFile f(path);
        if (!ok) {
            QVERIFY(!f.exists());
            return;
        }
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(magic.size()) == magic);
        QVERIFY(f.size() > 1000);
    }

    void thresholdLabelSaysWhatTheRateIs_data()
    {
        QTest::addColumn<double>("confidence");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bounded with 95% confidence") << 0.95 << "threshold (at most 5% false positives, 95% confidence)";
        QTest::newRow("plain rate") << 0.0 << "threshold (5% false positives)";
    }

    void thresholdLabelSaysWhatTheRateIs()
    {
        QFETCH(double, confidence);
        QFETCH(QString, expected);
        LikelihoodHistogram w;
        w.setNatural(gaussian_bins(0.0, 1.0, -4, 4));
        w.setThreshold(-2.0, 0.05, confidence);
        QCOMPARE(w.thresholdLabel(), expected);
        // The plot carries that text.
        bool drawn = false;
        for (int i = 0; i < w.plot()->itemCount(); ++i)
            if (auto* text = qobject_cast<QCPItemText*>(w.plot()->item(i))) drawn |= text->text() == expected;
        QVERIFY(drawn);
        w.setThreshold(std::nan(""), 0.05, confidence);
        QVERIFY(w.thresholdLabel().isEmpty());
    }

    // The natural bars' legend names what they are: held-out photos as taken, or as delivered.
    void naturalLabel_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("shown");
        QTest::newRow("default") << QString() << QStringLiteral("natural images (held out)");
        QTest::newRow("as delivered") << QStringLiteral("natural images as delivered (held out)")
                                      << QStringLiteral("natural images as delivered (held out)");
    }
    void naturalLabel()
    {
        QFETCH(QString, label);
        QFETCH(QString, shown);
        LikelihoodHistogram w;
        w.setNaturalLabel(QStringLiteral("something else first"));
        w.setNatural(gaussian_bins(0.5, 0.3, -2, 2));
        w.setNaturalLabel(label);
        QCOMPARE(w.plot()->plottableCount(), 1);
        QCOMPARE(w.plot()->plottable(0)->name(), shown);
    }

    // Proxy bins that count nothing (a model whose calibration keeps no proxy scores, such as
    // the default with a second reading) draw no bars and no legend entry.
    void proxiesWithNothingHidden_data()
    {
        QTest::addColumn<bool>("counted");
        QTest::newRow("counted") << true;
        QTest::newRow("all zero") << false;
    }
    void proxiesWithNothingHidden()
    {
        QFETCH(bool, counted);
        LikelihoodHistogram w;
        w.setNatural(gaussian_bins(0.5, 0.3, -2, 2));
        auto proxies = gaussian_bins(-1.0, 0.5, -2, 2);
        if (!counted) std::fill(proxies.counts.begin(), proxies.counts.end(), 0.0);
        w.setProxy(proxies);
        QCOMPARE(w.plot()->plottableCount(), counted ? 2 : 1);
        QCOMPARE(w.plot()->plottable(0)->name(), QStringLiteral("natural images (held out)"));
    }

    // A score that is not a number draws no label; infinite ones are pinned to the edge.
    void nonFiniteScoresAreHarmless_data()
    {
        QTest::addColumn<double>("score");
        QTest::addColumn<bool>("drawn");
        QTest::newRow("NaN") << std::nan("") << false;
        QTest::newRow("-inf") << -std::numeric_limits<double>::infinity() << true;
        QTest::newRow("+inf") << std::numeric_limits<double>::infinity() << true;
    }
    void nonFiniteScoresAreHarmless()
    {
        QFETCH(double, score);
        QFETCH(bool, drawn);
        LikelihoodHistogram w;
        w.resize(400, 300);
        w.setNatural(gaussian_bins(0.0, 1.0, -4, 4));
        w.setThreshold(-2.0, 0.05, 0.95);
        w.setMarkers({{QStringLiteral("odd.png"), score, 0.0}});
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.plot()->replot();
        const QRectF area = QRectF(w.plot()->axisRect()->rect()).adjusted(-1, -1, 1, 1);
        bool shown = false;
        for (int i = 0; i < w.plot()->itemCount(); ++i)
            if (auto* t = qobject_cast<QCPItemText*>(w.plot()->item(i)); t && t->text().startsWith(QLatin1String("odd.png")))
                shown = area.contains(QRectF(t->topLeft->pixelPosition(), t->bottomRight->pixelPosition()));
        QCOMPARE(shown, drawn);
        QVERIFY(std::isfinite(w.markerPixelX(-1)));
    }

    void emptyIsHarmless()
    {
        LikelihoodHistogram w;
        w.setNatural({});
        w.setMarkers({});
        w.setThreshold(std::nan(""), 0.05);
        QCOMPARE(w.markerCount(), 0);
        QCOMPARE(w.plot()->plottableCount(), 0);
    }
};

QTEST_MAIN(TestLikelihoodHistogram)
#include "tst_likelihoodhistogram.moc"
