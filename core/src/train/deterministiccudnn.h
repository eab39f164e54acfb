#pragma once
// cuDNN's deterministic kernels for one scope (internal, torch).

#include <ATen/Context.h>

namespace clipflow::detail {

/// cuDNN picks its fastest convolution kernels by timing, and some of them add up
/// in a varying order; a convolutional job that must repeat from its seed (and
/// resume exactly) asks for the deterministic ones while it runs. No effect on the
/// CPU.
class ScopedDeterministicCudnn {
public:
    ScopedDeterministicCudnn()
        : deterministic_(at::globalContext().deterministicCuDNN()), benchmark_(at::globalContext().benchmarkCuDNN())
    {
        at::globalContext().setDeterministicCuDNN(true);
        at::globalContext().setBenchmarkCuDNN(false);
    }
    ~ScopedDeterministicCudnn()
    {
        at::globalContext().setDeterministicCuDNN(deterministic_);
        at::globalContext().setBenchmarkCuDNN(benchmark_);
    }
    ScopedDeterministicCudnn(const ScopedDeterministicCudnn&) = delete;
    ScopedDeterministicCudnn& operator=(const ScopedDeterministicCudnn&) = delete;

private:
    bool deterministic_, benchmark_;
};

} // namespace clipflow::detail
