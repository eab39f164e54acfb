// The score map: tile geometry (every pixel covered, starts on the JPEG grid,
// the tile budget kept), rendering, and tiles scored exactly as the detector
// scores an image of that size.
#include "syntheticimages.h"

#include <clipflow/detector.h>
#include <clipflow/scoremap.h>

#include <nlohmann/json.hpp>

#include <QTest>

#include <cmath>

using namespace clipflow;
using testimages::pink_noise;

namespace {

const std::string kModels = std::string(CLIPFLOW_BIN_DIR) + "/../share/clipflow/models/";

// Pixel by pixel, independent of core's crop(): the tiles are checked against it.
Raster reference_crop(const Raster& image, int x0, int y0, int w, int h)
{
    Raster r;
    r.width = w;
    r.height = h;
    r.channels = image.channels;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < image.channels; ++c) r.data.push_back(image.at(x0 + x, y0 + y, c));
    return r;
}

// Tile starts along one axis must cover [0, extent) without gaps, in order.
void checkAxis(const std::vector<int>& at, int extent, int tile, int stride_cap)
{
    QVERIFY(!at.empty());
    QCOMPARE(at.front(), 0);
    QCOMPARE(at.back() + tile, extent);
    for (std::size_t i = 0; i + 1 < at.size(); ++i) {
        QCOMPARE(at[i] % 8, 0);             // on the 8-pixel grid (the last one ends at the edge instead)
        QVERIFY(at[i + 1] > at[i]);         // no tile twice
        QVERIFY(at[i + 1] - at[i] <= tile); // no gap
        QVERIFY(at[i + 1] - at[i] <= stride_cap);
    }
}

} // namespace

