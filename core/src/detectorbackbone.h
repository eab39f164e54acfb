#pragma once
// The backbone a saved detector names, rebuilt for scoring (internal; shared by
// both detector kinds): the forensic backbone of the same version, or the CLIP
// checkpoint with the recorded SHA-256 (the user's file, checked, or an
// installed model).

#include "clipflow/backbone.h"
#include "clipflow/clipflowdetector.h"

#include <memory>
#include <string>

namespace clipflow::detail {

struct BackboneRecord {
    std::string type, id, layer, weights_sha256;
    int dim = 0;
};

Result<std::unique_ptr<Backbone>> detector_backbone(const BackboneRecord& record, const DetectorLoadParams& params);

} // namespace clipflow::detail
