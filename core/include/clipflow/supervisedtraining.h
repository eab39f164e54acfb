#pragma once
// Training a supervised detector on labelled images (real plus one class per
// generator), and adding a generator from a handful of examples.
//
//   clipflow::SupervisedTrainParams p;
//   p.images = {{"real/a.jpg", "real"}, {"sd/b.png", "stable-diffusion"}, ...};
//   p.out_path = "supervised.safetensors";
//   p.mode = "mlp";                           // or "linear" (a probe)
//   auto r = clipflow::train_supervised_detector(p);   // r->confusion, r->val_auc
//
// The same job conventions as the CLIP-Flow trainer (clipflowtraining.h;
// TrainProgress's natural_nll / proxy_nll carry the cross-entropy on real and
// on AI images):
// JobProgress stages "features", "training", "calibration", "saving"; abort;
// a checkpoint every epoch (weights and Adam state) resumed from when present;
// an atomic save; CUDA when present; a validation split by SHA-256.
// Every training view of every class goes through the same random
// recompression (JPEG, WebP, palette) and resizing, so file format and size
// teach nothing.

#include "clipflow/backbone.h"
#include "clipflow/clipflowdetector.h"
#include "clipflow/clipflowtraining.h"
#include "clipflow/dataset.h"
#include "clipflow/distributed.h"
#include "clipflow/supervisedmodel.h"

#include <string>
#include <vector>

namespace clipflow {

struct SupervisedTrainParams {
    std::vector<LabelledImage> images;
    std::string out_path;
    BackboneSpec backbone;
    /// "linear" (probe), "mlp" (one hidden layer), or "finetune": the last
    /// finetune_blocks CLIP blocks, ln_post and the projection are trained
    /// too (CLIP backbones only; backbone.layer "cls" skips the projection),
    /// under a linear head.
    std::string mode = "mlp";
    int finetune_blocks = 2;
    float finetune_learning_rate = 1e-5f;
    int hidden = 256;
    float dropout = 0.2f;
    int views_per_image = 4;
    double augment = 0.75; ///< chance per view of a re-save (JPEG 60-95); half as often a 0.6-1.4x resize first
    /// Of those re-saves, the shares that are lossy WebP (the same quality draw) and
    /// a 256-colour median-cut palette (dithered half the time) instead of JPEG: web
    /// pages deliver WebP, GIFs and "optimised" PNGs have palettes.
    double webp_share = 0.0;
    double palette_share = 0.0;
    /// Also learn a class "unknown" from proxies of the real photos (CLIP-Flow's
    /// spectral and decoder-like proxies, one per view): traces of an image
    /// maker that is none of the known generators. Scoring names it "unknown".
    bool proxy_class = true;
    double val_fraction = 0.25; ///< validation split (temperature, metrics)
    int min_per_class = 5;      ///< smaller classes are dropped (reported) rather than guessed at
    int epochs = 60;
    int batch_size = 256;
    float learning_rate = 1e-3f;
    float weight_decay = 1e-4f;
    std::uint64_t seed = 1;
    std::string device = "auto";
    std::string checkpoint_path;       ///< default out_path + ".ckpt"
    std::string cache_dir = "default"; ///< see FeatureCache
    int threads = 0;
    IntakeParams intake;
    JobProgressCallback progress;
    AbortCallback abort;
    DistributedParams distributed; ///< several ranks share the features and every batch; rank 0 writes (distributed.h)
};

struct SupervisedTrainResult {
    SupervisedModelInfo info;
    int epochs_run = 0;
    int resumed_from_epoch = 0;
    std::string device;
    long train_images = 0, val_images = 0, cache_hits = 0;
    std::vector<std::string> skipped;         ///< "file: reason"
    std::vector<std::string> dropped_classes; ///< "name (n images)"
    double val_accuracy = 0.0;                ///< all classes, image level (a photo's proxies count as one "unknown" image)
    double val_auc = 0.0;                     ///< p_ai, real vs all generators
    double temperature = 1.0;
    std::vector<std::vector<long>> confusion; ///< [true class][predicted class], validation images
    std::vector<TrainProgress> history;
};

Result<SupervisedTrainResult> train_supervised_detector(const SupervisedTrainParams& params);

/// Few-shot: a new generator class from a handful of images, by weight
/// imprinting (the new output row is the scaled centroid of their embeddings).
struct FewShotParams {
    std::string model_path;
    std::string out_path;
    std::string name;
    std::vector<std::string> files;
    DetectorLoadParams load;
};
Result<SupervisedModelInfo> add_generator(const FewShotParams& params);

} // namespace clipflow
