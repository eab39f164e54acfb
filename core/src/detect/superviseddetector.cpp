#include "clipflow/superviseddetector.h"

#include "classifierhead.h"
#include "clipflow/clipbackbone.h"
#include "clipflow/safetensors.h"
#include "detectorbackbone.h"
#include "io/torchstate.h"

#include <algorithm>

namespace clipflow {

struct SupervisedDetector::Impl {
    SupervisedModelInfo info;
    std::unique_ptr<Backbone> backbone;
    detail::ClassifierHead head{nullptr};
    detail::FineTuneTail tail{nullptr}; // fine-tuned models only
    torch::Tensor mean, std, centroids;
};

SupervisedDetector::SupervisedDetector() = default;
SupervisedDetector::SupervisedDetector(SupervisedDetector&&) noexcept = default;
SupervisedDetector& SupervisedDetector::operator=(SupervisedDetector&&) noexcept = default;
SupervisedDetector::~SupervisedDetector() = default;

const SupervisedModelInfo& SupervisedDetector::info() const
{
    return impl_->info;
}

const Backbone& SupervisedDetector::backbone() const
{
    return *impl_->backbone;
}

namespace {

Result<torch::Tensor> tensor(const SafetensorsFile& file, const std::string& name, std::vector<int64_t> shape)
{
    const TensorView* t = file.find(name);
    if (!t || t->shape != shape) return Status(ErrorCode::CorruptData, "tensor '" + name + "' is missing or has the wrong shape");
    auto v = t->to_float();
    if (!v) return v.status();
    return torch::from_blob(v->data(), shape, torch::kFloat32).clone();
}

} // namespace

Result<SupervisedDetector> SupervisedDetector::load(const std::string& path, const DetectorLoadParams& params)
{
    auto file = SafetensorsFile::open(path);
    if (!file) return file.status();
    auto it = file->metadata().find("clipflow.classifier");
    if (it == file->metadata().end())
        return Status(ErrorCode::InvalidArgument,
                      path + " is not a supervised ClipFlow detector (no clipflow.classifier metadata)");
    auto info = SupervisedModelInfo::parse(it->second);
    if (!info) return info.status();
    auto backbone = detail::detector_backbone(*info, params, path, params.learned_backbone);
    if (!backbone) return backbone.status();
    try {
        SupervisedDetector d;
        d.impl_ = std::make_unique<Impl>();
        const auto k = static_cast<int64_t>(info->classes.size());
        int64_t head_in = info->dim;
        if (info->mode == "finetune") {
            const auto* clip = dynamic_cast<const ClipBackbone*>(backbone->get());
            if (!clip) return Status(ErrorCode::CorruptData, "a fine-tuned detector needs its CLIP backbone");
            d.impl_->tail = detail::FineTuneTail(detail::clip_tail(clip->encoder(), info->finetune_blocks),
                                                 info->tail_output != "cls", clip->encoder().config().width);
            if (Status s = detail::read_module_tensors(file.value(), *d.impl_->tail, "tail."); !s.ok()) return s;
            d.impl_->tail->eval();
            head_in = d.impl_->tail->out_dim();
        }
        d.impl_->head = detail::ClassifierHead(head_in, k, info->mode == "mlp" ? info->hidden : 0, 0.0);
        if (Status s = detail::read_module_tensors(file.value(), *d.impl_->head, "head."); !s.ok()) return s;
        d.impl_->head->eval();
        auto mean = tensor(file.value(), "feature_mean", {head_in});
        auto sd = tensor(file.value(), "feature_std", {head_in});
        auto cent = tensor(file.value(), "centroids", {k, d.impl_->head->embed_dim()});
        if (!mean || !sd || !cent) return !mean ? mean.status() : !sd ? sd.status() : cent.status();
        d.impl_->mean = *mean;
        d.impl_->std = sd->clamp_min(1e-6);
        d.impl_->centroids = *cent;
        d.impl_->info = std::move(*info);
        d.impl_->backbone = std::move(*backbone);
        return d;
    } catch (const c10::Error& e) {
        return Status(ErrorCode::CorruptData, std::string("supervised detector is unusable: ") + e.what_without_backtrace());
    }
}

std::vector<Raster> SupervisedDetector::scoring_views(const Raster& image) const
{
    return detail::oriented_scoring_views(*impl_->backbone, image, impl_->info.orientation);
}

Status SupervisedDetector::set_orientation(const std::string& orientation)
{
    if (Status s = detail::check_orientation(orientation); !s.ok()) return s;
    impl_->info.orientation = orientation;
    return Status();
}

Result<SupervisedScore> SupervisedDetector::score(const Raster& image) const
{
    auto feats = impl_->backbone->features(scoring_views(image));
    if (!feats) return feats.status();
    return score_features(*feats);
}

Result<SupervisedScore> SupervisedDetector::score_features(const std::vector<std::vector<float>>& views) const
{
    const auto& info = impl_->info;
    if (views.empty()) return Status(ErrorCode::InvalidArgument, "no views to score");
    std::vector<float> flat;
    for (const auto& v : views) {
        if (static_cast<int>(v.size()) != info.dim)
            return Status(ErrorCode::InvalidArgument, "feature vector has the wrong dimension");
        flat.insert(flat.end(), v.begin(), v.end());
    }
    const bool either = info.orientation == "either";
    if (either && views.size() % 2 != 0)
        return Status(ErrorCode::InvalidArgument, "an orientation-free score needs the views of both orientations");
    try {
        torch::NoGradGuard guard;
        const auto n = static_cast<int64_t>(views.size());
        torch::Tensor x = torch::from_blob(flat.data(), {n, info.dim}, torch::kFloat32);
        x = torch::nan_to_num(x, 0.0, 1e4, -1e4);
        if (impl_->tail) x = impl_->tail->forward(x);
        x = torch::nan_to_num((x - impl_->mean) / impl_->std, 0.0, 1e4, -1e4).clamp(-1e4, 1e4);
        const torch::Tensor view_logits = impl_->head->forward(x);
        auto half_logits = [&](int64_t b, int64_t e) { return view_logits.slice(0, b, e).mean(0) / info.temperature; };
        auto odds_real = [](const torch::Tensor& l) {
            return l[0].item<double>() - torch::logsumexp(l.slice(0, 1), 0).item<double>();
        };
        // Read in either orientation, the half (views, then the same transposed) that looks the more
        // natural is the reading, generator and distance included: as CLIP-Flow's larger likelihood.
        const bool turned_reads = either && odds_real(half_logits(n / 2, n)) > odds_real(half_logits(0, n / 2));
        const int64_t b = turned_reads ? n / 2 : 0, e = either && !turned_reads ? n / 2 : n;
        const torch::Tensor logits = half_logits(b, e);
        const torch::Tensor p = torch::softmax(logits, 0);
        const torch::Tensor emb = impl_->head->embed(x.slice(0, b, e)).mean(0);
        SupervisedScore s;
        s.p_ai = 1.0 - p[0].item<double>();
        s.ai_score = s.p_ai;
        s.log_odds_real = odds_real(logits);
        std::vector<std::pair<std::string, double>> gens;
        double total = 0;
        for (std::size_t c = 1; c < info.classes.size(); ++c) total += p[static_cast<int64_t>(c)].item<double>();
        for (std::size_t c = 1; c < info.classes.size(); ++c)
            gens.emplace_back(info.classes[c], total > 0 ? p[static_cast<int64_t>(c)].item<double>() / total : 0.0);
        std::stable_sort(gens.begin(), gens.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        s.generator_probs = gens;
        const auto best =
            static_cast<int64_t>(std::find(info.classes.begin(), info.classes.end(), gens.front().first) - info.classes.begin());
        s.distance =
            (emb - impl_->centroids[best]).norm().item<double>() / std::max(1e-9, info.radius[static_cast<std::size_t>(best)]);
        s.unknown_generator =
            gens.front().first == SupervisedModelInfo::kUnknownClass || s.distance > 1.0 || gens.front().second < 0.5;
        if (info.calibration) {
            s.calibrated = info.calibration->evaluate(s.log_odds_real);
            s.ai_score = s.calibrated->ai_score;
            s.verdict_code = s.calibrated->verdict_code;
        } else {
            s.verdict_code = s.p_ai < 0.5 ? "natural" : s.p_ai < 0.7 ? "weak" : s.p_ai < 0.9 ? "moderate" : "strong";
        }
        s.verdict = verdict_text(s.verdict_code);
        if (s.verdict_code != "natural") s.generator = s.unknown_generator ? "unknown" : gens.front().first;
        return s;
    } catch (const c10::Error& e) {
        return Status(ErrorCode::Internal, std::string("LibTorch: ") + e.what_without_backtrace());
    }
}

} // namespace clipflow
