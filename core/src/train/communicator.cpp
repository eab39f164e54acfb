#include "communicator.h"
#include "gradientsync.h"

#include "support/jobutil.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>

namespace clipflow::detail {

struct Communicator::Impl {
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
};

Result<std::unique_ptr<Communicator>> Communicator::connect(const DistributedParams& p)
{
    if (Status s = validate(p); !s.ok()) return s;
    if (!p.enabled()) return std::unique_ptr<Communicator>();
    const auto timeout = std::chrono::milliseconds(static_cast<long>(p.timeout_s * 1000.0));
    std::unique_ptr<Communicator> c(new Communicator);
    c->rank_ = p.rank;
    c->size_ = p.world_size;
    c->impl_ = std::make_unique<Impl>();
    try {
        c10d::TCPStoreOptions so;
        so.port = static_cast<std::uint16_t>(p.master_port);
        so.isServer = p.rank == 0;
        so.numWorkers = static_cast<std::size_t>(p.world_size);
        so.waitWorkers = true;
        so.timeout = timeout;
        c->impl_->store = c10::make_intrusive<c10d::TCPStore>(p.master_addr, so);
        auto opts = c10d::ProcessGroupGloo::Options::create(timeout);
        // The address the master is reached at tells which interface to bind;
        // loopback for a single machine.
        opts->devices.push_back(p.master_addr == "127.0.0.1" || p.master_addr == "localhost"
                                    ? c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1")
                                    : c10d::ProcessGroupGloo::createDefaultDevice());
        opts->threads = 2;
        c->impl_->group = c10::make_intrusive<c10d::ProcessGroupGloo>(c->impl_->store, p.rank, p.world_size, opts);
    } catch (const std::exception& e) {
        return Status(ErrorCode::IoError, "rank " + std::to_string(p.rank) + " could not join the others at " + p.master_addr +
                                              ":" + std::to_string(p.master_port) + ": " + e.what());
    }
    return c;
}

Communicator::~Communicator() = default;

void allreduce_tensors(Communicator* comm, std::vector<torch::Tensor>& tensors)
{
    if (!comm || comm->size() < 2 || tensors.empty()) return;
    c10::InferenceMode normal(false); // Gloo's threads write into these: no inference tensors
    std::vector<torch::Tensor> flat_parts;
    for (const auto& t : tensors) flat_parts.push_back(t.detach().to(torch::kCPU, torch::kFloat64).reshape({-1}));
    // One collective for all tensors, summed in double so the order of ranks
    // barely matters.
    std::vector<torch::Tensor> flat{torch::cat(flat_parts)};
    comm->impl().group->allreduce(flat)->wait();
    long at = 0;
    for (auto& t : tensors) {
        const long n = t.numel();
        t.copy_(flat[0].narrow(0, at, n).view(t.sizes()).to(t.device(), t.scalar_type()));
        at += n;
    }
}

void Communicator::allreduce_sum(std::vector<double>& values)
{
    if (values.empty() || size_ < 2) return;
    c10::InferenceMode normal(false);
    std::vector<torch::Tensor> t{torch::from_blob(values.data(), {static_cast<long>(values.size())}, torch::kFloat64)};
    impl_->group->allreduce(t)->wait();
}

std::vector<std::string> Communicator::allgather(const std::string& mine)
{
    c10::InferenceMode normal(false);
    std::vector<torch::Tensor> len{torch::tensor({static_cast<int64_t>(mine.size())}, torch::kLong)};
    std::vector<std::vector<torch::Tensor>> lens(1);
    for (int r = 0; r < size_; ++r) lens[0].push_back(torch::empty({1}, torch::kLong));
    impl_->group->allgather(lens, len)->wait();
    int64_t longest = 1;
    for (const auto& l : lens[0]) longest = std::max(longest, l.item<int64_t>());
    auto buf = torch::zeros({longest}, torch::kUInt8);
    std::memcpy(buf.data_ptr<std::uint8_t>(), mine.data(), mine.size());
    std::vector<torch::Tensor> in{buf};
    std::vector<std::vector<torch::Tensor>> out(1);
    for (int r = 0; r < size_; ++r) out[0].push_back(torch::empty({longest}, torch::kUInt8));
    impl_->group->allgather(out, in)->wait();
    std::vector<std::string> result;
    for (int r = 0; r < size_; ++r)
        result.emplace_back(reinterpret_cast<const char*>(out[0][static_cast<std::size_t>(r)].data_ptr<std::uint8_t>()),
                            static_cast<std::size_t>(lens[0][static_cast<std::size_t>(r)].item<int64_t>()));
    return result;
}

void Communicator::barrier()
{
    impl_->group->barrier()->wait();
}

void allreduce_gradients(Communicator* comm, const std::vector<torch::Tensor>& params)
{
    if (!comm || comm->size() < 2) return;
    std::vector<torch::Tensor> grads;
    for (auto p : params) {
        if (!p.requires_grad()) continue;
        // A parameter no loss reached has no gradient yet: zero on every rank,
        // so all ranks send the same layout.
        if (!p.grad().defined()) p.mutable_grad() = torch::zeros_like(p);
        grads.push_back(p.mutable_grad());
    }
    allreduce_tensors(comm, grads);
}

bool same_on_all_ranks(Communicator* comm, bool flag)
{
    if (!comm || comm->size() < 2) return true;
    std::vector<double> n{flag ? 1.0 : 0.0};
    comm->allreduce_sum(n);
    return n[0] == 0.0 || n[0] == comm->size();
}

Result<bool> checkpoint_on_all_ranks(Communicator* comm, const std::string& path)
{
    std::error_code ec;
    const bool here = !path.empty() && std::filesystem::is_regular_file(path, ec);
    if (!same_on_all_ranks(comm, here))
        return Status(ErrorCode::InvalidArgument,
                      "only some ranks see the checkpoint " + path + ": put it on storage all ranks share, or delete it");
    return here;
}

Status check_same_inputs(Communicator* comm, const std::string& what, const std::string& description)
{
    if (!comm || comm->size() < 2) return {};
    try {
        const auto all = comm->allgather(sha_of(what));
        for (std::size_t r = 1; r < all.size(); ++r)
            if (all[r] != all[0])
                return Status(ErrorCode::InvalidArgument, "rank " + std::to_string(r) + " was given other " + description +
                                                              " than rank 0: every rank needs the same");
    } catch (const std::exception& e) {
        return Status(ErrorCode::IoError, std::string("the other ranks did not answer: ") + e.what());
    }
    return {};
}

std::pair<long, long> rank_rows(long n, int rank, int size)
{
    const long begin = n * rank / size, end = n * (rank + 1) / size;
    return {begin, end};
}

} // namespace clipflow::detail
