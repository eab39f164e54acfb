#include "clipflow/backbonetraining.h"

#include "clipflow/atomicfile.h"
#include "clipflow/batchrunner.h"
#include "clipflow/metrics.h"
#include "clipflow/safetensors.h"
#include "clipflow/sha256.h"
#include "clipflow/version.h"
#include "detect/forensicnet.h"
#include "gradientsync.h"
#include "intake/cvraster.h"
#include "io/torchstate.h"
#include "support/jobutil.h"
#include "train/deterministiccudnn.h"
#include "train/torchthreads.h"
#include "train/trainingdevice.h"

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <optional>
#include <set>
#include <thread>

namespace clipflow {

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// A shrunk photo and its proxies, 8-bit RGB, all the same size.
struct Pair {
    cv::Mat photo;
    std::vector<cv::Mat> proxies;
    bool held_out = false;
};

cv::Mat to_u8(const Raster& r)
{
    cv::Mat f = detail::to_mat(r), u;
    if (r.channels == 1) cv::cvtColor(f, f, cv::COLOR_GRAY2RGB);
    f.convertTo(u, CV_8U, 255.0); // saturating, rounded
    return u;
}

Raster to_raster(const cv::Mat& u8)
{
    Raster r = detail::from_mat(u8);
    for (float& v : r.data) v /= 255.0f;
    return r;
}

Result<Pair> prepare(const Raster& image, const std::string& sha, const BackboneTrainParams& p)
{
    detail::Rng rng(detail::mix_seed(p.seed, detail::sha_prefix(sha)));
    const double s = rng.uniform(p.shrink_min, p.shrink_max);
    // Cut the central region that shrinks to base_side, so camera originals stay cheap.
    const int n = static_cast<int>(std::lround(p.base_side / s));
    const int w = std::min(n, image.width), h = std::min(n, image.height);
    cv::Mat full = detail::to_mat(image);
    cv::Mat region = full(cv::Rect((image.width - w) / 2, (image.height - h) / 2, w, h));
    const int sw = static_cast<int>(std::lround(w * s)), sh = static_cast<int>(std::lround(h * s));
    if (std::min(sw, sh) < std::max(p.patch, 64)) return Status(ErrorCode::InvalidArgument, "too small after shrinking");
    cv::Mat shrunk;
    // Area averaging only: OpenCV's Lanczos and cubic kernels do not widen when
    // shrinking, so they alias, and aliased "photos" teach the network that
    // resampling traces are natural (a first training run lost 0.12 AUC so).
    cv::resize(region, shrunk, cv::Size(sw, sh), 0, 0, cv::INTER_AREA);
    Pair pair;
    pair.photo = to_u8(detail::from_mat(shrunk));
    const Raster base = to_raster(pair.photo); // the proxies start from exactly the stored photo
    static const std::vector<ProxyOp> others{ProxyOp::HighFreqAttenuation, ProxyOp::HighFreqBoost,   ProxyOp::ZeroInsertion,
                                             ProxyOp::TransposedConv,      ProxyOp::ResamplingChain, ProxyOp::PhasePerturbation,
                                             ProxyOp::LowpassResharpen};
    const ProxyOp ops[] = {ProxyOp::VaeDecoder, ProxyOp::UpsamplingCascade,
                           others[static_cast<std::size_t>(rng.below(static_cast<int>(others.size())))]};
    ProxyParams how;
    how.decoder_strength_min = p.decoder_strength_min;
    for (ProxyOp op : ops) {
        auto proxy = make_proxy(base, op, rng.next(), how);
        if (!proxy) return proxy.status();
        if (proxy->image.width != base.width || proxy->image.height != base.height)
            return Status(ErrorCode::Internal, "a proxy changed the image size");
        pair.proxies.push_back(to_u8(proxy->image));
    }
    return pair;
}

cv::Mat jpeg(const cv::Mat& rgb, int quality)
{
    cv::Mat bgr, out;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    std::vector<std::uint8_t> buf;
    cv::imencode(".jpg", bgr, buf, {cv::IMWRITE_JPEG_QUALITY, quality});
    cv::cvtColor(cv::imdecode(buf, cv::IMREAD_COLOR), out, cv::COLOR_BGR2RGB);
    return out;
}

// One step's batch, drawn from (seed, step) only: photos first, then proxies.
// A rank of a data-parallel job draws its share from its own photos.
std::pair<torch::Tensor, torch::Tensor> draw_batch(const std::vector<const Pair*>& train, const BackboneTrainParams& p, int step,
                                                   int rank, int ranks)
{
    std::uint64_t seed = detail::mix_seed(p.seed ^ 0x5eedull, static_cast<std::uint64_t>(step));
    if (ranks > 1) seed = detail::mix_seed(seed, static_cast<std::uint64_t>(rank) + 1);
    detail::Rng rng(seed);
    const int n = p.batch_pairs / ranks, P = p.patch;
    auto x = torch::empty({2 * n, 3, P, P});
    auto y = torch::zeros({2 * n});
    y.slice(0, n).fill_(1.0f);
    for (int i = 0; i < n; ++i) {
        const Pair& pair = *train[static_cast<std::size_t>(rng.below(static_cast<int>(train.size())))];
        const cv::Mat& proxy = pair.proxies[static_cast<std::size_t>(rng.below(static_cast<int>(pair.proxies.size())))];
        const int x0 = rng.below(pair.photo.cols - P + 1), y0 = rng.below(pair.photo.rows - P + 1);
        const cv::Mat* srcs[2] = {&pair.photo, &proxy};
        // Recompressed alike, the pair differs only in what survives JPEG, which is
        // what a delivered image keeps; recompressed apart, JPEG itself is no label.
        // No draw when pairing is off, so such runs repeat earlier ones exactly.
        const int shared_quality = p.jpeg_pair > 0.0 && rng.uniform() < p.jpeg_pair ? 65 + rng.below(34) : 0;
        for (int k = 0; k < 2; ++k) {
            cv::Mat patch = (*srcs[k])(cv::Rect(x0, y0, P, P)).clone();
            if (shared_quality > 0)
                patch = jpeg(patch, shared_quality);
            else if (rng.uniform() < p.jpeg_augment)
                patch = jpeg(patch, 65 + rng.below(34));
            if (rng.uniform() < 0.5) cv::flip(patch, patch, 1);
            auto t = torch::from_blob(patch.data, {P, P, 3}, torch::kUInt8).permute({2, 0, 1}).to(torch::kFloat32) / 255.0;
            x[k * n + i].copy_(t);
        }
    }
    return {x, y};
}

// One-cycle learning rate: a quarter warming up from peak/25, then cosine down to peak/1000.
double learning_rate(const BackboneTrainParams& p, int step)
{
    const double warm = 0.25 * p.steps, lo = p.learning_rate / 25.0;
    if (step < warm) return lo + (p.learning_rate - lo) * step / warm;
    const double t = (step - warm) / std::max(1.0, p.steps - warm);
    return p.learning_rate / 1000.0 + 0.5 * (p.learning_rate - p.learning_rate / 1000.0) * (1.0 + std::cos(M_PI * t));
}

// Logits of the centre views of held-out photos and their proxies, over all ranks;
// with jpeg_quality > 0 each view is recompressed first.
double validation_auc(detail::ForensicNet& net, const std::vector<const Pair*>& held, detail::Communicator* comm,
                      torch::Device device, int jpeg_quality = 0)
{
    torch::InferenceMode guard;
    net->eval();
    std::vector<double> photos, proxies;
    auto logit = [&](const cv::Mat& m) {
        const int side = std::min({256, m.cols, m.rows});
        cv::Mat c = m(cv::Rect((m.cols - side) / 2 / 8 * 8, (m.rows - side) / 2 / 8 * 8, side, side)).clone();
        if (jpeg_quality > 0) c = jpeg(c, jpeg_quality);
        auto t =
            torch::from_blob(c.data, {1, side, side, 3}, torch::kUInt8).to(device).permute({0, 3, 1, 2}).to(torch::kFloat32) /
            255.0;
        return static_cast<double>(net->forward(t).item<float>());
    };
    for (const Pair* pair : held) {
        photos.push_back(logit(pair->photo));
        for (const auto& q : pair->proxies) proxies.push_back(logit(q));
    }
    net->train();
    if (comm && comm->size() > 1) {
        // Every rank's scores, photos and proxies gathered separately as raw doubles.
        auto gather = [&](std::vector<double>& mine) {
            const std::string bytes(reinterpret_cast<const char*>(mine.data()), mine.size() * sizeof(double));
            mine.clear();
            for (const auto& b : comm->allgather(bytes)) {
                const std::size_t n = b.size() / sizeof(double);
                const std::size_t at = mine.size();
                mine.resize(at + n);
                std::memcpy(mine.data() + at, b.data(), n * sizeof(double));
            }
        };
        gather(photos);
        gather(proxies);
    }
    if (photos.empty() || proxies.empty()) return 0.0;
    return roc_auc(photos, proxies);
}

} // namespace

