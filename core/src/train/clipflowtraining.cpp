#include "clipflow/clipflowtraining.h"
#include "clipflow/laundering.h"
#include "clipflow/metrics.h"
#include "clipflow/recalibration.h"
#include "clipflow/sha256.h"
#include "clipflow/version.h"
#include "communicator.h"
#include "detect/detectorbackbone.h"
#include "detect/detectorheader.h"
#include "detect/pairedbackbone.h"
#include "featurestage.h"
#include "flowtrainer_p.h"
#include "intake/cvraster.h"
#include "support/jobutil.h"
#include "trainingdevice.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

namespace clipflow {

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// Views, proxies and features of one image.
Result<FeatureSet> compute(const Backbone& bb, const Raster& img, const std::string& sha, bool holdout,
                           const ClipFlowTrainParams& p)
{
    const std::uint64_t base = detail::mix_seed(p.seed, detail::sha_prefix(sha));
    std::vector<Raster> natural, proxies, delivered;
    std::vector<std::string> ops;
    auto add_proxy = [&](const Raster& view, std::uint64_t seed, int quality) -> Status {
        auto proxy = detail::recompressed_proxy(view, seed, p.proxy, Recompression::jpeg(quality));
        if (!proxy) return proxy.status();
        proxies.push_back(std::move(proxy->image));
        ops.push_back(proxy->description_json);
        return {};
    };
    if (holdout) {
        // Exactly what scoring sees, so calibration matches deployment (in the model's orientation).
        natural = detail::oriented_scoring_views(bb, img, p.orientation);
        // Proxies of the views as stored only: the calibration plot's proxy histogram reads as
        // training always did, and the same seeds give the same proxies either way.
        const std::size_t stored = p.orientation == "either" ? natural.size() / 2 : natural.size();
        for (std::size_t v = 0; v < stored; ++v)
            if (auto s = add_proxy(natural[v], detail::mix_seed(base, 500 + v), 0); !s.ok()) return s;
        if (p.delivery_calibration) {
            // The same photo as a messenger delivers it, for a threshold that holds there too.
            auto d = deliver_copy(img, kDeliveredSide, kDeliveredQuality);
            if (!d) return d.status();
            delivered = detail::oriented_scoring_views(bb, *d, p.orientation);
        }
    } else {
        for (int v = 0; v < p.views_per_image; ++v) {
            detail::Rng rng(detail::mix_seed(base, 100 + static_cast<std::uint64_t>(v)));
            Raster view;
            if (p.resize_augment > 0.0 && rng.uniform() < p.resize_augment) {
                const double f = p.resize_min + (p.resize_max - p.resize_min) * rng.uniform();
                const int shorter = std::min(img.width, img.height);
                auto resized = resize_shorter_side(img, std::max(16, static_cast<int>(std::lround(shorter * f))));
                if (!resized) return resized.status();
                view = bb.training_view(*resized, rng.next());
            } else {
                view = bb.training_view(img, rng.next());
            }
            // Both members of a pair get the same recompression: JPEG traces then carry no label.
            const int quality =
                rng.uniform() < p.jpeg_augment ? p.jpeg_quality_min + rng.below(p.jpeg_quality_max - p.jpeg_quality_min + 1) : 0;
            for (int k = 0; k < p.proxies_per_view; ++k)
                if (auto s = add_proxy(view, rng.next(), quality); !s.ok()) return s;
            if (quality > 0) {
                auto j = jpeg_roundtrip(view, quality);
                if (!j) return j.status();
                view = std::move(*j);
            }
            natural.push_back(std::move(view));
        }
    }
    std::vector<Raster> all = natural;
    all.insert(all.end(), proxies.begin(), proxies.end());
    all.insert(all.end(), delivered.begin(), delivered.end());
    auto feats = bb.features(all);
    if (!feats) return feats.status();
    FeatureSet set;
    set.dim = bb.dim();
    const auto n = static_cast<std::ptrdiff_t>(natural.size()), m = static_cast<std::ptrdiff_t>(proxies.size());
    set.natural.assign(feats->begin(), feats->begin() + n);
    set.proxy.assign(feats->begin() + n, feats->begin() + n + m);
    set.delivered.assign(feats->begin() + n + m, feats->end());
    set.proxy_ops = std::move(ops);
    return set;
}

std::vector<float> flatten(const std::vector<const std::vector<float>*>& rows)
{
    std::vector<float> out;
    for (const auto* r : rows) out.insert(out.end(), r->begin(), r->end());
    return out;
}

// Each group's (one image's views') log-likelihood, by the detector's own rule: the mean, or read
// in either orientation the larger of the two halves' means.
Result<std::vector<double>> group_scores(const NormalizingFlow& flow, const std::vector<std::vector<std::vector<float>>>& groups,
                                         bool either = false)
{
    std::vector<const std::vector<float>*> rows;
    for (const auto& g : groups)
        for (const auto& r : g) rows.push_back(&r);
    if (rows.empty()) return std::vector<double>{};
    auto ll = flow.log_likelihood(flatten(rows), static_cast<int>(rows.size()));
    if (!ll) return ll.status();
    std::vector<double> out;
    std::size_t k = 0;
    for (const auto& g : groups) {
        if (g.empty()) continue;
        std::vector<double> views((*ll).begin() + static_cast<std::ptrdiff_t>(k),
                                  (*ll).begin() + static_cast<std::ptrdiff_t>(k + g.size()));
        k += g.size();
        auto s = detail::image_log_likelihood(views, either);
        if (!s) return s.status();
        out.push_back(*s);
    }
    return out;
}

} // namespace

