// HEIF and AVIF intake: files made here by libheif's own encoders (x265, aom)
// decode to the right pixels, size, depth and alpha, with the container's
// rotation applied; their Exif and XMP reach metadata and provenance; bad files get a typed error.

#include <clipflow/analysis.h>
#include <clipflow/evidence.h>
#include <clipflow/imageheader.h>
#include <clipflow/imagepaths.h>
#include <clipflow/metadata.h>
#include <clipflow/provenance.h>

#include <libheif/heif.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

using clipflow::ErrorCode;

namespace {

struct Spec {
    bool avif = false;
    bool alpha = false;
    int bits = 8;
    heif_orientation orientation = heif_orientation_normal;
    bool metadata = false; // Exif Make "TestCam" and an XMP packet declaring AI generation
    bool ramp = false;     // 256 x 64, red rising 4 levels per pixel up to x = 60 (green, blue flat) instead of two halves
    bool stripes = false;  // 64 x 48, columns alternately red and blue, coded 4:4:4
    bool vertical = false; // with ramp: 64 x 256, the ramp down the rows
};

heif_error write_bytes(heif_context*, const void* data, size_t size, void* userdata)
{
    auto* out = static_cast<std::vector<std::uint8_t>*>(userdata);
    out->insert(out->end(), static_cast<const std::uint8_t*>(data), static_cast<const std::uint8_t*>(data) + size);
    return {heif_error_Ok, heif_suberror_Unspecified, "ok"};
}

// A minimal big-endian TIFF block with one tag: Make = "TestCam".
std::vector<std::uint8_t> exif_make()
{
    std::vector<std::uint8_t> t = {'M',  'M',  0, 42, 0, 0, 0, 8, // header, IFD at 8
                                   0,    1,                       // one entry
                                   0x01, 0x0F, 0, 2,  0, 0, 0, 8, // Make, ASCII, 8 bytes
                                   0,    0,    0, 26,             // value at 26
                                   0,    0,    0, 0};             // no next IFD
    for (char c : std::string("TestCam")) t.push_back(static_cast<std::uint8_t>(c));
    t.push_back(0);
    return t;
}

// 64 x 48: left half (200,40,40), right half (30,60,210), as the other format fixtures; alpha 255.
std::vector<std::uint8_t> encode(const Spec& s)
{
    std::unique_ptr<heif_context, decltype(&heif_context_free)> ctx(heif_context_alloc(), heif_context_free);
    heif_encoder* raw_encoder = nullptr;
    if (heif_context_get_encoder_for_format(ctx.get(), s.avif ? heif_compression_AV1 : heif_compression_HEVC, &raw_encoder).code)
        return {};
    std::unique_ptr<heif_encoder, decltype(&heif_encoder_release)> encoder(raw_encoder, heif_encoder_release);
    heif_encoder_set_lossy_quality(encoder.get(), 95);
    // 4:2:0, as cameras and web services write it.
    heif_encoder_set_parameter_string(encoder.get(), "chroma", s.stripes ? "444" : "420");
    const int w = s.ramp && !s.vertical ? 256 : 64, h = s.ramp ? (s.vertical ? 256 : 64) : 48, ch = s.alpha ? 4 : 3;
    const bool deep = s.bits > 8;
    heif_image* raw_image = nullptr;
    const heif_chroma chroma = deep ? (s.alpha ? heif_chroma_interleaved_RRGGBBAA_LE : heif_chroma_interleaved_RRGGBB_LE)
                                    : (s.alpha ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB);
    heif_image_create(w, h, heif_colorspace_RGB, chroma, &raw_image);
    std::unique_ptr<heif_image, decltype(&heif_image_release)> image(raw_image, heif_image_release);
    heif_image_add_plane(image.get(), heif_channel_interleaved, w, h, s.bits);
    int stride = 0;
    std::uint8_t* plane = heif_image_get_plane(image.get(), heif_channel_interleaved, &stride);
    const int max = (1 << s.bits) - 1;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            int rgb[4] = {x < w / 2 ? 200 : 30, x < w / 2 ? 40 : 60, x < w / 2 ? 40 : 210, 255};
            if (s.ramp) rgb[0] = 4 * std::min(s.vertical ? y : x, 60), rgb[1] = rgb[2] = 100;
            if (s.stripes) rgb[0] = x % 2 ? 30 : 200, rgb[1] = 50, rgb[2] = x % 2 ? 210 : 40;
            for (int c = 0; c < ch; ++c) {
                const int v = rgb[c] * max / 255;
                if (deep) {
                    std::uint8_t* p = plane + y * stride + (x * ch + c) * 2;
                    p[0] = static_cast<std::uint8_t>(v & 0xFF);
                    p[1] = static_cast<std::uint8_t>(v >> 8);
                } else {
                    plane[y * stride + x * ch + c] = static_cast<std::uint8_t>(v);
                }
            }
        }
    std::unique_ptr<heif_encoding_options, decltype(&heif_encoding_options_free)> options(heif_encoding_options_alloc(),
                                                                                          heif_encoding_options_free);
    options->image_orientation = s.orientation;
    heif_image_handle* handle = nullptr;
    if (heif_context_encode_image(ctx.get(), image.get(), encoder.get(), options.get(), &handle).code) return {};
    if (s.metadata) {
        const auto tiff = exif_make();
        heif_context_add_exif_metadata(ctx.get(), handle, tiff.data(), static_cast<int>(tiff.size()));
        const std::string xmp =
            "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?><x:xmpmeta xmlns:x='adobe:ns:meta/'>"
            "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description rdf:about='' "
            "xmlns:Iptc4xmpExt='http://iptc.org/std/Iptc4xmpExt/2008-02-29/' "
            "Iptc4xmpExt:DigitalSourceType='http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia'/>"
            "</rdf:RDF></x:xmpmeta><?xpacket end='w'?>";
        heif_context_add_XMP_metadata(ctx.get(), handle, xmp.data(), static_cast<int>(xmp.size()));
    }
    heif_image_handle_release(handle);
    std::vector<std::uint8_t> bytes;
    heif_writer writer{1, write_bytes};
    if (heif_context_write(ctx.get(), &writer, &bytes).code) return {};
    return bytes;
}

