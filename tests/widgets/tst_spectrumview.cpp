// SpectrumView: one toggle per spectrum, clicking one shows it (with only its
// own peaks), and the natural band and profiles reach the plot.

#include <clipflow/widgets/radialprofileplot.h>
#include <clipflow/widgets/spectrumview.h>

#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using clipflow::widgets::SpectrumView;

namespace {

SpectrumView::Spectrum make(const QString& name, float level)
{
    SpectrumView::Spectrum s;
    s.name = name;
    s.width = s.height = 32;
    s.log_power_db.assign(32 * 32, level);
    s.log_power_db[16 * 32 + 16] = level + 30; // DC
    s.radial_db.assign(16, level);
    return s;
}

} // namespace

class TestSpectrumView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void togglesSwitchTheSpectrum_data()
    {
        QTest::addColumn<QString>("pick");
        QTest::addColumn<int>("peaks");
        QTest::newRow("residual") << "residual" << 2;
        QTest::newRow("red channel") << "red" << 0;
        QTest::newRow("luminance") << "luminance" << 1;
    }

    void togglesSwitchTheSpectrum()
    {
        QFETCH(QString, pick);
        QFETCH(int, peaks);
        SpectrumView w;
        w.resize(800, 360);
        std::vector<float> f(16);
        for (int i = 0; i < 16; ++i) f[std::size_t(i)] = (i + 0.5f) / 32;
        w.setSpectra(
            {make(QStringLiteral("luminance"), -20), make(QStringLiteral("red"), -25), make(QStringLiteral("residual"), -35)}, f,
            {{QStringLiteral("residual"), 0.5, 0.0},
             {QStringLiteral("residual"), 0.25, 0.25},
             {QStringLiteral("luminance"), 0.125, 0.0}});
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.names(), (QStringList{QStringLiteral("luminance"), QStringLiteral("red"), QStringLiteral("residual")}));
        QCOMPARE(w.current(), QStringLiteral("luminance"));
        const auto buttons = w.findChildren<QToolButton*>();
        QCOMPARE(buttons.size(), 3);
        QSignalSpy changed(&w, &SpectrumView::currentChanged);
        for (QToolButton* b : buttons)
            if (b->text() == pick) QTest::mouseClick(b, Qt::LeftButton);
        QCOMPARE(w.current(), pick);
        QCOMPARE(changed.count(), pick == QLatin1String("luminance") ? 0 : 1);
        for (QToolButton* b : buttons) QCOMPARE(b->isChecked(), b->text() == pick);
        QVERIFY(w.image()->accessibleName().startsWith(pick));
        // The image's colour range is the chosen spectrum's.
        const float level = pick == QLatin1String("luminance") ? -20.f : pick == QLatin1String("red") ? -25.f : -35.f;
        QCOMPARE(w.image()->scaleLow(), level);
        // Peaks: count the red rings through the view's own geometry.
        const QImage shot = w.image()->grab().toImage();
        int rings = 0;
        for (const auto& p : std::vector<std::pair<double, double>>{{0.5, 0.0}, {0.25, 0.25}, {0.125, 0.0}}) {
            const QPointF c = w.image()->frequencyToWidget(p.first, p.second) + QPointF(7, 0);
            const QColor px = shot.pixelColor(int(c.x() * shot.devicePixelRatio()), int(c.y() * shot.devicePixelRatio()));
            rings += px.red() > 200 && px.green() < 120;
        }
        QCOMPARE(rings, peaks);
    }

    void bandReachesThePlot()
    {
        SpectrumView w;
        std::vector<float> f(16), lo(16, -40), hi(16, -10);
        for (int i = 0; i < 16; ++i) f[std::size_t(i)] = (i + 0.5f) / 32;
        w.setSpectra({make(QStringLiteral("luminance"), -20)}, f, {});
        QCOMPARE(w.profile()->seriesCount(), 1);
        w.setNaturalBand(lo, hi);
        QCOMPARE(w.profile()->seriesCount(), 3); // band (two edges) + the profile
        w.setCurrent(QStringLiteral("nonexistent"));
        QCOMPARE(w.current(), QStringLiteral("luminance"));
    }
};

QTEST_MAIN(TestSpectrumView)
#include "tst_spectrumview.moc"
