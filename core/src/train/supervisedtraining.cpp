#include "clipflow/supervisedtraining.h"
#include "detect/detectorheader.h"

#include "clipflow/clipbackbone.h"
#include "clipflow/laundering.h"
#include "clipflow/metrics.h"
#include "clipflow/safetensors.h"
#include "clipflow/superviseddetector.h"
#include "clipflow/version.h"
#include "detect/classifierhead.h"
#include "featurestage.h"
#include "gradientsync.h"
#include "intake/cvraster.h"
#include "io/torchstate.h"
#include "support/jobutil.h"
#include "trainingdevice.h"

#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

namespace clipflow {

namespace {

using nlohmann::json;
using torch::Tensor;

// One view's re-save: JPEG 60-95 or, at their shares, lossy WebP at the same
// quality or a 256-colour palette (dithered half the time). Without those shares
// it draws exactly what earlier recipes drew, so their features stay reproducible.
Recompression draw_recompression(detail::Rng& rng, const SupervisedTrainParams& p)
{
    const int quality = 60 + static_cast<int>(rng.below(36));
    if (p.webp_share <= 0 && p.palette_share <= 0) return Recompression::jpeg(quality);
    const double u = rng.uniform();
    if (u < p.webp_share) return {Recompression::Codec::WebP, quality, false};
    if (u < p.webp_share + p.palette_share) return {Recompression::Codec::Palette, 0, rng.uniform() < 0.5};
    return Recompression::jpeg(quality);
}

// Same recompression and resizing odds for every class: format and size carry no label.
Result<Raster> augment(const Raster& img, detail::Rng& rng, const SupervisedTrainParams& params)
{
    const double p = params.augment;
    Raster r = img;
    if (rng.uniform() < p / 2) {
        const double f = rng.uniform(0.6, 1.4);
        auto resized = resize_shorter_side(r, std::max(16, static_cast<int>(std::min(r.width, r.height) * f)));
        if (!resized) return resized.status();
        r = std::move(*resized);
    }
    if (rng.uniform() < p) {
        auto j = recompress(r, draw_recompression(rng, params));
        if (!j) return j.status();
        r = std::move(*j);
    }
    return r;
}

// Views (and, for a real photo with proxy_class, one proxy per view) and their features.
Result<FeatureSet> compute(const Backbone& bb, const Raster& img, const std::string& sha, bool val, bool real,
                           const SupervisedTrainParams& p)
{
    std::vector<Raster> views;
    const std::uint64_t base = detail::mix_seed(p.seed, detail::sha_prefix(sha));
    if (val) {
        views = bb.scoring_views(img);
    } else {
        for (int v = 0; v < p.views_per_image; ++v) {
            detail::Rng rng(detail::mix_seed(base, 200 + static_cast<std::uint64_t>(v)));
            auto a = augment(img, rng, p);
            if (!a) return a.status();
            views.push_back(bb.training_view(*a, rng.next()));
        }
    }
    const std::size_t n = views.size();
    std::vector<std::string> ops;
    if (real && p.proxy_class) {
        for (std::size_t v = 0; v < n; ++v) {
            detail::Rng rng(detail::mix_seed(base, 700 + v));
            const std::uint64_t seed = rng.next();
            // Recompressed at the views' odds, so that no codec's traces carry a label.
            Recompression recompression;
            if (!val && rng.uniform() < p.augment) recompression = draw_recompression(rng, p);
            auto proxy = detail::recompressed_proxy(views[v], seed, ProxyParams{}, recompression);
            if (!proxy) return proxy.status();
            views.push_back(std::move(proxy->image));
            ops.push_back(proxy->description_json);
        }
    }
    auto feats = bb.features(views);
    if (!feats) return feats.status();
    FeatureSet set;
    set.dim = bb.dim();
    set.natural.assign(feats->begin(), feats->begin() + static_cast<std::ptrdiff_t>(n));
    set.proxy.assign(feats->begin() + static_cast<std::ptrdiff_t>(n), feats->end());
    set.proxy_ops = std::move(ops);
    return set;
}

Tensor rows_tensor(const std::vector<const std::vector<float>*>& rows, int dim)
{
    Tensor t = torch::empty({static_cast<int64_t>(rows.size()), dim}, torch::kFloat32);
    for (std::size_t i = 0; i < rows.size(); ++i)
        std::copy(rows[i]->begin(), rows[i]->end(), t[static_cast<int64_t>(i)].data_ptr<float>());
    return t;
}

// The temperature minimising validation NLL (golden-section search on log T).
double fit_temperature(const Tensor& logits, const Tensor& labels)
{
    auto nll = [&](double log_t) {
        return torch::nn::functional::cross_entropy(logits / std::exp(log_t), labels).item<double>();
    };
    double a = std::log(0.05), b = std::log(20.0);
    const double g = (std::sqrt(5.0) - 1) / 2;
    double c = b - g * (b - a), d = a + g * (b - a);
    for (int i = 0; i < 60; ++i) {
        if (nll(c) < nll(d))
            b = d;
        else
            a = c;
        c = b - g * (b - a);
        d = a + g * (b - a);
    }
    return std::exp((a + b) / 2);
}

std::string checkpoint_meta(int epoch, const std::vector<std::string>& classes)
{
    return json{{"epoch", epoch}, {"classes", classes}}.dump();
}

} // namespace

Result<SupervisedTrainResult> train_supervised_detector(const SupervisedTrainParams& p)
{
    namespace fs = std::filesystem;
    if (p.out_path.empty()) return Status(ErrorCode::InvalidArgument, "no output model path given");
    if (p.images.empty()) return Status(ErrorCode::InvalidArgument, "no labelled images given");
    if (p.mode != "linear" && p.mode != "mlp" && p.mode != "finetune")
        return Status(ErrorCode::InvalidArgument, "mode must be linear, mlp or finetune");
    const bool finetune = p.mode == "finetune";
    if (finetune && (p.backbone.type != "clip" || p.finetune_blocks < 1))
        return Status(ErrorCode::InvalidArgument, "fine-tuning needs a CLIP backbone (clip:MODEL) and at least one block");
    if (p.views_per_image < 1 || p.epochs < 1 || p.batch_size < 2 || !(p.learning_rate > 0) || p.hidden < 1)
        return Status(ErrorCode::InvalidArgument, "views, epochs, batch size, learning rate or width out of range");
    if (!(p.webp_share >= 0 && p.palette_share >= 0 && p.webp_share + p.palette_share <= 1))
        return Status(ErrorCode::InvalidArgument, "the WebP and palette shares must be at least 0 and add up to at most 1");
    if (!(p.val_fraction > 0.0 && p.val_fraction < 1.0))
        return Status(ErrorCode::InvalidArgument, "the validation fraction must be between 0 and 1");
    const auto cuda = detail::training_on_cuda(p.device);
    if (!cuda) return cuda.status();
    // Fine-tuning reads the tokens before the last blocks; those blocks are trained.
    BackboneSpec spec = p.backbone;
    const std::string tail_output = spec.layer == "cls" ? "cls" : "proj";
    if (finetune) spec.layer = "tokens:-" + std::to_string(p.finetune_blocks);
    auto backbone = make_backbone(spec);
    if (!backbone) return backbone.status();
    const Backbone& bb = **backbone;
    auto connected = detail::Communicator::connect(p.distributed);
    if (!connected) return connected.status();
    const std::unique_ptr<detail::Communicator> comm = std::move(*connected);
    const int rank = comm ? comm->rank() : 0, ranks = comm ? comm->size() : 1;
    SupervisedTrainResult result;

    // Stage 1: features.
    json recipe{{"recipe", 1},
                {"kind", "supervised"},
                {"backbone", bb.id()},
                {"backbone_params", json::parse(bb.params_json())},
                {"views_per_image", p.views_per_image},
                {"augment", p.augment},
                {"proxy_class", p.proxy_class},
                {"seed", p.seed}};
    // Only when used, so that earlier recipes keep their cached features.
    if (p.webp_share > 0 || p.palette_share > 0) recipe["codecs"] = {{"webp", p.webp_share}, {"palette", p.palette_share}};
    std::vector<std::string> files;
    for (const auto& i : p.images) files.push_back(i.file);
    detail::FeatureStage stage;
    stage.backbone = &bb;
    stage.cache_dir = p.cache_dir;
    stage.recipe = recipe.dump();
    stage.split_fraction = p.val_fraction;
    stage.threads = p.threads;
    stage.intake = p.intake;
    stage.progress = p.progress;
    stage.abort = p.abort;
    stage.comm = comm.get();
    stage.compute = [&](const Raster& img, const std::string& sha, bool val, std::size_t index) {
        return compute(bb, img, sha, val, p.images[index].label == "real", p);
    };
    auto features = detail::run_feature_stage(files, stage);
    if (!features) return features.status();
    const double feature_seconds = features->seconds;
    result.skipped = features->skipped;
    result.cache_hits = features->cache_hits;
    const auto& unique = features->unique;
    auto label = [&](const detail::FeatureItem* it) -> const std::string& { return p.images[it->index].label; };

    // Classes: "real" first, then generators by name; tiny classes are dropped, not guessed at.
    std::map<std::string, long> counts;
    for (const auto& [sha, it] : unique) ++counts[label(it)];
    std::vector<std::string> classes{"real"};
    for (const auto& [name, n] : counts) {
        if (n < p.min_per_class)
            result.dropped_classes.push_back(name + " (" + std::to_string(n) + " images)");
        else if (name != "real")
            classes.push_back(name);
    }
    if (counts["real"] < p.min_per_class || classes.size() < 2)
        return Status(ErrorCode::InvalidArgument,
                      "need real images and at least one generator with " + std::to_string(p.min_per_class) + " images or more");
    if (p.proxy_class) {
        if (counts.count(SupervisedModelInfo::kUnknownClass))
            return Status(ErrorCode::InvalidArgument, std::string("a generator may not be called \"") +
                                                          SupervisedModelInfo::kUnknownClass +
                                                          "\" when the model learns that class from proxies");
        classes.push_back(SupervisedModelInfo::kUnknownClass);
    }
    std::map<std::string, int> class_index;
    for (std::size_t c = 0; c < classes.size(); ++c) class_index[classes[c]] = static_cast<int>(c);
    const auto K = static_cast<int64_t>(classes.size());

    std::vector<const std::vector<float>*> train_rows;
    std::vector<int64_t> train_labels;
    std::vector<std::vector<const std::vector<float>*>> val_views;
    std::vector<int64_t> val_labels;
    std::vector<long> class_counts(classes.size(), 0);
    std::vector<std::string> train_hashes, val_hashes;
    for (const auto& [sha, it] : unique) {
        auto ci = class_index.find(label(it));
        if (ci == class_index.end()) continue;
        ++class_counts[static_cast<std::size_t>(ci->second)];
        // Only real photos' proxies: a cached feature set of a file once labelled
        // real keeps its proxies when the file is later labelled otherwise.
        const bool proxies = p.proxy_class && ci->second == 0 && !it->set.proxy.empty();
        if (proxies) ++class_counts.back();
        const int unknown = static_cast<int>(K) - 1;
        if (it->held_out) {
            ++result.val_images;
            val_hashes.push_back(sha);
            val_views.emplace_back();
            for (const auto& r : it->set.natural) val_views.back().push_back(&r);
            val_labels.push_back(ci->second);
            if (proxies) {
                val_views.emplace_back();
                for (const auto& r : it->set.proxy) val_views.back().push_back(&r);
                val_labels.push_back(unknown);
            }
        } else {
            ++result.train_images;
            train_hashes.push_back(sha);
            for (const auto& r : it->set.natural) {
                train_rows.push_back(&r);
                train_labels.push_back(ci->second);
            }
            if (proxies)
                for (const auto& r : it->set.proxy) {
                    train_rows.push_back(&r);
                    train_labels.push_back(unknown);
                }
        }
    }
    if (result.val_images < 2 || result.train_images < 2)
        return Status(ErrorCode::InvalidArgument, "too few images for a training and a validation split");
    // The split is by SHA-256 (the same rule as CLIP-Flow's hold-out), so a folder chosen by that rule
    // can leave one side without real photos or AI images; calibration needs both.
    const auto val_real = std::count(val_labels.begin(), val_labels.end(), int64_t{0});
    const auto val_proxies = p.proxy_class ? std::count(val_labels.begin(), val_labels.end(), K - 1) : 0;
    if (val_real == 0 || static_cast<long>(val_labels.size()) - val_real - val_proxies == 0)
        return Status(ErrorCode::InvalidArgument, std::string("the validation split (") + std::to_string(result.val_images) +
                                                      " images, by SHA-256) has no " +
                                                      (val_real == 0 ? "real photos" : "AI images") +
                                                      ": add more images of that kind, or choose another --val fraction");

    try {
        torch::manual_seed(p.seed);
        const torch::Device device = *cuda ? torch::kCUDA : torch::kCPU;
        result.device = device.is_cuda() ? "cuda" : "cpu";
        const int D = bb.dim();
        Tensor X = rows_tensor(train_rows, D).to(device);
        detail::FineTuneTail tail{nullptr};
        if (finetune) {
            const auto* clip = dynamic_cast<const ClipBackbone*>(&bb);
            if (!clip) return Status(ErrorCode::Internal, "fine-tuning lost its CLIP backbone");
            tail = detail::FineTuneTail(detail::clip_tail(clip->encoder(), p.finetune_blocks), tail_output == "proj",
                                        clip->encoder().config().width);
            tail->to(device);
        }
        // The head's input: backbone features, or the tail's output on its tokens.
        auto features = [&](const Tensor& x) { return tail ? tail->forward(x) : x; };
        Tensor mean, sd;
        {
            torch::NoGradGuard no_grad;
            std::vector<Tensor> parts;
            for (int64_t i = 0; i < X.size(0); i += 256)
                parts.push_back(features(X.narrow(0, i, std::min<int64_t>(256, X.size(0) - i))));
            const Tensor F0 = torch::cat(parts);
            mean = F0.mean(0);
            sd = F0.std(0).clamp_min(1e-6);
        }
        auto standardise = [&](const Tensor& f) { return ((f - mean) / sd).clamp(-1e4, 1e4); };
        const Tensor Y = torch::tensor(train_labels, torch::kLong).to(device);
        // Balanced classes: each class weighs the same in the loss, whatever its size.
        Tensor weights = torch::zeros({K});
        for (auto l : train_labels) weights[l] += 1;
        weights = (static_cast<double>(train_labels.size()) / (static_cast<double>(K) * weights.clamp_min(1))).to(device);

        const int64_t head_in = tail ? tail->out_dim() : D;
        detail::ClassifierHead head(head_in, K, p.mode == "mlp" ? p.hidden : 0, p.dropout);
        head->to(device);
        auto logits = [&](const Tensor& x) { return head->forward(standardise(features(x))); };
        std::vector<Tensor> params = head->parameters();
        std::vector<torch::optim::OptimizerParamGroup> groups;
        groups.emplace_back(head->parameters(), std::make_unique<torch::optim::AdamOptions>(
                                                    torch::optim::AdamOptions(p.learning_rate).weight_decay(p.weight_decay)));
        if (tail) {
            for (const auto& t : tail->parameters()) params.push_back(t);
            groups.emplace_back(tail->parameters(),
                                std::make_unique<torch::optim::AdamOptions>(torch::optim::AdamOptions(p.finetune_learning_rate)));
        }
        torch::optim::Adam opt(groups, torch::optim::AdamOptions(p.learning_rate));
        auto all_tensors = [&] {
            std::vector<TensorData> t = detail::module_tensors(*head, "head.");
            if (tail)
                for (auto& x : detail::module_tensors(*tail, "tail.")) t.push_back(std::move(x));
            return t;
        };
        const std::string ckpt = p.checkpoint_path.empty() ? p.out_path + ".ckpt" : p.checkpoint_path;
        int start = 0;
        auto have_checkpoint = detail::checkpoint_on_all_ranks(comm.get(), ckpt);
        if (!have_checkpoint) return have_checkpoint.status();
        if (*have_checkpoint) {
            auto file = SafetensorsFile::open(ckpt);
            if (!file) return file.status();
            try {
                const auto meta = json::parse(file->metadata().at("clipflow.checkpoint"));
                if (meta.at("classes").get<std::vector<std::string>>() != classes)
                    return Status(ErrorCode::InvalidArgument,
                                  "checkpoint " + ckpt + " was made for other classes; delete it to start afresh");
                start = meta.at("epoch").get<int>();
                if (Status s = detail::read_module_tensors(file.value(), *head, "head."); !s.ok()) return s;
                if (tail)
                    if (Status s = detail::read_module_tensors(file.value(), *tail, "tail."); !s.ok()) return s;
                if (Status s =
                        detail::restore_adam_state(file.value(), file->metadata().at("clipflow.adam_steps"), opt, params, device);
                    !s.ok())
                    return s;
            } catch (const std::exception& e) {
                return Status(ErrorCode::CorruptData, "checkpoint " + ckpt + " is damaged: " + e.what());
            }
            result.resumed_from_epoch = start;
        }
        const int64_t N = X.size(0), B = p.batch_size;
        const long steps_per_epoch = static_cast<long>((N + B - 1) / B);
        const auto t1 = std::chrono::steady_clock::now();
        long steps_done = 0;
        for (int epoch = start; epoch < p.epochs; ++epoch) {
            head->train();
            if (tail) tail->train();
            // Per-epoch seeds: a resumed run draws the same batches and dropout masks.
            torch::manual_seed(p.seed * 1000003ull + static_cast<std::uint64_t>(epoch));
            const auto g = at::detail::createCPUGenerator(p.seed * 7919ull + static_cast<std::uint64_t>(epoch));
            const Tensor perm = torch::randperm(N, g, torch::kLong).to(device);
            TrainProgress tp;
            tp.epoch = epoch + 1;
            tp.epochs = p.epochs;
            tp.steps_per_epoch = steps_per_epoch;
            tp.step = static_cast<long>(epoch) * steps_per_epoch;
            double sum = 0, sum_real = 0, sum_ai = 0;
            long n_real = 0, n_ai = 0;
            for (long s = 0; s < steps_per_epoch; ++s) {
                if (p.abort && p.abort())
                    return Status(ErrorCode::Aborted, "training aborted in epoch " + std::to_string(epoch + 1));
                const int64_t lo = s * B, n = std::min(B, N - lo);
                // This rank's rows of the global batch (all of them for one process);
                // the loss is normalised by the whole batch's class weights.
                const auto [b, e] = detail::rank_rows(n, rank, ranks);
                const Tensor idx = perm.narrow(0, lo + b, e - b);
                const Tensor xb = X.index_select(0, idx), yb = Y.index_select(0, idx);
                const Tensor per = torch::nn::functional::cross_entropy(
                    logits(xb), yb, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kNone));
                const Tensor norm = comm ? weights.index_select(0, Y.index_select(0, perm.narrow(0, lo, n))).sum()
                                         : weights.index_select(0, yb).sum();
                const Tensor loss = (per * weights.index_select(0, yb)).sum() / norm;
                opt.zero_grad();
                loss.backward();
                detail::allreduce_gradients(comm.get(), params);
                opt.step();
                const Tensor is_real = (yb == 0);
                std::vector<double> stats{loss.item<double>(), per.masked_select(is_real).sum().item<double>(),
                                          per.masked_select(~is_real).sum().item<double>(),
                                          static_cast<double>(is_real.sum().item<long>()),
                                          static_cast<double>((e - b) - is_real.sum().item<long>())};
                if (comm) comm->allreduce_sum(stats);
                sum += stats[0];
                sum_real += stats[1];
                sum_ai += stats[2];
                n_real += static_cast<long>(stats[3]);
                n_ai += static_cast<long>(stats[4]);
                ++steps_done;
                ++tp.step;
                const double el = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
                tp.loss = sum / static_cast<double>(s + 1);
                tp.natural_nll = n_real ? sum_real / static_cast<double>(n_real) : 0.0;
                tp.proxy_nll = n_ai ? sum_ai / static_cast<double>(n_ai) : 0.0;
                tp.samples_per_s = el > 0 ? static_cast<double>(steps_done * B) / el : 0.0;
                const long remaining = (p.epochs - epoch - 1) * steps_per_epoch + (steps_per_epoch - s - 1);
                tp.eta_s = el / static_cast<double>(steps_done) * static_cast<double>(remaining);
                tp.epoch_end = s + 1 == steps_per_epoch;
                if (p.progress && (tp.epoch_end || s % 10 == 0))
                    p.progress({"training", tp.step, steps_per_epoch * p.epochs, tp.eta_s, tp});
            }
            result.history.push_back(tp);
            ++result.epochs_run;
            if (rank != 0) continue; // one writer; the others read it on resume
            std::vector<TensorData> tensors = all_tensors();
            const std::string steps = detail::adam_state(opt, params, tensors);
            if (Status s = write_safetensors(
                    ckpt, tensors,
                    {{"clipflow.checkpoint", checkpoint_meta(epoch + 1, classes)}, {"clipflow.adam_steps", steps}});
                !s.ok())
                return s;
        }

        // Stage 3: temperature, validation metrics, centroids and open-set radii.
        if (p.progress) p.progress({"calibration", 0, result.val_images, 0.0, {}});
        torch::NoGradGuard guard;
        head->eval();
        head->to(torch::kCPU);
        if (tail) {
            tail->eval();
            tail->to(torch::kCPU);
        }
        mean = mean.to(torch::kCPU);
        sd = sd.to(torch::kCPU);
        const Tensor X_cpu = X.to(torch::kCPU);
        std::vector<Tensor> val_logits;
        for (const auto& views : val_views) val_logits.push_back(logits(rows_tensor(views, D)).mean(0));
        const Tensor VL = torch::stack(val_logits), VY = torch::tensor(val_labels, torch::kLong);
        result.temperature = fit_temperature(VL, VY);
        const Tensor prob = torch::softmax(VL / result.temperature, 1);
        const Tensor pred = prob.argmax(1);
        result.confusion.assign(classes.size(), std::vector<long>(classes.size(), 0));
        std::vector<double> neg, pos;
        for (int64_t i = 0; i < VY.size(0); ++i) {
            const auto t = VY[i].item<int64_t>(), q = pred[i].item<int64_t>();
            ++result.confusion[static_cast<std::size_t>(t)][static_cast<std::size_t>(q)];
            // Real photos against the generators' images; the proxies are not AI images.
            if (!p.proxy_class || t != K - 1) (t == 0 ? neg : pos).push_back(1.0 - prob[i][0].item<double>());
        }
        result.val_accuracy = (pred == VY).to(torch::kFloat64).mean().item<double>();
        result.val_auc = roc_auc(neg, pos);

        std::vector<Tensor> embeds;
        for (int64_t i = 0; i < X_cpu.size(0); i += 256)
            embeds.push_back(head->embed(standardise(features(X_cpu.narrow(0, i, std::min<int64_t>(256, X_cpu.size(0) - i))))));
        const Tensor E = torch::cat(embeds);
        const Tensor Ycpu = Y.to(torch::kCPU);
        Tensor centroids = torch::zeros({K, head->embed_dim()});
        std::vector<double> radius(classes.size(), 1.0);
        for (int64_t c = 0; c < K; ++c) {
            const Tensor rows = E.index_select(0, torch::nonzero(Ycpu == c).flatten());
            if (rows.size(0) == 0) continue;
            centroids[c] = rows.mean(0);
            const Tensor dist = (rows - centroids[c]).norm(2, 1);
            radius[static_cast<std::size_t>(c)] = std::max(1e-6, torch::quantile(dist, 0.99).item<double>());
        }

        // Stage 4: save.
        if (p.progress) p.progress({"saving", 0, 1, 0.0, {}});
        std::vector<TensorData> tensors = all_tensors();
        tensors.push_back(detail::tensor_data("feature_mean", mean));
        tensors.push_back(detail::tensor_data("feature_std", sd));
        tensors.push_back(detail::tensor_data("centroids", centroids));
        const TrainProgress last = result.history.empty() ? TrainProgress{} : result.history.back();
        json meta{{"format_version", SupervisedModelInfo::kFormatVersion},
                  {"created_at", detail::now_iso()},
                  {"tool_version", version()},
                  {"backbone",
                   {{"type", bb.type()},
                    {"id", bb.id()},
                    {"feature_layer", bb.feature_layer()},
                    {"dim", D},
                    {"weights_sha256", bb.weights_sha256()},
                    {"params", json::parse(bb.params_json())}}},
                  {"head",
                   {{"mode", p.mode},
                    {"hidden", p.mode == "mlp" ? p.hidden : 0},
                    {"dropout", p.dropout},
                    {"finetune_blocks", finetune ? p.finetune_blocks : 0},
                    {"tail_output", finetune ? tail_output : ""},
                    {"finetune_learning_rate", finetune ? p.finetune_learning_rate : 0.0f}}},
                  {"classes", classes},
                  {"class_counts", class_counts},
                  {"few_shot", std::vector<bool>(classes.size(), false)},
                  {"temperature", result.temperature},
                  {"radius", radius},
                  {"validation", {{"accuracy", result.val_accuracy}, {"auc", result.val_auc}, {"confusion", result.confusion}}},
                  {"training",
                   {{"images", p.images.size()},
                    {"train_images", result.train_images},
                    {"validation_images", result.val_images},
                    {"views_per_image", p.views_per_image},
                    {"augment", p.augment},
                    {"webp_share", p.webp_share},
                    {"palette_share", p.palette_share},
                    {"dropped_classes", result.dropped_classes},
                    {"skipped", result.skipped.size()},
                    {"epochs", p.epochs},
                    {"batch_size", p.batch_size},
                    {"learning_rate", p.learning_rate},
                    {"weight_decay", p.weight_decay},
                    {"seed", p.seed},
                    {"device", result.device},
                    {"final_loss", last.loss},
                    {"feature_seconds", feature_seconds},
                    {"files", train_hashes},
                    {"validation_files", val_hashes}}}};
        meta["model_id"] = detail::model_id("sv-", meta.dump());
        auto info = SupervisedModelInfo::parse(meta.dump());
        if (!info) return info.status();
        result.info = std::move(*info);
        if (rank != 0) return result; // rank 0 writes the model
        if (Status s = write_safetensors(p.out_path, tensors, {{"clipflow.classifier", meta.dump()}}); !s.ok()) return s;
        std::error_code ec;
        fs::remove(ckpt, ec);
        return result;
    } catch (const c10::Error& e) {
        return Status(ErrorCode::Internal, std::string("LibTorch: ") + e.what_without_backtrace());
    } catch (const std::exception& e) { // the other ranks failed or timed out (Gloo)
        return Status(ErrorCode::IoError, std::string("data-parallel training stopped: ") + e.what());
    }
}

