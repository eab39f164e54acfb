#pragma once
// Data-parallel training over several processes or machines, on LibTorch's own
// c10d (Gloo on CPU). The usual torchrun variables work unchanged:
//
//     auto dist = clipflow::distributed_from_environment({});   // RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT
//     clipflow::ClipFlowTrainParams p;  p.distributed = *dist;  // the same on every rank
//     clipflow::train_clipflow_detector(p);                      // rank 0 writes the model
//
// Every rank is given the same inputs and settings. Each computes the features
// of its share of the files (shared with the others afterwards) and the
// gradients of its share of every batch; gradients are summed over the ranks
// before each step, so N ranks take the steps one process would take with the
// same global batch. Only rank 0 writes checkpoints and the model.

#include "clipflow/result.h"

#include <string>

namespace clipflow {

struct DistributedParams {
    int rank = 0;       ///< 0 .. world_size-1
    int world_size = 1; ///< 1: a single process, nothing to connect
    std::string master_addr = "127.0.0.1";
    int master_port = 29500;
    double timeout_s = 1800.0; ///< longest wait for the other ranks (rendezvous and each collective)

    bool enabled() const { return world_size > 1; }
    bool is_writer() const { return rank == 0; }
};

/// `given` completed from RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT where
/// those are set (flags already in `given` win: a field that differs from its
/// default is kept). An error for present but unusable values.
Result<DistributedParams> distributed_from_environment(const DistributedParams& given);

/// An error unless 0 <= rank < world_size, the port is 1..65535 and the timeout positive.
Status validate(const DistributedParams& p);

} // namespace clipflow
