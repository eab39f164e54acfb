#include "clipflow/clipflowdetector.h"

#include "clipflow/flow.h"
#include "clipflow/modelregistry.h"
#include "detectorbackbone.h"
#include "pairedbackbone.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>

namespace clipflow {

namespace fs = std::filesystem;

struct ClipFlowDetector::Impl {
    ClipFlowModelInfo info;
    std::unique_ptr<Backbone> backbone;
    NormalizingFlow flow;
    std::optional<NormalizingFlow> second; ///< info.second_reading's flow
    explicit Impl(NormalizingFlow f) : flow(std::move(f)) {}
    int rows_dim() const { return backbone->dim(); }
    bool either() const { return info.orientation == "either"; }
};

ClipFlowDetector::ClipFlowDetector() = default;
ClipFlowDetector::ClipFlowDetector(ClipFlowDetector&&) noexcept = default;
ClipFlowDetector& ClipFlowDetector::operator=(ClipFlowDetector&&) noexcept = default;
ClipFlowDetector::~ClipFlowDetector() = default;

const ClipFlowModelInfo& ClipFlowDetector::info() const
{
    return impl_->info;
}

const Backbone& ClipFlowDetector::backbone() const
{
    return *impl_->backbone;
}

Result<ClipFlowDetector> ClipFlowDetector::load(const std::string& path, const DetectorLoadParams& params)
{
    auto info = ClipFlowModelInfo::read(path);
    if (!info) return info.status();
    auto flow = NormalizingFlow::load(path);
    if (!flow) return flow.status();
    if (flow->params().dim != info->dim)
        return Status(ErrorCode::CorruptData, "the detector's flow and its metadata disagree on the feature dimension");
    auto backbone = detail::detector_backbone(*info, params, path, params.learned_backbone);
    if (!backbone) return backbone.status();
    std::optional<NormalizingFlow> second;
    if (info->second_reading) {
        const SecondReading& r = *info->second_reading;
        auto f2 = NormalizingFlow::load(path, "second");
        if (!f2) return f2.status();
        if (f2->params().dim != r.backbone.dim)
            return Status(ErrorCode::CorruptData,
                          "the detector's second flow and its metadata disagree on the feature dimension");
        auto b2 = detail::detector_backbone(r.backbone, params, path, params.second_backbone);
        if (!b2) return Status(b2.status().code(), "second reading: " + b2.status().message());
        auto pair = detail::PairedBackbone::make(std::move(*backbone), std::move(*b2));
        if (!pair) return pair.status();
        backbone = std::move(pair);
        second.emplace(std::move(*f2));
    }
    ClipFlowDetector d;
    d.impl_ = std::make_unique<Impl>(std::move(*flow));
    d.impl_->second = std::move(second);
    d.impl_->info = std::move(*info);
    d.impl_->backbone = std::move(*backbone);
    return d;
}

Result<double> ClipFlowDetector::score_features(const std::vector<std::vector<float>>& views) const
{
    auto s = score_from_features(views);
    if (!s) return s.status();
    return s->calibrated.log_likelihood;
}

std::vector<Raster> ClipFlowDetector::scoring_views(const Raster& image) const
{
    return detail::oriented_scoring_views(*impl_->backbone, image, impl_->info.orientation);
}

Status ClipFlowDetector::set_orientation(const std::string& orientation)
{
    if (Status s = detail::check_orientation(orientation); !s.ok()) return s;
    impl_->info.orientation = orientation;
    return Status();
}

Result<ClipFlowScore> ClipFlowDetector::score(const Raster& image) const
{
    const auto views = scoring_views(image);
    auto feats = impl_->backbone->features(views);
    if (!feats) return feats.status();
    return score_from_features(*feats);
}

Result<ClipFlowScore> ClipFlowDetector::score_from_features(const std::vector<std::vector<float>>& feats) const
{
    auto ll = view_log_likelihoods(feats);
    if (!ll) return ll.status();
    return score_from_log_likelihoods(std::move(*ll));
}

Result<std::pair<std::vector<float>, std::vector<float>>>
ClipFlowDetector::reading_log_likelihoods(const std::vector<std::vector<float>>& rows) const
{
    if (rows.empty()) return Status(ErrorCode::InvalidArgument, "no views to score");
    const int dim = impl_->rows_dim();
    const auto da = static_cast<std::size_t>(impl_->info.dim);
    std::vector<float> a, b;
    a.reserve(rows.size() * da);
    for (const auto& v : rows) {
        if (static_cast<int>(v.size()) != dim)
            return Status(ErrorCode::InvalidArgument, "feature vector has the wrong dimension");
        a.insert(a.end(), v.begin(), v.begin() + static_cast<std::ptrdiff_t>(da));
        if (impl_->second) b.insert(b.end(), v.begin() + static_cast<std::ptrdiff_t>(da), v.end());
    }
    const int n = static_cast<int>(rows.size());
    auto la = impl_->flow.log_likelihood(a, n);
    if (!la) return la.status();
    if (!impl_->second) return std::pair{std::move(*la), std::vector<float>()};
    auto lb = impl_->second->log_likelihood(b, n);
    if (!lb) return lb.status();
    return std::pair{std::move(*la), std::move(*lb)};
}

Result<std::vector<float>> ClipFlowDetector::view_log_likelihoods(const std::vector<std::vector<float>>& rows) const
{
    auto ll = reading_log_likelihoods(rows);
    if (!ll) return ll.status();
    auto& [a, b] = *ll;
    if (impl_->info.second_reading)
        for (std::size_t i = 0; i < a.size(); ++i) a[i] = static_cast<float>(impl_->info.second_reading->combine(a[i], b[i]));
    return std::move(a);
}

Result<ClipFlowScore> ClipFlowDetector::score_from_log_likelihoods(std::vector<float> view_ll) const
{
    if (view_ll.empty()) return Status(ErrorCode::InvalidArgument, "no views to score");
    ClipFlowScore s;
    s.view_log_likelihoods.assign(view_ll.begin(), view_ll.end());
    auto ll = detail::image_log_likelihood(s.view_log_likelihoods, impl_->either());
    if (!ll) return ll.status();
    s.calibrated = impl_->info.calibration.evaluate(*ll);
    return s;
}

Result<ScoreMap> ClipFlowDetector::score_map(const Raster& image, const ScoreMapParams& params) const
{
    if (image.empty() || image.data.size() != image.pixel_count() * static_cast<std::size_t>(image.channels))
        return Status(ErrorCode::InvalidArgument, "the map needs an image");
    auto map = score_map_layout(image.width, image.height, params);
    if (!map) return map.status();
    map->model_id = impl_->info.model_id;
    const int tw = map->tile_width, th = map->tile_height;
    const std::size_t n = map->xs.size() * map->ys.size();
    map->log_likelihood.reserve(n);
    map->ai_score.reserve(n);
    const int batch = std::max(1, params.batch);
    // In batches of tiles, so a 100-megapixel image costs bounded memory.
    for (std::size_t first = 0; first < n; first += static_cast<std::size_t>(batch)) {
        if (params.abort && params.abort()) return Status(ErrorCode::Aborted, "the score map was cancelled");
        const std::size_t last = std::min(n, first + static_cast<std::size_t>(batch));
        std::vector<Raster> views;
        std::vector<std::size_t> owner; // tile of each view
        for (std::size_t t = first; t < last; ++t) {
            const int x0 = map->xs[t % map->xs.size()], y0 = map->ys[t / map->xs.size()];
            const Raster tile = crop(image, x0, y0, tw, th);
            for (auto& v : scoring_views(tile)) {
                views.push_back(std::move(v));
                owner.push_back(t);
            }
        }
        auto feats = impl_->backbone->features(views);
        if (!feats) return feats.status();
        auto ll = view_log_likelihoods(*feats);
        if (!ll) return ll.status();
        // Each tile as score() reads an image of its size.
        std::vector<std::vector<double>> per_tile(last - first);
        for (std::size_t k = 0; k < ll->size(); ++k) per_tile[owner[k] - first].push_back((*ll)[k]);
        for (const auto& tile_ll : per_tile) {
            auto tile = detail::image_log_likelihood(tile_ll, impl_->either());
            if (!tile) return tile.status();
            map->log_likelihood.push_back(static_cast<float>(*tile));
            map->ai_score.push_back(static_cast<float>(impl_->info.calibration.evaluate(*tile).ai_score));
        }
    }
    return map;
}

Result<std::string> find_default_detector(const std::string& exe_dir, const std::string& name)
{
    const char* var = name == "clipflow-supervised.safetensors" ? "CLIPFLOW_DEFAULT_SUPERVISED_MODEL"
                      : name == "clipflow-default.safetensors"  ? "CLIPFLOW_DEFAULT_MODEL"
                                                                : "CLIPFLOW_DEFAULT_BACKBONE";
    if (const char* env = std::getenv(var); env && *env) {
        if (fs::is_regular_file(env)) return std::string(env);
        return Status(ErrorCode::NotFound, std::string(var) + " names a missing file: " + env);
    }
    std::vector<fs::path> candidates;
    if (!exe_dir.empty()) candidates.push_back(fs::path(exe_dir) / ".." / "share" / "clipflow" / "models" / name);
    candidates.push_back(fs::path(ModelRegistry::default_dir()) / name);
    for (const auto& c : candidates) {
        std::error_code ec;
        if (fs::is_regular_file(c, ec)) return fs::weakly_canonical(c, ec).string();
    }
    std::string tried;
    for (const auto& c : candidates) tried += "\n  " + c.string();
    return Status(ErrorCode::NotFound, "no default detector " + name + " found; looked in:" + tried);
}

} // namespace clipflow
