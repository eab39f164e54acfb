#pragma once
// A CLIP image tower as a detector backbone: the whole image, CLIP-preprocessed,
// gives one feature vector from the chosen layer.

#include "clipflow/backbone.h"

namespace clipflow {

class ClipBackbone : public Backbone {
public:
    /// layer: "proj", "cls", "block:N" (class token after block N, 1-based), or
    /// "tokens:K" (every token after K blocks, flattened: the input of a
    /// fine-tuned tail)
    static Result<std::unique_ptr<ClipBackbone>> load(const std::string& checkpoint, const std::string& layer,
                                                      const ClipLoadParams& params = {});

    std::string type() const override { return "clip"; }
    std::string id() const override;
    int dim() const override;
    std::string feature_layer() const override { return layer_; }
    std::string weights_sha256() const override { return sha256_; }
    std::string params_json() const override;

    std::vector<PixelRect> scoring_view_rects(int width, int height) const override { return {{0, 0, width, height}}; }
    Raster training_view(const Raster& image, std::uint64_t) const override { return image; }
    Result<std::vector<std::vector<float>>> features(const std::vector<Raster>& views) const override;

    const ClipEncoder& encoder() const { return encoder_; }

private:
    ClipBackbone(ClipEncoder encoder, std::string layer, int block, std::string sha256)
        : encoder_(std::move(encoder)), layer_(std::move(layer)), block_(block), sha256_(std::move(sha256))
    {
    }
    ClipEncoder encoder_;
    std::string layer_;
    int block_ = 0; ///< N for block:N, -(K + 1) for tokens:K
    std::string sha256_;
};

} // namespace clipflow
