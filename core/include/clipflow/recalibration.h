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
//
// A supervised detector is calibrated the same way CLIP-Flow is, on photos it
// never saw: every photo among natural_files that is not in its training or
// validation set is scored as it is, and log(p_real / p_ai) of those sets the
// bound (at most 5% false positives with 95% confidence; calibration.h). Its
// level then reads a p-value like CLIP-Flow's instead of p_ai >= 0.5. The head
// is not retrained, so it ranks images exactly as before (in the same
// orientation: params.orientation may change that reading, as for CLIP-Flow).
//
//   auto r = clipflow::calibrate_supervised_detector(p);  // p.scope unused
//   // r->info.calibration->flag_level(); r->scored photos, r->skipped_seen

#include "clipflow/callbacks.h"
#include "clipflow/clipflowdetector.h"
#include "clipflow/clipflowtraining.h"
#include "clipflow/evidence.h"
#include "clipflow/result.h"
#include "clipflow/supervisedmodel.h"

#include <string>
#include <vector>

namespace clipflow {

struct RecalibrateParams {
    std::string model_path;                 ///< a CLIP-Flow detector file
    std::string out_path;                   ///< written atomically; may be model_path
    std::vector<std::string> natural_files; ///< searched for the model's held-out photos (by SHA-256)
    /// Where the delivered bound applies: every image (the lower threshold) or delivered copies only.
    DeliveredScope scope = DeliveredScope::Everywhere;
    /// How the new file reads images (DetectorModelHeader::orientation): "stored", "either", or
    /// empty to keep the model's. CLIP-Flow: a changed or "either" reading scores the held-out
    /// photos as they are again too, so that both bounds are stated in the file's own reading;
    /// a supervised detector's photos are always scored afresh, in the new file's reading.
    std::string orientation;
    /// CLIP-Flow: another detector whose flow becomes this model's second reading
    /// (ClipFlowModelInfo::second_reading): trained on the same photos with the same hold-out,
    /// calibrated in the orientation the new file reads, over a backbone cutting the same views.
    /// Its backbone's weights are looked for beside it (then as load.second_backbone says).
    /// Every held-out photo is then scored again, as it is and as delivered, with both readings
    /// combined; the proxies' histogram is left out (training read it with the first flow alone).
    std::string second_reading;
    /// Refuse (write nothing) when too few held-out photos are found for the bound to hold as
    /// delivered. false: write the file all the same, its calibration saying the bound is not sure
    /// (Calibration::bound_holds), as training does with too few photos; what
    /// ClipFlowTrainParams::second_reading's join asks.
    bool require_bound = true;
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
    bool rescored =
        false; ///< the as-is scores were computed again (the orientation changed or is "either", or a second reading joined)
    long unreadable = 0; ///< files that could not be read
};

/// Fails (nothing written) on a file that is not a CLIP-Flow detector, when
/// none of its held-out photos is among natural_files, or when too few are for
/// the bound (Calibration's flag rank).
Result<RecalibrateResult> recalibrate_clipflow_detector(const RecalibrateParams& params);

struct SupervisedCalibrateResult {
    SupervisedModelInfo info; ///< the new file's
    std::string previous_model_id;
    long scored = 0;       ///< natural photos the bound rests on
    long skipped_seen = 0; ///< photos the model trained or validated on (not used)
    long unreadable = 0;   ///< files that could not be read
};

/// Fails (nothing written) on a file that is not a supervised detector, or when
/// fewer than 59 unseen photos were found (below that no rank bounds 5% with 95%).
Result<SupervisedCalibrateResult> calibrate_supervised_detector(const RecalibrateParams& params);

} // namespace clipflow