Result<SupervisedModelInfo> add_generator(const FewShotParams& p)
{
    if (p.name.empty() || p.name == "real" || p.name == "unknown")
        return Status(ErrorCode::InvalidArgument, "a new generator needs a name other than real or unknown");
    if (p.files.empty()) return Status(ErrorCode::InvalidArgument, "no example images given");
    auto det = SupervisedDetector::load(p.model_path, p.load);
    if (!det) return det.status();
    const auto& info = det->info();
    if (info.mode == "finetune")
        return Status(ErrorCode::InvalidArgument, "few-shot classes can be added to linear and mlp models, not fine-tuned ones");
    if (std::find(info.classes.begin(), info.classes.end(), p.name) != info.classes.end())
        return Status(ErrorCode::InvalidArgument, "the model already knows '" + p.name + "'");
    auto file = SafetensorsFile::open(p.model_path);
    if (!file) return file.status();
    try {
        torch::NoGradGuard guard;
        const auto K = static_cast<int64_t>(info.classes.size());
        detail::ClassifierHead head(info.dim, K, info.mode == "mlp" ? info.hidden : 0, 0.0);
        if (Status s = detail::read_module_tensors(file.value(), *head, "head."); !s.ok()) return s;
        head->eval();
        auto get = [&](const char* name) -> Result<Tensor> {
            const TensorView* t = file->find(name);
            if (!t) return Status(ErrorCode::CorruptData, std::string("tensor ") + name + " is missing");
            auto v = t->to_float();
            if (!v) return v.status();
            return torch::from_blob(v->data(), t->shape, torch::kFloat32).clone();
        };
        auto mean = get("feature_mean"), sd = get("feature_std"), cent = get("centroids");
        if (!mean || !sd || !cent) return Status(ErrorCode::CorruptData, "the model's standardisation or centroids are missing");
        std::vector<Tensor> embeds;
        for (const auto& f : p.files) {
            auto ev = load_evidence(f);
            if (!ev) return Status(ev.status().code(), f + ": " + ev.status().message());
            auto feats = det->backbone().features(det->backbone().scoring_views(ev->pixels));
            if (!feats) return feats.status();
            std::vector<const std::vector<float>*> rows;
            for (const auto& r : *feats) rows.push_back(&r);
            embeds.push_back(head->embed(((rows_tensor(rows, info.dim) - *mean) / sd->clamp_min(1e-6)).clamp(-1e4, 1e4)));
        }
        const Tensor E = torch::cat(embeds);
        const Tensor c = E.mean(0);
        // Imprinting: the new row points at the examples' centroid, as long as the
        // generator rows are, with their mean bias.
        const Tensor W = head->out->weight, b = head->out->bias;
        const Tensor gen_rows = W.narrow(0, 1, K - 1);
        const Tensor w_new = c / c.norm().clamp_min(1e-9) * gen_rows.norm(2, 1).mean();
        const Tensor b_new = b.narrow(0, 1, K - 1).mean().reshape({1});
        const double median_radius = [&] {
            std::vector<double> r(info.radius.begin() + 1, info.radius.end());
            std::nth_element(r.begin(), r.begin() + static_cast<std::ptrdiff_t>(r.size() / 2), r.end());
            return r[r.size() / 2];
        }();
        const double spread = E.size(0) > 1 ? (E - c).norm(2, 1).max().item<double>() * 1.5 : 0.0;
        std::vector<TensorData> tensors;
        for (const auto& t : file->tensors()) {
            if (t.name == "head.out.weight" || t.name == "head.out.bias" || t.name == "centroids") continue;
            TensorData d{t.name, t.dtype, t.shape, std::vector<std::uint8_t>(t.bytes.begin(), t.bytes.end())};
            tensors.push_back(std::move(d));
        }
        tensors.push_back(detail::tensor_data("head.out.weight", torch::cat({W, w_new.unsqueeze(0)})));
        tensors.push_back(detail::tensor_data("head.out.bias", torch::cat({b, b_new})));
        tensors.push_back(detail::tensor_data("centroids", torch::cat({*cent, c.unsqueeze(0)})));
        json meta = json::parse(info.metadata_json);
        meta["classes"].push_back(p.name);
        meta["class_counts"].push_back(p.files.size());
        meta["radius"].push_back(std::max(median_radius, spread));
        meta["few_shot"].push_back(true);
        meta["created_at"] = detail::now_iso();
        meta["tool_version"] = version();
        meta["training"]["few_shot"].push_back({{"name", p.name}, {"images", p.files.size()}});
        // A new output row moves p(real) for every image: a calibration of the old head no
        // longer describes this one, so the model reads p_ai >= 0.5 again until recalibrated.
        meta.erase("calibration");
        meta.erase("calibration_files");
        meta.erase("recalibrated");
        detail::write_scoring_orientation(meta, "stored"); // recalibration's choice: stored until recalibrated
        meta.erase("model_id");
        meta["model_id"] = detail::model_id("sv-", meta.dump());
        auto out = SupervisedModelInfo::parse(meta.dump());
        if (!out) return out.status();
        if (Status s = write_safetensors(p.out_path, tensors, {{"clipflow.classifier", meta.dump()}}); !s.ok()) return s;
        return out;
    } catch (const c10::Error& e) {
        return Status(ErrorCode::Internal, std::string("LibTorch: ") + e.what_without_backtrace());
    }
}

} // namespace clipflow
