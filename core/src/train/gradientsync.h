#pragma once
// Summing gradients over data-parallel ranks (internal, LibTorch).

#include "communicator.h"

#include <torch/torch.h>

namespace clipflow::detail {

/// Sums tensors over the ranks, in place, in one collective (double precision).
void allreduce_tensors(Communicator* comm, std::vector<torch::Tensor>& tensors);

/// Sums the gradients of `params` over the ranks (each rank scaled its loss by
/// its share of the global batch). No-op without a communicator.
void allreduce_gradients(Communicator* comm, const std::vector<torch::Tensor>& params);

} // namespace clipflow::detail
