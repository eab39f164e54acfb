// Laundering and evaluation crops: the centre crop takes exactly the centred
// window, pixel for pixel, and keeps images smaller than the window whole
// along their short sides; laundering changes size and leaves JPEG traces.

#include "syntheticimages.h"

#include <clipflow/laundering.h>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

using clipflow::Raster;

namespace {

Raster blank(int w, int h, int channels)
{
    Raster r;
    r.width = w;
    r.height = h;
    r.channels = channels;
    r.data.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * static_cast<std::size_t>(channels));
    return r;
}

// Every pixel and channel holds a value that encodes its position.
Raster ramp(int w, int h, int channels)
{
    Raster r = blank(w, h, channels);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < channels; ++c)
                r.data[(static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)) *
                           static_cast<std::size_t>(channels) +
                       static_cast<std::size_t>(c)] = static_cast<float>((y * 1000 + x) * 4 + c) / 4.0e6f;
    return r;
}

// A smooth colour field with fine texture: many distinct colours, as a photo has.
Raster photo_like(int w, int h, int channels)
{
    Raster r = blank(w, h, channels);
    std::size_t i = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < channels; ++c)
                r.data[i++] = std::clamp(0.5f +
                                             0.35f * std::sin(0.031f * static_cast<float>(x + 7 * c)) *
                                                 std::cos(0.023f * static_cast<float>(y - 5 * c)) +
                                             0.04f * std::sin(1.7f * static_cast<float>(x * (c + 1) + 3 * y)),
                                         0.0f, 1.0f);
    return r;
}

// The distinct 8-bit colours of a raster.
std::set<std::vector<int>> colours_of(const Raster& r)
{
    std::set<std::vector<int>> out;
    for (std::size_t i = 0; i < r.pixel_count(); ++i) {
        std::vector<int> v;
        for (int c = 0; c < r.channels; ++c)
            v.push_back(static_cast<int>(
                std::lround(r.data[i * static_cast<std::size_t>(r.channels) + static_cast<std::size_t>(c)] * 255.0f)));
        out.insert(v);
    }
    return out;
}

// Mean absolute difference (in 8-bit levels) between the b x b block means of two rasters.
double block_mean_error(const Raster& a, const Raster& b, int block)
{
    double err = 0;
    int n = 0;
    for (int y0 = 0; y0 + block <= a.height; y0 += block)
        for (int x0 = 0; x0 + block <= a.width; x0 += block)
            for (int c = 0; c < a.channels; ++c) {
                double sa = 0, sb = 0;
                for (int y = y0; y < y0 + block; ++y)
                    for (int x = x0; x < x0 + block; ++x) {
                        sa += a.at(x, y, c);
                        sb += b.at(x, y, c);
                    }
                err += std::abs(sa - sb) / (block * block) * 255.0;
                ++n;
            }
    return err / n;
}

