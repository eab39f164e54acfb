#pragma once
// Training the forensic-v2 backbone (LearnedBackbone) from natural photos only.
//
//   clipflow::BackboneTrainParams p;
//   p.natural_files = {...};              // natural photos; no AI image, ever
//   p.out_path = "forensic-v2.safetensors";
//   p.progress = [](const clipflow::JobProgress& j) { ... };
//   p.abort = [&] { return cancel.load(); };
//   auto r = clipflow::train_learned_backbone(p);
//
// Recipe (after B-Free and AlignedForensics, without a generator's weights):
// each photo is shrunk by a random factor (its own JPEG and sensor traces
// fade, as in a generator's training data), then passed through a
// weight-free imitation of an f = 8 latent decoder (vae_decoder), an
// up-sampling cascade and one other spectral proxy. The network learns to
// tell the shrunk photo from its proxies on aligned patches, each patch
// independently JPEG-recompressed or not, so that neither content nor JPEG
// traces carry the label. Photos are split by SHA-256; the held-out ones
// give a validation AUC (photos against their own proxies).
//
// Stages: "photos" (intake and proxies, parallel), "training" (a checkpoint
// every checkpoint_every steps, resumed when present), "validation", "saving".
// Steps draw their data from (seed, step), so a resumed run sees the same
// batches as an uninterrupted one.

#include "clipflow/callbacks.h"
#include "clipflow/clipflowtraining.h"
#include "clipflow/distributed.h"
#include "clipflow/evidence.h"
#include "clipflow/learnedbackbone.h"
#include "clipflow/proxy.h"

#include <cstdint>
#include <string>
#include <vector>

namespace clipflow {

struct BackboneTrainParams {
    std::vector<std::string> natural_files;
    std::string out_path;
    int steps = 8000;            // about 35 minutes on 2 cores (0.25 s per step)
    int batch_pairs = 16;        ///< photo/proxy pairs per step
    int patch = 96;              ///< training patch side, pixels
    double learning_rate = 2e-3; ///< peak of a one-cycle schedule
    double jpeg_pair = 0.0;      ///< probability that a photo patch and its proxy are recompressed alike (same q 65-98)
    double jpeg_augment = 0.5;   ///< otherwise, probability that each patch is recompressed on its own (q 65-98)
    /// The network reads every image with its chroma halved (ForensicNet::halve_chroma), in
    /// training and in scoring alike, so that it learns traces in the luminance.
    bool halve_chroma = false;
    int base_side = 640; ///< largest side of the shrunk photo the pairs are cut from
    double shrink_min = 0.5, shrink_max = 0.9;
    /// The decoder proxies weakened toward the photo by a strength drawn log-uniformly from
    /// [decoder_strength_min, 1] (ProxyParams::decoder_strength_*); 1: whole, as before.
    float decoder_strength_min = 1.0f;
    double validation_fraction = 0.1;
    std::uint64_t seed = 1;
    /// Weights to start from instead of a random initialisation (a forensic-v2 file, e.g. to
    /// train the shipped backbone further with a new schedule); empty: from scratch.
    std::string init_path;
    int threads = 0;             ///< photo preparation workers; 0: all cores
    std::string device = "auto"; ///< "auto" (CUDA when present), "cpu" or "cuda"
    std::string checkpoint_path; ///< default out_path + ".ckpt"
    int checkpoint_every = 100;
    IntakeParams intake;
    JobProgressCallback progress;
    AbortCallback abort;
    DistributedParams distributed; ///< several ranks, each with its share of the photos; rank 0 writes (distributed.h)
};

struct BackboneTrainResult {
    LearnedBackboneInfo info;
    long photos = 0, validation_photos = 0;
    std::vector<std::string> skipped; ///< "file: reason"
    int steps_run = 0, resumed_from_step = 0;
    double final_loss = 0.0;             ///< running mean of the last steps
    double validation_auc = 0.0;         ///< held-out photos against their proxies
    double validation_auc_jpeg = 0.0;    ///< the same, both recompressed at JPEG quality 85
    double initial_validation_auc = 0.0; ///< with init_path: the starting weights' validation AUC, for comparison
    double prepare_seconds = 0.0, train_seconds = 0.0;
    std::string device; ///< where the steps ran: "cpu" or "cuda"
};

Result<BackboneTrainResult> train_learned_backbone(const BackboneTrainParams& params);

} // namespace clipflow
