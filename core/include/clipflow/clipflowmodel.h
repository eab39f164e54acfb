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
//   scoring {orientation} (optional; "stored" when absent),
//   second_reading (optional): {model_id, backbone {as above}, scale
//     {median, robust_sigma, second_median, second_robust_sigma}}: a second
//     flow (tensors "second.flow.*", shape "clipflow.flow.second") over a
//     second backbone's features of the same views. Each view then reads
//     min(ll, median + robust_sigma * (ll2 - second_median) / second_robust_sigma):
//     the less natural of the two flows' readings, each standardised by its
//     own held-out photos, in the first flow's units (nats/dim). Written by
//     recalibrate_clipflow_detector (RecalibrateParams::second_reading).

#include "clipflow/calibration.h"
#include "clipflow/detectormodel.h"
#include "clipflow/result.h"

#include <optional>
#include <string>
#include <vector>

namespace clipflow {

/// A CLIP-Flow detector's second reading (see above).
struct SecondReading {
    std::string model_id;                              ///< the detector whose flow it is
    DetectorModelHeader backbone;                      ///< its backbone (backbone_* fields and dim only)
    double median = 0, robust_sigma = 1;               ///< the first flow's held-out photos
    double second_median = 0, second_robust_sigma = 1; ///< the second flow's (the same photos)
    /// The two flows' log-likelihoods of one view, as one (the formula above).
    double combine(double ll, double ll2) const;
};

struct ClipFlowModelInfo : DetectorModelHeader {
    static constexpr int kFormatVersion = 1;

    std::string proxy_json;
    std::string objective;
    std::string training_json;
    std::vector<std::string> training_sha256; ///< images the flow was trained on (sorted)
    std::vector<std::string> holdout_sha256;  ///< held-out images that calibrated it (sorted)
    Calibration calibration;
    std::string metadata_json; ///< the whole object, as stored
    std::optional<SecondReading> second_reading;

    /// Parses and validates the "clipflow.model" metadata of a file.
    static Result<ClipFlowModelInfo> read(const std::string& path);
    static Result<ClipFlowModelInfo> parse(const std::string& metadata_json);
    bool trained_on(const std::string& sha256) const;    ///< in the flow's training set
    bool calibrated_on(const std::string& sha256) const; ///< in the held-out calibration set
};

} // namespace clipflow
