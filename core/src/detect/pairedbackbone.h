#pragma once
// Two backbones read over the same views, their features side by side
// (internal): the backbone of a CLIP-Flow detector with a second reading
// (clipflowmodel.h). Views, training views and the weights identity are the
// first backbone's; the second must place its views alike (checked at make()).

#include "clipflow/backbone.h"

#include <memory>
#include <string>
#include <vector>

namespace clipflow::detail {

class PairedBackbone : public Backbone {
public:
    static Result<std::unique_ptr<Backbone>> make(std::unique_ptr<Backbone> first, std::unique_ptr<Backbone> second);

    std::string type() const override { return first_->type(); }
    std::string id() const override { return first_->id() + "+" + second_->id(); }
    int dim() const override { return first_->dim() + second_->dim(); }
    std::string feature_layer() const override { return first_->feature_layer(); }
    std::string weights_sha256() const override { return first_->weights_sha256(); }
    std::string params_json() const override;

    std::vector<PixelRect> scoring_view_rects(int width, int height) const override;
    Raster training_view(const Raster& image, std::uint64_t seed) const override;
    /// Each row: the first backbone's dim() values, then the second's.
    Result<std::vector<std::vector<float>>> features(const std::vector<Raster>& views) const override;
    /// The same with the first backbone's rows of these views at hand (another detector read
    /// them): only the second backbone runs.
    Result<std::vector<std::vector<float>>> features(const std::vector<Raster>& views,
                                                     std::vector<std::vector<float>> first_rows) const;

    const Backbone& first() const { return *first_; }
    const Backbone& second() const { return *second_; }

private:
    PairedBackbone(std::unique_ptr<Backbone> first, std::unique_ptr<Backbone> second);
    std::unique_ptr<Backbone> first_, second_;
};

} // namespace clipflow::detail
