#pragma once
// What a CLIP-Flow detector file says about itself. The file is one
// safetensors: the flow's weights, "clipflow.flow" (its shape) and
// "clipflow.model", a JSON object:
//   format_version, model_id, created_at, tool_version,
//   backbone {type, id, feature_layer, dim, weights_sha256, params},
//   proxy {params, views_per_image, proxies_per_view, jpeg_augment},
//   objective {name, margin, proxy_weight},
//   training {natural_files, train_images, holdout_images, train_views,
//             proxy_views, set_sha256, seed, epochs, device, final losses,
//             files (training SHA-256s), holdout_files},
//   calibration (see calibration.h),
//   scoring {orientation} (optional; "stored" when absent).

#include "clipflow/calibration.h"
#include "clipflow/detectormodel.h"
#include "clipflow/result.h"

#include <string>
#include <vector>

namespace clipflow {

struct ClipFlowModelInfo : DetectorModelHeader {
    static constexpr int kFormatVersion = 1;

    std::string proxy_json;
    std::string objective;
    std::string training_json;
    std::vector<std::string> training_sha256; ///< images the flow was trained on (sorted)
    std::vector<std::string> holdout_sha256;  ///< held-out images that calibrated it (sorted)
    Calibration calibration;
    std::string metadata_json; ///< the whole object, as stored

    /// Parses and validates the "clipflow.model" metadata of a file.
    static Result<ClipFlowModelInfo> read(const std::string& path);
    static Result<ClipFlowModelInfo> parse(const std::string& metadata_json);
    bool trained_on(const std::string& sha256) const;    ///< in the flow's training set
    bool calibrated_on(const std::string& sha256) const; ///< in the held-out calibration set
};

} // namespace clipflow
