#include "clipflow/scoremap.h"

#include "detect/scoremapjson.h"
#include "support/jsoninteger.h"
#include "support/rounding.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace clipflow {

namespace {

// Starts of n tiles of side t spread evenly over [0, extent]: on the 8-pixel grid
// (JPEG blocks, like the detectors' views) except the last, which ends at the edge.
std::vector<int> starts(int extent, int t, int stride)
{
    if (extent <= t) return {0};
    const int n = 1 + (extent - t + stride - 1) / stride;
    std::vector<int> out;
    for (int i = 0; i + 1 < n; ++i) out.push_back(static_cast<int>(static_cast<long>(i) * (extent - t) / (n - 1)) / 8 * 8);
    out.push_back(extent - t);
    return out;
}

} // namespace

Result<ScoreMap> score_map_layout(int width, int height, const ScoreMapParams& p)
{
    if (width < 1 || height < 1) return Status(ErrorCode::InvalidArgument, "the image has no pixels");
    if (p.tile < 32 || p.tile > 4096) return Status(ErrorCode::InvalidArgument, "the map's tile side must be 32 to 4096 pixels");
    if (p.min_stride < 8 || p.min_stride > p.tile)
        return Status(ErrorCode::InvalidArgument, "the map's stride must be 8 pixels to one tile");
    if (p.max_tiles < 1) return Status(ErrorCode::InvalidArgument, "the map needs at least one tile");
    ScoreMap m;
    m.image_width = width;
    m.image_height = height;
    m.tile_width = std::min(p.tile, width);
    m.tile_height = std::min(p.tile, height);
    // Wider strides until the budget holds, but never wider than a tile: a gap would
    // leave pixels no tile has seen, drawn as if they were natural.
    for (int stride = p.min_stride;; stride = std::min(stride + 8, p.tile)) {
        m.xs = starts(width, m.tile_width, stride);
        m.ys = starts(height, m.tile_height, stride);
        if (m.xs.size() * m.ys.size() <= static_cast<std::size_t>(p.max_tiles) || stride == p.tile) break;
    }
    return m;
}

Raster ScoreMap::render(int long_side) const
{
    Raster out;
    if (image_width < 1 || image_height < 1 || ai_score.size() != xs.size() * ys.size() || ai_score.empty()) return out;
    const int side = std::clamp(long_side, 1, std::max(image_width, image_height));
    const double scale = double(side) / std::max(image_width, image_height);
    out.width = std::max(1, static_cast<int>(std::lround(image_width * scale)));
    out.height = std::max(1, static_cast<int>(std::lround(image_height * scale)));
    out.channels = 1;
    out.data.resize(out.pixel_count());
    // Tiles covering each output column and row (separable: a tile covers a pixel
    // when it covers both its column and its row).
    auto covering = [](int n, int extent, const std::vector<int>& at, int t) {
        std::vector<std::vector<int>> cover(static_cast<std::size_t>(n));
        for (int u = 0; u < n; ++u) {
            const double x = (u + 0.5) * extent / n;
            for (int k = 0; k < static_cast<int>(at.size()); ++k)
                if (x >= at[static_cast<std::size_t>(k)] && x < at[static_cast<std::size_t>(k)] + t)
                    cover[static_cast<std::size_t>(u)].push_back(k);
        }
        return cover;
    };
    const auto cx = covering(out.width, image_width, xs, tile_width);
    const auto cy = covering(out.height, image_height, ys, tile_height);
    for (int v = 0; v < out.height; ++v)
        for (int u = 0; u < out.width; ++u) {
            double sum = 0;
            int n = 0;
            for (int r : cy[static_cast<std::size_t>(v)])
                for (int c : cx[static_cast<std::size_t>(u)]) {
                    sum += at(c, r);
                    ++n;
                }
            out.data[static_cast<std::size_t>(v) * static_cast<std::size_t>(out.width) + static_cast<std::size_t>(u)] =
                n ? static_cast<float>(std::clamp(sum / n, 0.0, 1.0)) : 0.0f;
        }
    return out;
}

