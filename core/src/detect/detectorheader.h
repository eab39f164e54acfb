#pragma once
// Parsing the header fields every detector kind shares (internal). Kept apart
// from the backbone loader so the model-metadata parsers need no LibTorch
// (the fuzzing build compiles them alone).

#include "clipflow/detectormodel.h"
#include "clipflow/status.h"

#include <nlohmann/json.hpp>

#include <string>

namespace clipflow::detail {

// `what` names the kind in errors. Throws nlohmann::json exceptions on missing
// or mistyped fields (callers report them as damage).
Status parse_detector_header(const nlohmann::json& j, int max_version, const std::string& what, DetectorModelHeader& out);

// The backbone object alone ({type, id, feature_layer, dim, weights_sha256, params}): the
// header's, and a CLIP-Flow detector's second reading's. Throws as parse_detector_header.
Status parse_backbone_record(const nlohmann::json& b, const std::string& what, DetectorModelHeader& out);

// The writing side of the header's orientation: "either" is named (scoring.orientation),
// "stored" leaves no key, so files read as stored look as they always did.
void write_scoring_orientation(nlohmann::json& meta, const std::string& orientation);

} // namespace clipflow::detail
