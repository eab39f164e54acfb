#pragma once
// Training a CLIP-Flow detector end to end, from folders of natural photos to
// a calibrated model file. No AI image is ever involved.
//
//   clipflow::ClipFlowTrainParams p;
//   p.natural_files = {...};                  // natural photos only
//   p.out_path = "my-detector.safetensors";
//   p.progress = [](const clipflow::JobProgress& j) { ... };  // stage, counts, flow losses, ETA
//   p.abort = [&] { return cancel.load(); };
//   auto r = clipflow::train_clipflow_detector(p);
//
// Stages: "features" (intake, views, proxies, backbone; cached by SHA-256),
// "training" (the flow; a checkpoint every epoch, resumed from when present),
// "calibration" (held-out natural images and their proxies), "saving" (atomic).
// With a second reading (ClipFlowTrainParams::second_reading) the stages run
// once per reading (JobProgress::reading 1 and 2), then "calibration" again
// while both are joined (reading 3).
// Images are split into training and held-out sets by SHA-256, so the split
// does not depend on file names or order. Threads: the caller's; forensic
// features use every core.

#include "clipflow/backbone.h"
#include "clipflow/callbacks.h"
#include "clipflow/clipflowmodel.h"
#include "clipflow/evidence.h"
#include "clipflow/flowtrainer.h"
#include "clipflow/proxy.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace clipflow {

struct JobProgress {
    std::string stage; ///< "features", "training", "calibration", "saving"
    long done = 0;     ///< images (features, calibration) or steps (training)
    long total = 0;
    double eta_s = 0.0;
    TrainProgress train; ///< during "training"
    /// A detector read twice: 1 or 2 while that reading's flow is made, 3 while both are
    /// joined; 0 for a detector with one reading.
    int reading = 0;
};
using JobProgressCallback = std::function<void(const JobProgress&)>;

/// The flow settings detectors are trained with (chosen by held-out proxy AUC on
/// the dev photos, never by AI images): 60 epochs, K = 4, width 256, feature
/// noise 0.5.
FlowTrainParams detector_flow_defaults();

/// How held-out photos are "delivered" for calibration: as messengers send them
/// (deliver_copy(): shorter side shrunk to at most kDeliveredSide, JPEG kDeliveredQuality).
inline constexpr int kDeliveredSide = 512, kDeliveredQuality = 85;

/// A second reading (ClipFlowModelInfo::second_reading), as the shipped default has: a
/// second flow over another backbone's features of the same views, trained from the same
/// photos with the same split, seed and settings, then joined to the first as
/// recalibrate_clipflow_detector() joins RecalibrateParams::second_reading (the held-out
/// photos scored again with both, as they are and as delivered).
struct SecondReadingTrainParams {
    /// Must cut the same views as the first backbone: the shipped default's second reading is
    /// forensic-v2 read with the chroma halved (LearnedBackbone::kHalvedFile).
    BackboneSpec backbone;
    /// Its flow's proxy operations; empty: the first's. The shipped default's second flow
    /// learns the two decoder proxies only (vae_decoder, upsampling_cascade).
    std::vector<ProxyOp> ops;
};

struct ClipFlowTrainParams {
    std::vector<std::string> natural_files;
    std::string out_path;
    BackboneSpec backbone;
    ProxyParams proxy;
    int views_per_image = 4; ///< training views (random crops for the forensic backbone)
    int proxies_per_view = 1;
    double jpeg_augment = 1.0; ///< probability that a view and its proxy are both JPEG-recompressed
    /// The recompression's quality, drawn evenly from [jpeg_quality_min, jpeg_quality_max]:
    /// a narrower band trains a flow for one delivery channel.
    int jpeg_quality_min = 70, jpeg_quality_max = 95;
    /// Probability that a training image is first resized (shorter side times a factor
    /// in [resize_min, resize_max]; area averaging down, bicubic up), as delivery
    /// resizes photos; its view and the view's proxy both come from the resized image.
    /// Cut the false alarms on resized and recompressed held-out photos from 17% to 13%.
    double resize_augment = 0.5;
    double resize_min = 0.5, resize_max = 1.5;
    double holdout_fraction = 0.25;
    /// Also calibrate on the held-out photos as delivered (deliver_copy(): shorter side at most
    /// kDeliveredSide, JPEG kDeliveredQuality), so that the false-positive bound
    /// holds for them too (Calibration::build's delivered scores). Off by default:
    /// photos shrunk and recompressed so are flagged no more often than photos as
    /// taken by the shipped model (docs/method.md).
    bool delivery_calibration = false;
    /// Where that bound applies: every image (one lower threshold) or delivered copies
    /// only, read against the delivered photos (calibration.h, DeliveredScope).
    DeliveredScope delivery_scope = DeliveredScope::Everywhere;
    /// How the model reads images (ClipFlowModelInfo::orientation): "stored", or "either" (each
    /// scoring view as it is and transposed, the larger mean counts), which the held-out photos
    /// are then scored by too, so that the bound holds for photos saved turned a quarter. Costs
    /// the held-out photos twice the backbone passes; the shipped default reads so.
    std::string orientation = "stored";
    /// Held-out photos set the threshold: at most fpr of natural images flagged,
    /// with fpr_confidence (Calibration: a rate read off n photos is itself uncertain).
    double fpr = 0.05;
    double fpr_confidence = Calibration::kDefaultConfidence;
    /// flow.dim comes from the backbone; checkpoint defaults to out_path + ".ckpt"
    FlowTrainParams train = detector_flow_defaults();
    std::string cache_dir = "default"; ///< "default": FeatureCache::default_dir(); empty: no cache
    std::uint64_t seed = 0;
    int threads = 0; ///< feature workers; 0: all cores (forensic), 1 (CLIP)
    IntakeParams intake;
    JobProgressCallback progress;
    AbortCallback abort;
    DistributedParams distributed; ///< several ranks share the features and every batch; rank 0 writes (distributed.h)
    /// Also train a second reading and join it. The joined file is always calibrated on the
    /// held-out photos as delivered too (delivery_scope; the join scores them so), whatever
    /// delivery_calibration says. Each reading's flow is written beside out_path
    /// (out_path + ".reading1", ".reading2", each with its checkpoint) and removed once both
    /// are joined, so an interrupted run resumes from where it stopped. One process only.
    std::optional<SecondReadingTrainParams> second_reading;
};

struct ClipFlowTrainResult {
    ClipFlowModelInfo info;
    int epochs_run = 0;
    int resumed_from_epoch = 0;
    std::string device;
    long train_images = 0, holdout_images = 0, cache_hits = 0;
    std::vector<std::string> skipped; ///< "file: reason" for unreadable inputs
    double feature_seconds = 0.0, train_seconds = 0.0;
    /// Held-out natural images against their own proxies: a model-selection
    /// signal that needs no AI image.
    double holdout_proxy_auc = 0.0;
    std::vector<TrainProgress> history;
    /// With a second reading: its flow's held-out proxy AUC (its own proxies, its flow alone)
    /// and its model id before joining; the fields above are the first reading's, info the
    /// joined file's.
    double second_holdout_proxy_auc = 0.0;
    std::string second_model_id;
};

Result<ClipFlowTrainResult> train_clipflow_detector(const ClipFlowTrainParams& params);

} // namespace clipflow
