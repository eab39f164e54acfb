#include "backboneoption.h"

#include "detectorsetup.h"

#include <clipflow/clipflowdetector.h>
#include <clipflow/learnedbackbone.h>
#include <clipflow/modelregistry.h>

namespace clipflow::cli {

void add_backbone_options(OptionTable& table, std::optional<std::string>& backbone, std::optional<std::string>& layer)
{
    table
        .text("--backbone", "B", backbone,
              "forensic (default; weight-free), forensic-v2 (the shipped learned backbone), forensic-v2-halved (the same "
              "network trained to read the chroma halved), forensic-v2:WEIGHTS (from train-backbone) or clip:MODEL (a "
              "CLIP checkpoint file or installed model)")
        .text("--layer", "L", layer, "CLIP feature: proj (default), cls or block:N");
}

std::optional<BackboneOptionError> apply_backbone_option(const std::optional<std::string>& backbone,
                                                         const std::optional<std::string>& layer, const std::string& device,
                                                         BackboneSpec& spec)
{
    const std::string v2 = LearnedBackbone::kId;
    if (backbone && *backbone == "forensic-v2-halved") { // the shipped network that reads the chroma halved
        if (layer) return BackboneOptionError{"--layer applies to CLIP backbones only"};
        auto shipped = find_default_detector(executable_dir(), LearnedBackbone::kHalvedFile);
        if (!shipped) return BackboneOptionError{shipped.status().message(), false, 1};
        spec.type = v2;
        spec.weights = *shipped;
        return std::nullopt;
    }
    if (backbone && (*backbone == v2 || backbone->rfind(v2 + ":", 0) == 0)) {
        if (layer) return BackboneOptionError{"--layer applies to CLIP backbones only"};
        spec.type = v2;
        if (*backbone == v2) {
            auto shipped = find_default_detector(executable_dir(), LearnedBackbone::kDefaultFile);
            if (!shipped) return BackboneOptionError{shipped.status().message(), false, 1};
            spec.weights = *shipped;
        } else {
            spec.weights = backbone->substr(v2.size() + 1);
            if (spec.weights.empty()) return BackboneOptionError{"--backbone forensic-v2: needs a weights file after the colon"};
        }
        return std::nullopt;
    }
    if (backbone && *backbone != "forensic") {
        if (backbone->rfind("clip:", 0) != 0)
            return BackboneOptionError{"--backbone must be forensic, forensic-v2[:WEIGHTS], forensic-v2-halved or clip:MODEL"};
        auto path = ModelRegistry().resolve(backbone->substr(5));
        if (!path) return BackboneOptionError{path.status().message(), false, 2};
        spec.type = "clip";
        spec.clip_model = *path;
        spec.layer = layer.value_or("proj");
        spec.clip_load.device = device;
        return std::nullopt;
    }
    if (layer) return BackboneOptionError{"--layer applies to CLIP backbones only"};
    return std::nullopt;
}

} // namespace clipflow::cli
