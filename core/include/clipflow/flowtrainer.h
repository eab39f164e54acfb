#pragma once
// Training the CLIP-Flow density model: a job API in the whisper.h style.
//
//   clipflow::FlowTrainParams p;              // defaults: combined objective, 20 epochs
//   p.flow.dim = 768;
//   p.checkpoint_path = "run.ckpt";           // written every epoch; resumed from when present
//   p.progress = [](const clipflow::TrainProgress& t) { ... };   // epoch, step, losses, ETA
//   p.abort = [&] { return cancelled.load(); };
//   auto r = clipflow::train_flow(natural, n_nat, proxies, n_proxy, p);
//
// Objectives (ℓ(x) = log p(x) / D, nats per dimension; m = margin):
//   combined:   L = E_nat[−ℓ(x)] + λ · E_proxy[ max(0, ℓ(x̃) − (sg(E_batch ℓ(x)) − m)) ]
//   proxy-only: L = E_proxy[ max(0, ℓ(x̃) − ℓ₀) ] + E_nat[ max(0, ℓ₀ − ℓ(x)) ],
//               ℓ₀ = E_nat ℓ(x) at the start − m, frozen
// sg = stop-gradient. In proxy-only training natural images set ℓ₀ and act as a
// floor at it; they are never maximised. The hinges bound both objectives, so
// the flow cannot win by sending proxies (or everything) to −∞.
//
// Deterministic for a given seed, thread count and device; an aborted job
// resumed from its checkpoint ends bit-identical to an uninterrupted one.

#include "clipflow/callbacks.h"
#include "clipflow/distributed.h"
#include "clipflow/flow.h"

#include <functional>
#include <string>
#include <vector>

namespace clipflow {

enum class FlowObjective { Combined, ProxyOnly };
const char* objective_name(FlowObjective objective);

struct TrainProgress {
    int epoch = 0; ///< 1-based, the epoch in progress or just finished
    int epochs = 0;
    long step = 0; ///< optimiser steps so far
    long steps_per_epoch = 0;
    double natural_nll = 0.0; ///< running mean of −ℓ on natural features this epoch
    double proxy_nll = 0.0;   ///< running mean of −ℓ on proxies this epoch
    double loss = 0.0;
    double samples_per_s = 0.0;
    double eta_s = 0.0;
    bool epoch_end = false;
};
using TrainProgressCallback = std::function<void(const TrainProgress&)>;

struct FlowTrainParams {
    FlowParams flow;
    FlowObjective objective = FlowObjective::Combined;
    float margin = 1.0f;       ///< nats per dimension below the natural mean
    float proxy_weight = 1.0f; ///< λ in the combined objective
    int epochs = 20;
    int batch_size = 256;
    float learning_rate = 1e-3f;
    float grad_clip = 10.0f;
    float feature_noise = 0.0f; ///< Gaussian noise added to training features, in units of each dimension's natural std
    float weight_decay = 0.0f;  ///< Adam L2 penalty
    std::uint64_t seed = 0;
    std::string device = "auto";    ///< "auto", "cpu", "cuda"
    std::string checkpoint_path;    ///< empty: no checkpoints, no resume
    TrainProgressCallback progress; ///< called every few steps and at each epoch end
    AbortCallback abort;            ///< checked every step; the last checkpoint stays
    DistributedParams distributed;  ///< several ranks: each takes a share of every batch (see distributed.h)
};

struct FlowTrainResult {
    NormalizingFlow flow;
    int epochs_run = 0;         ///< in this call
    int resumed_from_epoch = 0; ///< 0: started afresh
    std::string device;
    std::vector<TrainProgress> history; ///< one entry per finished epoch
};

/// Where training with this device setting would run, in words for a progress
/// display: "CUDA (1 GPU)" or "CPU (16 cores)".
std::string describe_training_device(const std::string& device = "auto");

/// natural: n_natural x flow.dim features; proxies: n_proxy x flow.dim.
Result<FlowTrainResult> train_flow(const std::vector<float>& natural, int n_natural, const std::vector<float>& proxies,
                                   int n_proxy, const FlowTrainParams& params);

} // namespace clipflow
