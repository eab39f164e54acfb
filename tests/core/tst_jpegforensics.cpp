// JPEG forensics: IJG quality from the tables, the double-compression indicator
// on single and double saves, the EXIF thumbnail check on files built here, error
// level analysis, JPEG ghosts, the block grid, hostile bytes, and intake reading it from
// the same buffer.
#include "syntheticimages.h"

#include <clipflow/evidence.h>
#include <clipflow/jpegforensics.h>
#include <clipflow/laundering.h>

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

using namespace clipflow;
using testimages::pink_noise;
using Bytes = std::vector<std::uint8_t>;

namespace {

Bytes jpeg(const Raster& image, int quality)
{
    auto b = encode_image(image, ".jpg", quality);
    return b ? *b : Bytes{};
}

Raster decoded(const Bytes& b)
{
    auto ev = decode_evidence(b, "x.jpg");
    return ev ? ev->pixels : Raster{};
}

// `main` with an APP1 Exif segment whose IFD1 points at `thumb` (little-endian TIFF).
Bytes with_thumbnail(const Bytes& main, const Bytes& thumb, std::uint32_t offset_shift = 0)
{
    Bytes tiff{'I', 'I', 42, 0, 8, 0, 0, 0};
    auto u16 = [&](std::uint16_t v) { tiff.insert(tiff.end(), {std::uint8_t(v), std::uint8_t(v >> 8)}); };
    auto u32 = [&](std::uint32_t v) {
        for (int i = 0; i < 4; ++i) tiff.push_back(std::uint8_t(v >> (8 * i)));
    };
    u16(0);  // IFD0: no entries
    u32(14); // next: IFD1 at 14
    u16(2);
    const std::uint32_t data = 14 + 2 + 2 * 12 + 4;
    u16(0x0201), u16(4), u32(1), u32(data + offset_shift);
    u16(0x0202), u16(4), u32(1), u32(std::uint32_t(thumb.size()));
    u32(0);
    tiff.insert(tiff.end(), thumb.begin(), thumb.end());
    // Byte by byte: GCC 12 warns wrongly about range inserts into small vectors.
    const std::size_t len = 6 + tiff.size() + 2;
    Bytes out;
    out.reserve(len + main.size() + 4);
    for (int b : {0xFF, 0xD8, 0xFF, 0xE1, int(len >> 8) & 0xFF, int(len) & 0xFF, int('E'), int('x'), int('i'), int('f'), 0, 0})
        out.push_back(std::uint8_t(b));
    for (std::uint8_t b : tiff) out.push_back(b);
    for (std::size_t i = 2; i < main.size(); ++i) out.push_back(main[i]);
    return out;
}

Raster shrink(const Raster& image, int w, int h)
{
    // Box average: the thumbnail a camera would make.
    Raster r;
    r.width = w;
    r.height = h;
    r.channels = image.channels;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < image.channels; ++c) {
                double s = 0;
                int n = 0;
                for (int yy = y * image.height / h; yy < (y + 1) * image.height / h; ++yy)
                    for (int xx = x * image.width / w; xx < (x + 1) * image.width / w; ++xx, ++n) s += image.at(xx, yy, c);
                r.data.push_back(float(s / std::max(1, n)));
            }
    return r;
}

} // namespace

