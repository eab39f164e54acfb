#pragma once
// Glow-style normalizing flow on feature vectors (the density model of the
// CLIP-Flow detector). K steps of
//     ActNorm -> invertible linear (LU, exact log-determinant) -> affine coupling (MLP)
// map x to z ~ N(0, I). log p(x) = log N(z; 0, I) + sum of log|det J|, reported
// in nats per dimension. No input, however hostile (NaN, Inf, 1e30), yields a
// NaN or Inf score. LibTorch stays inside flow.cpp.

#include "clipflow/result.h"
#include "clipflow/status.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace clipflow {

struct FlowParams {
    int dim = 768;            ///< feature dimension
    int steps = 8;            ///< K
    int hidden = 512;         ///< coupling MLP width
    int hidden_layers = 2;    ///< coupling MLP depth
    float scale_clamp = 3.0f; ///< coupling log-scales are clamp * tanh(s / clamp)
    std::uint64_t seed = 0;
};

class NormalizingFlow {
public:
    static Result<NormalizingFlow> create(const FlowParams& params);
    /// Reads a flow written by save(); checks every tensor's shape. part "second": a detector's
    /// second reading (tensors "second.flow.*", shape in "clipflow.flow.second").
    static Result<NormalizingFlow> load(const std::string& path, const std::string& part = {});

    NormalizingFlow(NormalizingFlow&&) noexcept;
    NormalizingFlow& operator=(NormalizingFlow&&) noexcept;
    ~NormalizingFlow();

    const FlowParams& params() const;
    std::int64_t parameter_count() const;

    /// n rows of dim features, row-major. Nats per dimension, always finite.
    Result<std::vector<float>> log_likelihood(const std::vector<float>& x, int n) const;
    /// z for each row (tests, diagnostics), and the inverse map back to x.
    Result<std::vector<float>> forward(const std::vector<float>& x, int n) const;
    Result<std::vector<float>> inverse(const std::vector<float>& z, int n) const;

    /// Data-dependent ActNorm initialisation from a batch (Glow): each ActNorm
    /// gives zero mean and unit variance to the activations it sees first.
    Status initialize(const std::vector<float>& x, int n);

    /// Adds N(0, scale^2) noise to every weight: a non-trivial flow for tests
    /// and benchmarks (a fresh flow is the identity up to a rotation).
    Status randomize(float scale, std::uint64_t seed);

    /// One safetensors file: the weights plus string metadata (JSON values are the caller's).
    Status save(const std::string& path, const std::map<std::string, std::string>& metadata = {}) const;

    struct Impl; ///< shared with the trainer inside core
    Impl& impl() const { return *impl_; }

private:
    NormalizingFlow();
    std::unique_ptr<Impl> impl_;
};

} // namespace clipflow
