#pragma once
// Recalibrating a trained CLIP-Flow detector without retraining its flow: the
// held-out photos that calibrated it (named by SHA-256 in the file) are scored
// again as delivered (deliver_copy(): shorter side at most kDeliveredSide, JPEG
// kDeliveredQuality): the lower of the two thresholds then holds for every
// image, or, with scope Copies, delivered copies (is_delivered_copy()) are read
// against those scores (Calibration::build). The flow, its training record and
// its as-is scores are kept, so every ranking figure of the model stays as it
// was; only the calibration, the file's model_id and its record change.
//
//   clipflow::RecalibrateParams p;
//   p.model_path = "old.safetensors";  p.out_path = "new.safetensors";
//   p.natural_files = photos;          // must include the model's held-out photos
//   auto r = clipflow::recalibrate_clipflow_detector(p);
//   // r->info.calibration.threshold(), r->matched of r->holdout_images photos found
//
// A model trained since delivery calibration existed already has it; this is
// for older files, such as the ones a user trained before.

#include "clipflow/callbacks.h"
#include "clipflow/clipflowdetector.h"
#include "clipflow/clipflowtraining.h"
#include "clipflow/evidence.h"
#include "clipflow/result.h"

#include <string>
#include <vector>

namespace clipflow {

struct RecalibrateParams {
    std::string model_path;                 ///< a CLIP-Flow detector file
    std::string out_path;                   ///< written atomically; may be model_path
    std::vector<std::string> natural_files; ///< searched for the model's held-out photos (by SHA-256)
    /// Where the delivered bound applies: every image (the lower threshold) or delivered copies only.
    DeliveredScope scope = DeliveredScope::Everywhere;
    DetectorLoadParams load; ///< how to find the model's backbone
    IntakeParams intake;
    JobProgressCallback progress; ///< stage "calibration", done / total files read
    AbortCallback abort;
};

struct RecalibrateResult {
    ClipFlowModelInfo info; ///< the new file's
    std::string previous_model_id;
    double previous_threshold = 0.0;
    long holdout_images = 0; ///< held-out photos the model names
    long matched = 0;        ///< of those, found among natural_files and scored as delivered
    long unreadable = 0;     ///< files that could not be read
};

/// Fails (nothing written) on a file that is not a CLIP-Flow detector, when
/// none of its held-out photos is among natural_files, or when too few are for
/// the bound (Calibration's flag rank).
Result<RecalibrateResult> recalibrate_clipflow_detector(const RecalibrateParams& params);

} // namespace clipflow
