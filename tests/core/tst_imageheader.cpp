// Header probing: formats, sizes, colour models and EXIF orientation, read
// without decoding; every prefix of every fixture is probed without a crash.

#include <clipflow/imageheader.h>

#include <QDir>
#include <QFile>
#include <QTest>

namespace {

QByteArray fixture(const QString& name)
{
    QFile f(QStringLiteral(CLIPFLOW_TEST_DATA "/formats/") + name);
    if (!f.open(QIODevice::ReadOnly)) qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

std::span<const std::uint8_t> bytes_of(const QByteArray& b)
{
    return {reinterpret_cast<const std::uint8_t*>(b.constData()), static_cast<std::size_t>(b.size())};
}

// A minimal TIFF block holding only an Orientation tag.
QByteArray exif_tiff(bool big_endian, quint16 orientation)
{
    QByteArray t;
    auto u16 = [&](quint16 v) {
        if (big_endian) {
            t.append(char(v >> 8));
            t.append(char(v & 0xff));
        } else {
            t.append(char(v & 0xff));
            t.append(char(v >> 8));
        }
    };
    auto u32 = [&](quint32 v) {
        if (big_endian) {
            u16(quint16(v >> 16));
            u16(quint16(v));
        } else {
            u16(quint16(v));
            u16(quint16(v >> 16));
        }
    };
    t.append(big_endian ? "MM" : "II");
    u16(42);
    u32(8);
    u16(1); // one entry
    u16(0x0112);
    u16(3);
    u32(1);
    u16(orientation);
    u16(0);
    u32(0);
    return t;
}

} // namespace

class TestImageHeader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("colour");
        QTest::addColumn<int>("depth");
        QTest::addColumn<bool>("alpha");
        QTest::addColumn<int>("orientation");
        QTest::addColumn<bool>("lossy");
        QTest::newRow("jpeg rgb") << "rgb.jpg"
                                  << "JPEG"
                                  << "rgb" << 8 << false << 0 << true;
        QTest::newRow("jpeg grey") << "grey.jpg"
                                   << "JPEG"
                                   << "grey" << 8 << false << 0 << true;
        QTest::newRow("jpeg cmyk") << "cmyk.jpg"
                                   << "JPEG"
                                   << "cmyk" << 8 << false << 0 << true;
        QTest::newRow("jpeg exif 6") << "exif6.jpg"
                                     << "JPEG"
                                     << "rgb" << 8 << false << 6 << true;
        QTest::newRow("png rgb") << "rgb.png"
                                 << "PNG"
                                 << "rgb" << 8 << false << 0 << false;
        QTest::newRow("png rgba") << "rgba.png"
                                  << "PNG"
                                  << "rgb" << 8 << true << 0 << false;
        QTest::newRow("png grey16") << "grey16.png"
                                    << "PNG"
                                    << "grey" << 16 << false << 0 << false;
        QTest::newRow("png grey+alpha") << "greyalpha.png"
                                        << "PNG"
                                        << "grey" << 8 << true << 0 << false;
        QTest::newRow("png palette") << "palette.png"
                                     << "PNG"
                                     << "palette" << 8 << false << 0 << false;
        QTest::newRow("tiff rgb") << "rgb.tif"
                                  << "TIFF"
                                  << "rgb" << 8 << false << 0 << false;
        QTest::newRow("tiff grey16") << "grey16.tif"
                                     << "TIFF"
                                     << "grey" << 16 << false << 0 << false;
        QTest::newRow("tiff cmyk") << "cmyk.tif"
                                   << "TIFF"
                                   << "cmyk" << 8 << false << 0 << false;
        QTest::newRow("webp lossless") << "rgb.webp"
                                       << "WebP"
                                       << "rgb" << 8 << false << 0 << false;
        QTest::newRow("webp alpha") << "rgba.webp"
                                    << "WebP"
                                    << "rgb" << 8 << true << 0 << false;
        QTest::newRow("webp lossy") << "lossy.webp"
                                    << "WebP"
                                    << "rgb" << 8 << false << 0 << true;
        QTest::newRow("webp lossy, extended with alpha") << "lossy_alpha.webp"
                                                         << "WebP"
                                                         << "rgb" << 8 << true << 0 << true;
        QTest::newRow("webp lossless, extended with exif") << "lossless_exif.webp"
                                                           << "WebP"
                                                           << "rgb" << 8 << false << 6 << false;
        QTest::newRow("webp animated, lossless") << "animated.webp"
                                                 << "WebP"
                                                 << "rgb" << 8 << false << 0 << false;
        QTest::newRow("webp animated, lossy with alpha") << "animated_lossy_alpha.webp"
                                                         << "WebP"
                                                         << "rgb" << 8 << true << 0 << true;
        QTest::newRow("bmp rgb") << "rgb.bmp"
                                 << "BMP"
                                 << "rgb" << 8 << false << 0 << false;
        QTest::newRow("bmp palette") << "palette.bmp"
                                     << "BMP"
                                     << "palette" << 8 << false << 0 << false;
        QTest::newRow("gif") << "palette.gif"
                             << "GIF"
                             << "palette" << 8 << false << 0 << false;
    }
    void fixtures()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(QString, colour);
        QFETCH(int, depth);
        QFETCH(bool, alpha);
        QFETCH(int, orientation);
        QFETCH(bool, lossy);
        const QByteArray data = fixture(file);
        auto h = clipflow::probe_image_header(bytes_of(data));
        QVERIFY2(h.ok(), h.status().to_string().c_str());
        QCOMPARE(QString::fromStdString(h->format), format);
        QCOMPARE(h->width, 64u);
        QCOMPARE(h->height, 48u);
        QCOMPARE(QString::fromStdString(h->colour_model), colour);
        QCOMPARE(h->bit_depth, depth);
        QCOMPARE(h->has_alpha, alpha);
        QCOMPARE(h->exif_orientation, orientation);
        QCOMPARE(h->lossy, lossy); // decides whether a WebP's scores are calibrated (uncalibrated_format)
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("code");
        QTest::newRow("empty") << "empty.jpg" << int(clipflow::ErrorCode::EmptyFile);
        QTest::newRow("text") << "notanimage.png" << int(clipflow::ErrorCode::UnsupportedFormat);
        QTest::newRow("truncated png") << "truncated.png" << int(clipflow::ErrorCode::TruncatedData);
        QTest::newRow("truncated jpeg header") << "truncated.jpg" << int(clipflow::ErrorCode::TruncatedData);
        QTest::newRow("truncated jpeg scan") << "truncated_scan.jpg" << int(clipflow::ErrorCode::TruncatedData);
    }
    void refusals()
    {
        QFETCH(QString, file);
        QFETCH(int, code);
        auto h = clipflow::probe_image_header(bytes_of(fixture(file)));
        QVERIFY(!h.ok());
        QCOMPARE(int(h.status().code()), code);
        QVERIFY(!h.status().message().empty());
    }

    void bombHeaderIsReadNotDecoded()
    {
        auto h = clipflow::probe_image_header(bytes_of(fixture(QStringLiteral("huge.png"))));
        QVERIFY(h.ok());
        QCOMPARE(h->width, 100000u);
        QCOMPARE(h->height, 100000u);
    }

    void exifOrientation_data()
    {
        QTest::addColumn<bool>("bigEndian");
        QTest::addColumn<int>("value");
        QTest::addColumn<int>("expected");
        for (bool be : {false, true}) {
            for (int v : {1, 3, 6, 8}) QTest::addRow("%s %d", be ? "MM" : "II", v) << be << v << v;
            QTest::addRow("%s out of range", be ? "MM" : "II") << be << 9 << 0;
        }
    }
    void exifOrientation()
    {
        QFETCH(bool, bigEndian);
        QFETCH(int, value);
        QFETCH(int, expected);
        const QByteArray t = exif_tiff(bigEndian, quint16(value));
        QCOMPARE(clipflow::exif_orientation_from_tiff(bytes_of(t)), expected);
        // A block cut before the tag's value ends must not be read past its end;
        // the value sits at bytes 18..19 (header 8, count 2, entry fields 8).
        for (int n = 0; n < t.size(); ++n)
            QCOMPARE(clipflow::exif_orientation_from_tiff(bytes_of(t.left(n))), n < 20 ? 0 : expected);
    }

    void everyPrefixIsSafe_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = QDir(QStringLiteral(CLIPFLOW_TEST_DATA "/formats")).entryList(QDir::Files);
        for (const QString& f : files) QTest::newRow(qPrintable(f)) << f;
    }
    void everyPrefixIsSafe()
    {
        QFETCH(QString, file);
        const QByteArray data = fixture(file);
        int refused = 0;
        for (int n = 0; n <= data.size(); ++n) {
            auto h = clipflow::probe_image_header(bytes_of(data.left(n)));
            if (!h.ok())
                ++refused;
            else
                QVERIFY(h->width > 0 && h->height > 0);
        }
        // The empty prefix at least must be refused.
        QVERIFY(refused >= 1);
    }
};

QTEST_GUILESS_MAIN(TestImageHeader)
#include "tst_imageheader.moc"
