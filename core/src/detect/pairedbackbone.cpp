#include "pairedbackbone.h"

#include <nlohmann/json.hpp>

namespace clipflow::detail {

PairedBackbone::PairedBackbone(std::unique_ptr<Backbone> first, std::unique_ptr<Backbone> second)
    : first_(std::move(first)), second_(std::move(second))
{
}

Result<std::unique_ptr<Backbone>> PairedBackbone::make(std::unique_ptr<Backbone> first, std::unique_ptr<Backbone> second)
{
    if (!first || !second) return Status(ErrorCode::InvalidArgument, "a paired reading needs two backbones");
    // The second reading scores the first's views: both must cut the same crops
    // (a small image, a photo, a panorama, each way round).
    for (const auto& [w, h] : {std::pair{256, 256}, std::pair{4032, 3024}, std::pair{600, 3000}, std::pair{97, 65}})
        if (first->scoring_view_rects(w, h) != second->scoring_view_rects(w, h))
            return Status(ErrorCode::InvalidArgument, "the second reading's backbone (" + second->id() +
                                                          ") cuts other views than the first (" + first->id() + ")");
    return std::unique_ptr<Backbone>(new PairedBackbone(std::move(first), std::move(second)));
}

std::string PairedBackbone::params_json() const
{
    return nlohmann::json{{"first", nlohmann::json::parse(first_->params_json())},
                          {"second", nlohmann::json::parse(second_->params_json())}}
        .dump();
}

std::vector<PixelRect> PairedBackbone::scoring_view_rects(int width, int height) const
{
    return first_->scoring_view_rects(width, height);
}

Raster PairedBackbone::training_view(const Raster& image, std::uint64_t seed) const
{
    return first_->training_view(image, seed);
}

Result<std::vector<std::vector<float>>> PairedBackbone::features(const std::vector<Raster>& views) const
{
    auto a = first_->features(views);
    if (!a) return a.status();
    return features(views, std::move(*a));
}

Result<std::vector<std::vector<float>>> PairedBackbone::features(const std::vector<Raster>& views,
                                                                 std::vector<std::vector<float>> rows) const
{
    auto b = second_->features(views);
    if (!b) return b.status();
    if (rows.size() != b->size()) return Status(ErrorCode::Internal, "the two readings returned different numbers of views");
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i].insert(rows[i].end(), (*b)[i].begin(), (*b)[i].end());
    return rows;
}

} // namespace clipflow::detail
