// Intake in a child process (clipflow-intake) gives exactly what intake
// in this process gives: the same hash, metadata, provenance (C2PA with the
// caller's trust anchors), JPEG forensics and bit-identical pixels; its
// failures keep their codes; malformed replies are errors, never crashes. And
// analyse_evidence gives the same analysis either way.

#include "c2pawriter.h"

#include <clipflow/analysis.h>
#include <clipflow/isolatedintake.h>

#include <opencv2/imgcodecs.hpp>

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>

#include <sys/stat.h>

using namespace clipflow;

namespace {

QString fixture(const char* name)
{
    return QStringLiteral(CLIPFLOW_TEST_DATA "/formats/") + QLatin1String(name);
}

IntakeParams full_intake(const std::string& trust_pem = {})
{
    IntakeParams p;
    p.read_provenance = true;
    p.read_jpeg_forensics = true;
    p.provenance.c2pa.trust_anchors_pem = trust_pem;
    return p;
}

std::shared_ptr<IsolatedReader> make_reader()
{
    WorkerProcessParams w;
    w.argv = {CLIPFLOW_BIN_DIR "/clipflow-intake"};
    w.timeout_s = 60;
    w.startup_timeout_s = 30;
    return std::make_shared<IsolatedReader>(w);
}

// Every field, through the public JSON of each part and the raw structures.
void compare(const Evidence& a, const Evidence& b)
{
    QCOMPARE(b.info.sha256, a.info.sha256);
    QCOMPARE(b.info.file_size, a.info.file_size);
    QCOMPARE(b.info.format, a.info.format);
    QCOMPARE(b.info.width, a.info.width);
    QCOMPARE(b.info.height, a.info.height);
    QCOMPARE(b.info.source_channels, a.info.source_channels);
    QCOMPARE(b.info.bit_depth, a.info.bit_depth);
    QCOMPARE(b.info.colour_model, a.info.colour_model);
    QCOMPARE(b.info.has_alpha, a.info.has_alpha);
    QCOMPARE(b.info.exif_orientation, a.info.exif_orientation);
    QCOMPARE(b.info.frame_count_hint, a.info.frame_count_hint);
    QCOMPARE(b.info.lossy, a.info.lossy);
    QCOMPARE(b.metadata.size(), a.metadata.size());
    for (std::size_t i = 0; i < a.metadata.size(); ++i) {
        QCOMPARE(b.metadata[i].family, a.metadata[i].family);
        QCOMPARE(b.metadata[i].key, a.metadata[i].key);
        QCOMPARE(b.metadata[i].value, a.metadata[i].value);
        QCOMPARE(b.metadata[i].raw, a.metadata[i].raw);
    }
    QCOMPARE(b.metadata_error, a.metadata_error);
    QCOMPARE(b.provenance.has_value(), a.provenance.has_value());
    if (a.provenance) {
        QCOMPARE(b.provenance->to_json(), a.provenance->to_json());
        QCOMPARE(b.provenance->summary(), a.provenance->summary());
        QCOMPARE(b.provenance->chunks.size(), a.provenance->chunks.size());
        for (std::size_t i = 0; i < a.provenance->chunks.size(); ++i)
            QCOMPARE(b.provenance->chunks[i].text, a.provenance->chunks[i].text);
    }
    QCOMPARE(b.jpeg.has_value(), a.jpeg.has_value());
    if (a.jpeg) QCOMPARE(b.jpeg->to_json(), a.jpeg->to_json());
    QCOMPARE(b.jpeg_error, a.jpeg_error);
    QCOMPARE(b.pixels.width, a.pixels.width);
    QCOMPARE(b.pixels.height, a.pixels.height);
    QCOMPARE(b.pixels.channels, a.pixels.channels);
    QCOMPARE(b.pixels.data.size(), a.pixels.data.size());
    QVERIFY(std::memcmp(b.pixels.data.data(), a.pixels.data.data(), a.pixels.data.size() * sizeof(float)) == 0);
    QCOMPARE(b.picture.width, a.picture.width);
    QCOMPARE(b.picture.height, a.picture.height);
    QCOMPARE(b.picture.channels, a.picture.channels);
    QCOMPARE(b.picture.data, a.picture.data);
}

// A PNG signed with Content Credentials by a throw-away signer; returns its certificate (PEM).
std::string write_signed_png(const QString& path)
{
    const auto signer = c2patest::Signer::make("ClipFlow Test Lab");
    QFile f(fixture("rgb.png"));
    if (!f.open(QIODevice::ReadOnly)) return {};
    const QByteArray png = f.readAll();
    const auto file = c2patest::sign_png(c2patest::Bytes(png.begin(), png.end()), signer);
    if (!c2patest::write_file(path.toStdString(), file)) return {};
    return signer.cert_pem;
}

// A 16-bit grey PNG whose values are not on the 8-bit grid: its pixels must travel as floats.
bool write_deep_png(const QString& path)
{
    cv::Mat m(40, 50, CV_16UC1);
    for (int y = 0; y < m.rows; ++y)
        for (int x = 0; x < m.cols; ++x) m.at<std::uint16_t>(y, x) = static_cast<std::uint16_t>(1 + 1237 * x + 311 * y);
    return cv::imwrite(path.toStdString(), m);
}

std::span<const std::uint8_t> bytes_of(const std::string& s)
{
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

} // namespace

class TestIsolatedIntake : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameAsInProcess_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("eight_bit"); // pixels travel as 8-bit indices
        QTest::addColumn<bool>("keep_picture");
        QTest::addColumn<bool>("bytes"); // with keep_picture: decoded at 8 bits, so also Evidence::picture
        for (const bool keep : {false, true}) {
            auto row = [&](const char* name, const QString& file, bool eight, bool bytes) {
                QTest::addRow("%s%s", name, keep ? ", keep picture" : "") << file << eight << keep << (keep && bytes);
            };
            row("jpeg with EXIF", fixture("exif6.jpg"), true, true);
            row("rgb png", fixture("rgb.png"), true, true);
            row("16-bit grey tiff (8-bit values)", fixture("grey16.tif"), true, false);
            row("16-bit grey png (8-bit values)", fixture("grey16.png"), true, false);
            row("16-bit grey png", QStringLiteral("deep"), false, false);
            row("cmyk jpeg", fixture("cmyk.jpg"), true, true);
            row("palette gif", fixture("palette.gif"), true, true);
            row("rgba webp", fixture("rgba.webp"), true, true);
            row("lossy webp with alpha", fixture("lossy_alpha.webp"), true, true); // lossy must travel too
            row("grey jpeg", fixture("grey.jpg"), true, true);
            row("content credentials", QString(), true, true);
        }
    }
    void sameAsInProcess()
    {
        QFETCH(QString, file);
        QFETCH(bool, eight_bit);
        QFETCH(bool, keep_picture);
        QFETCH(bool, bytes);
        QTemporaryDir dir;
        std::string trust;
        if (file.isEmpty()) {
            file = dir.filePath(QStringLiteral("signed.png"));
            trust = write_signed_png(file);
            QVERIFY(!trust.empty());
        } else if (file == QLatin1String("deep")) {
            file = dir.filePath(QStringLiteral("deep.png"));
            QVERIFY(write_deep_png(file));
        }
        IntakeParams params = full_intake(trust);
        params.keep_picture = keep_picture;
        auto local = load_evidence(file.toStdString(), params);
        QVERIFY2(local, local ? "" : local.status().message().c_str());
        // The picture is the raster's exact values as bytes, or absent.
        QCOMPARE(!local->picture.empty(), bytes);
        if (bytes) {
            QCOMPARE(local->picture.data, to_picture(local->pixels).data);
            const Raster back = to_raster(local->picture);
            QCOMPARE(back.channels, local->pixels.channels);
            QVERIFY(back.data == local->pixels.data);
        }
        if (!trust.empty()) { // the anchors reached the child: its verdict is "trusted"
            QVERIFY(local->provenance && local->provenance->c2pa.active);
            QCOMPARE(local->provenance->c2pa.active->trust, C2paTrust::Trusted);
        }

        // The codec alone: the message is stable across a round trip, the pixels exact.
        const EncodedEvidence enc = encode_evidence_message(*local);
        QCOMPARE(enc.pixels.size(), eight_bit ? 1024 + local->pixels.data.size() : local->pixels.data.size() * sizeof(float));
        auto decoded = decode_evidence_message(bytes_of(enc.message), bytes_of(enc.pixels), keep_picture);
        QVERIFY2(decoded, decoded ? "" : decoded.status().message().c_str());
        compare(*local, *decoded);
        QCOMPARE(encode_evidence_message(*decoded).message, enc.message);

        // Through the child.
        auto reader = make_reader();
        auto remote = reader->read(file.toStdString(), params);
        QVERIFY2(remote, remote ? "" : remote.status().message().c_str());
        compare(*local, *remote);
        QCOMPARE(remote->info.path, file.toStdString());
        QCOMPARE(reader->started(), 1);
    }

    void failuresKeepTheirCodes_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("code");
        QTest::newRow("corrupt png") << fixture("corrupt.png") << int(ErrorCode::CorruptData);
        QTest::newRow("truncated jpeg") << fixture("truncated_scan.jpg") << -1; // whatever intake says
        QTest::newRow("not an image") << fixture("notanimage.png") << -1;
        QTest::newRow("bomb") << fixture("huge.png") << int(ErrorCode::TooManyPixels);
        QTest::newRow("missing") << QStringLiteral("/nonexistent/x.png") << int(ErrorCode::NotFound);
        QTest::newRow("empty") << fixture("empty.jpg") << int(ErrorCode::EmptyFile);
    }
    void failuresKeepTheirCodes()
    {
        QFETCH(QString, file);
        QFETCH(int, code);
        auto local = load_evidence(file.toStdString(), full_intake());
        QVERIFY(!local);
        if (code >= 0) QCOMPARE(int(local.status().code()), code);
        auto reader = make_reader();
        auto remote = reader->read(file.toStdString(), full_intake());
        QVERIFY(!remote);
        QCOMPARE(remote.status().code(), local.status().code());
        QCOMPARE(remote.status().message(), local.status().message());
        // The child is still the same one, ready for the next file.
        QVERIFY(reader->read(fixture("rgb.png").toStdString(), full_intake()));
        QCOMPARE(reader->started(), 1);
    }

    void malformedMessages_data()
    {
        QTest::addColumn<int>("damage");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("truncated message") << 0 << QStringLiteral("unreadable");
        QTest::newRow("pixels one byte short") << 1 << QStringLiteral("do not match");
        QTest::newRow("pixels one byte long") << 2 << QStringLiteral("do not match");
        QTest::newRow("another version") << 3 << QStringLiteral("version");
        QTest::newRow("wrong type") << 4 << QStringLiteral("unreadable");
        QTest::newRow("non-finite float pixel") << 5 << QStringLiteral("not finite");
        QTest::newRow("impossible grid") << 6 << QStringLiteral("size is invalid");
        QTest::newRow("enumeration out of range") << 7 << QStringLiteral("unreadable");
    }
    void malformedMessages()
    {
        QFETCH(int, damage);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString signed_png = dir.filePath(QStringLiteral("signed.png"));
        QVERIFY(!write_signed_png(signed_png).empty());
        const QString deep = dir.filePath(QStringLiteral("deep.png"));
        QVERIFY(write_deep_png(deep));
        auto ev = load_evidence((damage == 5 ? deep : signed_png).toStdString(), full_intake());
        QVERIFY(ev);
        EncodedEvidence enc = encode_evidence_message(*ev);
        auto edit = [&](auto change) {
            auto j = nlohmann::json::from_cbor(enc.message);
            change(j);
            const auto cbor = nlohmann::json::to_cbor(j);
            enc.message.assign(cbor.begin(), cbor.end());
        };
        switch (damage) {
        case 0: enc.message.resize(enc.message.size() / 2); break;
        case 1: enc.pixels.pop_back(); break;
        case 2: enc.pixels.push_back('\0'); break;
        case 3: edit([](auto& j) { j["v"] = 99; }); break;
        case 4: edit([](auto& j) { j["info"]["width"] = "wide"; }); break;
        case 5: {
            const float nan = std::numeric_limits<float>::quiet_NaN();
            std::memcpy(enc.pixels.data() + 4 * 7, &nan, sizeof nan);
            break;
        }
        case 6: edit([](auto& j) { j["pixels"]["channels"] = 2; }); break;
        case 7: edit([](auto& j) { j["provenance"]["c2pa"]["active"]["trust"] = 7; }); break;
        }
        auto decoded = decode_evidence_message(bytes_of(enc.message), bytes_of(enc.pixels));
        QVERIFY(!decoded);
        QCOMPARE(decoded.status().code(), ErrorCode::CorruptData);
        QVERIFY2(QString::fromStdString(decoded.status().message()).contains(mentions), decoded.status().message().c_str());
    }

    // Read-ahead: the child reads the next file while the caller works; a read of
    // that file collects it, a read of another drops it, and a file that hangs
    // while read ahead fails when it is collected, not before.
    void readAhead_data()
    {
        QTest::addColumn<QStringList>("order");  // each read names the next entry as its read-ahead
        QTest::addColumn<QStringList>("actual"); // what is read instead (empty: as announced)
        QTest::newRow("as announced") << QStringList{QStringLiteral("rgb.png"), QStringLiteral("exif6.jpg"),
                                                     QStringLiteral("grey.png")}
                                      << QStringList{};
        QTest::newRow("another file comes instead")
            << QStringList{QStringLiteral("rgb.png"), QStringLiteral("exif6.jpg"), QStringLiteral("grey.png")}
            << QStringList{QStringLiteral("rgb.png"), QStringLiteral("cmyk.jpg"), QStringLiteral("grey.png")};
        QTest::newRow("a failing file read ahead")
            << QStringList{QStringLiteral("rgb.png"), QStringLiteral("corrupt.png"), QStringLiteral("grey.png")} << QStringList{};
    }
    void readAhead()
    {
        QFETCH(QStringList, order);
        QFETCH(QStringList, actual);
        if (actual.isEmpty()) actual = order;
        auto reader = make_reader();
        for (int i = 0; i < order.size(); ++i) {
            const std::string file = fixture(actual[i].toLatin1().constData()).toStdString();
            const std::string next = i + 1 < order.size() ? fixture(order[i + 1].toLatin1().constData()).toStdString() : "";
            auto remote = reader->read(file, full_intake(), next);
            auto local = load_evidence(file, full_intake());
            QCOMPARE(bool(remote), bool(local));
            if (local)
                compare(*local, *remote);
            else
                QCOMPARE(remote.status().message(), local.status().message());
        }
        QCOMPARE(reader->started(), 1);
    }
    void readAheadOfAHangingFile()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("stuck.png")); // reading a FIFO nobody writes blocks
        QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
        WorkerProcessParams w;
        w.argv = {CLIPFLOW_BIN_DIR "/clipflow-intake"};
        w.timeout_s = 1;
        IsolatedReader reader(w);
        IntakeParams p = full_intake();
        QVERIFY(reader.read(fixture("rgb.png").toStdString(), p, fifo.toStdString()));
        QElapsedTimer t;
        t.start();
        auto stuck = reader.read(fifo.toStdString(), p);
        QVERIFY(!stuck);
        QVERIFY2(stuck.status().code() == ErrorCode::TimedOut || stuck.status().code() == ErrorCode::NotARegularFile,
                 stuck.status().message().c_str());
        QVERIFY(t.elapsed() < 10000);
        QVERIFY(reader.read(fixture("grey.png").toStdString(), p)); // a fresh child if the last was stopped
    }

    // A child that hangs or dies costs one file; the reader goes on with a fresh one.
    void childFailures()
    {
        WorkerProcessParams w;
        w.argv = {"/bin/sh", "-c", "echo ready; read l; kill -SEGV $$"};
        w.timeout_s = 5;
        IsolatedReader crashing(w);
        auto r = crashing.read(fixture("rgb.png").toStdString());
        QVERIFY(!r);
        QCOMPARE(r.status().code(), ErrorCode::WorkerCrashed);
        w.argv = {"/bin/sh", "-c", "echo ready; read l; echo '{\"message_bytes\": 10, \"pixel_bytes\": 0}'; sleep 30"};
        w.timeout_s = 0.5;
        IsolatedReader stalling(w); // announces bytes it never sends
        r = stalling.read(fixture("rgb.png").toStdString());
        QVERIFY(!r);
        QCOMPARE(r.status().code(), ErrorCode::TimedOut);
        w.argv = {"/bin/sh", "-c",
                  "echo ready; while read l; do echo '{\"message_bytes\": 99999999999999, \"pixel_bytes\": 0}'; done"};
        IsolatedReader boasting(w);
        r = boasting.read(fixture("rgb.png").toStdString());
        QVERIFY(!r);
        QCOMPARE(r.status().code(), ErrorCode::CorruptData);
    }

    void analysisSameEitherWay_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("ela");
        QTest::addColumn<QString>("uncalibrated"); // ScoreParams::uncalibrated_format the scorer is given
        QTest::newRow("jpeg") << fixture("exif6.jpg") << true << "";
        QTest::newRow("png") << fixture("rgb.png") << false << "";
        QTest::newRow("16-bit tiff") << fixture("grey16.tif") << false << "";
        QTest::newRow("16-bit png, float pixels") << QStringLiteral("deep") << false << "";
        QTest::newRow("lossy webp") << fixture("lossy_alpha.webp") << false << "lossy WebP";
        QTest::newRow("lossless webp") << fixture("rgba.webp") << false << "";
        QTest::newRow("gif") << fixture("palette.gif") << false << "palette-colour";
        QTest::newRow("palette png") << fixture("palette.png") << false << "palette-colour";
        QTest::newRow("cmyk jpeg") << fixture("cmyk.jpg") << true << "CMYK";
        QTest::newRow("cmyk tiff") << fixture("cmyk.tif") << false << "CMYK";
        QTest::newRow("grey jpeg") << fixture("grey.jpg") << true << "";
    }
    void analysisSameEitherWay()
    {
        QFETCH(QString, file);
        QFETCH(bool, ela);
        QFETCH(QString, uncalibrated);
        QTemporaryDir dir;
        if (file == QLatin1String("deep")) {
            file = dir.filePath(QStringLiteral("deep.png"));
            QVERIFY(write_deep_png(file));
        }
        AnalysisParams p;
        p.preview_max_side = 32;
        int scored = 0;
        p.score = [&](const Raster& image, const std::string& sha, const ScoreParams& kind) -> Result<DetectorSetScore> {
            ++scored;
            DetectorSetScore s;
            s.error = sha + " " + std::to_string(image.width) + (kind.delivered_copy ? " copy" : "") + kind.uncalibrated_format;
            return s;
        };
        auto local = analyse_evidence(file.toStdString(), p);
        QVERIFY2(local, local ? "" : local.status().message().c_str());
        p.reader = make_reader();
        auto remote = analyse_evidence(file.toStdString(), p);
        QVERIFY2(remote, remote ? "" : remote.status().message().c_str());
        QCOMPARE(scored, 2);
        for (const auto* a : {&*local, &*remote}) {
            QVERIFY(a->changed_during_analysis.empty());
            QVERIFY(a->scores);
            // A small JPEG is scored as a delivered copy (the fixture is 64 x 48), nothing else;
            // a lossy WebP or a palette image as a storage no calibration covers.
            QCOMPARE(a->scores->error,
                     a->info.sha256 + " " + std::to_string(a->info.width) + (ela ? " copy" : "") + uncalibrated.toStdString());
            QVERIFY(std::max(a->preview.width, a->preview.height) <= 32);
            QCOMPARE(!a->ela.empty(), ela);
            QVERIFY(a->spectrum);
            QVERIFY(a->timings.total > 0);
        }
        QCOMPARE(remote->info.sha256, local->info.sha256);
        QCOMPARE(remote->preview.data, local->preview.data);
        QCOMPARE(remote->ela.data, local->ela.data);
        QCOMPARE(remote->spectrum->peaks.size(), local->spectrum->peaks.size());
        QCOMPARE(remote->spectrum->image.radial_profile_db, local->spectrum->image.radial_profile_db);
        QCOMPARE(remote->spectrum->channels.size(), local->spectrum->channels.size());

        // Without the 8-bit picture (spectra, preview and ELA from the float raster): the same results.
        AnalysisParams f = p;
        f.reader = nullptr;
        f.intake.keep_picture = false;
        auto floats = analyse_evidence(file.toStdString(), f);
        QVERIFY2(floats, floats ? "" : floats.status().message().c_str());
        QCOMPARE(floats->preview.data, local->preview.data);
        QCOMPARE(floats->ela.data, local->ela.data);
        QCOMPARE(floats->spectrum->peaks.size(), local->spectrum->peaks.size());
        QCOMPARE(floats->spectrum->channels.size(), local->spectrum->channels.size());
        auto near = [](const std::vector<float>& a, const std::vector<float>& b) {
            if (a.size() != b.size() || a.empty()) return false;
            for (std::size_t i = 0; i < a.size(); ++i)
                if (std::abs(a[i] - b[i]) > 1e-3f) return false;
            return true;
        };
        QVERIFY(near(floats->spectrum->image.log_power_db, local->spectrum->image.log_power_db));
        QVERIFY(near(floats->spectrum->residual.log_power_db, local->spectrum->residual.log_power_db));
        for (std::size_t c = 0; c < local->spectrum->channels.size(); ++c)
            QVERIFY(near(floats->spectrum->channels[c].log_power_db, local->spectrum->channels[c].log_power_db));
    }

    void fileChangedDuringAnalysis()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.png"));
        QVERIFY(QFile::copy(fixture("rgb.png"), path));
        AnalysisParams p;
        p.spectrum = false;
        p.score = [&](const Raster&, const std::string&, const ScoreParams&) -> Result<DetectorSetScore> {
            QFile f(path); // someone writes to the evidence while it is analysed
            if (f.open(QIODevice::Append)) f.write("x");
            return DetectorSetScore{};
        };
        auto a = analyse_evidence(path.toStdString(), p);
        QVERIFY(a);
        QVERIFY2(QString::fromStdString(a->changed_during_analysis).startsWith(QStringLiteral("SHA-256 is now ")),
                 a->changed_during_analysis.c_str());
    }
};

QTEST_GUILESS_MAIN(TestIsolatedIntake)
#include "tst_isolatedintake.moc"
