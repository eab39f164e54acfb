#pragma once
// Rebuilding the backbone a detector header names, for scoring (internal;
// shared by both detector kinds): the forensic backbone of the same version, or
// the CLIP checkpoint with the recorded SHA-256 (the user's file, checked, or
// an installed model).

#include "clipflow/backbone.h"
#include "clipflow/clipflowdetector.h"
#include "clipflow/detectormodel.h"
#include "detectorheader.h"

#include <memory>
#include <string>

namespace clipflow::detail {

// Rebuilds the backbone a detector header names.
Result<std::unique_ptr<Backbone>> detector_backbone(const DetectorModelHeader& header, const DetectorLoadParams& params);

} // namespace clipflow::detail
