#pragma once
// LibTorch's intra-op thread count for one scope (internal, torch).

#include <torch/torch.h>

namespace clipflow::detail {

/// Raises LibTorch's intra-op threads to `threads` for the scope's lifetime
/// (never lowers them; 0 leaves them alone) and restores the count after.
/// LibTorch defaults to its own count of physical cores, which can be fewer
/// than the CPUs a process may use.
class ScopedTorchThreads {
public:
    explicit ScopedTorchThreads(int threads) : saved_(torch::get_num_threads())
    {
        if (threads > saved_) torch::set_num_threads(threads);
    }
    ~ScopedTorchThreads()
    {
        if (torch::get_num_threads() != saved_) torch::set_num_threads(saved_);
    }
    ScopedTorchThreads(const ScopedTorchThreads&) = delete;
    ScopedTorchThreads& operator=(const ScopedTorchThreads&) = delete;

private:
    int saved_;
};

} // namespace clipflow::detail
