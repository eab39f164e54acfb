// ImageView: pixels land where the zoom says (nearest neighbour when
// enlarged), wheel zoom keeps the point under the cursor, drag pans, keys fit
// and reset, the overlay is drawn, and hovering reports the pixel.

#include <clipflow/widgets/imageview.h>

#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

using clipflow::widgets::ImageView;

namespace {

// 64x48 with a distinct colour per pixel: any mis-placement shows.
QImage pattern()
{
    QImage img(64, 48, QImage::Format_RGB32);
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) img.setPixelColor(x, y, QColor(x * 4, y * 5, (x * 7 + y * 3) % 256));
    return img;
}

void wheel(QWidget* w, QPointF at, int delta)
{
    QWheelEvent e(at, w->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &e);
}

} // namespace

class TestImageView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pixelsLandWhereTheZoomSays_data()
    {
        QTest::addColumn<double>("zoom");
        QTest::addColumn<QPoint>("pixel");
        QTest::newRow("1:1") << 1.0 << QPoint(10, 20);
        QTest::newRow("4x") << 4.0 << QPoint(33, 25);
        QTest::newRow("32x") << 32.0 << QPoint(31, 23);
        QTest::newRow("32x corner-ish") << 32.0 << QPoint(30, 22);
    }

    void pixelsLandWhereTheZoomSays()
    {
        QFETCH(double, zoom);
        QFETCH(QPoint, pixel);
        ImageView w;
        w.resize(400, 300);
        w.setImage(pattern());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // Zoom about the pixel's centre, so it stays in view.
        w.setZoom(zoom, w.imageToView(QPointF(pixel) + QPointF(0.5, 0.5)));
        QCOMPARE(w.zoom(), zoom);
        const QImage shot = w.grab().toImage();
        const QPointF centre = w.imageToView(QPointF(pixel) + QPointF(0.5, 0.5));
        const qreal dpr = shot.devicePixelRatio();
        const QColor got = shot.pixelColor(int(centre.x() * dpr), int(centre.y() * dpr));
        QCOMPARE(got, pattern().pixelColor(pixel));
        if (zoom >= 4) {
            // Nearest neighbour: a quarter-pixel off-centre is still the same colour.
            const QPointF off = w.imageToView(QPointF(pixel) + QPointF(0.8, 0.2));
            QCOMPARE(shot.pixelColor(int(off.x() * dpr), int(off.y() * dpr)), pattern().pixelColor(pixel));
        }
    }

    void wheelZoomsAboutTheCursor()
    {
        ImageView w;
        w.resize(400, 300);
        w.setImage(pattern());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy zoomed(&w, &ImageView::zoomChanged);
        const QPointF cursor(150, 120);
        const QPointF before = w.viewToImage(cursor);
        for (int i = 0; i < 6; ++i) wheel(&w, cursor, 120);
        QVERIFY(w.zoom() > 5.0 * 1.25 * 1.25 * 1.25);
        QCOMPARE(zoomed.count(), 6);
        const QPointF after = w.viewToImage(cursor);
        QVERIFY(std::abs(after.x() - before.x()) < 0.01 && std::abs(after.y() - before.y()) < 0.01);
        for (int i = 0; i < 40; ++i) wheel(&w, cursor, 120);
        QCOMPARE(w.zoom(), ImageView::kMaxZoom);
    }

    void keysFitAndReset()
    {
        ImageView w;
        w.resize(400, 300);
        w.setImage(pattern());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.fitting());
        QCOMPARE(w.zoom(), std::min(400.0 / 64, 300.0 / 48));
        QTest::keyClick(&w, Qt::Key_1);
        QCOMPARE(w.zoom(), 1.0);
        QVERIFY(!w.fitting());
        QTest::keyClick(&w, Qt::Key_Plus);
        QCOMPARE(w.zoom(), 2.0);
        QTest::keyClick(&w, Qt::Key_Minus);
        QCOMPARE(w.zoom(), 1.0);
        QTest::keyClick(&w, Qt::Key_F);
        QVERIFY(w.fitting());
        w.resize(200, 300); // fitting follows the window
        QCOMPARE(w.zoom(), 200.0 / 64);
    }

    void dragPansAndHoverReports()
    {
        ImageView w;
        w.resize(400, 300);
        w.setImage(pattern());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setZoom(16.0, QPointF(200, 150));
        const QPointF before = w.viewToImage(QPointF(200, 150));
        QTest::mousePress(&w, Qt::LeftButton, Qt::NoModifier, QPoint(200, 150));
        QTest::mouseMove(&w, QPoint(232, 150));
        QTest::mouseRelease(&w, Qt::LeftButton, Qt::NoModifier, QPoint(232, 150));
        const QPointF after = w.viewToImage(QPointF(200, 150));
        QVERIFY2(std::abs((before.x() - after.x()) - 2.0) < 0.01,
                 qPrintable(QString::number(before.x() - after.x()))); // 32 px / 16
        QSignalSpy hovered(&w, &ImageView::pixelHovered);
        const QPointF target = w.imageToView(QPointF(12.5, 7.5));
        // A plain move event: QTest::mouseMove moves the cursor, which offscreen platforms ignore.
        QMouseEvent move(QEvent::MouseMove, target, w.mapToGlobal(target), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &move);
        QVERIFY(hovered.count() >= 1);
        const auto args = hovered.takeLast();
        QCOMPARE(args.at(0).toInt(), 12);
        QCOMPARE(args.at(1).toInt(), 7);
        QCOMPARE(args.at(2).value<QColor>(), pattern().pixelColor(12, 7));
    }

    void overlayIsBlended()
    {
        ImageView w;
        w.resize(256, 192);
        QImage black(64, 48, QImage::Format_RGB32);
        black.fill(Qt::black);
        w.setImage(black);
        QImage red(8, 8, QImage::Format_RGB32);
        red.fill(QColor(255, 0, 0));
        w.setOverlay(red, 0.5);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QImage shot = w.grab().toImage();
        const QColor c = shot.pixelColor(shot.width() / 2, shot.height() / 2);
        QVERIFY2(std::abs(c.red() - 128) < 10 && c.green() < 10, qPrintable(c.name()));
        w.clearOverlay();
        QCOMPARE(w.grab().toImage().pixelColor(shot.width() / 2, shot.height() / 2), QColor(Qt::black));
    }

    // A picture of the same size replaces the image in place (zoom and place kept); one of
    // another size is fitted as a new image.
    void replaceKeepsTheView_data()
    {
        QTest::addColumn<int>("side");
        QTest::addColumn<bool>("kept");
        QTest::newRow("same size") << 64 << true;
        QTest::newRow("other size") << 32 << false;
    }
    void replaceKeepsTheView()
    {
        QFETCH(int, side);
        QFETCH(bool, kept);
        ImageView w;
        w.resize(200, 200);
        w.setImage(pattern().scaled(64, 64));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setView(8.0, QPointF(20, 30));
        QImage next(side, side, QImage::Format_RGB32);
        next.fill(Qt::red);
        w.replaceImage(next);
        QCOMPARE(w.image(), next);
        QCOMPARE(w.fitting(), !kept);
        if (kept) {
            QCOMPARE(w.zoom(), 8.0);
            QVERIFY(std::abs(w.viewCentre().x() - 20) < 0.01 && std::abs(w.viewCentre().y() - 30) < 0.01);
        }
    }

    // Enlarged, an overlay on the image's own grid keeps its pixels sharp (an error level
    // picture is read pixel by pixel); a coarser one (a heat map's tiles) is smoothed.
    void overlayOnTheImageGridStaysSharp_data()
    {
        QTest::addColumn<int>("overlaySide");
        QTest::addColumn<bool>("sharp");
        QTest::newRow("the image's grid") << 8 << true;
        QTest::newRow("half as fine") << 4 << false;
    }
    void overlayOnTheImageGridStaysSharp()
    {
        QFETCH(int, overlaySide);
        QFETCH(bool, sharp);
        ImageView w;
        w.resize(256, 256);
        QImage grey(8, 8, QImage::Format_RGB32);
        grey.fill(QColor(128, 128, 128));
        w.setImage(grey);
        QImage checks(overlaySide, overlaySide, QImage::Format_RGB32);
        for (int y = 0; y < overlaySide; ++y)
            for (int x = 0; x < overlaySide; ++x) checks.setPixel(x, y, (x + y) % 2 ? qRgb(255, 255, 255) : qRgb(0, 0, 0));
        w.setOverlay(checks, 1.0);
        QCOMPARE(w.overlayOpacity(), 1.0);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.zoom(), 32.0); // fitted: 256 / 8
        const QImage shot = w.grab().toImage().convertToFormat(QImage::Format_RGB32);
        int between = 0; // neither black nor white: blended by smoothing
        for (int y = 0; y < shot.height(); y += 3)
            for (int x = 0; x < shot.width(); x += 3) {
                const int v = qRed(shot.pixel(x, y));
                between += v > 8 && v < 247;
            }
        QVERIFY2(sharp ? between == 0 : between > 100, qPrintable(QString::number(between)));
    }
};

QTEST_MAIN(TestImageView)
#include "tst_imageview.moc"
