#pragma once
// Weight-free forensic features (the default backbone while no CLIP model is
// installed). Per native-resolution crop of the luminance and RGB channels:
//   32  radial power profile of the image, dB about its mean
//   32  radial profile of the 3x3-median noise residual, dB about its mean
//   32  radial profile of the periodicity map (resampling traces)
//    2  image and residual spectral levels
//    9  per-channel residual log-std and kurtosis; residual colour correlations
//   25  co-occurrence of quantised neighbouring differences (SPAM-like)
//    2  8x8 blockiness (JPEG grid), horizontal and vertical
//    2  clipped-pixel fractions (dark, bright)
// = 136 values. No resizing ever happens: up-sampling traces must survive.

#include "clipflow/backbone.h"

namespace clipflow {

struct ForensicParams {
    int crop = 256;    ///< view size; smaller images are used whole
    int max_views = 4; ///< scoring crops spread over the image
    int radial_bins = 32;
};

class ForensicBackbone : public Backbone {
public:
    static constexpr int kDim = 136;
    explicit ForensicBackbone(ForensicParams params = {}) : params_(params) {}

    std::string type() const override { return "forensic"; }
    std::string id() const override { return "forensic-v1"; }
    int dim() const override { return kDim; }
    std::string feature_layer() const override { return "spectra+residuals"; }
    std::string weights_sha256() const override { return {}; }
    std::string params_json() const override;

    std::vector<PixelRect> scoring_view_rects(int width, int height) const override;
    Raster training_view(const Raster& image, std::uint64_t seed) const override;
    Result<std::vector<std::vector<float>>> features(const std::vector<Raster>& views) const override;

    /// The feature vector of one view (exposed for tests).
    Result<std::vector<float>> view_features(const Raster& view) const;

private:
    ForensicParams params_;
};

} // namespace clipflow
