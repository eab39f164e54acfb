#pragma once
// What every detector file records the same way, whichever kind it is: its
// format version and identity, and the backbone its features came from
// (weights pinned by SHA-256). ClipFlowModelInfo and SupervisedModelInfo
// extend it.

#include <string>

namespace clipflow {

struct DetectorModelHeader {
    int format_version = 1;
    std::string model_id; ///< "cf-..." or "sv-..." + 12 hex digits
    std::string created_at;
    std::string tool_version;
    std::string backbone_type; ///< "forensic" or "clip"
    std::string backbone_id;
    std::string feature_layer;
    int dim = 0;
    std::string backbone_weights_sha256; ///< empty for weight-free backbones
    std::string backbone_params_json = "{}";
    /// How an image is read: "stored" (its pixel grid as stored) or "either" (the more natural
    /// of the image's and its transpose's reading, so a photo turned a quarter reads as the
    /// original; its calibration was scored the same way by recalibration). From
    /// scoring.orientation; files without the key: "stored"; other values are refused.
    std::string orientation = "stored";
};

} // namespace clipflow
