#pragma once
// Detector headers (internal; shared by both detector kinds): parsing them,
// and rebuilding the backbone they name for scoring: the forensic backbone of the same version, or the CLIP
// checkpoint with the recorded SHA-256 (the user's file, checked, or an
// installed model).

#include "clipflow/backbone.h"
#include "clipflow/clipflowdetector.h"
#include "clipflow/detectormodel.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace clipflow::detail {

// Rebuilds the backbone a detector header names.
Result<std::unique_ptr<Backbone>> detector_backbone(const DetectorModelHeader& header, const DetectorLoadParams& params);

// Reads the header fields shared by every detector kind; `what` names the kind in errors.
// Throws nlohmann::json exceptions on missing or mistyped fields (callers report them as damage).
Status parse_detector_header(const nlohmann::json& j, int max_version, const std::string& what, DetectorModelHeader& out);

} // namespace clipflow::detail
