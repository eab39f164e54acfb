#pragma once
// What a supervised detector file says about itself (after Moskowitz et al.,
// 2024: a head on CLIP-like features, trained on real and AI images, that also
// names the generator). One safetensors file: the head's weights ("head.*"),
// feature standardisation ("feature_mean", "feature_std"), class centroids in
// the head's embedding ("centroids"), and "clipflow.classifier", a JSON object:
//   format_version, model_id ("sv-..."), created_at, tool_version,
//   backbone {type, id, feature_layer, dim, weights_sha256, params},
//   head {mode, hidden, dropout, finetune_blocks, tail_output},
//   classes [names; "real" first], fine-tuned CLIP blocks ("tail.*"),
//   class_counts, temperature, radius (per class, open-set distance),
//   validation {accuracy, auc, confusion}, training {..., files, validation_files},
//   and, once calibrated on natural photos it never saw (clipflow recalibrate),
//   calibration (as CLIP-Flow's, of log(p_real / p_ai)) and calibration_files;
//   scoring {orientation} (optional; "stored" when absent).

#include "clipflow/calibration.h"
#include "clipflow/detectormodel.h"
#include "clipflow/result.h"

#include <optional>
#include <string>
#include <vector>

namespace clipflow {

struct SupervisedModelInfo : DetectorModelHeader {
    static constexpr int kFormatVersion = 1;
    /// The class learnt from proxies of real photos (models trained with
    /// proxy_class): an AI-like image that is none of the known generators.
    static constexpr const char* kUnknownClass = "unknown";

    std::string mode;                 ///< "linear", "mlp" or "finetune"
    int hidden = 0;                   ///< mlp width; 0 otherwise
    int finetune_blocks = 0;          ///< CLIP blocks trained (finetune)
    std::string tail_output;          ///< finetune: "proj" or "cls"
    std::vector<std::string> classes; ///< classes[0] == "real"
    std::vector<long> class_counts;   ///< training images per class (for "unknown": real photos whose proxies it learnt)
    double temperature = 1.0;
    std::vector<double> radius; ///< per class: 99th percentile training distance to its centroid
    std::vector<char> few_shot; ///< per class: added from a handful of examples
    double val_accuracy = 0.0, val_auc = 0.0;
    std::vector<std::string> training_sha256, validation_sha256; ///< sorted
    /// The false-positive bound read against natural photos the model never saw (training
    /// and validation photos excluded): scores are log(p_real / p_ai), low = AI. Without
    /// it (models as trained) an image is flagged at p_ai >= 0.5, which bounds nothing.
    std::optional<Calibration> calibration;
    std::vector<std::string> calibration_sha256; ///< the photos it was read against, sorted
    std::string metadata_json;

    static Result<SupervisedModelInfo> read(const std::string& path);
    static Result<SupervisedModelInfo> parse(const std::string& metadata_json);
    bool trained_on(const std::string& sha256) const;
    bool calibrated_on(const std::string& sha256) const;
    /// The p_ai above which it flags an image: 1 / (1 + e^t) for the calibration's log-odds
    /// threshold t, 0.5 without a calibration.
    double flag_p_ai() const;
    std::vector<std::string> generators() const { return {classes.begin() + 1, classes.end()}; }
};

/// "clipflow" or "supervised", from a detector file's metadata.
Result<std::string> detector_kind(const std::string& path);

} // namespace clipflow
