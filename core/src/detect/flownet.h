#pragma once
// The flow's LibTorch modules (internal to core: includes torch).

#include "clipflow/flow.h"
#include "clipflow/safetensors.h"

#include <torch/torch.h>

namespace clipflow::detail {

struct ActNormImpl : torch::nn::Module {
    explicit ActNormImpl(int64_t dim);
    torch::Tensor loc, logs;
    std::pair<torch::Tensor, torch::Tensor> forward(const torch::Tensor& x); // y, log|det| per row
    torch::Tensor inverse(const torch::Tensor& y);
    void initialize(const torch::Tensor& x); // zero mean, unit variance on this batch
};
TORCH_MODULE(ActNorm);

// W = P L (U + diag(sign * exp(log_s))): the log-determinant is sum(log_s).
struct InvertibleLinearImpl : torch::nn::Module {
    InvertibleLinearImpl(int64_t dim, torch::Generator& gen);
    torch::Tensor perm, lower, upper, sign, log_s; // perm and sign are buffers
    torch::Tensor weight() const;
    std::pair<torch::Tensor, torch::Tensor> forward(const torch::Tensor& x);
    torch::Tensor inverse(const torch::Tensor& y);
};
TORCH_MODULE(InvertibleLinear);

// Transforms one half given the other: y_b = x_b * exp(s) + t, s = c tanh(raw / c).
struct AffineCouplingImpl : torch::nn::Module {
    AffineCouplingImpl(int64_t dim, int64_t hidden, int layers, float clamp, bool flip, torch::Generator& gen);
    torch::nn::Sequential net{nullptr};
    int64_t da, db;
    float clamp;
    bool flip; // which half is conditioned on
    std::pair<torch::Tensor, torch::Tensor> forward(const torch::Tensor& x);
    torch::Tensor inverse(const torch::Tensor& y);

private:
    std::pair<torch::Tensor, torch::Tensor> split(const torch::Tensor& x) const;
    torch::Tensor join(const torch::Tensor& a, const torch::Tensor& b) const;
    std::pair<torch::Tensor, torch::Tensor> scale_shift(const torch::Tensor& a);
};
TORCH_MODULE(AffineCoupling);

struct FlowNetImpl : torch::nn::Module {
    explicit FlowNetImpl(const FlowParams& p);
    FlowParams params;
    std::vector<ActNorm> norms;
    std::vector<InvertibleLinear> linears;
    std::vector<AffineCoupling> couplings;
    // z and the summed log|det J| per row.
    std::pair<torch::Tensor, torch::Tensor> forward(torch::Tensor x);
    torch::Tensor inverse(torch::Tensor z);
    // log p(x) in nats per dimension, finite for every input.
    torch::Tensor log_likelihood(const torch::Tensor& x);
    void initialize(torch::Tensor x);
};
TORCH_MODULE(FlowNet);

// The flow's weights as "flow.<name>" tensors, its shape as JSON, and the way
// back: shared by NormalizingFlow::save/load and the trainer's checkpoints.
std::vector<TensorData> flow_tensors(FlowNet& net);
std::string flow_params_json(const FlowParams& p);
Status read_flow_tensors(const SafetensorsFile& file, FlowNet& net, const std::string& prefix = "flow.");

// Input hygiene shared by scoring and training: NaN -> 0, +-Inf and huge
// values clipped, so no feature can push the flow out of float range.
torch::Tensor sanitize(const torch::Tensor& x);

// Per-feature spreads, none below 1% of the typical one: a feature that never
// varies among natural images (a learned backbone's dead channel) would
// otherwise be scaled by 10^6 and blow training up. ActNorm's initial scale
// and the training noise both use it.
torch::Tensor floored_spread(const torch::Tensor& spread);

} // namespace clipflow::detail

namespace clipflow {
struct NormalizingFlow::Impl {
    detail::FlowNet net{nullptr};
};
} // namespace clipflow
