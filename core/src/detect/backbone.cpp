#include "clipflow/backbone.h"

#include "clipflow/clipbackbone.h"
#include "clipflow/forensicbackbone.h"
#include "clipflow/learnedbackbone.h"

namespace clipflow {

std::vector<Raster> Backbone::scoring_views(const Raster& image) const
{
    std::vector<Raster> views;
    for (const auto& r : scoring_view_rects(image.width, image.height))
        views.push_back(r.width == image.width && r.height == image.height ? image : crop(image, r.x, r.y, r.width, r.height));
    return views;
}

Result<std::unique_ptr<Backbone>> make_backbone(const BackboneSpec& spec)
{
    if (spec.type == "forensic") return std::unique_ptr<Backbone>(std::make_unique<ForensicBackbone>());
    if (spec.type == "forensic-v2") {
        if (spec.weights.empty()) return Status(ErrorCode::InvalidArgument, "the forensic-v2 backbone needs its weights file");
        auto bb = LearnedBackbone::load(spec.weights);
        if (!bb) return bb.status();
        return std::unique_ptr<Backbone>(std::move(*bb));
    }
    if (spec.type == "clip") {
        if (spec.clip_model.empty()) return Status(ErrorCode::InvalidArgument, "the CLIP backbone needs a CLIP model");
        auto clip = ClipBackbone::load(spec.clip_model, spec.layer, spec.clip_load);
        if (!clip) return clip.status();
        return std::unique_ptr<Backbone>(std::move(*clip));
    }
    return Status(ErrorCode::InvalidArgument, "unknown backbone '" + spec.type + "' (forensic, forensic-v2 or clip)");
}

} // namespace clipflow