FlowTrainParams detector_flow_defaults()
{
    FlowTrainParams t;
    t.epochs = 60;
    t.flow.steps = 4;
    t.flow.hidden = 256;
    t.feature_noise = 0.5f;
    return t;
}

namespace {

// One reading's flow, calibrated and saved. keep_checkpoint: a part of a detector read twice
// keeps its last checkpoint until both are joined, so that a run resumed later finds the
// finished flow instead of training it again.
Result<ClipFlowTrainResult> train_reading(const ClipFlowTrainParams& p, bool keep_checkpoint)
{
    namespace fs = std::filesystem;
    if (p.out_path.empty()) return Status(ErrorCode::InvalidArgument, "no output model path given");
    if (p.natural_files.empty()) return Status(ErrorCode::InvalidArgument, "no natural images given");
    if (p.views_per_image < 1 || p.proxies_per_view < 1)
        return Status(ErrorCode::InvalidArgument, "views per image and proxies per view must be at least 1");
    if (!(p.holdout_fraction > 0.0 && p.holdout_fraction < 1.0))
        return Status(ErrorCode::InvalidArgument, "the held-out fraction must be between 0 and 1");
    if (Status s = detail::check_orientation(p.orientation); !s.ok()) return s;
    if (!(p.resize_augment >= 0.0 && p.resize_augment <= 1.0) || !(p.resize_min > 0.0 && p.resize_min <= p.resize_max) ||
        p.resize_max > 4.0)
        return Status(ErrorCode::InvalidArgument, "resize augmentation: probability in [0, 1], factors 0 < min <= max <= 4");
    if (!(p.jpeg_quality_min >= 1 && p.jpeg_quality_min <= p.jpeg_quality_max && p.jpeg_quality_max <= 100))
        return Status(ErrorCode::InvalidArgument, "JPEG quality band: 1 <= min <= max <= 100");
    if (auto cuda = detail::training_on_cuda(p.train.device); !cuda) return cuda.status(); // before the features
    auto backbone = make_backbone(p.backbone);
    if (!backbone) return backbone.status();
    const Backbone& bb = **backbone;
    auto connected = detail::Communicator::connect(p.distributed);
    if (!connected) return connected.status();
    const std::unique_ptr<detail::Communicator> comm = std::move(*connected);
    const bool writer = !comm || comm->rank() == 0;

    ClipFlowTrainResult result;
    // "recipe" changes whenever view or proxy code changes what a cached entry would hold.
    json recipe{{"recipe", 2},
                {"backbone", bb.id()},
                {"backbone_params", json::parse(bb.params_json())},
                {"proxy", json::parse(proxy_params_json(p.proxy))},
                {"views_per_image", p.views_per_image},
                {"proxies_per_view", p.proxies_per_view},
                {"jpeg_augment", p.jpeg_augment},
                {"seed", p.seed}};
    // Only a run that resizes (or recompresses at other qualities) names it, so existing caches stay valid.
    if (p.resize_augment > 0.0) recipe["resize"] = {p.resize_augment, p.resize_min, p.resize_max};
    if (p.jpeg_quality_min != 70 || p.jpeg_quality_max != 95) recipe["jpeg_quality"] = {p.jpeg_quality_min, p.jpeg_quality_max};
    // "shrink": deliver_copy() no longer enlarges small photos, so caches from launder() are not reused.
    if (p.delivery_calibration) recipe["delivered"] = {kDeliveredSide, kDeliveredQuality, "shrink"};
    if (p.orientation == "either") recipe["orientation"] = "either"; // held-out photos' views transposed too
    detail::FeatureStage stage;
    stage.backbone = &bb;
    stage.cache_dir = p.cache_dir;
    stage.recipe = recipe.dump();
    stage.split_fraction = p.holdout_fraction;
    stage.threads = p.threads;
    stage.intake = p.intake;
    stage.progress = p.progress;
    stage.abort = p.abort;
    stage.comm = comm.get();
    stage.compute = [&](const Raster& img, const std::string& sha, bool held_out, std::size_t) {
        return compute(bb, img, sha, held_out, p);
    };
    auto features = detail::run_feature_stage(p.natural_files, stage);
    if (!features) return features.status();
    result.feature_seconds = features->seconds;
    result.skipped = features->skipped;
    result.cache_hits = features->cache_hits;
    const auto& unique = features->unique;

    std::vector<const std::vector<float>*> nat_rows, proxy_rows;
    std::vector<std::vector<std::vector<float>>> hold_nat, hold_proxy, hold_delivered;
    std::map<std::string, long> op_counts;
    std::vector<std::string> hashes, train_hashes, holdout_hashes;
    for (const auto& [sha, it] : unique) {
        hashes.push_back(sha);
        (it->held_out ? holdout_hashes : train_hashes).push_back(sha);
        if (it->held_out) {
            ++result.holdout_images;
            hold_nat.push_back(it->set.natural);
            hold_proxy.push_back(it->set.proxy);
            if (!it->set.delivered.empty()) hold_delivered.push_back(it->set.delivered);
            continue;
        }
        ++result.train_images;
        for (const auto& r : it->set.natural) nat_rows.push_back(&r);
        for (const auto& r : it->set.proxy) proxy_rows.push_back(&r);
        for (const auto& d : it->set.proxy_ops) {
            try {
                ++op_counts[json::parse(d).value("op", "?")];
            } catch (const json::exception&) {
                ++op_counts["?"];
            }
        }
    }
    if (result.train_images < 10 || result.holdout_images < 10)
        return Status(ErrorCode::InvalidArgument,
                      "need at least 10 training and 10 held-out natural images (have " + std::to_string(result.train_images) +
                          " and " + std::to_string(result.holdout_images) + " of " + std::to_string(unique.size()) +
                          " readable); add photos or change the held-out fraction");

    // Stage 2: the flow.
    FlowTrainParams tp = p.train;
    tp.flow.dim = bb.dim();
    tp.seed = p.seed;
    if (tp.checkpoint_path.empty()) tp.checkpoint_path = p.out_path + ".ckpt";
    tp.abort = p.abort;
    tp.distributed = {};
    if (p.progress)
        tp.progress = [&](const TrainProgress& t) {
            JobProgress jp;
            jp.stage = "training";
            jp.done = t.step;
            jp.total = t.steps_per_epoch * t.epochs;
            jp.eta_s = t.eta_s;
            jp.train = t;
            p.progress(jp);
        };
    const auto t1 = Clock::now();
    auto trained = detail::train_flow_ranked(flatten(nat_rows), static_cast<int>(nat_rows.size()), flatten(proxy_rows),
                                             static_cast<int>(proxy_rows.size()), tp, comm.get());
    if (!trained) return trained.status();
    result.train_seconds = std::chrono::duration<double>(Clock::now() - t1).count();
    result.epochs_run = trained->epochs_run;
    result.resumed_from_epoch = trained->resumed_from_epoch;
    result.device = trained->device;
    result.history = trained->history;

    // Stage 3: calibration on images the flow never saw.
    if (p.progress) p.progress({"calibration", 0, result.holdout_images, 0.0, {}});
    const bool either = p.orientation == "either";
    auto nat_scores = group_scores(trained->flow, hold_nat, either);
    if (!nat_scores) return nat_scores.status();
    auto proxy_scores = group_scores(trained->flow, hold_proxy);
    if (!proxy_scores) return proxy_scores.status();
    auto delivered_scores = group_scores(trained->flow, hold_delivered, either);
    if (!delivered_scores) return delivered_scores.status();
    auto cal = Calibration::build(*nat_scores, *proxy_scores, p.fpr, 40, p.fpr_confidence, *delivered_scores, p.delivery_scope);
    if (!cal) return cal.status();
    {
        std::vector<double> neg, pos;
        for (double v : *nat_scores) neg.push_back(-v);
        for (double v : *proxy_scores) pos.push_back(-v);
        result.holdout_proxy_auc = roc_auc(neg, pos);
    }

    // Stage 4: metadata and an atomic save.
    if (p.progress) p.progress({"saving", 0, 1, 0.0, {}});
    std::string all_hashes;
    for (const auto& h : hashes) all_hashes += h + "\n";
    const TrainProgress last = result.history.empty() ? TrainProgress{} : result.history.back();
    json meta{{"format_version", ClipFlowModelInfo::kFormatVersion},
              {"created_at", detail::now_iso()},
              {"tool_version", version()},
              {"backbone",
               {{"type", bb.type()},
                {"id", bb.id()},
                {"feature_layer", bb.feature_layer()},
                {"dim", bb.dim()},
                {"weights_sha256", bb.weights_sha256()},
                {"params", json::parse(bb.params_json())}}},
              {"proxy",
               {{"params", json::parse(proxy_params_json(p.proxy))},
                {"views_per_image", p.views_per_image},
                {"proxies_per_view", p.proxies_per_view},
                {"jpeg_augment", p.jpeg_augment},
                {"jpeg_quality", {p.jpeg_quality_min, p.jpeg_quality_max}},
                {"resize_augment", {p.resize_augment, p.resize_min, p.resize_max}},
                {"op_counts", op_counts}}},
              {"objective", {{"name", objective_name(tp.objective)}, {"margin", tp.margin}, {"proxy_weight", tp.proxy_weight}}},
              {"training",
               {{"natural_files", p.natural_files.size()},
                {"unique_images", unique.size()},
                {"skipped", result.skipped.size()},
                {"train_images", result.train_images},
                {"holdout_images", result.holdout_images},
                {"holdout_fraction", p.holdout_fraction},
                {"delivered_calibration", p.delivery_calibration ? json{{"side", kDeliveredSide},
                                                                        {"quality", kDeliveredQuality},
                                                                        {"enlarged", false},
                                                                        {"scope", delivered_scope_name(p.delivery_scope)}}
                                                                 : json()},
                {"train_views", nat_rows.size()},
                {"proxy_views", proxy_rows.size()},
                {"set_sha256", detail::sha_of(all_hashes)},
                {"seed", p.seed},
                {"epochs", tp.epochs},
                {"batch_size", tp.batch_size},
                {"learning_rate", tp.learning_rate},
                {"device", result.device},
                {"final_natural_nll", last.natural_nll},
                {"final_proxy_nll", last.proxy_nll},
                {"holdout_proxy_auc", result.holdout_proxy_auc},
                {"feature_noise", tp.feature_noise},
                {"weight_decay", tp.weight_decay},
                {"files", train_hashes},
                {"holdout_files", holdout_hashes}}},
              {"calibration", json::parse(cal->to_json())}};
    detail::write_scoring_orientation(meta, p.orientation);
    meta["model_id"] = detail::model_id("cf-", meta.dump());
    const std::string text = meta.dump();
    auto info = ClipFlowModelInfo::parse(text);
    if (!info) return info.status();
    result.info = std::move(*info);
    if (!writer) return result; // rank 0 writes the model
    if (auto s = trained->flow.save(p.out_path, {{"clipflow.model", text}}); !s.ok()) return s;
    std::error_code ec;
    if (!keep_checkpoint) fs::remove(tp.checkpoint_path, ec); // finished: the next run starts afresh
    return result;
}

Result<ClipFlowTrainResult> train_read_twice(const ClipFlowTrainParams& p)
{
    namespace fs = std::filesystem;
    if (p.out_path.empty()) return Status(ErrorCode::InvalidArgument, "no output model path given");
    if (p.distributed.enabled())
        return Status(ErrorCode::InvalidArgument,
                      "a second reading is trained in one process (train each reading on several and join them with "
                      "clipflow recalibrate --second-reading)");
    const auto& second = *p.second_reading;
    // Refused before any photo is read: the join needs both backbones to cut the same views.
    {
        auto a = make_backbone(p.backbone);
        if (!a) return a.status();
        auto b = make_backbone(second.backbone);
        if (!b) return Status(b.status().code(), "second reading: " + b.status().message());
        auto pair = detail::PairedBackbone::make(std::move(*a), std::move(*b));
        if (!pair) return pair.status();
    }
    auto part = [&p](int reading) { return p.out_path + ".reading" + std::to_string(reading); };
    auto tagged = [&p](int reading) -> JobProgressCallback {
        if (!p.progress) return {};
        return [cb = p.progress, reading](const JobProgress& j) {
            JobProgress t = j;
            t.reading = reading;
            cb(t);
        };
    };
    ClipFlowTrainParams first = p;
    first.second_reading.reset();
    first.out_path = part(1);
    first.train.checkpoint_path.clear();
    // The join scores the held-out photos as delivered with both flows: a reading's own delivered
    // scores would be computed only to be dropped.
    first.delivery_calibration = false;
    first.progress = tagged(1);
    auto a = train_reading(first, true);
    if (!a) return a.status();
    ClipFlowTrainParams other = first;
    other.backbone = second.backbone;
    if (!second.ops.empty()) other.proxy.ops = second.ops;
    other.out_path = part(2);
    other.progress = tagged(2);
    auto b = train_reading(other, true);
    if (!b) return Status(b.status().code(), "second reading: " + b.status().message());

    RecalibrateParams join;
    join.model_path = part(1);
    join.out_path = p.out_path;
    join.natural_files = p.natural_files;
    join.scope = p.delivery_scope;
    join.orientation = p.orientation;
    join.second_reading = part(2);
    join.require_bound = false; // as training: too few photos give a file that says so
    if (p.backbone.type == "forensic-v2") join.load.learned_backbone = p.backbone.weights;
    if (p.backbone.type == "clip") join.load.clip_model = p.backbone.clip_model;
    if (second.backbone.type == "forensic-v2") join.load.second_backbone = second.backbone.weights;
    join.intake = p.intake;
    join.progress = tagged(3);
    join.abort = p.abort;
    auto joined = recalibrate_clipflow_detector(join);
    if (!joined) return joined.status();

    ClipFlowTrainResult result = std::move(*a);
    result.info = std::move(joined->info);
    result.second_holdout_proxy_auc = b->holdout_proxy_auc;
    result.second_model_id = b->info.model_id;
    std::error_code ec;
    for (int r : {1, 2}) {
        fs::remove(part(r), ec);
        fs::remove(part(r) + ".ckpt", ec);
    }
    return result;
}

} // namespace

Result<ClipFlowTrainResult> train_clipflow_detector(const ClipFlowTrainParams& p)
{
    if (p.second_reading) return train_read_twice(p);
    return train_reading(p, false);
}

} // namespace clipflow
