// ProxyPreview: both images and both spectra are shown, and the two views
// zoom and pan together.

#include <clipflow/widgets/imageview.h>
#include <clipflow/widgets/proxypreview.h>
#include <clipflow/widgets/spectrumimage.h>

#include <QTest>
#include <QWheelEvent>

using clipflow::widgets::ProxyPreview;

class TestProxyPreview : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void linkedViews_data()
    {
        QTest::addColumn<int>("notches");
        QTest::addColumn<QPoint>("drag");
        QTest::newRow("zoom in") << 3 << QPoint(0, 0);
        QTest::newRow("zoom and pan") << 6 << QPoint(-40, 25);
    }

    void linkedViews()
    {
        QFETCH(int, notches);
        QFETCH(QPoint, drag);
        QImage a(64, 64, QImage::Format_RGB32), b(64, 64, QImage::Format_RGB32);
        a.fill(QColor(10, 200, 10));
        b.fill(QColor(200, 10, 10));
        std::vector<float> db(32 * 32, -30.0f);
        db[16 * 32 + 16] = 0.0f;
        ProxyPreview w;
        w.resize(700, 600);
        w.setPair(a, b, QStringLiteral("transposed_conv"), db, db, 32, 32);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.operation(), QStringLiteral("transposed_conv"));
        QCOMPARE(w.naturalView()->image().pixelColor(0, 0), QColor(10, 200, 10));
        QCOMPARE(w.proxyView()->image().pixelColor(0, 0), QColor(200, 10, 10));
        QCOMPARE(w.proxySpectrum()->scaleLow(), -30.0f);
        // Drawn, not blank: the natural view shows green, the proxy view red.
        const QImage left = w.naturalView()->grab().toImage(), right = w.proxyView()->grab().toImage();
        QCOMPARE(left.pixelColor(left.width() / 2, left.height() / 2), QColor(10, 200, 10));
        QCOMPARE(right.pixelColor(right.width() / 2, right.height() / 2), QColor(200, 10, 10));
        auto* view = w.naturalView();
        const QPointF at(view->width() / 2.0, view->height() / 2.0);
        for (int i = 0; i < notches; ++i) {
            QWheelEvent e(at, view->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase,
                          false);
            QApplication::sendEvent(view, &e);
        }
        if (!drag.isNull()) {
            QTest::mousePress(view, Qt::LeftButton, Qt::NoModifier, at.toPoint());
            QTest::mouseMove(view, at.toPoint() + drag);
            QTest::mouseRelease(view, Qt::LeftButton, Qt::NoModifier, at.toPoint() + drag);
        }
        QVERIFY(view->zoom() > 1.0);
        QCOMPARE(w.proxyView()->zoom(), view->zoom());
        const QPointF c1 = view->viewCentre(), c2 = w.proxyView()->viewCentre();
        QVERIFY2(std::abs(c1.x() - c2.x()) < 0.5 && std::abs(c1.y() - c2.y()) < 0.5,
                 qPrintable(QStringLiteral("(%1,%2) vs (%3,%4)").arg(c1.x()).arg(c1.y()).arg(c2.x()).arg(c2.y())));
        QTest::keyClick(w.proxyView(), Qt::Key_F);
        QVERIFY(view->fitting());
    }
};

QTEST_MAIN(TestProxyPreview)
#include "tst_proxypreview.moc"
