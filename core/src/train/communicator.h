#pragma once
// The ranks of one data-parallel job (internal): a TCPStore rendezvous at the
// master address and a Gloo process group. Torch-free, so the feature stage and
// the training jobs that only pass it along compile without LibTorch; the
// gradient all-reduce is in gradientsync.h. Collectives throw std::exception
// on failure or timeout; callers turn that into a Status.

#include "clipflow/distributed.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace clipflow::detail {

class Communicator {
public:
    /// Blocks until all ranks have joined (or the timeout passes). A null
    /// pointer for a single process (p.enabled() false): nothing to join.
    static Result<std::unique_ptr<Communicator>> connect(const DistributedParams& p);
    ~Communicator();

    int rank() const { return rank_; }
    int size() const { return size_; }

    /// Sums element-wise over the ranks, in place.
    void allreduce_sum(std::vector<double>& values);
    /// Everyone's bytes, in rank order.
    std::vector<std::string> allgather(const std::string& mine);
    void barrier();

    struct Impl;
    Impl& impl() { return *impl_; }

private:
    Communicator() = default;
    std::unique_ptr<Impl> impl_;
    int rank_ = 0, size_ = 1;
};

/// The rows [begin, end) of a global batch of n rows that `rank` of `size` takes.
std::pair<long, long> rank_rows(long n, int rank, int size);

/// True when `flag` is the same on every rank (always, for one process).
bool same_on_all_ranks(Communicator* comm, bool flag);

/// Whether a checkpoint file is there to resume from: an error when only some
/// ranks see it (a resume needs it on storage every rank shares).
Result<bool> checkpoint_on_all_ranks(Communicator* comm, const std::string& path);

/// Stops with an error unless every rank was given the same `what` (inputs, settings).
Status check_same_inputs(Communicator* comm, const std::string& what, const std::string& description);

} // namespace clipflow::detail
