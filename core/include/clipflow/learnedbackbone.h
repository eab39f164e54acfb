#pragma once
// forensic-v2: a small convolutional network over the image's high-pass
// residual, learned from natural photos and their decoder-like proxies only
// (train_learned_backbone, clipflow train-backbone). No AI image is involved;
// the weights ship with the application (forensic-v2.safetensors, 0.5 MB), so
// it works offline like forensic-v1.
//
// Views are forensic-v1's native-resolution crops (never resized). Features
// per view: mean and standard deviation of each of the last layer's 128
// channels (256 values). The network's own head also gives a logit per view
// and a map of it over the view (one value per 8 x 8 pixels).
// A file whose recipe says "chroma": "halved" holds a network that reads
// every view with its chroma averaged over 2 x 2 blocks (trained so with
// clipflow train-backbone --halve-chroma); load() sets that reading.
//
// Thread-safe for concurrent const calls (inference only, no autograd).

#include "clipflow/backbone.h"
#include "clipflow/forensicbackbone.h"

#include <memory>
#include <string>
#include <vector>

namespace clipflow {

/// What a weights file says of itself (metadata "clipflow.backbone").
struct LearnedBackboneInfo {
    std::string id;          ///< "forensic-v2"
    std::string sha256;      ///< of the weights file
    std::string recipe_json; ///< how it was trained: photos, steps, proxies, seed, validation AUC
};

class LearnedBackbone : public Backbone {
public:
    static constexpr const char* kId = "forensic-v2";
    static constexpr const char* kDefaultFile = "forensic-v2.safetensors";
    /// The shipped weights that read the chroma halved (the default detector's second reading).
    static constexpr const char* kHalvedFile = "forensic-v2-halved.safetensors";
    static constexpr int kDim = 256;

    /// Loads and checks a weights file (format, id, every tensor's name and shape).
    static Result<std::unique_ptr<LearnedBackbone>> load(const std::string& path, ForensicParams views = {});
    ~LearnedBackbone() override;

    std::string type() const override { return "forensic-v2"; }
    std::string id() const override { return kId; }
    int dim() const override { return kDim; }
    std::string feature_layer() const override { return "residual-cnn:mean+std"; }
    std::string weights_sha256() const override;
    std::string params_json() const override;
    const LearnedBackboneInfo& info() const;

    std::vector<PixelRect> scoring_view_rects(int width, int height) const override;
    Raster training_view(const Raster& image, std::uint64_t seed) const override;
    Result<std::vector<std::vector<float>>> features(const std::vector<Raster>& views) const override;

    /// The network head's logit per view (> 0: looks like a decoder's output).
    Result<std::vector<float>> logits(const std::vector<Raster>& views) const;
    /// The head's logit at every 8 x 8 cell of one view (width / 8 x height / 8, one channel).
    Result<Raster> logit_map(const Raster& view) const;

private:
    LearnedBackbone();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace clipflow