class TestJpegForensics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void ijgTables()
    {
        const auto q50 = ijg_table(50, false);
        QCOMPARE(int(q50[0]), 16); // Annex K as is
        QCOMPARE(int(q50[63]), 99);
        QCOMPARE(int(ijg_table(50, true)[0]), 17);
        for (auto v : ijg_table(100, false)) QCOMPARE(int(v), 1);
        QCOMPARE(int(ijg_table(1, false)[63]), 255); // clamped to baseline
        QCOMPARE(int(ijg_table(75, false)[0]), 8);
    }

    void quality_data()
    {
        QTest::addColumn<int>("quality");
        QTest::addColumn<int>("channels");
        QTest::newRow("q50 colour") << 50 << 3;
        QTest::newRow("q75 colour") << 75 << 3;
        QTest::newRow("q92 colour") << 92 << 3;
        QTest::newRow("q98 grey") << 98 << 1;
    }
    void quality()
    {
        QFETCH(int, quality);
        QFETCH(int, channels);
        const Bytes b = jpeg(pink_noise(320, 240, 3, channels), quality);
        auto j = analyse_jpeg(b);
        QVERIFY2(j.ok(), j.status().message().c_str());
        QCOMPARE(j->width, 320);
        QCOMPARE(j->height, 240);
        QCOMPARE(j->luma_quality, quality);
        QVERIFY(j->standard_tables);
        QCOMPARE(j->tables.front().fit_error, 0.0);
        QCOMPARE(QString::fromStdString(j->subsampling), channels == 1 ? QStringLiteral("grey") : QStringLiteral("4:2:0"));
        if (channels == 3) QCOMPARE(j->chroma_quality, quality);
        // A camera's own table is not IJG's: one value changed.
        Bytes edited = b;
        for (std::size_t i = 0; i + 5 < edited.size(); ++i)
            if (edited[i] == 0xFF && edited[i + 1] == 0xDB) {
                edited[i + 5 + 10] = std::uint8_t(edited[i + 5 + 10] + 3);
                break;
            }
        auto k = analyse_jpeg(edited);
        QVERIFY(k.ok());
        QVERIFY(!k->standard_tables);
        QVERIFY(std::abs(k->luma_quality - quality) <= 2);
        QVERIFY(k->tables.front().fit_error > 0);
        auto json = nlohmann::json::parse(j->to_json());
        QCOMPARE(json["luma_quality"].get<int>(), quality);
        QCOMPARE(json["tables"][0]["q"].size(), std::size_t(64));
    }

    // Saved once, or again with other tables: the histograms tell which.
    void doubleCompression_data()
    {
        QTest::addColumn<int>("first"); // 0: saved once
        QTest::addColumn<int>("second");
        QTest::addColumn<bool>("indicated");
        QTest::newRow("once at 90") << 0 << 90 << false;
        QTest::newRow("once at 75") << 0 << 75 << false;
        QTest::newRow("60 then 90") << 60 << 90 << true;
        QTest::newRow("50 then 85") << 50 << 85 << true;
        QTest::newRow("twice at 90 (same tables)") << 90 << 90 << false;
    }
    void doubleCompression()
    {
        QFETCH(int, first);
        QFETCH(int, second);
        QFETCH(bool, indicated);
        Raster image = pink_noise(640, 480, 8);
        if (first) image = decoded(jpeg(image, first));
        auto j = analyse_jpeg(jpeg(image, second));
        QVERIFY(j.ok());
        QVERIFY2(j->double_compression.tested, j->double_compression.note.c_str());
        QVERIFY(j->double_compression.modes_used > 0);
        QVERIFY2(j->double_compression.indicated == indicated,
                 qPrintable(QStringLiteral("score %1").arg(j->double_compression.score)));
    }

    void thumbnail_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("present");
        QTest::addColumn<bool>("matches");
        QTest::addColumn<QString>("note");
        QTest::newRow("the same picture") << "same" << true << true << "same picture";
        QTest::newRow("letterboxed, same picture") << "letterbox" << true << true << "same picture";
        QTest::newRow("another picture") << "other" << true << false << "does not match";
        QTest::newRow("the image was cropped since") << "cropped" << true << false << "another shape";
        QTest::newRow("not a JPEG") << "garbage" << true << true << "not a readable JPEG";
        QTest::newRow("offset past the end") << "outside" << false << true << "no EXIF thumbnail";
    }
    void thumbnail()
    {
        QFETCH(QString, kind);
        QFETCH(bool, present);
        QFETCH(bool, matches);
        QFETCH(QString, note);
        const Raster scene = pink_noise(640, 480, 21), other = pink_noise(640, 480, 22);
        const Raster picture = kind == QLatin1String("cropped") ? crop(scene, 0, 0, 480, 480) : scene;
        Raster t = shrink(kind == QLatin1String("other") ? other : scene, 160, 120);
        if (kind == QLatin1String("letterbox")) {
            // 640 x 480 in a 160 x 160 box: black bands above and below.
            Raster box;
            box.width = box.height = 160;
            box.channels = 3;
            box.data.assign(160 * 160 * 3, 0.0f);
            for (int y = 0; y < 120; ++y)
                for (int x = 0; x < 160; ++x)
                    for (int c = 0; c < 3; ++c)
                        box.data[(std::size_t(y + 20) * 160 + std::size_t(x)) * 3 + std::size_t(c)] = t.at(x, y, c);
            t = box;
        }
        Bytes thumb = kind == QLatin1String("garbage") ? Bytes{0xFF, 0xD8, 1, 2, 3, 4, 5} : jpeg(t, 85);
        const Bytes file = with_thumbnail(jpeg(picture, 92), thumb, kind == QLatin1String("outside") ? 100000 : 0);
        const Raster pixels = decoded(file);
        QVERIFY(!pixels.empty());
        auto j = analyse_jpeg(file, &pixels);
        QVERIFY2(j.ok(), j.status().message().c_str());
        QCOMPARE(j->thumbnail.present, present);
        QCOMPARE(j->thumbnail.matches, matches);
        QVERIFY2(QString::fromStdString(j->thumbnail.note).contains(note), j->thumbnail.note.c_str());
        if (kind == QLatin1String("same")) {
            QCOMPARE(j->thumbnail.width, 160);
            QVERIFY(j->thumbnail.difference < 8.0);
        }
    }

    void hostileBytes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code"); // 0: reads, with warnings
        QTest::newRow("empty") << QByteArray() << int(ErrorCode::UnsupportedFormat);
        QTest::newRow("PNG signature") << QByteArray("\x89PNG\r\n\x1a\n", 8) << int(ErrorCode::UnsupportedFormat);
        QTest::newRow("SOI only") << QByteArray("\xFF\xD8", 2) << int(ErrorCode::UnsupportedFormat);
        QTest::newRow("segment past the end") << QByteArray("\xFF\xD8\xFF\xE0\x40\x00JFIF", 10) << int(ErrorCode::CorruptData);
        QTest::newRow("no marker") << QByteArray("\xFF\xD8\x00\x00\x00\x00", 6) << int(ErrorCode::CorruptData);
        QTest::newRow("bad table class") << QByteArray("\xFF\xD8\xFF\xDB\x00\x43\x57", 7) + QByteArray(64, 1)
                                         << int(ErrorCode::CorruptData);
    }
    void hostileBytes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        auto j = analyse_jpeg(std::span(reinterpret_cast<const std::uint8_t*>(bytes.constData()), std::size_t(bytes.size())));
        QVERIFY(!j.ok());
        QCOMPARE(int(j.status().code()), code);
    }

    // A file cut inside its entropy-coded data keeps its tables; the histograms are skipped or partial.
    void truncatedScan()
    {
        Bytes b = jpeg(pink_noise(640, 480, 4), 80);
        b.resize(b.size() / 2);
        auto j = analyse_jpeg(b);
        QVERIFY(j.ok());
        QCOMPARE(j->luma_quality, 80);
        QVERIFY(!j->warnings.empty());
    }

    // A region saved as JPEG once less than the rest has higher error levels.
    void errorLevels()
    {
        const Raster base = decoded(jpeg(pink_noise(256, 256, 9), 90));
        Raster image = base;
        const Raster fresh = pink_noise(256, 256, 10); // never compressed
        for (int y = 64; y < 192; ++y)
            for (int x = 64; x < 192; ++x)
                for (int c = 0; c < 3; ++c)
                    image.data[(std::size_t(y) * 256 + std::size_t(x)) * 3 + std::size_t(c)] = fresh.at(x, y, c);
        auto ela = error_level_analysis(image, 90);
        QVERIFY(ela.ok());
        QCOMPARE(ela->width, 256);
        auto mean = [&](int x0, int y0) {
            double s = 0;
            for (int y = y0; y < y0 + 48; ++y)
                for (int x = x0; x < x0 + 48; ++x) s += ela->at(x, y, 1);
            return s / (48 * 48);
        };
        QVERIFY2(mean(104, 104) > 1.5 * mean(8, 8), qPrintable(QStringLiteral("%1 vs %2").arg(mean(104, 104)).arg(mean(8, 8))));
        QVERIFY(!error_level_analysis(image, 0).ok());
        QVERIFY(!error_level_analysis(Raster{}, 90).ok());
    }

    // Re-saved in strips on several threads, the error levels are the whole image's, byte for
    // byte: at strip edges that are off the 16-row MCU grid, or without the MCU row of context
    // the decoder's chroma upsampling reads, rows near the edges come out otherwise.
    void stripsMatchWhole_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("threads");
        QTest::newRow("two strips") << 320 << 640 << 3 << 2;
        QTest::newRow("two strips, halfway off the MCU grid") << 320 << 600 << 3 << 2;
        QTest::newRow("three strips, odd sizes") << 333 << 797 << 3 << 3;
        QTest::newRow("four strips, last one short") << 250 << 1031 << 3 << 4;
        QTest::newRow("grey, two strips") << 301 << 555 << 1 << 2;
        QTest::newRow("too few rows for a second strip") << 400 << 300 << 3 << 4;
    }
    void stripsMatchWhole()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, channels);
        QFETCH(int, threads);
        // Scenes with sharp colour edges, which chroma upsampling carries across MCU rows.
        Raster image = pink_noise(width, height, 11, 3);
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                if (((x / 7) + (y / 5)) % 3 == 0) image.data[(std::size_t(y) * std::size_t(width) + std::size_t(x)) * 3] = 1.0f;
        if (channels == 1) image = luminance(image);
        const Picture eight = to_picture(image);
        // Gain 1: the raw differences, none saturated, so that any change shows.
        auto whole = error_level_picture(eight, 0, 90, 1.0, 1);
        auto strips = error_level_picture(eight, 0, 90, 1.0, threads);
        QVERIFY(whole.ok() && strips.ok());
        QCOMPARE(strips->width, width);
        QCOMPARE(strips->height, height);
        QCOMPARE(strips->channels, channels);
        long differing = 0;
        for (std::size_t i = 0; i < whole->data.size(); ++i) differing += whole->data[i] != strips->data[i];
        QCOMPARE(differing, 0L);
        QVERIFY(std::any_of(strips->data.begin(), strips->data.end(), [](std::uint8_t v) { return v > 0; }));
    }

    // The display version (8 bits, area-averaged) is the full-size analysis made small.
    void scaledErrorLevels_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("max_side");
        QTest::newRow("full size") << 256 << 192 << 3 << 0;
        QTest::newRow("halved") << 256 << 192 << 3 << 128;
        QTest::newRow("quarter, grey") << 512 << 256 << 1 << 128;
        QTest::newRow("smaller than the limit") << 100 << 80 << 3 << 1024;
    }
    void scaledErrorLevels()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, channels);
        QFETCH(int, max_side);
        Raster image = decoded(jpeg(pink_noise(width, height, 4), 85));
        if (channels == 1) image = luminance(image);
        auto full = error_level_analysis(image, 90);
        const Picture eight = to_picture(image);
        auto small = error_level_picture(eight, max_side, 90);
        QVERIFY(eight.data == to_picture(image).data); // the input is left as it was
        QVERIFY(full.ok() && small.ok());
        const int longer = std::max(width, height);
        const int side = max_side > 0 && longer > max_side ? max_side : longer;
        QCOMPARE(std::max(small->width, small->height), side);
        QCOMPARE(small->channels, channels);
        const int f = longer / side; // whole factors here: each output pixel is an f x f block's mean
        double worst = 0, sum = 0;
        for (int y = 0; y < small->height; ++y)
            for (int x = 0; x < small->width; ++x)
                for (int c = 0; c < channels; ++c) {
                    double m = 0;
                    for (int j = 0; j < f; ++j)
                        for (int i = 0; i < f; ++i) m += full->at(x * f + i, y * f + j, c);
                    m /= f * f;
                    const double v =
                        small->data[(std::size_t(y) * std::size_t(small->width) + std::size_t(x)) * std::size_t(channels) +
                                    std::size_t(c)] /
                        255.0;
                    worst = std::max(worst, std::abs(m - v));
                    sum += v;
                }
        QVERIFY2(worst <= 1.0 / 255 + 1e-6, qPrintable(QString::number(worst)));
        QVERIFY(sum > 0); // not all black
        QVERIFY(!error_level_picture(to_picture(image), 64, 0).ok());
        QVERIFY(!error_level_picture(Picture{}, 64).ok());
    }

    // JPEG ghosts: a square first saved at a lower quality than the rest, pasted on the 8 x 8
    // grid, then the whole saved again, is far darker than the rest in the map of its first
    // quality, its darkest below the last; the rest is darkest at its own last quality.
    // Pasted off the grid, the square leaves no ghost (its coefficients are no longer on the
    // first quality's grid) -- unless the re-saves are made on the square's own grid.
    void ghostsFindTheEarlierQuality_data()
    {
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("last");
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("offset"); // of the pasted square from the 8 x 8 grid
        QTest::addColumn<int>("grid");   // where the re-saves put theirs (both ways)
        QTest::addColumn<bool>("ghost");
        QTest::newRow("60 then 90") << 60 << 90 << 3 << 0 << 0 << true;
        QTest::newRow("70 then 95") << 70 << 95 << 3 << 0 << 0 << true;
        QTest::newRow("grey, 55 then 85") << 55 << 85 << 1 << 0 << 0 << true;
        QTest::newRow("60 then 90, pasted off the grid") << 60 << 90 << 3 << 3 << 0 << false;
        // Cut 3 pixels past its grid, the square's grid lies 5 pixels past the image's.
        QTest::newRow("60 then 90, off the grid, re-saved on its grid") << 60 << 90 << 3 << 3 << 5 << true;
        QTest::newRow("grey, 55 then 85, off the grid, re-saved on its grid") << 55 << 85 << 1 << 3 << 5 << true;
        QTest::newRow("60 then 90, off the grid, re-saved on another") << 60 << 90 << 3 << 3 << 2 << false;
    }
    void ghostsFindTheEarlierQuality()
    {
        QFETCH(int, first);
        QFETCH(int, last);
        QFETCH(int, channels);
        QFETCH(int, offset);
        QFETCH(int, grid);
        QFETCH(bool, ghost);
        constexpr int kW = 384, kH = 256, kX = 128, kY = 64, kSide = 128;
        Raster scene = pink_noise(kW, kH, 21);
        if (channels == 1) scene = luminance(scene);
        // The square as the first save left it, cut from that save at the grid position
        // (plus the offset) and pasted at the grid position: off the grid when offset != 0.
        const Raster early = decoded(jpeg(scene, first));
        QCOMPARE(early.channels, channels);
        Raster spliced = scene;
        for (int y = 0; y < kSide; ++y)
            for (int x = 0; x < kSide; ++x)
                for (int c = 0; c < channels; ++c)
                    spliced.data[(std::size_t(kY + y) * kW + std::size_t(kX + x)) * std::size_t(channels) + std::size_t(c)] =
                        early.at(kX + x + offset, kY + y + offset, c);
        const Picture image = to_picture(decoded(jpeg(spliced, last)));
        JpegGhostParams params;
        params.max_side = 0;
        params.grid_x = params.grid_y = grid;
        auto g = jpeg_ghosts(image, params);
        QVERIFY2(g.ok(), g ? "" : g.status().message().c_str());
        QCOMPARE(g->qualities.front(), 50);
        QCOMPARE(g->qualities.back(), 95);
        QCOMPARE(g->maps.size(), g->qualities.size());
        QCOMPARE(g->mean_difference.size(), g->qualities.size());
        QCOMPARE(g->maps.front().width, kW);
        QCOMPARE(g->maps.front().channels, 1);
        QCOMPARE(g->grid_x, grid); // the sheet's labels say which grid ("JPEG 60 (5,5)")
        QCOMPARE(g->grid_y, grid);
        auto mean = [&](std::size_t k, bool inside) { // a margin of one window around the square's edge left out
            double s = 0;
            long n = 0;
            const Picture& m = g->maps[k];
            for (int y = 0; y < kH; ++y)
                for (int x = 0; x < kW; ++x) {
                    const bool in = x >= kX + 16 && x < kX + kSide - 16 && y >= kY + 16 && y < kY + kSide - 16;
                    const bool out = x < kX - 16 || x >= kX + kSide + 16 || y < kY - 16 || y >= kY + kSide + 16;
                    if (inside ? in : out) {
                        s += m.data[std::size_t(y) * kW + std::size_t(x)];
                        ++n;
                    }
                }
            return s / double(n);
        };
        auto index = [&](int q) {
            return std::size_t(std::find(g->qualities.begin(), g->qualities.end(), q) - g->qualities.begin());
        };
        // The square changes little at its last quality too (as the rest does): its ghost is
        // the darkest map below that quality.
        std::size_t darkest_in = 0, darkest_out = 0;
        for (std::size_t k = 0; k < g->maps.size(); ++k) {
            if (g->qualities[k] < last && mean(k, true) < mean(darkest_in, true)) darkest_in = k;
            if (mean(k, false) < mean(darkest_out, false)) darkest_out = k;
        }
        if (grid == 0) QCOMPARE(g->qualities[darkest_out], last); // the rest: where it was saved last
        const QString figures = QStringLiteral("square %1, rest %2 at JPEG %3")
                                    .arg(mean(index(first), true))
                                    .arg(mean(index(first), false))
                                    .arg(first);
        if (ghost && grid == 0) {
            QCOMPARE(g->qualities[darkest_in], first);
            QVERIFY2(mean(index(first), true) < 0.5 * mean(index(first), false), qPrintable(figures));
        } else if (ghost) {
            // Re-saved off the image's grid, every window changes least at the highest quality
            // (the last save's blocks are cut anew); the square's ghost is a dip at its first.
            const double before = mean(index(first) - 1, true), after = mean(index(first) + 1, true);
            QVERIFY2(mean(index(first), true) < 0.65 * mean(index(first), false), qPrintable(figures));
            QVERIFY2(mean(index(first), true) < 0.7 * std::min(before, after),
                     qPrintable(figures + QStringLiteral("; square %1 and %2 beside").arg(before).arg(after)));
        } else {
            QVERIFY2(mean(index(first), true) > 0.8 * mean(index(first), false), qPrintable(figures));
        }
        const Picture sheet = jpeg_ghost_sheet(*g); // ten maps: two rows of five, each labelled above
        constexpr int kLabel = kW / 8;              // labels grow with the maps
        QCOMPARE(sheet.width, 5 * (kW + 8) + 8);
        QCOMPARE(sheet.height, 2 * (kH + kLabel + 8) + 8);
        QCOMPARE(sheet.data[std::size_t(8 + kLabel) * std::size_t(sheet.width) + 8], g->maps.front().data.front());
        // Each label is written in its band above the map.
        auto dark_in_rows = [&](int y0, int y1) {
            int n = 0;
            for (int y = y0; y < y1; ++y)
                for (int x = 8; x < 8 + kW; ++x)
                    n += sheet.data[std::size_t(y) * std::size_t(sheet.width) + std::size_t(x)] < 128;
            return n;
        };
        QVERIFY(dark_in_rows(8, 8 + kLabel) > 50);
    }

    // The qualities are re-saved on several threads: the maps and figures are the same, byte
    // for byte, however many; an abort asked partway stops every worker.
    void ghostsAnyThreads_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("abort_after"); // qualities begun before the abort says yes (-1: never)
        QTest::addColumn<int>("budget");      // workers the memory budget has room for (0: the default budget)
        QTest::newRow("two threads") << 2 << 3 << -1 << 0;
        QTest::newRow("three threads, grey") << 3 << 1 << -1 << 0;
        QTest::newRow("as many as the machine has") << 0 << 3 << -1 << 0;
        QTest::newRow("more threads than qualities") << 16 << 3 << -1 << 0;
        QTest::newRow("two threads, aborted after three") << 2 << 3 << 3 << 0;
        QTest::newRow("one thread, aborted after three") << 1 << 3 << 3 << 0;
        QTest::newRow("four threads, memory for one") << 4 << 3 << -1 << 1;
        QTest::newRow("four threads, memory for two") << 4 << 3 << -1 << 2;
    }
    void ghostsAnyThreads()
    {
        QFETCH(int, threads);
        QFETCH(int, channels);
        QFETCH(int, abort_after);
        QFETCH(int, budget);
        Raster scene = pink_noise(300, 520, 5); // taller than wide: rows and columns kept apart
        if (channels == 1) scene = luminance(scene);
        const Picture image = to_picture(decoded(jpeg(scene, 80)));
        JpegGhostParams one;
        one.threads = 1;
        one.max_side = 256;
        auto reference = jpeg_ghosts(image, one);
        QVERIFY(reference.ok());
        JpegGhostParams p = one;
        p.threads = threads;
        if (budget > 0) p.memory_budget = std::size_t(budget) * 14 * 300 * 520 + 1000;
        // The abort is asked before each quality on the thread that re-saves it: which threads worked.
        std::atomic<int> asked{0};
        std::mutex lock;
        std::set<std::thread::id> workers;
        p.abort = [&] {
            const std::lock_guard hold(lock);
            workers.insert(std::this_thread::get_id());
            return abort_after >= 0 && asked.fetch_add(1) >= abort_after;
        };
        auto g = jpeg_ghosts(image, p);
        if (budget > 0) QVERIFY2(int(workers.size()) <= budget, qPrintable(QString::number(workers.size())));
        if (budget == 1) QCOMPARE(workers.size(), std::size_t(1));
        if (abort_after >= 0) {
            QVERIFY(!g.ok());
            QCOMPARE(g.status().code(), ErrorCode::Aborted);
            QVERIFY2(asked.load() <= abort_after + std::max(threads, 1), qPrintable(QString::number(asked.load())));
            return;
        }
        QVERIFY(g.ok());
        QCOMPARE(g->qualities, reference->qualities);
        QCOMPARE(g->mean_difference, reference->mean_difference);
        QCOMPARE(g->maps.size(), reference->maps.size());
        for (std::size_t k = 0; k < g->maps.size(); ++k) {
            QCOMPARE(g->maps[k].height, 256);
            QVERIFY2(g->maps[k].data == reference->maps[k].data, qPrintable(QStringLiteral("map %1").arg(k)));
        }
    }

    void ghostsRefuse_data()
    {
        QTest::addColumn<int>("qmin");
        QTest::addColumn<int>("qmax");
        QTest::addColumn<int>("step");
        QTest::addColumn<int>("window");
        QTest::addColumn<bool>("empty");
        QTest::addColumn<bool>("abort");
        QTest::addColumn<int>("grid_x");
        QTest::addColumn<int>("grid_y");
        QTest::newRow("empty image") << 50 << 95 << 5 << 16 << true << false << 0 << 0;
        QTest::newRow("quality 0") << 0 << 95 << 5 << 16 << false << false << 0 << 0;
        QTest::newRow("quality 101") << 50 << 101 << 5 << 16 << false << false << 0 << 0;
        QTest::newRow("downwards") << 90 << 60 << 5 << 16 << false << false << 0 << 0;
        QTest::newRow("step 0") << 50 << 95 << 0 << 16 << false << false << 0 << 0;
        QTest::newRow("window 0") << 50 << 95 << 5 << 0 << false << false << 0 << 0;
        QTest::newRow("window 257") << 50 << 95 << 5 << 257 << false << false << 0 << 0;
        QTest::newRow("grid 8 across") << 50 << 95 << 5 << 16 << false << false << 8 << 0;
        QTest::newRow("grid -1 down") << 50 << 95 << 5 << 16 << false << false << 0 << -1;
        QTest::newRow("aborted") << 50 << 95 << 5 << 16 << false << true << 0 << 0;
    }
    void ghostsRefuse()
    {
        QFETCH(int, qmin);
        QFETCH(int, qmax);
        QFETCH(int, step);
        QFETCH(int, window);
        QFETCH(bool, empty);
        QFETCH(bool, abort);
        QFETCH(int, grid_x);
        QFETCH(int, grid_y);
        JpegGhostParams p;
        p.grid_x = grid_x;
        p.grid_y = grid_y;
        p.quality_min = qmin;
        p.quality_max = qmax;
        p.quality_step = step;
        p.window = window;
        if (abort) p.abort = [] { return true; };
        auto g = jpeg_ghosts(empty ? Picture{} : to_picture(pink_noise(64, 48, 2)), p);
        QVERIFY(!g.ok());
        QCOMPARE(g.status().code(), abort ? ErrorCode::Aborted : ErrorCode::InvalidArgument);
        p = JpegGhostParams{};
        p.quality_min = p.quality_max = 75; // one quality: every window is flat across it, white
        auto one = jpeg_ghosts(to_picture(pink_noise(64, 48, 2)), p);
        QVERIFY(one.ok());
        QCOMPARE(one->maps.size(), std::size_t(1));
        QVERIFY(std::all_of(one->maps[0].data.begin(), one->maps[0].data.end(), [](std::uint8_t v) { return v == 255; }));
    }

    // The block grid: found where a JPEG save put it (off the corner after a crop and a finer
    // save), not in pixels never saved so or enlarged 2x (every second offset alike).
    void blockGrid_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<bool>("found");
        QTest::addColumn<int>("grid_x");
        QTest::addColumn<int>("grid_y");
        QTest::newRow("JPEG 75") << "jpeg" << true << 0 << 0;
        QTest::newRow("grey JPEG 60") << "grey" << true << 0 << 0;
        QTest::newRow("JPEG 95") << "fine" << true << 0 << 0;
        QTest::newRow("JPEG 75, 3 columns and 5 rows cut off") << "cropped" << true << 5 << 3;
        QTest::newRow("JPEG 75, cut so, saved again at 100") << "cropped, 100" << true << 5 << 3;
        QTest::newRow("never saved as JPEG") << "png" << false << 0 << 0;
        QTest::newRow("never saved as JPEG, enlarged 2x") << "enlarged" << false << 0 << 0;
    }
    void blockGrid()
    {
        QFETCH(QString, how);
        QFETCH(bool, found);
        QFETCH(int, grid_x);
        QFETCH(int, grid_y);
        constexpr int kW = 384, kH = 256;
        const Raster scene = pink_noise(kW, kH, 21);
        Raster image;
        if (how == QLatin1String("jpeg")) {
            image = decoded(jpeg(scene, 75));
        } else if (how == QLatin1String("grey")) {
            image = decoded(jpeg(luminance(scene), 60));
        } else if (how == QLatin1String("fine")) {
            image = decoded(jpeg(scene, 95));
        } else if (how.startsWith(QLatin1String("cropped"))) {
            const Raster whole = decoded(jpeg(scene, 75));
            image.width = kW - 3, image.height = kH - 5, image.channels = 3;
            for (int y = 5; y < kH; ++y)
                for (int x = 3; x < kW; ++x)
                    for (int c = 0; c < 3; ++c) image.data.push_back(whole.at(x, y, c));
            if (how.endsWith(QLatin1String("100"))) image = decoded(jpeg(image, 100));
        } else if (how == QLatin1String("png")) {
            image = scene;
        } else {
            auto big = resize_shorter_side(pink_noise(kW / 2, kH / 2, 21), kH);
            QVERIFY(big.ok());
            image = *big;
        }
        QVERIFY(!image.data.empty());
        auto g = jpeg_block_grid(to_picture(image));
        QVERIFY2(g.ok(), g ? "" : g.status().message().c_str());
        const QString figures = QStringLiteral("grid (%1,%2), z %3 / %4: %5")
                                    .arg(g->grid_x)
                                    .arg(g->grid_y)
                                    .arg(g->z_x)
                                    .arg(g->z_y)
                                    .arg(QString::fromStdString(g->note));
        QVERIFY2(g->found == found, qPrintable(figures));
        if (found) {
            QVERIFY2(g->grid_x == grid_x && g->grid_y == grid_y, qPrintable(figures));
            QVERIFY2(std::min(g->z_x, g->z_y) >= 5.0, qPrintable(figures));
        } else {
            QVERIFY2(std::max(g->z_x, g->z_y) < 2.0, qPrintable(figures)); // not near the bound either
            QCOMPARE(g->grid_x, 0);
        }
        const auto j = nlohmann::json::parse(g->to_json());
        QCOMPARE(j.at("found").get<bool>(), found);
        QCOMPARE(j.at("grid").at(0).get<int>(), g->grid_x);
        QCOMPARE(j.at("grid").at(1).get<int>(), g->grid_y);
    }

    void blockGridRefuses_data()
    {
        QTest::addColumn<bool>("empty");
        QTest::addColumn<bool>("abort");
        QTest::newRow("empty picture") << true << false;
        QTest::newRow("aborted") << false << true;
    }
    void blockGridRefuses()
    {
        QFETCH(bool, empty);
        QFETCH(bool, abort);
        JpegGridParams p;
        if (abort) p.abort = [] { return true; };
        auto g = jpeg_block_grid(empty ? Picture{} : to_picture(pink_noise(64, 48, 2)), p);
        QVERIFY(!g.ok());
        QCOMPARE(g.status().code(), abort ? ErrorCode::Aborted : ErrorCode::InvalidArgument);
        // A picture too small to cut into segments answers, with nothing found.
        for (const auto& [w, h] : {std::pair{3, 2}, std::pair{7, 40}, std::pair{40, 7}}) {
            auto tiny = jpeg_block_grid(to_picture(pink_noise(w, h, 2)));
            QVERIFY(tiny.ok());
            QVERIFY(!tiny->found);
        }
    }

    void intakeReadsItFromTheSameBytes()
    {
        IntakeParams p;
        p.read_jpeg_forensics = true;
        auto j = decode_evidence(jpeg(pink_noise(200, 100, 2), 70), "a.jpg", p);
        QVERIFY(j.ok());
        QVERIFY(j->jpeg.has_value());
        QCOMPARE(j->jpeg->luma_quality, 70);
        auto png = encode_image(pink_noise(200, 100, 2), ".png");
        QVERIFY(png.ok());
        auto n = decode_evidence(*png, "a.png", p);
        QVERIFY(n.ok());
        QVERIFY(!n->jpeg.has_value());
        auto off = decode_evidence(jpeg(pink_noise(200, 100, 2), 70), "a.jpg");
        QVERIFY(!off->jpeg.has_value()); // only when asked
    }
};

QTEST_GUILESS_MAIN(TestJpegForensics)
#include "tst_jpegforensics.moc"
