#pragma once
// Rebuilding the backbone a detector header names, for scoring (internal;
// shared by both detector kinds): the forensic backbone of the same version, or
// the CLIP checkpoint or forensic-v2 weights with the recorded SHA-256 (the
// user's file, checked, or an installed model).

#include "clipflow/backbone.h"
#include "clipflow/clipflowdetector.h"
#include "clipflow/detectormodel.h"
#include "detectorheader.h"

#include <memory>
#include <string>

namespace clipflow::detail {

// Rebuilds the backbone a detector header names. A forensic-v2 detector's
// weights are looked for in params.learned_backbone, beside the detector file,
// in params.models_dir, then where find_default_detector looks (environment,
// beside the running program, the user's models folder), and must have the
// recorded SHA-256.
Result<std::unique_ptr<Backbone>> detector_backbone(const DetectorModelHeader& header, const DetectorLoadParams& params,
                                                    const std::string& detector_path);

} // namespace clipflow::detail
