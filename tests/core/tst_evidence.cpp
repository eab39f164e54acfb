// Evidence intake: every supported format decodes to the right pixels, the
// hash covers exactly the file's bytes, and bad input gets a typed error.

#include <clipflow/evidence.h>
#include <clipflow/imagepaths.h>

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>
#include <sys/stat.h>

using clipflow::ErrorCode;

namespace {

QString fixture(const QString& name)
{
    return QStringLiteral(CLIPFLOW_TEST_DATA "/formats/") + name;
}

QString sha256_of_file(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
}

long max_rss_kb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

} // namespace

class TestEvidence : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // A name that promises another format is said (renamed, or a WebP delivered as .jpg);
    // a fitting ending in any case, or a name with no image ending, says nothing.
    void namesAnotherFormat_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("says"); // empty: nothing to say
        QTest::newRow("PNG as .jpg") << "rgb.png"
                                     << "holiday.jpg"
                                     << "ends in .jpg (a JPEG file's ending), but the file is PNG";
        QTest::newRow("WebP as .JPEG") << "lossy.webp"
                                       << "photo.JPEG"
                                       << "ends in .JPEG (a JPEG file's ending), but the file is WebP";
        QTest::newRow("GIF as .png") << "palette.gif"
                                     << "a.png"
                                     << "but the file is GIF";
        QTest::newRow("JPEG as .tif") << "rgb.jpg"
                                      << "scan.tif"
                                      << "but the file is JPEG";
        QTest::newRow("HEIF as .jpg") << "rgb.heic"
                                      << "IMG_0001.jpg"
                                      << "but the file is HEIF";
        QTest::newRow("PNG as .PNG") << "rgb.png"
                                     << "x.PNG"
                                     << "";
        QTest::newRow("JPEG as .jpe") << "rgb.jpg"
                                      << "x.jpe"
                                      << "";
        QTest::newRow("TIFF as .tiff") << "rgb_lzw.tif"
                                       << "x.tiff"
                                       << "";
        QTest::newRow("HEIF as .hif") << "rgb.heic"
                                      << "x.hif"
                                      << "";
        QTest::newRow("no ending") << "rgb.png"
                                   << "evidence-17"
                                   << "";
        QTest::newRow("no image ending") << "rgb.jpg"
                                         << "frame.dat"
                                         << "";
        QTest::newRow("a dot in a folder's name") << "rgb.png"
                                                  << "case.jpg/evidence"
                                                  << "";
    }
    void namesAnotherFormat()
    {
        QFETCH(QString, file);
        QFETCH(QString, name);
        QFETCH(QString, says);
        QFile f(fixture(file));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        clipflow::IntakeParams header_only;
        header_only.decode_pixels = false;
        auto ev = clipflow::decode_evidence({reinterpret_cast<const std::uint8_t*>(bytes.data()), std::size_t(bytes.size())},
                                            name.toStdString(), header_only);
        QVERIFY2(ev, ev.status().message().c_str());
        const QString note = QString::fromStdString(clipflow::name_format_note(ev->info));
        if (says.isEmpty())
            QVERIFY2(note.isEmpty(), qPrintable(note));
        else
            QVERIFY2(note.contains(says), qPrintable(note));
        QCOMPARE(clipflow::format_named(name.toStdString()).empty(), !name.contains(QLatin1Char('.')) ||
                                                                         name.endsWith(QLatin1String(".dat")) ||
                                                                         name.endsWith(QLatin1String("/evidence")));
    }

    void decodesEveryFormat_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("channels");
        QTest::addColumn<double>("tolerance");
        QTest::addColumn<bool>("alpha");
        // Left half (200,40,40), right half (30,60,210); grey files 50 | 200.
        QTest::newRow("jpeg") << "rgb.jpg" << 3 << 0.06 << false;
        QTest::newRow("jpeg grey") << "grey.jpg" << 1 << 0.03 << false;
        QTest::newRow("jpeg cmyk") << "cmyk.jpg" << 3 << 0.08 << false;
        QTest::newRow("jpeg exif") << "exif6.jpg" << 3 << 0.06 << false;
        QTest::newRow("png") << "rgb.png" << 3 << 0.002 << false;
        QTest::newRow("png rgba") << "rgba.png" << 3 << 0.002 << true;
        QTest::newRow("png grey") << "grey.png" << 1 << 0.002 << false;
        QTest::newRow("png grey+alpha") << "greyalpha.png" << 1 << 0.002 << true;
        QTest::newRow("png palette") << "palette.png" << 3 << 0.002 << false;
        QTest::newRow("tiff") << "rgb.tif" << 3 << 0.002 << false;
        QTest::newRow("tiff lzw") << "rgb_lzw.tif" << 3 << 0.002 << false;
        QTest::newRow("tiff cmyk") << "cmyk.tif" << 3 << 0.01 << false;
        QTest::newRow("webp lossless") << "rgb.webp" << 3 << 0.002 << false;
        QTest::newRow("webp alpha") << "rgba.webp" << 3 << 0.002 << true;
        QTest::newRow("webp lossy") << "lossy.webp" << 3 << 0.06 << false;
        QTest::newRow("heif") << "rgb.heic" << 3 << 0.06 << false;
        QTest::newRow("bmp") << "rgb.bmp" << 3 << 0.002 << false;
        QTest::newRow("bmp palette") << "palette.bmp" << 3 << 0.002 << false;
        QTest::newRow("gif") << "palette.gif" << 3 << 0.002 << false;
        QTest::newRow("gif animated") << "animated.gif" << 3 << 0.002 << false;
        QTest::newRow("webp animated") << "animated.webp" << 3 << 0.002 << false; // its first frame
        QTest::newRow("webp animated, lossy with alpha") << "animated_lossy_alpha.webp" << 3 << 0.06 << true;
    }
    void decodesEveryFormat()
    {
        QFETCH(QString, file);
        QFETCH(int, channels);
        QFETCH(double, tolerance);
        QFETCH(bool, alpha);
        auto ev = clipflow::load_evidence(fixture(file).toStdString());
        QVERIFY2(ev.ok(), ev.status().to_string().c_str());
        const auto& px = ev->pixels;
        QCOMPARE(px.width, 64);
        QCOMPARE(px.height, 48);
        QCOMPARE(px.channels, channels);
        QCOMPARE(ev->info.has_alpha, alpha);
        QCOMPARE(QString::fromStdString(ev->info.sha256), sha256_of_file(fixture(file)));
        QCOMPARE(ev->info.file_size, quint64(QFileInfo(fixture(file)).size()));
        if (channels == 3) {
            const float left[3] = {200 / 255.f, 40 / 255.f, 40 / 255.f}, right[3] = {30 / 255.f, 60 / 255.f, 210 / 255.f};
            for (int c = 0; c < 3; ++c) {
                QVERIFY2(std::abs(px.at(8, 24, c) - left[c]) <= tolerance,
                         qPrintable(QStringLiteral("left c%1 = %2").arg(c).arg(px.at(8, 24, c))));
                QVERIFY2(std::abs(px.at(56, 24, c) - right[c]) <= tolerance,
                         qPrintable(QStringLiteral("right c%1 = %2").arg(c).arg(px.at(56, 24, c))));
            }
        } else {
            QVERIFY(std::abs(px.at(8, 24) - 50 / 255.f) <= tolerance);
            QVERIFY(std::abs(px.at(56, 24) - 200 / 255.f) <= tolerance);
        }
        QVERIFY(ev->picture.empty()); // only on request

        // keep_picture: the same grid as bytes, pixels = picture / 255 exactly; the pixels unchanged.
        clipflow::IntakeParams keep;
        keep.keep_picture = true;
        keep.read_jpeg_forensics = true;
        auto both = clipflow::load_evidence(fixture(file).toStdString(), keep);
        QVERIFY2(both.ok(), both.status().to_string().c_str());
        QVERIFY(both->pixels.data == px.data);
        const auto& pic = both->picture;
        QCOMPARE(pic.width, px.width);
        QCOMPARE(pic.height, px.height);
        QCOMPARE(pic.channels, px.channels);
        QVERIFY(clipflow::to_raster(pic).data == px.data);
        if (both->jpeg) { // the thumbnail check read the same grid as bytes
            clipflow::IntakeParams plain = keep;
            plain.keep_picture = false;
            auto floats = clipflow::load_evidence(fixture(file).toStdString(), plain);
            QVERIFY(floats.ok() && floats->jpeg);
            QCOMPARE(both->jpeg->to_json(), floats->jpeg->to_json());
        }
    }

    void keepsSixteenBitPrecision_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("png") << "grey16.png";
        QTest::newRow("tiff") << "grey16.tif";
    }
    void keepsSixteenBitPrecision()
    {
        QFETCH(QString, file);
        auto ev = clipflow::load_evidence(fixture(file).toStdString());
        QVERIFY2(ev.ok(), ev.status().to_string().c_str());
        QCOMPARE(ev->info.bit_depth, 16);
        // 8-bit quantisation would be off by up to 1/510; 16-bit is exact to 1e-6.
        QVERIFY(std::abs(ev->pixels.at(8, 24) - 1000.f / 65535.f) < 1e-6f);
        QVERIFY(std::abs(ev->pixels.at(56, 24) - 60000.f / 65535.f) < 1e-6f);
        // No 8-bit picture of 16-bit samples: it would not hold the same values.
        clipflow::IntakeParams keep;
        keep.keep_picture = true;
        auto again = clipflow::load_evidence(fixture(file).toStdString(), keep);
        QVERIFY(again.ok());
        QVERIFY(again->picture.empty());
        QVERIFY(again->pixels.data == ev->pixels.data);
    }

    void recordsOrientationButKeepsStoredGrid()
    {
        auto ev = clipflow::load_evidence(fixture(QStringLiteral("exif6.jpg")).toStdString());
        QVERIFY(ev.ok());
        QCOMPARE(ev->info.exif_orientation, 6);
        QCOMPARE(ev->pixels.width, 64); // not rotated to 48x64
        QVERIFY(QString::fromStdString(clipflow::pixel_grid_note(ev->info)).contains(QStringLiteral("orientation 6")));
    }

    void flagsAnimation()
    {
        auto one = clipflow::load_evidence(fixture(QStringLiteral("palette.gif")).toStdString());
        auto two = clipflow::load_evidence(fixture(QStringLiteral("animated.gif")).toStdString());
        QVERIFY(one.ok() && two.ok());
        QCOMPARE(one->info.frame_count_hint, 1);
        QCOMPARE(two->info.frame_count_hint, 2);
        auto webp = clipflow::load_evidence(fixture(QStringLiteral("animated.webp")).toStdString());
        QVERIFY2(webp.ok(), webp.status().to_string().c_str());
        QCOMPARE(webp->info.frame_count_hint, 2);
        QVERIFY(!webp->info.lossy);
        // Said wherever the pixel grid is described (window, report, CLI).
        for (const auto* ev : {&*two, &*webp})
            QVERIFY(clipflow::pixel_grid_note(ev->info).find("only its first frame is analysed") != std::string::npos);
        QVERIFY(clipflow::pixel_grid_note(one->info).find("first frame") == std::string::npos);
    }

    void badFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("code");
        QTest::newRow("empty") << fixture(QStringLiteral("empty.jpg")) << int(ErrorCode::EmptyFile);
        QTest::newRow("not an image") << fixture(QStringLiteral("notanimage.png")) << int(ErrorCode::UnsupportedFormat);
        QTest::newRow("truncated png") << fixture(QStringLiteral("truncated.png")) << int(ErrorCode::TruncatedData);
        QTest::newRow("truncated jpeg") << fixture(QStringLiteral("truncated_scan.jpg")) << int(ErrorCode::TruncatedData);
        QTest::newRow("corrupt png") << fixture(QStringLiteral("corrupt.png")) << int(ErrorCode::CorruptData);
        QTest::newRow("bomb header") << fixture(QStringLiteral("huge.png")) << int(ErrorCode::TooManyPixels);
        QTest::newRow("missing") << fixture(QStringLiteral("no-such-file.png")) << int(ErrorCode::NotFound);
        QTest::newRow("directory") << QStringLiteral(CLIPFLOW_TEST_DATA) << int(ErrorCode::NotARegularFile);
    }
    void badFiles()
    {
        QFETCH(QString, file);
        QFETCH(int, code);
        auto ev = clipflow::load_evidence(file.toStdString());
        QVERIFY(!ev.ok());
        QCOMPARE(int(ev.status().code()), code);
        QVERIFY(ev.status().message().size() > 8);
    }

    // An animated WebP is decoded by libwebpdemux, which must refuse damaged frames and
    // canvases with an error, never crash or allocate what the file merely declares.
    void damagedAnimatedWebp_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<int>("code");
        QTest::newRow("cut short") << "cut" << int(ErrorCode::CorruptData);
        QTest::newRow("a frame placed off the canvas") << "frame" << int(ErrorCode::CorruptData);
        QTest::newRow("a canvas beyond the pixel limit") << "canvas" << int(ErrorCode::TooManyPixels);
    }
    void damagedAnimatedWebp()
    {
        QFETCH(QString, damage);
        QFETCH(int, code);
        QFile in(fixture(QStringLiteral("animated.webp")));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        const qsizetype anmf = bytes.indexOf("ANMF");
        QVERIFY(anmf > 0);
        if (damage == QLatin1String("cut")) {
            bytes.truncate(bytes.size() * 7 / 10);
        } else if (damage == QLatin1String("frame")) {
            bytes[anmf + 8] = char(0xff); // frame X offset / 2, 24 bits little-endian: 131070 px, past the 64 px canvas
            bytes[anmf + 9] = char(0xff);
        } else {
            for (int i = 24; i < 30; ++i) bytes[i] = char(0xff); // VP8X canvas 16777216 x 16777216
        }
        QTemporaryDir dir;
        QFile out(dir.filePath(QStringLiteral("damaged.webp")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();
        auto ev = clipflow::load_evidence(out.fileName().toStdString());
        QVERIFY(!ev.ok());
        QVERIFY2(int(ev.status().code()) == code, ev.status().to_string().c_str());
        QVERIFY(ev.status().message().size() > 8);
    }

    void specialFiles_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("code");
        QTest::newRow("dangling link") << "link" << int(ErrorCode::DanglingLink);
        QTest::newRow("link to itself") << "loop" << int(ErrorCode::DanglingLink); // ELOOP, not a hang
        QTest::newRow("fifo does not hang") << "fifo" << int(ErrorCode::NotARegularFile);
    }
    void specialFiles()
    {
        QFETCH(QString, kind);
        QFETCH(int, code);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("evidence.png"));
        if (kind == QLatin1String("link"))
            QVERIFY(QFile::link(dir.filePath(QStringLiteral("gone.png")), path));
        else if (kind == QLatin1String("loop"))
            QVERIFY(QFile::link(path, path));
        else
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        auto ev = clipflow::load_evidence(path.toStdString());
        QVERIFY(!ev.ok());
        QCOMPARE(int(ev.status().code()), code);
    }

    void limitsAreConfigurable_data()
    {
        QTest::addColumn<quint64>("maxPixels");
        QTest::addColumn<quint64>("maxBytes");
        QTest::addColumn<int>("code");
        QTest::newRow("within") << quint64(64 * 48) << quint64(1 << 20) << int(ErrorCode::Ok);
        QTest::newRow("one pixel short") << quint64(64 * 48 - 1) << quint64(1 << 20) << int(ErrorCode::TooManyPixels);
        QTest::newRow("file too large") << quint64(1 << 20) << quint64(100) << int(ErrorCode::FileTooLarge);
    }
    void limitsAreConfigurable()
    {
        QFETCH(quint64, maxPixels);
        QFETCH(quint64, maxBytes);
        QFETCH(int, code);
        clipflow::IntakeParams p;
        p.max_pixels = maxPixels;
        p.max_file_bytes = maxBytes;
        auto ev = clipflow::load_evidence(fixture(QStringLiteral("rgb.png")).toStdString(), p);
        QCOMPARE(int(ev.ok() ? ErrorCode::Ok : ev.status().code()), code);
    }

    void bombIsRefusedWithoutAllocating()
    {
        // 100000 x 100000 RGB would need 30 GB as 8-bit and 120 GB as float.
        const long before = max_rss_kb();
        auto ev = clipflow::load_evidence(fixture(QStringLiteral("huge.png")).toStdString());
        QCOMPARE(ev.status().code(), ErrorCode::TooManyPixels);
        QVERIFY2(max_rss_kb() - before < 20 * 1024, "intake grew the heap by more than 20 MB");
    }

    void evidenceIsNotModified()
    {
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("evidence.jpg"));
        QVERIFY(QFile::copy(fixture(QStringLiteral("rgb.jpg")), copy));
        const QString before = sha256_of_file(copy);
        const QDateTime mtime = QFileInfo(copy).lastModified();
        auto ev = clipflow::load_evidence(copy.toStdString());
        QVERIFY(ev.ok());
        QCOMPARE(sha256_of_file(copy), before);
        QCOMPARE(QFileInfo(copy).lastModified(), mtime);
    }
};

QTEST_GUILESS_MAIN(TestEvidence)
#include "tst_evidence.moc"