nlohmann::json detail::score_map_json(const ScoreMap& map)
{
    nlohmann::json ll = nlohmann::json::array(), ai = nlohmann::json::array();
    for (float v : map.log_likelihood) ll.push_back(detail::rounded(v, 1e-3));
    for (float v : map.ai_score) ai.push_back(detail::rounded(v, 1e-3));
    return nlohmann::json{{"image_width", map.image_width},
                          {"image_height", map.image_height},
                          {"tile_width", map.tile_width},
                          {"tile_height", map.tile_height},
                          {"xs", map.xs},
                          {"ys", map.ys},
                          {"log_likelihood", ll},
                          {"ai_score", ai},
                          {"model_id", map.model_id}};
}

std::string ScoreMap::to_json() const
{
    return detail::score_map_json(*this).dump();
}

Result<ScoreMap> ScoreMap::from_json(const std::string& text)
{
    try {
        return detail::score_map_from_json(nlohmann::json::parse(text));
    } catch (const nlohmann::json::exception& e) {
        return Status(ErrorCode::CorruptData, std::string("damaged heat map: ") + e.what());
    }
}

Result<ScoreMap> detail::score_map_from_json(const nlohmann::json& j)
{
    const auto bad = [](const std::string& why) { return Status(ErrorCode::CorruptData, "damaged heat map: " + why); };
    try {
        if (!j.is_object()) return bad("not an object");
        ScoreMap m;
        // Sides as intake allows them (100 megapixels; no side beyond a million pixels).
        constexpr int kMaxSide = 1'000'000;
        m.image_width = detail::json_integer_at<int>(j, "image_width", 1, kMaxSide);
        m.image_height = detail::json_integer_at<int>(j, "image_height", 1, kMaxSide);
        m.tile_width = detail::json_integer_at<int>(j, "tile_width", 1, m.image_width);
        m.tile_height = detail::json_integer_at<int>(j, "tile_height", 1, m.image_height);
        // Tile edges: ascending, each tile inside the image.
        const auto edges = [&](const char* key, int extent, int tile, std::vector<int>& out) -> Status {
            const nlohmann::json& a = j.at(key);
            if (!a.is_array() || a.empty() || a.size() > 65536) return bad(std::string(key) + " is no list of tile edges");
            for (const nlohmann::json& v : a) {
                const int x = detail::json_integer<int>(v, 0, extent - tile); // inside the image
                if (!out.empty() && x <= out.back()) return bad(std::string(key) + " has tiles out of order");
                out.push_back(x);
            }
            return Status();
        };
        if (Status s = edges("xs", m.image_width, m.tile_width, m.xs); !s.ok()) return s;
        if (Status s = edges("ys", m.image_height, m.tile_height, m.ys); !s.ok()) return s;
        const std::size_t n = m.xs.size() * m.ys.size();
        if (n > 65536) return bad("more tiles than any map has");
        const auto scores = [&](const char* key, float lo, float hi, std::vector<float>& out) -> Status {
            const nlohmann::json& a = j.at(key);
            if (!a.is_array() || a.size() != n) return bad(std::string(key) + " does not hold one score per tile");
            out.reserve(n);
            for (const nlohmann::json& v : a) {
                if (!v.is_number()) return bad(std::string(key) + " holds a value that is no number");
                const double x = v.get<double>();
                if (!std::isfinite(x) || x < lo || x > hi) return bad(std::string(key) + " holds a score out of range");
                out.push_back(static_cast<float>(x));
            }
            return Status();
        };
        // Log-likelihoods in nats/dim: far wider than any model gives, finite.
        if (Status s = scores("log_likelihood", -1e6f, 1e6f, m.log_likelihood); !s.ok()) return s;
        if (Status s = scores("ai_score", 0.0f, 1.0f, m.ai_score); !s.ok()) return s;
        m.model_id = j.value("model_id", "");
        return m;
    } catch (const nlohmann::json::exception& e) {
        return bad(e.what());
    }
}

} // namespace clipflow