class TestScoreMap : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void layout_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("maxTiles");
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("rows");
        QTest::newRow("one tile") << 256 << 256 << 256 << 1 << 1;
        QTest::newRow("smaller than a tile") << 100 << 50 << 256 << 1 << 1;
        QTest::newRow("512 x 384: half-overlapping") << 512 << 384 << 256 << 3 << 2;
        QTest::newRow("1000 x 300: last row ends at the edge") << 1000 << 300 << 256 << 7 << 2;
        QTest::newRow("12 MP within the budget") << 4032 << 3024 << 256 << -1 << -1;
        QTest::newRow("tiny budget: tiles abut, never a gap") << 2000 << 2000 << 1 << 8 << 8;
        QTest::newRow("tall") << 300 << 5000 << 64 << 2 << -1;
    }
    void layout()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, maxTiles);
        QFETCH(int, cols);
        QFETCH(int, rows);
        ScoreMapParams p;
        p.max_tiles = maxTiles;
        auto m = score_map_layout(width, height, p);
        QVERIFY2(m.ok(), m.status().message().c_str());
        QCOMPARE(m->tile_width, std::min(256, width));
        QCOMPARE(m->tile_height, std::min(256, height));
        if (cols > 0) QCOMPARE(m->cols(), cols);
        if (rows > 0) QCOMPARE(m->rows(), rows);
        // Within the budget, unless only abutting tiles could cover the image.
        const auto abutting = [](int extent) { return extent <= 256 ? 1 : 1 + (extent - 256 + 255) / 256; };
        QVERIFY(m->cols() * m->rows() <= std::max(maxTiles, abutting(width) * abutting(height)));
        checkAxis(m->xs, width, m->tile_width, 256);
        checkAxis(m->ys, height, m->tile_height, 256);
        // The default stride (128 px, half-overlapping) wherever the budget allows it.
        if (width >= 512 && width <= 1000) QVERIFY(m->xs[1] - m->xs[0] <= 128);
        QVERIFY(m->ai_score.empty() && m->log_likelihood.empty());
    }

    void badParams_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("tile");
        QTest::addColumn<int>("stride");
        QTest::addColumn<int>("maxTiles");
        QTest::newRow("no pixels") << 0 << 256 << 128 << 256;
        QTest::newRow("tile too small") << 500 << 16 << 8 << 256;
        QTest::newRow("stride under 8") << 500 << 256 << 4 << 256;
        QTest::newRow("stride over the tile") << 500 << 256 << 300 << 256;
        QTest::newRow("no tiles") << 500 << 256 << 128 << 0;
    }
    void badParams()
    {
        QFETCH(int, width);
        QFETCH(int, tile);
        QFETCH(int, stride);
        QFETCH(int, maxTiles);
        ScoreMapParams p;
        p.tile = tile;
        p.min_stride = stride;
        p.max_tiles = maxTiles;
        auto m = score_map_layout(width, 400, p);
        QVERIFY(!m.ok());
        QCOMPARE(m.status().code(), ErrorCode::InvalidArgument);
    }

    void render_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("longSide");
        QTest::addColumn<int>("outWidth");
        QTest::addColumn<int>("outHeight");
        QTest::newRow("12 MP to 512") << 4032 << 3024 << 512 << 512 << 384;
        QTest::newRow("never enlarged") << 100 << 50 << 512 << 100 << 50;
        QTest::newRow("portrait") << 300 << 1000 << 256 << 77 << 256;
    }
    void render()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, longSide);
        QFETCH(int, outWidth);
        QFETCH(int, outHeight);
        auto m = score_map_layout(width, height);
        QVERIFY(m.ok());
        // Scores rising left to right: the picture must rise too.
        for (int r = 0; r < m->rows(); ++r)
            for (int c = 0; c < m->cols(); ++c) {
                m->ai_score.push_back(m->cols() > 1 ? float(c) / float(m->cols() - 1) : 0.5f);
                m->log_likelihood.push_back(0.0f);
            }
        const Raster img = m->render(longSide);
        QCOMPARE(img.width, outWidth);
        QCOMPARE(img.height, outHeight);
        QCOMPARE(img.channels, 1);
        if (m->cols() > 1) {
            QCOMPARE(img.at(0, 0), 0.0f);
            QCOMPARE(img.at(img.width - 1, img.height - 1), 1.0f);
            for (int x = 1; x < img.width; ++x) QVERIFY(img.at(x, 0) >= img.at(x - 1, 0));
        } else {
            QCOMPARE(img.at(0, 0), 0.5f);
        }
    }

    void renderOverlapIsTheMean()
    {
        ScoreMap m;
        m.image_width = 384;
        m.image_height = 256;
        m.tile_width = m.tile_height = 256;
        m.xs = {0, 128};
        m.ys = {0};
        m.ai_score = {0.2f, 0.8f};
        m.log_likelihood = {0, 0};
        const Raster img = m.render(384);
        QCOMPARE(img.at(10, 100), 0.2f);                    // the first tile alone
        QVERIFY(std::abs(img.at(200, 100) - 0.5f) < 1e-6f); // both
        QCOMPARE(img.at(380, 100), 0.8f);                   // the second alone
        auto j = nlohmann::json::parse(m.to_json());
        QVERIFY(j["xs"] == nlohmann::json({0, 128}));
        QVERIFY(j["ai_score"] == nlohmann::json({0.2, 0.8}));
        QCOMPARE(j["tile_width"].get<int>(), 256);
        m.ai_score.pop_back(); // inconsistent: nothing to draw
        QVERIFY(m.render(100).empty());
    }

    // Each tile is scored as the detector scores that crop on its own, wherever it lies
    // and however the tiles are batched.
    void tilesAreScoredAsImages_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("batch");
        QTest::newRow("600 x 400, batches of 5") << 600 << 400 << 5;
        QTest::newRow("600 x 400, one batch") << 600 << 400 << 64;
        QTest::newRow("smaller than a tile") << 200 << 120 << 16;
    }
    void tilesAreScoredAsImages()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, batch);
        auto det = Detector::load(kModels + "clipflow-default.safetensors");
        QVERIFY2(det.ok(), det.status().message().c_str());
        const Raster image = pink_noise(width, height, 11);
        ScoreMapParams p;
        p.batch = batch;
        auto m = det->score_map(image, p);
        QVERIFY2(m.ok(), m.status().message().c_str());
        QCOMPARE(m->ai_score.size(), std::size_t(m->cols() * m->rows()));
        QCOMPARE(m->log_likelihood.size(), m->ai_score.size());
        for (int r = 0; r < m->rows(); ++r)
            for (int c = 0; c < m->cols(); ++c) {
                const Raster tile = reference_crop(image, m->xs[c], m->ys[r], m->tile_width, m->tile_height);
                if (r == 0 && c == 0) // core's crop, which score_map uses, is the same region
                    QVERIFY(clipflow::crop(image, m->xs[c], m->ys[r], m->tile_width, m->tile_height).data == tile.data);
                auto s = det->clipflow()->score(tile);
                QVERIFY(s.ok());
                const std::size_t k = std::size_t(r * m->cols() + c);
                QVERIFY2(std::abs(m->log_likelihood[k] - s->calibrated.log_likelihood) < 1e-3,
                         qPrintable(QStringLiteral("tile %1,%2: %3 vs %4")
                                        .arg(c)
                                        .arg(r)
                                        .arg(m->log_likelihood[k])
                                        .arg(s->calibrated.log_likelihood)));
                QVERIFY(std::abs(m->ai_score[k] - s->calibrated.ai_score) < 1e-3);
            }
    }

    // A region up-sampled like a generator's output stands out where it lies.
    void upsampledRegionIsLocated()
    {
        auto det = Detector::load(kModels + "clipflow-default.safetensors");
        QVERIFY(det.ok());
        Raster image = pink_noise(768, 512, 5);
        const Raster patch = testimages::upsample2(pink_noise(128, 128, 6)); // 256 x 256
        for (int y = 0; y < 256; ++y)
            for (int x = 0; x < 256; ++x)
                for (int c = 0; c < 3; ++c)
                    image.data[(std::size_t(256 + y) * 768 + std::size_t(512 + x)) * 3 + std::size_t(c)] = patch.at(x, y, c);
        auto m = det->score_map(image);
        QVERIFY(m.ok());
        // The tile exactly on the patch against the tiles that do not touch it.
        double inside = -1, outside = 0;
        for (int r = 0; r < m->rows(); ++r)
            for (int c = 0; c < m->cols(); ++c) {
                const int x = m->xs[c], y = m->ys[r];
                const double v = m->log_likelihood[std::size_t(r * m->cols() + c)];
                if (x == 512 && y == 256) inside = v;
                if (x + m->tile_width <= 512 || y + m->tile_height <= 256)
                    outside = std::min(outside, v) == 0 ? v : std::min(outside, v);
            }
        QVERIFY(inside != -1);
        QVERIFY2(inside < outside, qPrintable(QStringLiteral("patch %1, least natural elsewhere %2").arg(inside).arg(outside)));
    }

    // A map kept in a case file reads back as it was written (scores to 10^-3), with the model that made it.
    void jsonRoundTrip()
    {
        auto det = Detector::load(kModels + "clipflow-default.safetensors");
        QVERIFY(det.ok());
        auto m = det->score_map(pink_noise(600, 400, 4));
        QVERIFY(m.ok());
        QCOMPARE(m->model_id, det->info().model_id);
        QVERIFY(!m->model_id.empty());
        auto back = ScoreMap::from_json(m->to_json());
        QVERIFY2(back.ok(), back.status().message().c_str());
        QCOMPARE(back->xs, m->xs);
        QCOMPARE(back->ys, m->ys);
        QCOMPARE(back->tile_width, m->tile_width);
        QCOMPARE(back->image_height, m->image_height);
        QCOMPARE(back->model_id, m->model_id);
        QCOMPARE(back->ai_score.size(), m->ai_score.size());
        for (std::size_t k = 0; k < m->ai_score.size(); ++k) {
            QVERIFY(std::abs(back->ai_score[k] - m->ai_score[k]) <= 5e-4f + 1e-6f);
            QVERIFY(std::abs(back->log_likelihood[k] - m->log_likelihood[k]) <= 5e-4f + 1e-5f);
        }
        QCOMPARE(back->to_json(), m->to_json());
    }

    // Kept in case files, so read as a stranger's input: every way of breaking it is refused.
    void refusesDamagedMaps_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value"); // JSON put under key in a good map
        QTest::newRow("no width") << "image_width"
                                  << "";
        QTest::newRow("zero width") << "image_width"
                                    << "0";
        QTest::newRow("width 1e30") << "image_width"
                                    << "1e30";
        QTest::newRow("tile wider than the image") << "tile_width"
                                                   << "700";
        QTest::newRow("tile outside the image") << "xs"
                                                << "[0, 100, 500]";
        QTest::newRow("tiles out of order") << "xs"
                                            << "[0, 200, 100]";
        QTest::newRow("negative edge") << "ys"
                                       << "[-8, 0]";
        QTest::newRow("no tiles") << "ys"
                                  << "[]";
        QTest::newRow("edge not a number") << "ys"
                                           << "[\"0\", 144]";
        QTest::newRow("edge 2^40") << "ys"
                                   << "[0, 1099511627776]";
        QTest::newRow("a score missing") << "ai_score"
                                         << "[0.1, 0.2, 0.3, 0.4, 0.5]";
        QTest::newRow("a score too many") << "log_likelihood"
                                          << "[1, 1, 1, 1, 1, 1, 1]";
        QTest::newRow("ai_score above 1") << "ai_score"
                                          << "[0.1, 0.2, 0.3, 0.4, 0.5, 1.5]";
        QTest::newRow("a null score") << "log_likelihood"
                                      << "[1, 1, null, 1, 1, 1]";
        QTest::newRow("a huge log-likelihood") << "log_likelihood"
                                               << "[1, 1, 1e300, 1, 1, 1]";
        QTest::newRow("model not text") << "model_id"
                                        << "7";
        QTest::newRow("not an object") << ""
                                       << "[1, 2]";
    }
    void refusesDamagedMaps()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        nlohmann::json good = {{"image_width", 600},
                               {"image_height", 400},
                               {"tile_width", 256},
                               {"tile_height", 256},
                               {"xs", {0, 176, 344}},
                               {"ys", {0, 144}},
                               {"log_likelihood", {1, 0.5, 0.2, 0.1, -1, 0}},
                               {"ai_score", {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}},
                               {"model_id", "cf-123"}};
        QVERIFY(ScoreMap::from_json(good.dump()).ok()); // the row's change alone breaks it
        std::string text;
        if (key.isEmpty()) {
            text = value.toStdString();
        } else {
            if (value.isEmpty())
                good.erase(key.toStdString());
            else
                good[key.toStdString()] = nlohmann::json::parse(value.toStdString());
            text = good.dump();
        }
        auto m = ScoreMap::from_json(text);
        QVERIFY(!m.ok());
        QCOMPARE(m.status().code(), ErrorCode::CorruptData);
        QVERIFY(m.status().message().find("heat map") != std::string::npos);
    }

    void abortAndWrongKind()
    {
        auto det = Detector::load(kModels + "clipflow-default.safetensors");
        QVERIFY(det.ok());
        ScoreMapParams p;
        p.batch = 2;
        int calls = 0;
        p.abort = [&] { return ++calls > 1; };
        auto m = det->score_map(pink_noise(800, 600, 3), p);
        QVERIFY(!m.ok());
        QCOMPARE(m.status().code(), ErrorCode::Aborted);
        QCOMPARE(calls, 2);
        auto sup = Detector::load(kModels + "clipflow-supervised.safetensors");
        QVERIFY(sup.ok());
        auto none = sup->score_map(pink_noise(300, 300, 3));
        QVERIFY(!none.ok());
        QVERIFY(det->score_map(Raster{}).status().code() == ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestScoreMap)
#include "tst_scoremap.moc"