Result<BackboneTrainResult> train_learned_backbone(const BackboneTrainParams& p)
{
    namespace fs = std::filesystem;
    if (p.out_path.empty()) return Status(ErrorCode::InvalidArgument, "no output path given");
    if (p.natural_files.empty()) return Status(ErrorCode::InvalidArgument, "no natural images given");
    if (p.steps < 1 || p.batch_pairs < 1 || p.checkpoint_every < 1)
        return Status(ErrorCode::InvalidArgument, "steps, batch size and checkpoint interval must be at least 1");
    if (p.patch < 32 || p.patch > 512) return Status(ErrorCode::InvalidArgument, "the patch side must be 32 to 512 pixels");
    if (p.base_side < p.patch) return Status(ErrorCode::InvalidArgument, "the base side must be at least the patch side");
    if (!(p.shrink_min > 0.0 && p.shrink_min <= p.shrink_max && p.shrink_max <= 1.0))
        return Status(ErrorCode::InvalidArgument, "shrink factors must satisfy 0 < min <= max <= 1");
    if (!(p.validation_fraction >= 0.0 && p.validation_fraction < 1.0))
        return Status(ErrorCode::InvalidArgument, "the validation fraction must be in [0, 1)");
    if (!(p.jpeg_augment >= 0.0 && p.jpeg_augment <= 1.0) || !(p.jpeg_pair >= 0.0 && p.jpeg_pair <= 1.0))
        return Status(ErrorCode::InvalidArgument, "the JPEG augmentation probabilities must be in [0, 1]");
    if (!(p.decoder_strength_min > 0.f && p.decoder_strength_min <= 1.f))
        return Status(ErrorCode::InvalidArgument, "the decoder proxies' strength must be in (0, 1]");
    const auto cuda = detail::training_on_cuda(p.device);
    if (!cuda) return cuda.status();
    const torch::Device device = *cuda ? torch::kCUDA : torch::kCPU;
    auto report = [&](const std::string& stage, long done, long total, double eta, double loss = 0.0) {
        if (!p.progress) return;
        JobProgress j;
        j.stage = stage;
        j.done = done;
        j.total = total;
        j.eta_s = eta;
        j.train.step = done;
        j.train.loss = loss;
        j.train.eta_s = eta;
        p.progress(j);
    };
    if (p.distributed.enabled() && p.batch_pairs % p.distributed.world_size != 0)
        return Status(ErrorCode::InvalidArgument, "the batch (" + std::to_string(p.batch_pairs) +
                                                      " pairs) must divide evenly over " +
                                                      std::to_string(p.distributed.world_size) + " ranks");
    // Starting weights are checked before the photos are prepared (minutes).
    std::unique_ptr<SafetensorsFile> init;
    std::string init_sha;
    if (!p.init_path.empty()) {
        auto file = SafetensorsFile::open(p.init_path);
        if (!file) return Status(file.status().code(), "starting weights " + p.init_path + ": " + file.status().message());
        auto sha = Sha256::file_hex(p.init_path);
        if (!sha) return sha.status();
        init_sha = *sha;
        init = std::make_unique<SafetensorsFile>(std::move(*file));
        try {
            detail::ForensicNet probe;
            if (Status s = detail::read_module_tensors(*init, *probe, "net."); !s.ok())
                return Status(ErrorCode::InvalidArgument,
                              "starting weights " + p.init_path + " are not forensic-v2 weights: " + s.message());
        } catch (const c10::Error& e) {
            return Status(ErrorCode::InvalidArgument, "starting weights " + p.init_path + ": " + e.what_without_backtrace());
        }
        // Weights learnt on halved chroma mean something else on full chroma, and back.
        const auto meta = init->metadata().find("clipflow.backbone");
        const auto init_halved = detail::recipe_halves_chroma(meta == init->metadata().end() ? "" : meta->second);
        if (!init_halved)
            return Status(ErrorCode::InvalidArgument,
                          "starting weights " + p.init_path + " read their input in a way this version does not know");
        if (*init_halved != p.halve_chroma)
            return Status(ErrorCode::InvalidArgument,
                          "starting weights " + p.init_path +
                              (*init_halved ? " read colour at half resolution: train with the chroma halved (--halve-chroma)"
                                            : " read colour at full resolution: train with full chroma (no --halve-chroma)"));
    }
    auto connected = detail::Communicator::connect(p.distributed);
    if (!connected) return connected.status();
    const std::unique_ptr<detail::Communicator> comm = std::move(*connected);
    const int rank = comm ? comm->rank() : 0, ranks = comm ? comm->size() : 1;
    BackboneTrainResult result;
    try {

        // Photos: intake, split by SHA-256, shrink, proxies. Duplicates count once.
        // A rank prepares every ranks-th photo only: the photos are its shard.
        const auto t0 = Clock::now();
        std::vector<std::optional<Pair>> pairs(p.natural_files.size());
        std::vector<std::string> shas(p.natural_files.size()), errors(p.natural_files.size());
        const int workers = p.threads > 0 ? p.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
        if (comm) {
            std::string all;
            for (const auto& f : p.natural_files) all += f + '\n';
            if (Status s = detail::check_same_inputs(comm.get(), all, "photos"); !s.ok()) return s;
        }
        const std::size_t share =
            (p.natural_files.size() + static_cast<std::size_t>(ranks - 1 - rank)) / static_cast<std::size_t>(ranks);
        const bool finished = detail::parallel_job(
            share, workers,
            [&](std::size_t k) {
                const std::size_t i = static_cast<std::size_t>(rank) + k * static_cast<std::size_t>(ranks);
                auto ev = load_evidence(p.natural_files[i], p.intake);
                if (!ev) {
                    errors[i] = ev.status().message();
                    return;
                }
                shas[i] = ev->info.sha256;
                auto pair = prepare(ev->pixels, shas[i], p);
                if (!pair) {
                    errors[i] = pair.status().message();
                    shas[i].clear(); // not usable: skipped, whichever rank looks
                    return;
                }
                pair->held_out = detail::in_split(shas[i], p.validation_fraction);
                pairs[i] = std::move(*pair);
            },
            [&](std::size_t done, double eta) { report("photos", static_cast<long>(done), static_cast<long>(share), eta); },
            p.abort);
        if (!finished) return Status(ErrorCode::Aborted, "training cancelled");
        if (comm) {
            // Every rank learns every photo's hash, so a photo given twice is used once
            // whichever ranks hold its copies.
            std::string mine;
            for (std::size_t i = static_cast<std::size_t>(rank); i < shas.size(); i += static_cast<std::size_t>(ranks))
                mine += (shas[i].empty() ? std::string(64, '-') : shas[i]);
            const auto all = comm->allgather(mine);
            for (int r = 0; r < ranks; ++r) {
                const std::string& b = all[static_cast<std::size_t>(r)];
                for (std::size_t k = 0; (k + 1) * 64 <= b.size(); ++k) {
                    const std::size_t i = static_cast<std::size_t>(r) + k * static_cast<std::size_t>(ranks);
                    if (r != rank && i < shas.size() && b[k * 64] != '-') shas[i] = b.substr(k * 64, 64);
                }
            }
        }
        std::vector<const Pair*> train, held;
        std::set<std::string> seen;
        long global_train = 0, global_held = 0;
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            const bool mine = static_cast<int>(i % static_cast<std::size_t>(ranks)) == rank;
            if (shas[i].empty()) {
                if (mine) result.skipped.push_back(p.natural_files[i] + ": " + errors[i]);
                continue;
            }
            if (!seen.insert(shas[i]).second) continue;
            const bool is_held = detail::in_split(shas[i], p.validation_fraction);
            (is_held ? global_held : global_train) += 1;
            if (mine && pairs[i]) (is_held ? held : train).push_back(&*pairs[i]);
        }
        // Every rank must go on, or none: a rank that stops alone leaves the others waiting.
        if (!detail::same_on_all_ranks(comm.get(), train.empty()))
            return Status(ErrorCode::InvalidArgument,
                          "some ranks got no usable training photo: give more photos or use fewer ranks");
        if (train.empty())
            return Status(ErrorCode::InvalidArgument,
                          "no usable training photo (all unreadable, too small or held out)" +
                              (result.skipped.empty() ? std::string() : "; first: " + result.skipped.front()));
        result.photos = global_train;
        result.validation_photos = global_held;
        result.prepare_seconds = std::chrono::duration<double>(Clock::now() - t0).count();

        // The recipe names everything that changes the weights (checkpoints must match it).
        json recipe{{"id", LearnedBackbone::kId},
                    {"steps", p.steps},
                    {"batch_pairs", p.batch_pairs},
                    {"patch", p.patch},
                    {"learning_rate", p.learning_rate},
                    {"jpeg_pair", p.jpeg_pair},
                    {"jpeg_augment", p.jpeg_augment},
                    {"base_side", p.base_side},
                    {"shrink", {p.shrink_min, p.shrink_max}},
                    {"proxies", {"vae_decoder", "upsampling_cascade", "one other spectral proxy"}},
                    {"seed", p.seed},
                    {"photos", result.photos}};
        if (init) recipe["init_sha256"] = init_sha; // a checkpoint belongs to its starting weights
        if (p.decoder_strength_min < 1.f) recipe["decoder_strength"] = {p.decoder_strength_min, 1.0};
        if (p.halve_chroma) recipe["chroma"] = "halved"; // read by LearnedBackbone::load
        const std::string recipe_key = detail::sha_of(recipe.dump());

        torch::manual_seed(static_cast<std::uint64_t>(p.seed));
        std::optional<detail::ScopedDeterministicCudnn> deterministic;
        if (device.is_cuda()) deterministic.emplace();
        result.device = device.is_cuda() ? "cuda" : "cpu";
        detail::ForensicNet net;
        net->halve_chroma = p.halve_chroma;
        net->to(device); // weights drawn on the CPU first, so a seed gives the same start anywhere
        if (init) {
            if (Status s = detail::read_module_tensors(*init, *net, "net."); !s.ok())
                return Status(ErrorCode::InvalidArgument,
                              "starting weights " + p.init_path + " are not forensic-v2 weights: " + s.message());
            result.initial_validation_auc = validation_auc(net, held, comm.get(), device);
        }
        std::vector<torch::Tensor> params = net->parameters();
        torch::optim::Adam opt(params, torch::optim::AdamOptions(p.learning_rate).weight_decay(1e-4));
        const std::string ckpt = p.checkpoint_path.empty() ? p.out_path + ".ckpt" : p.checkpoint_path;
        int start = 0;
        {
            auto have_checkpoint = detail::checkpoint_on_all_ranks(comm.get(), ckpt);
            if (!have_checkpoint) return have_checkpoint.status();
            if (*have_checkpoint) {
                auto file = SafetensorsFile::open(ckpt);
                if (file) {
                    const auto& meta = file->metadata();
                    auto key = meta.find("recipe_key");
                    auto step = meta.find("step");
                    auto adam = meta.find("adam");
                    if (key != meta.end() && key->second == recipe_key && step != meta.end() && adam != meta.end()) {
                        if (Status s = detail::read_module_tensors(*file, *net, "net."); !s.ok()) return s;
                        if (Status s = detail::restore_adam_state(*file, adam->second, opt, params, device); !s.ok()) return s;
                        start = std::stoi(step->second);
                        result.resumed_from_step = start;
                    }
                }
            }
        }

        // LibTorch sizes its pool from its own count of physical cores, which can be
        // short of the CPUs the process has (one thread on this 2-CPU VM: a step
        // 0.64 s instead of 0.41 s). A lone process takes them all for the steps;
        // ranks share a machine.
        detail::ScopedTorchThreads threads(ranks == 1 ? workers : 0);
        const auto t1 = Clock::now();
        net->train();
        double running = 0.0;
        int ran = 0;
        for (int step = start; step < p.steps; ++step) {
            if (p.abort && p.abort()) return Status(ErrorCode::Aborted, "training cancelled at step " + std::to_string(step));
            for (auto& g : opt.param_groups()) static_cast<torch::optim::AdamOptions&>(g.options()).lr(learning_rate(p, step));
            auto [x, y] = draw_batch(train, p, step, rank, ranks);
            auto loss = torch::binary_cross_entropy_with_logits(net->forward(x.to(device)), y.to(device));
            opt.zero_grad();
            // Equal shares: the mean of the ranks' means is the global batch's mean.
            (ranks > 1 ? loss / ranks : loss).backward();
            detail::allreduce_gradients(comm.get(), params);
            opt.step();
            std::vector<double> lv{loss.item<double>() / ranks};
            if (comm) comm->allreduce_sum(lv);
            const double l = lv[0];
            running = ran++ == 0 ? l : 0.98 * running + 0.02 * l;
            const int done = step + 1;
            const double el = std::chrono::duration<double>(Clock::now() - t1).count();
            report("training", done, p.steps, el / ran * (p.steps - done), running);
            if (done % p.checkpoint_every == 0 && done < p.steps && rank == 0) { // one writer
                std::vector<TensorData> tensors = detail::module_tensors(*net, "net.");
                const std::string adam = detail::adam_state(opt, params, tensors);
                if (Status s = write_safetensors(ckpt, tensors,
                                                 {{"recipe_key", recipe_key}, {"step", std::to_string(done)}, {"adam", adam}});
                    !s.ok())
                    return s;
            }
        }
        result.steps_run = p.steps - start;
        result.final_loss = running;
        result.train_seconds = std::chrono::duration<double>(Clock::now() - t1).count();

        report("validation", 0, 1, 0.0);
        result.validation_auc = validation_auc(net, held, comm.get(), device);
        result.validation_auc_jpeg = validation_auc(net, held, comm.get(), device, 85);
        net->eval();

        report("saving", 0, 1, 0.0);
        recipe["validation_auc"] = result.validation_auc;
        recipe["validation_auc_jpeg85"] = result.validation_auc_jpeg;
        if (init) recipe["init_validation_auc"] = result.initial_validation_auc;
        recipe["validation_photos"] = result.validation_photos;
        recipe["final_loss"] = result.final_loss;
        recipe["created"] = detail::now_iso();
        recipe["device"] = result.device;
        recipe["version"] = CLIPFLOW_VERSION_STRING;
        if (rank != 0) return result; // rank 0 writes the weights
        if (Status s =
                write_safetensors(p.out_path, detail::module_tensors(*net, "net."), {{"clipflow.backbone", recipe.dump()}});
            !s.ok())
            return s;
        std::error_code ec;
        fs::remove(ckpt, ec);
        auto loaded = LearnedBackbone::load(p.out_path);
        if (!loaded) return loaded.status();
        result.info = (*loaded)->info();
        return result;
    } catch (const c10::Error& e) {
        return Status(ErrorCode::Internal, std::string("LibTorch: ") + e.what_without_backtrace());
    } catch (const std::exception& e) { // the other ranks failed or timed out (Gloo)
        return Status(ErrorCode::IoError, std::string("data-parallel training stopped: ") + e.what());
    }
}

} // namespace clipflow