double psnr(const Raster& a, const Raster& b)
{
    double se = 0;
    for (std::size_t i = 0; i < a.data.size(); ++i) se += (a.data[i] - b.data[i]) * (a.data[i] - b.data[i]);
    return 10.0 * std::log10(static_cast<double>(a.data.size()) / std::max(se, 1e-12));
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
                for (int c = 0; c < channels; ++c) QCOMPARE(out->at(x, y, c), in.at(x0 + x, y0 + y, c));
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

    // A palette holds at most the asked number of colours; an image that already
    // has fewer keeps every pixel; dithering keeps local means where a plain
    // mapping bands them.
    void paletteQuantize_data()
    {
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("colours");
        QTest::addColumn<bool>("dither");
        QTest::newRow("rgb 256") << 3 << 256 << false;
        QTest::newRow("rgb 256 dithered") << 3 << 256 << true;
        QTest::newRow("rgb 32") << 3 << 32 << false;
        QTest::newRow("rgb 32 dithered") << 3 << 32 << true;
        QTest::newRow("grey 16") << 1 << 16 << false;
        QTest::newRow("grey 16 dithered") << 1 << 16 << true;
    }
    void paletteQuantize()
    {
        QFETCH(int, channels);
        QFETCH(int, colours);
        QFETCH(bool, dither);
        const Raster in = photo_like(160, 120, channels);
        QVERIFY(colours_of(in).size() > static_cast<std::size_t>(colours));
        auto q = clipflow::palette_quantize(in, colours, dither);
        QVERIFY2(q.ok(), q.status().message().c_str());
        QCOMPARE(q->width, in.width);
        QCOMPARE(q->height, in.height);
        QCOMPARE(q->channels, channels);
        const auto used = colours_of(*q);
        QVERIFY2(used.size() <= static_cast<std::size_t>(colours), std::to_string(used.size()).c_str());
        QVERIFY(used.size() >= static_cast<std::size_t>(colours) / 2); // the palette is used, not collapsed
        // Median cut follows the pixels: close to them everywhere.
        QVERIFY2(psnr(in, *q) > (colours >= 256 ? 30.0 : 18.0), std::to_string(psnr(in, *q)).c_str());
        auto other = clipflow::palette_quantize(in, colours, !dither);
        QVERIFY(other.ok());
        QVERIFY(other->data != q->data);
        // Error diffusion keeps 4 x 4 means closer to the image's than the plain mapping does.
        const double mine = block_mean_error(in, *q, 4), theirs = block_mean_error(in, *other, 4);
        QVERIFY2(dither ? mine < theirs : mine > theirs, (std::to_string(mine) + " vs " + std::to_string(theirs)).c_str());

        // Few colours to begin with: every pixel stays as it was, dithered or not.
        auto fewer = clipflow::palette_quantize(*q, 256, dither);
        QVERIFY(fewer.ok());
        QCOMPARE(fewer->data, q->data);
    }

    void paletteRefuses_data()
    {
        QTest::addColumn<int>("colours");
        QTest::addColumn<int>("channels");
        QTest::newRow("one colour") << 1 << 3;
        QTest::newRow("257 colours") << 257 << 3;
        QTest::newRow("two channels") << 16 << 2;
        QTest::newRow("empty") << 16 << 0;
    }
    void paletteRefuses()
    {
        QFETCH(int, colours);
        QFETCH(int, channels);
        Raster in = channels == 0 ? Raster{} : photo_like(8, 8, 3);
        if (channels == 2) in.channels = 2;
        QVERIFY(!clipflow::palette_quantize(in, colours, false).ok());
    }

    // Lossy WebP changes the pixels, a little at high quality and more at low; grey stays grey.
    void webpRoundtrip_data()
    {
        QTest::addColumn<int>("channels");
        QTest::newRow("rgb") << 3;
        QTest::newRow("grey") << 1;
    }
    void webpRoundtrip()
    {
        QFETCH(int, channels);
        const Raster in = photo_like(128, 96, channels);
        auto hi = clipflow::webp_roundtrip(in, 95), lo = clipflow::webp_roundtrip(in, 20);
        QVERIFY2(hi.ok(), hi.status().message().c_str());
        QVERIFY2(lo.ok(), lo.status().message().c_str());
        QCOMPARE(hi->channels, channels);
        QCOMPARE(hi->width, in.width);
        QCOMPARE(hi->height, in.height);
        QVERIFY(hi->data != in.data);
        QVERIFY2(psnr(in, *hi) > 30.0, std::to_string(psnr(in, *hi)).c_str());
        QVERIFY(psnr(in, *lo) < psnr(in, *hi));
        QVERIFY(!clipflow::webp_roundtrip(in, 0).ok());
        QVERIFY(!clipflow::webp_roundtrip(in, 101).ok());
        QVERIFY(!clipflow::webp_roundtrip(Raster{}, 80).ok());
    }

    // Regions of a resized or JPEG round-tripped image, made from their neighbourhoods alone,
    // hold exactly the whole result's pixels: at the image's corners and edges, off the JPEG
    // grid, for colour and grey, for the periods the robustness checks meet (3/4, 1/2) and
    // another; a long period or enlarging takes the whole image and must agree as well.
    void regionsMatchWhole_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("quality"); // > 0: JPEG round trip
        QTest::addColumn<int>("side");    // otherwise the resized shorter side
        QTest::newRow("jpeg 90, colour") << 640 << 480 << 3 << 90 << 0;
        QTest::newRow("jpeg 75, colour, odd size") << 641 << 479 << 3 << 75 << 0;
        QTest::newRow("jpeg 75, grey") << 600 << 400 << 1 << 75 << 0;
        QTest::newRow("3/4, colour") << 640 << 480 << 3 << 0 << 360;
        QTest::newRow("1/2, colour") << 640 << 480 << 3 << 0 << 240;
        QTest::newRow("1/2, grey") << 640 << 480 << 1 << 0 << 240;
        QTest::newRow("3/5, colour") << 1000 << 600 << 3 << 0 << 360;
        QTest::newRow("3/4, grey, odd size") << 644 << 484 << 1 << 0 << 363;
        QTest::newRow("long period: whole") << 641 << 481 << 3 << 0 << 240;
        QTest::newRow("enlarging: whole") << 400 << 300 << 3 << 0 << 450;
    }
    void regionsMatchWhole()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, channels);
        QFETCH(int, quality);
        QFETCH(int, side);
        const Raster in = testimages::pink_noise(width, height, 7, channels);
        auto whole = quality > 0 ? clipflow::jpeg_roundtrip(in, quality) : clipflow::resize_shorter_side(in, side);
        QVERIFY2(whole.ok(), whole.status().message().c_str());
        if (side > 0) {
            const auto size = clipflow::resized_size(width, height, side);
            QCOMPARE(size.width, whole->width);
            QCOMPARE(size.height, whole->height);
        }
        const int w = whole->width, h = whole->height;
        const std::vector<clipflow::PixelRect> rects{
            {0, 0, 64, 64}, {37, 53, 61, 45}, {w / 2 - w / 2 % 8, h / 2 - h / 2 % 8, 96, 96}, {w - 64, h - 40, 64, 40}};
        auto regions = quality > 0 ? clipflow::jpeg_roundtrip_regions(in, quality, rects)
                                   : clipflow::resize_shorter_side_regions(in, side, rects);
        QVERIFY2(regions.ok(), regions.status().message().c_str());
        QCOMPARE(regions->size(), rects.size());
        for (std::size_t i = 0; i < rects.size(); ++i) {
            const auto& r = rects[i];
            const Raster expected = clipflow::crop(*whole, r.x, r.y, r.width, r.height);
            const Raster& got = (*regions)[i];
            QCOMPARE(got.width, r.width);
            QCOMPARE(got.height, r.height);
            QCOMPARE(got.channels, channels);
            std::size_t differing = 0;
            for (std::size_t k = 0; k < got.data.size(); ++k) differing += got.data[k] != expected.data[k];
            QVERIFY2(differing == 0, (std::to_string(differing) + " samples differ in region " + std::to_string(i)).c_str());
        }
        // A rectangle reaching outside the result is refused.
        const std::vector<clipflow::PixelRect> outside{{w - 10, 0, 20, 20}};
        QVERIFY(!(quality > 0 ? clipflow::jpeg_roundtrip_regions(in, quality, outside)
                              : clipflow::resize_shorter_side_regions(in, side, outside))
                     .ok());
    }

    // One entry point for every codec training draws: each is the codec's own round trip.
    void recompressDispatches_data()
    {
        QTest::addColumn<int>("codec");
        QTest::newRow("none") << static_cast<int>(clipflow::Recompression::Codec::None);
        QTest::newRow("jpeg") << static_cast<int>(clipflow::Recompression::Codec::Jpeg);
        QTest::newRow("webp") << static_cast<int>(clipflow::Recompression::Codec::WebP);
        QTest::newRow("palette") << static_cast<int>(clipflow::Recompression::Codec::Palette);
    }
    void recompressDispatches()
    {
        QFETCH(int, codec);
        const Raster in = photo_like(64, 48, 3);
        clipflow::Recompression r;
        r.codec = static_cast<clipflow::Recompression::Codec>(codec);
        r.quality = 70;
        r.dither = true;
        auto out = clipflow::recompress(in, r);
        QVERIFY2(out.ok(), out.status().message().c_str());
        clipflow::Result<Raster> expected = in;
        switch (r.codec) {
        case clipflow::Recompression::Codec::None: break;
        case clipflow::Recompression::Codec::Jpeg: expected = clipflow::jpeg_roundtrip(in, 70); break;
        case clipflow::Recompression::Codec::WebP: expected = clipflow::webp_roundtrip(in, 70); break;
        case clipflow::Recompression::Codec::Palette: expected = clipflow::palette_quantize(in, 256, true); break;
        }
        QVERIFY(expected.ok());
        QCOMPARE(out->data, expected->data);
        QCOMPARE(clipflow::Recompression::jpeg(0).codec, clipflow::Recompression::Codec::None);
    }
};

QTEST_GUILESS_MAIN(TestLaundering)
#include "tst_laundering.moc"