std::span<const std::uint8_t> view(const std::vector<std::uint8_t>& v)
{
    return {v.data(), v.size()};
}

} // namespace

Q_DECLARE_METATYPE(heif_orientation)

class TestHeif : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void decodes_data()
    {
        QTest::addColumn<bool>("avif");
        QTest::addColumn<bool>("alpha");
        QTest::addColumn<int>("bits");
        QTest::addColumn<heif_orientation>("orientation");
        QTest::addColumn<QString>("format");
        QTest::newRow("heic") << false << false << 8 << heif_orientation_normal << "HEIF";
        QTest::newRow("heic alpha") << false << true << 8 << heif_orientation_normal << "HEIF";
        QTest::newRow("heic rotated 90 cw") << false << false << 8 << heif_orientation_rotate_90_cw << "HEIF";
        QTest::newRow("avif") << true << false << 8 << heif_orientation_normal << "AVIF";
        QTest::newRow("heic 10-bit") << false << false << 10 << heif_orientation_normal << "HEIF";
        QTest::newRow("avif mirrored") << true << false << 8 << heif_orientation_flip_horizontally << "AVIF";
    }
    void decodes()
    {
        QFETCH(bool, avif);
        QFETCH(bool, alpha);
        QFETCH(int, bits);
        QFETCH(heif_orientation, orientation);
        QFETCH(QString, format);
        const auto bytes = encode({avif, alpha, bits, orientation, false, false, false, false});
        QVERIFY2(!bytes.empty(), "libheif could not encode the test image");

        auto header = clipflow::probe_image_header(view(bytes));
        QVERIFY2(header.ok(), header.status().to_string().c_str());
        QCOMPARE(QString::fromStdString(header->format), format);
        const bool turned = orientation == heif_orientation_rotate_90_cw;
        QCOMPARE(int(header->width), turned ? 48 : 64);
        QCOMPARE(int(header->height), turned ? 64 : 48);

        auto ev = clipflow::decode_evidence(view(bytes), "test", {});
        QVERIFY2(ev.ok(), ev.status().to_string().c_str());
        QCOMPARE(QString::fromStdString(ev->info.format), format);
        QCOMPARE(ev->info.bit_depth, bits);
        QCOMPARE(ev->info.has_alpha, alpha);
        const auto& px = ev->pixels;
        QCOMPARE(px.width, turned ? 48 : 64);
        QCOMPARE(px.height, turned ? 64 : 48);
        QCOMPARE(px.channels, 3);
        // Where the red half lands: left as stored, top when turned a quarter clockwise, right when mirrored.
        const float red[3] = {200 / 255.f, 40 / 255.f, 40 / 255.f}, blue[3] = {30 / 255.f, 60 / 255.f, 210 / 255.f};
        int rx = 8, ry = 24, bx = 56, by = 24;
        if (turned) rx = bx = 24, ry = 8, by = 56;
        if (orientation == heif_orientation_flip_horizontally) std::swap(rx, bx);
        for (int c = 0; c < 3; ++c) {
            QVERIFY2(std::abs(px.at(rx, ry, c) - red[c]) <= 0.06f,
                     qPrintable(QStringLiteral("red c%1 = %2").arg(c).arg(px.at(rx, ry, c))));
            QVERIFY2(std::abs(px.at(bx, by, c) - blue[c]) <= 0.06f,
                     qPrintable(QStringLiteral("blue c%1 = %2").arg(c).arg(px.at(bx, by, c))));
        }
        // Deeper samples keep their precision: no 8-bit picture of them, and values between 8-bit steps occur.
        clipflow::IntakeParams keep;
        keep.keep_picture = true;
        auto again = clipflow::decode_evidence(view(bytes), "test", keep);
        QVERIFY(again.ok());
        QCOMPARE(again->picture.empty(), bits > 8);
        if (bits > 8) {
            bool off_grid = false;
            for (float v : px.data) off_grid = off_grid || std::abs(v * 255.f - std::round(v * 255.f)) > 0.05f;
            QVERIFY(off_grid);
        } else {
            QVERIFY(clipflow::to_raster(again->picture).data == px.data);
        }
        QVERIFY(QString::fromStdString(clipflow::pixel_grid_note(ev->info)).contains(format));
    }

    // Chroma is up-sampled smoothly: repeating each 4:2:0 chroma sample (libheif 1.15's own
    // conversion) leaves a 2-pixel grid that made the detectors flag 65% of natural photos.
    // On a red ramp, steps within a chroma pair and across pairs must be alike (chroma rising
    // a whole level per pixel, so rounding up-sampled chroma to whole values keeps them even).
    void chromaHasNoTwoPixelGrid_data()
    {
        QTest::addColumn<bool>("avif");
        QTest::addColumn<bool>("vertical"); // the ramp runs down the rows instead of along them
        QTest::newRow("heic, along rows") << false << false;
        QTest::newRow("heic, down columns") << false << true;
        QTest::newRow("avif, along rows") << true << false;
        QTest::newRow("avif, down columns") << true << true;
    }
    void chromaHasNoTwoPixelGrid()
    {
        QFETCH(bool, avif);
        QFETCH(bool, vertical);
        Spec s;
        s.avif = avif;
        s.ramp = true;
        s.vertical = vertical;
        const auto bytes = encode(s);
        QVERIFY(!bytes.empty());
        auto ev = clipflow::decode_evidence(view(bytes), "ramp", {});
        QVERIFY2(ev.ok(), ev.status().to_string().c_str());
        const auto red = [&](int along, int across) {
            return vertical ? ev->pixels.at(across, along, 0) : ev->pixels.at(along, across, 0);
        };
        double within = 0, across = 0;
        for (int a = 8; a < 56; ++a)
            for (int t = 8; t + 2 < 52; t += 2) {
                within += std::abs(red(t + 1, a) - red(t, a));
                across += std::abs(red(t + 2, a) - red(t + 1, a));
            }
        QVERIFY2(within > 0.7 * across && across > 0.7 * within,
                 qPrintable(QStringLiteral("mean red step within pairs %1, across %2").arg(within).arg(across)));
    }

    // Chroma coded at full resolution (4:4:4) keeps its detail: one-pixel colour stripes survive.
    void fullChromaKeepsItsDetail_data()
    {
        QTest::addColumn<bool>("avif");
        QTest::newRow("heic") << false;
        QTest::newRow("avif") << true;
    }
    void fullChromaKeepsItsDetail()
    {
        QFETCH(bool, avif);
        Spec s;
        s.avif = avif;
        s.stripes = true;
        const auto bytes = encode(s);
        QVERIFY(!bytes.empty());
        auto ev = clipflow::decode_evidence(view(bytes), "stripes", {});
        QVERIFY2(ev.ok(), ev.status().to_string().c_str());
        double step = 0;
        int n = 0;
        for (int y = 8; y < 40; ++y)
            for (int x = 8; x < 56; ++x, ++n) step += std::abs(ev->pixels.at(x + 1, y, 2) - ev->pixels.at(x, y, 2));
        // 170 levels apart as encoded; chroma halved and re-interpolated would leave a fraction of that.
        QVERIFY2(step / n > 100.0 / 255.0, qPrintable(QStringLiteral("mean blue step %1").arg(step / n * 255)));
    }

    // Exif and XMP items reach the metadata, and through it provenance (an AI declaration).
    void readsItsMetadata_data()
    {
        QTest::addColumn<bool>("avif");
        QTest::newRow("heic") << false;
        QTest::newRow("avif") << true;
    }
    void readsItsMetadata()
    {
        QFETCH(bool, avif);
        const auto bytes = encode({avif, false, 8, heif_orientation_normal, true, false, false, false});
        QVERIFY(!bytes.empty());
        auto meta = clipflow::read_metadata(view(bytes));
        QVERIFY2(meta.ok(), meta.status().to_string().c_str());
        bool make = false;
        for (const auto& e : *meta) make = make || (e.key == "Exif.Image.Make" && e.value == "TestCam");
        QVERIFY2(make, "Exif.Image.Make not read from the file");
        auto prov = clipflow::read_provenance(view(bytes), *meta);
        QVERIFY2(prov.ok(), prov.status().to_string().c_str());
        QVERIFY(prov->says_ai);
        QCOMPARE(QString::fromStdString(prov->digital_source_type), QStringLiteral("trainedAlgorithmicMedia"));
        // Without the items, nothing is claimed.
        const auto plain = encode({avif, false, 8, heif_orientation_normal, false, false, false, false});
        auto none = clipflow::read_metadata(view(plain));
        QVERIFY(none.ok());
        QVERIFY(!clipflow::interpret_provenance({}, *none).says_ai);
    }

    // The analysis tells the scorer the file's compression is outside every calibration.
    void analysisMarksItUncalibrated_data()
    {
        QTest::addColumn<bool>("avif");
        QTest::addColumn<QString>("format");
        QTest::newRow("heic") << false << "HEIF";
        QTest::newRow("avif") << true << "AVIF";
    }
    void analysisMarksItUncalibrated()
    {
        QFETCH(bool, avif);
        QFETCH(QString, format);
        const auto bytes = encode({avif, false, 8, heif_orientation_normal, false, false, false, false});
        QVERIFY(!bytes.empty());
        QTemporaryDir dir;
        const QString path = dir.filePath(avif ? QStringLiteral("x.avif") : QStringLiteral("x.heic"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(reinterpret_cast<const char*>(bytes.data()), qint64(bytes.size()));
        f.close();
        clipflow::AnalysisParams p;
        p.spectrum = false;
        clipflow::ScoreParams seen;
        p.score = [&](const clipflow::Raster&, const std::string&, const clipflow::ScoreParams& kind) {
            seen = kind;
            return clipflow::Result<clipflow::DetectorSetScore>(clipflow::DetectorSetScore{});
        };
        auto a = clipflow::analyse_evidence(path.toStdString(), p);
        QVERIFY2(a.ok(), a.status().to_string().c_str());
        QCOMPARE(QString::fromStdString(a->info.format), format);
        QCOMPARE(QString::fromStdString(seen.uncalibrated_format), format);
        QVERIFY(!seen.delivered_copy);
        QVERIFY(clipflow::find_image_paths({dir.path().toStdString()}).files.size() == 1); // found in a folder
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<int>("code"); // ErrorCode; -1: truncated or corrupt
        QTest::newRow("cut in half") << "half" << -1;
        QTest::newRow("cut after ftyp") << "ftyp" << -1;
        QTest::newRow("boxes after ftyp overwritten") << "noise" << -1;
        QTest::newRow("an MP4, not HEIF") << "mp4" << int(ErrorCode::UnsupportedFormat);
        QTest::newRow("more pixels than allowed") << "limit" << int(ErrorCode::TooManyPixels);
    }
    void refusesBadFiles()
    {
        QFETCH(QString, damage);
        QFETCH(int, code);
        auto bytes = encode({false, false, 8, heif_orientation_normal, false, false, false, false});
        QVERIFY(!bytes.empty());
        clipflow::IntakeParams p;
        if (damage == QLatin1String("half")) bytes.resize(bytes.size() / 2);
        if (damage == QLatin1String("ftyp")) bytes.resize(bytes[3]); // the ftyp box alone
        if (damage == QLatin1String("noise"))
            for (std::size_t i = bytes[3] + 8u; i < bytes[3] + 72u && i < bytes.size(); ++i)
                bytes[i] = static_cast<std::uint8_t>(i * 131u);
        if (damage == QLatin1String("mp4")) {
            bytes = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1'};
            bytes.resize(64, 0);
        }
        if (damage == QLatin1String("limit")) p.max_pixels = 1000;
        auto ev = clipflow::decode_evidence(view(bytes), "bad", p);
        QVERIFY(!ev.ok());
        const auto got = ev.status().code();
        if (code < 0)
            QVERIFY2(got == ErrorCode::TruncatedData || got == ErrorCode::CorruptData, ev.status().to_string().c_str());
        else
            QCOMPARE(int(got), code);
        QVERIFY(!ev.status().message().empty());
    }
};

QTEST_GUILESS_MAIN(TestHeif)
#include "tst_heif.moc"
