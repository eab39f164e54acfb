#pragma once
// Feature extractors for the detectors, behind one interface. Three exist:
//   forensic  weight-free features from spectra and noise residuals
//             (ForensicBackbone): nothing to download
//   forensic-v2  a small residual network learned from natural photos and
//             their proxies (LearnedBackbone); its weights ship with the app
//   clip      a CLIP image tower (ClipBackbone): projected, class-token or
//             per-block features
// Every detector result names the backbone (id()) that produced it.
//
// A backbone turns an image into one or more views (native-resolution crops
// for the forensic backbone, the whole image for CLIP) and each view into a
// feature vector. Detectors score every view and average.

#include "clipflow/clipencoder.h"
#include "clipflow/raster.h"
#include "clipflow/result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace clipflow {

struct BackboneSpec {
    std::string type = "forensic"; ///< "forensic" (v1, weight-free), "forensic-v2" (learned) or "clip"
    std::string weights;           ///< forensic-v2 weights file
    std::string clip_model;        ///< checkpoint path (type "clip")
    std::string layer = "proj";    ///< clip: "proj", "cls" or "block:N"
    ClipLoadParams clip_load;
};

class Backbone {
public:
    virtual ~Backbone() = default;

    virtual std::string type() const = 0;
    /// Stable identity, e.g. "forensic-v1" or "clip:ViT-B/32@224:proj".
    virtual std::string id() const = 0;
    virtual int dim() const = 0;
    virtual std::string feature_layer() const = 0;
    /// SHA-256 of the weights file; empty for weight-free backbones.
    virtual std::string weights_sha256() const = 0;
    /// Everything that changes the features, as JSON (model metadata, cache keys).
    virtual std::string params_json() const = 0;

    /// Where the views that scoring looks at lie in a width x height image (deterministic):
    /// native-resolution crops, or the whole image.
    virtual std::vector<PixelRect> scoring_view_rects(int width, int height) const = 0;
    /// Those views of an image.
    std::vector<Raster> scoring_views(const Raster& image) const;
    /// One view for training, drawn from the seed (augmentation).
    virtual Raster training_view(const Raster& image, std::uint64_t seed) const = 0;
    /// One feature vector of dim() floats per view.
    virtual Result<std::vector<std::vector<float>>> features(const std::vector<Raster>& views) const = 0;
};

Result<std::unique_ptr<Backbone>> make_backbone(const BackboneSpec& spec);

} // namespace clipflow
