// Laundering and evaluation crops: the centre crop takes exactly the centred
// window, pixel for pixel, and keeps images smaller than the window whole
// along their short sides; laundering changes size and leaves JPEG traces.

#include <clipflow/laundering.h>

#include <QTest>

using clipflow::Raster;

namespace {

// Every pixel and channel holds a value that encodes its position.
Raster ramp(int w, int h, int channels)
{
    Raster r;
    r.width = w;
    r.height = h;
    r.channels = channels;
    r.data.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * static_cast<std::size_t>(channels));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < channels; ++c)
                r.data[(static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)) *
                           static_cast<std::size_t>(channels) +
                       static_cast<std::size_t>(c)] = static_cast<float>((y * 1000 + x) * 4 + c) / 4.0e6f;
    return r;
}

float at(const Raster& r, int x, int y, int c)
{
    return r.data[(static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) + static_cast<std::size_t>(x)) *
                      static_cast<std::size_t>(r.channels) +
                  static_cast<std::size_t>(c)];
}

} // namespace

class TestLaundering : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Which files are judged as delivered copies: small JPEGs only, by the stored grid.
    void deliveredCopy_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<bool>("copy");
        const int side = clipflow::kDeliveredCopyMaxSide;
        QTest::newRow("laundered 512 x 768 JPEG") << "JPEG" << 768 << 512 << true;
        QTest::newRow("short side at the limit") << "JPEG" << 2000 << side << true;
        QTest::newRow("one pixel above") << "JPEG" << side + 1 << 4000 << false;
        QTest::newRow("portrait copy") << "JPEG" << 480 << 853 << true;
        QTest::newRow("camera JPEG") << "JPEG" << 4032 << 3024 << false;
        QTest::newRow("small PNG: lossless, not a copy") << "PNG" << 512 << 512 << false;
        QTest::newRow("small WebP") << "WebP" << 512 << 512 << false;
        QTest::newRow("no size") << "JPEG" << 0 << 0 << false;
    }
    void deliveredCopy()
    {
        QFETCH(QString, format);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(bool, copy);
        QCOMPARE(clipflow::is_delivered_copy(format.toStdString(), width, height), copy);
    }

    void centerCrop_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("x0");
        QTest::addColumn<int>("y0");
        QTest::addColumn<int>("outWidth");
        QTest::addColumn<int>("outHeight");
        QTest::newRow("landscape rgb") << 500 << 333 << 3 << 256 << 122 << 38 << 256 << 256;
        QTest::newRow("odd margins (no 8x8 alignment)") << 301 << 259 << 3 << 256 << 22 << 1 << 256 << 256;
        QTest::newRow("exactly the size") << 256 << 256 << 3 << 256 << 0 << 0 << 256 << 256;
        QTest::newRow("narrower than the crop") << 200 << 400 << 3 << 256 << 0 << 72 << 200 << 256;
        QTest::newRow("smaller both ways, grey") << 97 << 61 << 1 << 256 << 0 << 0 << 97 << 61;
    }
    void centerCrop()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, channels);
        QFETCH(int, size);
        QFETCH(int, x0);
        QFETCH(int, y0);
        QFETCH(int, outWidth);
        QFETCH(int, outHeight);
        const Raster in = ramp(width, height, channels);
        auto out = clipflow::center_crop(in, size);
        QVERIFY2(out.ok(), out.status().message().c_str());
        QCOMPARE(out->width, outWidth);
        QCOMPARE(out->height, outHeight);
        QCOMPARE(out->channels, channels);
        QCOMPARE(out->data.size(), static_cast<std::size_t>(outWidth * outHeight * channels));
        for (int y : {0, outHeight / 2, outHeight - 1})
            for (int x : {0, outWidth / 3, outWidth - 1})
                for (int c = 0; c < channels; ++c) QCOMPARE(at(*out, x, y, c), at(in, x0 + x, y0 + y, c));
    }

    void centerCropRefuses_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<bool>("empty");
        QTest::newRow("zero size") << 0 << false;
        QTest::newRow("negative size") << -4 << false;
        QTest::newRow("empty raster") << 256 << true;
    }
    void centerCropRefuses()
    {
        QFETCH(int, size);
        QFETCH(bool, empty);
        const Raster in = empty ? Raster{} : ramp(32, 32, 3);
        QVERIFY(!clipflow::center_crop(in, size).ok());
    }

    void launderResizesAndRecompresses()
    {
        const Raster in = ramp(600, 400, 3);
        auto l = clipflow::launder(in, 200, 85);
        QVERIFY2(l.ok(), l.status().message().c_str());
        QCOMPARE(l->height, 200);
        QCOMPARE(l->width, 300);
        auto j = clipflow::jpeg_roundtrip(in, 50);
        QVERIFY(j.ok());
        QCOMPARE(j->width, in.width);
        double diff = 0;
        for (std::size_t i = 0; i < in.data.size(); ++i) diff += std::abs(in.data[i] - j->data[i]);
        QVERIFY2(diff > 0, "JPEG at quality 50 must change the pixels");
    }

    // Delivery shrinks large photos and recompresses every one, but never enlarges:
    // launder() does, and enlarged small photos look unlike any delivered one.
    void deliverCopy_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("outWidth");
        QTest::addColumn<int>("outHeight");
        QTest::newRow("large: shrunk") << 900 << 600 << 768 << 512;
        QTest::newRow("portrait: shrunk") << 600 << 1200 << 512 << 1024;
        QTest::newRow("at the side: kept") << 512 << 700 << 512 << 700;
        QTest::newRow("small: kept, not enlarged") << 300 << 200 << 300 << 200;
    }
    void deliverCopy()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, outWidth);
        QFETCH(int, outHeight);
        const Raster in = ramp(width, height, 3);
        auto d = clipflow::deliver_copy(in, 512, 85);
        QVERIFY2(d.ok(), d.status().message().c_str());
        QCOMPARE(d->width, outWidth);
        QCOMPARE(d->height, outHeight);
        // Always recompressed: the same as a JPEG round trip of what was kept or shrunk.
        auto expected = outWidth == width ? clipflow::jpeg_roundtrip(in, 85) : clipflow::launder(in, 512, 85);
        QVERIFY(expected.ok());
        QCOMPARE(d->data, expected->data);
        QVERIFY(!clipflow::deliver_copy(Raster{}, 512, 85).ok());
    }
};

QTEST_GUILESS_MAIN(TestLaundering)
#include "tst_laundering.moc"
