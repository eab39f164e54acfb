#include "clipflow/flowtrainer.h"

#include "clipflow/safetensors.h"
#include "detect/flownet.h"
#include "flowtrainer_p.h"
#include "gradientsync.h"
#include "io/torchstate.h"
#include "trainingdevice.h"

#include <nlohmann/json.hpp>
#include <torch/cuda.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <thread>

namespace clipflow {

const char* objective_name(FlowObjective objective)
{
    return objective == FlowObjective::Combined ? "combined" : "proxy";
}

namespace {

using torch::Tensor;

// "last": the finished epoch's losses, so that a run resumed after its last epoch (a detector's
// first reading, kept until both are joined) still records what its flow ended at.
std::string checkpoint_metadata(int epoch, double level, const FlowTrainParams& p, const TrainProgress& last)
{
    return nlohmann::json{
        {"epoch", epoch},     {"level", level},
        {"seed", p.seed},     {"objective", objective_name(p.objective)},
        {"margin", p.margin}, {"last", {{"natural_nll", last.natural_nll}, {"proxy_nll", last.proxy_nll}, {"loss", last.loss}}}}
        .dump();
}

// Flow weights and Adam's moments in one safetensors file, written atomically.
Status save_checkpoint(const std::string& path, detail::FlowNet& net, torch::optim::Adam& opt, int epoch, double level,
                       const FlowTrainParams& p, const TrainProgress& last)
{
    std::vector<TensorData> tensors = detail::flow_tensors(net);
    const std::string steps = detail::adam_state(opt, net->parameters(), tensors);
    std::map<std::string, std::string> meta{{"clipflow.flow", detail::flow_params_json(net->params)},
                                            {"clipflow.checkpoint", checkpoint_metadata(epoch, level, p, last)},
                                            {"clipflow.adam_steps", steps}};
    return write_safetensors(path, tensors, meta);
}

// Returns the epoch the checkpoint finished, after restoring weights, optimiser state and the proxy level;
// `last` gets that epoch's losses where the checkpoint has them (older ones do not: epoch_end stays false).
Result<int> load_checkpoint(const std::string& path, detail::FlowNet& net, torch::optim::Adam& opt, torch::Device device,
                            double& level, TrainProgress& last)
{
    auto file = SafetensorsFile::open(path);
    if (!file) return file.status();
    int epoch = 0;
    std::string steps;
    try {
        const auto meta = nlohmann::json::parse(file->metadata().at("clipflow.checkpoint"));
        epoch = meta.at("epoch").get<int>();
        level = meta.at("level").get<double>();
        steps = file->metadata().at("clipflow.adam_steps");
        if (const auto l = meta.find("last"); l != meta.end()) {
            last.natural_nll = l->at("natural_nll").get<double>();
            last.proxy_nll = l->at("proxy_nll").get<double>();
            last.loss = l->at("loss").get<double>();
            last.epoch = epoch;
            last.epoch_end = true;
        }
    } catch (const std::exception& e) {
        return Status(ErrorCode::CorruptData, "checkpoint " + path + " is damaged: " + e.what());
    }
    if (Status s = detail::read_flow_tensors(file.value(), net); !s.ok())
        return Status(s.code(), "checkpoint " + path + ": " + s.message());
    if (Status s = detail::restore_adam_state(file.value(), steps, opt, net->parameters(), device); !s.ok())
        return Status(s.code(), "checkpoint " + path + ": " + s.message());
    return epoch;
}

Status validate(const std::vector<float>& natural, int n_natural, const std::vector<float>& proxies, int n_proxy,
                const FlowTrainParams& p)
{
    const auto d = static_cast<std::size_t>(std::max(p.flow.dim, 0));
    if (n_natural < 2 || natural.size() != static_cast<std::size_t>(n_natural) * d)
        return {ErrorCode::InvalidArgument, "natural features must be at least 2 rows of " + std::to_string(p.flow.dim)};
    if (n_proxy < 1 || proxies.size() != static_cast<std::size_t>(n_proxy) * d)
        return {ErrorCode::InvalidArgument, "proxy features must be at least 1 row of " + std::to_string(p.flow.dim)};
    if (p.epochs < 1 || p.batch_size < 2) return {ErrorCode::InvalidArgument, "need at least one epoch and batches of 2 or more"};
    if (!(p.learning_rate > 0) || !(p.margin >= 0) || !(p.proxy_weight >= 0))
        return {ErrorCode::InvalidArgument, "learning rate, margin or weight out of range"};
    if (!(p.feature_noise >= 0 && p.feature_noise <= 10) || !(p.weight_decay >= 0 && p.weight_decay < 1))
        return {ErrorCode::InvalidArgument, "feature noise or weight decay out of range"};
    return {};
}

} // namespace

Result<FlowTrainResult> train_flow(const std::vector<float>& natural, int n_natural, const std::vector<float>& proxies,
                                   int n_proxy, const FlowTrainParams& params)
{
    auto connected = detail::Communicator::connect(params.distributed);
    if (!connected) return connected.status();
    const std::unique_ptr<detail::Communicator> comm = std::move(*connected);
    return detail::train_flow_ranked(natural, n_natural, proxies, n_proxy, params, comm.get());
}

namespace detail {

Result<FlowTrainResult> train_flow_ranked(const std::vector<float>& natural, int n_natural, const std::vector<float>& proxies,
                                          int n_proxy, const FlowTrainParams& params, Communicator* comm)
{
    if (Status s = validate(natural, n_natural, proxies, n_proxy, params); !s.ok()) return s;
    const int rank = comm ? comm->rank() : 0, ranks = comm ? comm->size() : 1;
    auto created = NormalizingFlow::create(params.flow);
    if (!created) return created.status();
    try {
        auto cuda = detail::training_on_cuda(params.device);
        if (!cuda) return cuda.status();
        const torch::Device device = *cuda ? torch::kCUDA : torch::kCPU;
        FlowTrainResult result{std::move(created.value()), 0, 0, device.is_cuda() ? "cuda" : "cpu", {}};
        detail::FlowNet& net = result.flow.impl().net;
        net->to(device);
        const int d = params.flow.dim;
        const Tensor nat =
            detail::sanitize(torch::from_blob(const_cast<float*>(natural.data()), {n_natural, d}, torch::kFloat32)).to(device);
        const Tensor prox =
            detail::sanitize(torch::from_blob(const_cast<float*>(proxies.data()), {n_proxy, d}, torch::kFloat32)).to(device);
        torch::optim::Adam opt(net->parameters(),
                               torch::optim::AdamOptions(params.learning_rate).weight_decay(params.weight_decay));
        // Per-dimension spread of the natural features scales the training noise.
        const Tensor noise_scale = params.feature_noise > 0
                                       ? (detail::floored_spread(nat.std(0, true, true)) * params.feature_noise).detach()
                                       : Tensor();

        int start_epoch = 0;
        TrainProgress resumed_last; // the checkpoint's last epoch, for a run with no epoch left
        double level = 0.0;         // proxy-only: the fixed log-likelihood proxies are pushed below
        auto have_checkpoint = checkpoint_on_all_ranks(comm, params.checkpoint_path);
        if (!have_checkpoint) return have_checkpoint.status();
        if (*have_checkpoint) {
            auto epoch = load_checkpoint(params.checkpoint_path, net, opt, device, level, resumed_last);
            if (!epoch) return epoch.status();
            start_epoch = result.resumed_from_epoch = *epoch;
        } else {
            // Glow's data-dependent ActNorm start, on a seeded sample of natural features.
            const auto gen = at::detail::createCPUGenerator(params.seed);
            const Tensor pick = torch::randperm(n_natural, gen, torch::kLong).narrow(0, 0, std::min(n_natural, 1024)).to(device);
            const Tensor sample = nat.index_select(0, pick);
            net->initialize(sample);
            // Frozen once: a level that follows the natural mean lets the flow
            // chase it by spreading all mass away (measured: collapse in 2 epochs).
            torch::NoGradGuard guard;
            level = net->log_likelihood(sample).mean().item<double>() - params.margin;
        }
        net->train();
        const int B = params.batch_size;
        const long steps_per_epoch = (n_natural + B - 1) / B;
        const auto t0 = std::chrono::steady_clock::now();
        long steps_done = 0;
        for (int epoch = start_epoch; epoch < params.epochs; ++epoch) {
            // Shuffles derive from (seed, epoch) alone, so a resumed job sees the same batches.
            const auto g1 = at::detail::createCPUGenerator(params.seed * 1000003ull + static_cast<std::uint64_t>(epoch));
            const auto g2 = at::detail::createCPUGenerator(params.seed * 7919ull + 104729ull + static_cast<std::uint64_t>(epoch));
            const Tensor perm_nat = torch::randperm(n_natural, g1, torch::kLong).to(device);
            const Tensor perm_prox = torch::randperm(n_proxy, g2, torch::kLong).to(device);
            const auto g3 = at::detail::createCPUGenerator(params.seed * 31337ull + 17ull + static_cast<std::uint64_t>(epoch));
            TrainProgress tp;
            tp.step = long(epoch) * steps_per_epoch;
            tp.epoch = epoch + 1;
            tp.epochs = params.epochs;
            tp.steps_per_epoch = steps_per_epoch;
            double sum_nat = 0, sum_prox = 0, sum_loss = 0;
            long counted = 0;
            for (long s = 0; s < steps_per_epoch; ++s) {
                if (params.abort && params.abort())
                    return Status(ErrorCode::Aborted, "training aborted in epoch " + std::to_string(epoch + 1));
                const long lo = s * B, n = std::min<long>(B, n_natural - lo);
                // This rank's rows [b, e) of the global batch; one process takes all.
                const auto [b, e] = rank_rows(n, rank, ranks);
                const long m = e - b;
                const Tensor xb = nat.index_select(0, perm_nat.narrow(0, lo + b, m));
                const Tensor pi =
                    (torch::arange(lo + b, lo + e, torch::TensorOptions().dtype(torch::kLong).device(device)) % n_proxy);
                const Tensor pb = prox.index_select(0, perm_prox.index_select(0, pi));
                // One pass over both batches: each step's W is built once, GEMMs are twice as tall.
                Tensor both = torch::cat({xb, pb});
                if (noise_scale.defined()) { // smooths the density between the few natural samples
                    // The whole batch's noise is drawn on every rank, so the generator stays in step.
                    const Tensor noise = torch::randn({2 * n, d}, g3, torch::kFloat32).to(device);
                    both = both + torch::cat({noise.narrow(0, b, m), noise.narrow(0, n + b, m)}) * noise_scale;
                }
                const Tensor ll = net->log_likelihood(both);
                const Tensor ll_nat = ll.narrow(0, 0, m), ll_prox = ll.narrow(0, m, m);
                Tensor loss, nat_mean;
                double nat_sum = 0, prox_sum = 0;
                if (!comm) {
                    nat_mean = ll_nat.mean();
                    const Tensor target = params.objective == FlowObjective::Combined ? nat_mean.detach() - params.margin
                                                                                      : torch::full({}, level, ll_prox.options());
                    const Tensor hinge = torch::relu(ll_prox - target).mean();
                    // Proxy-only: natural features are a floor, never maximised. Without the
                    // floor the flow lowers every likelihood at once by expanding z (measured:
                    // all scores at the -1e6 clamp after 40 epochs on the dev photos).
                    loss = params.objective == FlowObjective::Combined ? -nat_mean + params.proxy_weight * hinge
                                                                       : hinge + torch::relu(target - ll_nat).mean();
                    nat_sum = nat_mean.item<double>() * double(n);
                    prox_sum = ll_prox.sum().item<double>();
                } else {
                    // Means over the global batch: each rank's sums over n; the target
                    // needs the global natural mean first.
                    std::vector<double> sums{ll_nat.sum().item<double>(), ll_prox.sum().item<double>()};
                    comm->allreduce_sum(sums);
                    nat_sum = sums[0];
                    prox_sum = sums[1];
                    const double dn = double(n);
                    const Tensor target = params.objective == FlowObjective::Combined
                                              ? torch::full({}, nat_sum / dn - params.margin, ll_prox.options())
                                              : torch::full({}, level, ll_prox.options());
                    const Tensor hinge = torch::relu(ll_prox - target).sum() / dn;
                    loss = params.objective == FlowObjective::Combined ? -ll_nat.sum() / dn + params.proxy_weight * hinge
                                                                       : hinge + torch::relu(target - ll_nat).sum() / dn;
                }
                double lv = loss.item<double>();
                if (comm) {
                    std::vector<double> l{lv};
                    comm->allreduce_sum(l);
                    lv = l[0];
                }
                opt.zero_grad();
                if (std::isfinite(lv)) { // a non-finite batch is skipped, never applied (on every rank alike)
                    loss.backward();
                    allreduce_gradients(comm, net->parameters());
                    torch::nn::utils::clip_grad_norm_(net->parameters(), params.grad_clip);
                    opt.step();
                }
                sum_nat += -nat_sum / double(n);
                sum_prox += -prox_sum / double(n);
                sum_loss += lv;
                ++counted;
                ++steps_done;
                ++tp.step;
                const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                tp.natural_nll = sum_nat / counted;
                tp.proxy_nll = sum_prox / counted;
                tp.loss = sum_loss / counted;
                tp.samples_per_s = elapsed > 0 ? double(steps_done) * B / elapsed : 0.0;
                const long remaining = (params.epochs - epoch - 1) * steps_per_epoch + (steps_per_epoch - s - 1);
                tp.eta_s = steps_done ? elapsed / double(steps_done) * double(remaining) : 0.0;
                tp.epoch_end = s + 1 == steps_per_epoch;
                if (params.progress && (tp.epoch_end || s % 10 == 0)) params.progress(tp);
            }
            tp.step = long(epoch + 1) * steps_per_epoch;
            result.history.push_back(tp);
            ++result.epochs_run;
            if (!params.checkpoint_path.empty() && rank == 0) // one writer; the others read it on resume
                if (Status st = save_checkpoint(params.checkpoint_path, net, opt, epoch + 1, level, params, tp); !st.ok())
                    return st;
        }
        if (result.history.empty() && resumed_last.epoch_end) {
            resumed_last.epochs = params.epochs;
            resumed_last.steps_per_epoch = steps_per_epoch;
            resumed_last.step = long(start_epoch) * steps_per_epoch;
            result.history.push_back(resumed_last);
        }
        net->eval();
        net->to(torch::kCPU);
        return result;
    } catch (const c10::Error& e) {
        return Status(ErrorCode::Internal, std::string("LibTorch: ") + e.what_without_backtrace());
    } catch (const std::bad_alloc&) {
        return Status(ErrorCode::Internal, "out of memory while training");
    } catch (const std::exception& e) { // the other ranks failed or timed out (Gloo)
        return Status(ErrorCode::IoError, std::string("data-parallel training stopped: ") + e.what());
    }
}

Result<bool> training_on_cuda(const std::string& device)
{
    if (device != "auto" && device != "cpu" && device != "cuda")
        return Status(ErrorCode::InvalidArgument, "unknown training device \"" + device + "\" (auto, cpu or cuda)");
    const bool cuda = device != "cpu" && torch::cuda::is_available();
    if (device == "cuda" && !cuda) return Status(ErrorCode::InvalidArgument, "CUDA was requested but is not available");
    return cuda;
}

} // namespace detail

std::string describe_training_device(const std::string& device)
{
    try {
        // The trainers' own rule, so the words never disagree with where a job runs.
        if (const auto cuda = detail::training_on_cuda(device); cuda && *cuda) {
            const auto n = torch::cuda::device_count();
            return "CUDA (" + std::to_string(n) + (n == 1 ? " GPU)" : " GPUs)");
        }
        // Matrix products run on OpenBLAS's own threads, one per core.
        const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
        return "CPU (" + std::to_string(cores) + (cores == 1 ? " core)" : " cores)");
    } catch (const c10::Error&) {
        return "CPU";
    }
}

} // namespace clipflow
