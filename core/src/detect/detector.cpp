#include "clipflow/detector.h"

#include "clipflow/evidence.h"
#include "clipflow/laundering.h"
#include "clipflow/modelregistry.h"
#include "clipflow/supervisedmodel.h"
#include "detectorbackbone.h"
#include "pairedbackbone.h"
#include "support/rounding.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace clipflow {

using detail::rounded;

const char* detector_kind_name(DetectorKind kind)
{
    return kind == DetectorKind::ClipFlow ? "clipflow" : "supervised";
}

std::optional<DetectorKind> detector_kind_from_name(const std::string& name)
{
    if (name == "clipflow") return DetectorKind::ClipFlow;
    if (name == "supervised") return DetectorKind::Supervised;
    return std::nullopt;
}

const char* default_detector_file(DetectorKind kind)
{
    return kind == DetectorKind::ClipFlow ? "clipflow-default.safetensors" : "clipflow-supervised.safetensors";
}

const char* verdict_code(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Natural: return "natural";
    case Verdict::Weak: return "weak";
    case Verdict::Moderate: return "moderate";
    case Verdict::Strong: return "strong";
    case Verdict::Inconclusive: return "inconclusive";
    }
    return "natural";
}

std::optional<Verdict> verdict_from_code(const std::string& code)
{
    for (Verdict v : {Verdict::Natural, Verdict::Weak, Verdict::Moderate, Verdict::Strong, Verdict::Inconclusive})
        if (code == verdict_code(v)) return v;
    return std::nullopt;
}

const char* verdict_wording(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Natural: return "consistent with natural images";
    case Verdict::Weak: return "weak evidence of AI generation";
    case Verdict::Moderate: return "moderate evidence of AI generation";
    case Verdict::Strong: return "strong evidence of AI generation";
    case Verdict::Inconclusive: return "inconclusive";
    }
    return "inconclusive";
}

std::string uncalibrated_format(const EvidenceInfo& info)
{
    // No shipped calibration covers HEVC, AV1 or VP8 compression, colour quantisation or print colour.
    // Held-out natural photos saved as HEIF/AVIF stayed within the bound overall (1.9-2.3%) but
    // not in every folder; as lossy WebP (quality 75) the supervised detector flagged 21%,
    // CLIP-Flow 5.3%; quantised to 256 colours, the supervised detector 7.5%; as CMYK JPEG
    // (each ink coded on its own) 12.5% and 5.3% (docs/method.md). Grey photos held the bound.
    if (info.format == "HEIF" || info.format == "AVIF") return info.format;
    if (info.format == "WebP" && info.lossy) return "lossy WebP";
    if (info.colour_model == "palette") return "palette-colour";
    if (info.colour_model == "cmyk" || info.colour_model == "ycck") return "CMYK";
    return {};
}

namespace {

// Each robustness transform: a JPEG round trip at a quality, or a resize of the shorter side.
struct RobustnessTransform {
    const char* name;
    int jpeg_quality; // > 0: a JPEG round trip, whose copy is a JPEG file
    double scale;     // otherwise the shorter side times this; no format implied
};
constexpr RobustnessTransform kRobustnessTransforms[] = {
    {"jpeg90", 90, 1.0}, {"jpeg75", 75, 1.0}, {"resize75", 0, 0.75}, {"resize50", 0, 0.5}};

const RobustnessTransform* find_transform(const std::string& name)
{
    for (const auto& t : kRobustnessTransforms)
        if (name == t.name) return &t;
    return nullptr;
}

int resized_side(const RobustnessTransform& t, const Raster& image)
{
    return std::max(1, static_cast<int>(std::lround(t.scale * std::min(image.width, image.height))));
}

// A robustness copy as a backbone reads it: the copy's size and its scoring views' pixels,
// the same as cut from the whole copy but made from the views' neighbourhoods alone where
// that is exact (laundering.h): a 12 MP copy is a 144 MB float image, of which four 256 px
// views are read.
struct CopyViews {
    int width = 0, height = 0;
    std::vector<Raster> views;
};

Result<CopyViews> robustness_views(const Raster& image, const RobustnessTransform& t, const Backbone& backbone)
{
    const bool jpeg = t.jpeg_quality > 0;
    const int side = jpeg ? 0 : resized_side(t, image);
    const PixelRect size = jpeg ? PixelRect{0, 0, image.width, image.height} : resized_size(image.width, image.height, side);
    CopyViews c{size.width, size.height, {}};
    const auto rects = backbone.scoring_view_rects(c.width, c.height);
    auto views = jpeg ? jpeg_roundtrip_regions(image, t.jpeg_quality, rects) : resize_shorter_side_regions(image, side, rects);
    if (!views) return views.status();
    c.views = std::move(*views);
    return c;
}

} // namespace

const std::vector<std::string>& robustness_transforms()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> v;
        for (const auto& t : kRobustnessTransforms) v.push_back(t.name);
        return v;
    }();
    return names;
}

Result<Raster> apply_robustness_transform(const Raster& image, const std::string& transform)
{
    const auto* t = find_transform(transform);
    if (!t) return Status(ErrorCode::InvalidArgument, "unknown robustness transform \"" + transform + "\"");
    if (t->jpeg_quality > 0) return jpeg_roundtrip(image, t->jpeg_quality);
    return resize_shorter_side(image, resized_side(*t, image));
}

std::vector<std::string> flipped_transforms(Verdict level, const std::vector<RobustnessCheck>& checks)
{
    std::vector<std::string> flipped;
    for (const auto& c : checks)
        if ((c.level == Verdict::Natural) != (level == Verdict::Natural)) flipped.push_back(c.transform);
    return flipped;
}

namespace {

std::string transforms_in_words(const std::vector<std::string>& transforms)
{
    std::string words;
    for (const auto& t : transforms) words += (words.empty() ? "" : ", ") + std::string(robustness_transform_wording(t));
    return words;
}

} // namespace

std::string verdict_flips(Verdict level, const std::vector<RobustnessCheck>& checks)
{
    return transforms_in_words(flipped_transforms(level, checks));
}

const char* robustness_transform_wording(const std::string& t)
{
    if (t == "jpeg90") return "JPEG quality 90";
    if (t == "jpeg75") return "JPEG quality 75";
    if (t == "resize75") return "resizing to 75%";
    if (t == "resize50") return "resizing to 50%";
    return "a transform";
}

namespace {

std::string number(double v, const char* format)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

} // namespace

double DetectorScore::evidence() const
{
    if (clipflow) return -clipflow->calibrated.log_likelihood;
    if (supervised) return supervised->p_ai;
    return ai_score;
}

std::string DetectorScore::to_json() const
{
    nlohmann::json j{{"detector", detector_kind_name(kind)}, {"model_id", model_id}, {"backbone", backbone_id}};
    if (clipflow) {
        const auto& c = clipflow->calibrated;
        j["log_likelihood"] = rounded(c.log_likelihood, 1e-5);
        j["percentile"] = rounded(c.percentile, 1e-3);
        j["p_value"] = c.p_value < 1e-4 ? c.p_value : rounded(c.p_value, 1e-6);
        j["p_extrapolated"] = c.p_extrapolated;
        j["ai_score"] = rounded(ai_score, 1e-4);
        j["verdict"] = verdict_text;
        j["verdict_code"] = verdict_code(verdict);
        j["views"] = clipflow->view_log_likelihoods.size();
    } else if (supervised) {
        const auto& s = *supervised;
        j["p_ai"] = rounded(s.p_ai, 1e-5);
        if (s.calibrated) {
            const auto& c = *s.calibrated;
            j["log_odds_real"] = rounded(c.log_likelihood, 1e-5);
            j["percentile"] = rounded(c.percentile, 1e-3);
            j["p_value"] = c.p_value < 1e-4 ? c.p_value : rounded(c.p_value, 1e-6);
            j["p_extrapolated"] = c.p_extrapolated;
        }
        j["ai_score"] = rounded(ai_score, 1e-4);
        j["generator"] = s.generator.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.generator);
        j["unknown_generator"] = s.unknown_generator;
        nlohmann::json probs = nlohmann::json::object();
        for (const auto& [name, p] : s.generator_probs) probs[name] = rounded(p, 1e-4);
        j["generator_probs"] = probs;
        j["distance"] = rounded(s.distance, 1e-3);
        j["verdict"] = verdict_text;
        j["verdict_code"] = verdict_code(verdict);
    }
    j["level_code"] = verdict_code(level);
    if (!inconclusive_reason.empty()) j["inconclusive_reason"] = inconclusive_reason;
    if (delivered_copy) j["calibrated_as"] = "delivered_copy";
    if (!uncalibrated_format.empty()) j["uncalibrated_format"] = uncalibrated_format;
    if (!robustness.empty()) {
        nlohmann::json checks = nlohmann::json::array();
        for (const auto& c : robustness)
            checks.push_back(
                {{"transform", c.transform}, {"ai_score", rounded(c.ai_score, 1e-4)}, {"verdict_code", verdict_code(c.level)}});
        j["robustness"] = checks;
    }
    if (seen) j["seen_in_training"] = true;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

struct Detector::Impl {
    DetectorKind kind = DetectorKind::ClipFlow;
    std::string path;
    std::optional<ClipFlowDetector> clipflow;
    std::optional<SupervisedDetector> supervised;
    std::string feature_key;       // Detector::feature_key(), fixed at load
    std::string first_feature_key; // Detector::first_feature_key()

    const Backbone& backbone() const { return clipflow ? clipflow->backbone() : supervised->backbone(); }
    std::vector<Raster> scoring_views(const Raster& image) const
    {
        return clipflow ? clipflow->scoring_views(image) : supervised->scoring_views(image);
    }
    const std::string& orientation() const { return clipflow ? clipflow->info().orientation : supervised->info().orientation; }
};

Detector::Detector() : impl_(std::make_unique<Impl>()) {}
Detector::Detector(Detector&&) noexcept = default;
Detector& Detector::operator=(Detector&&) noexcept = default;
Detector::~Detector() = default;

Result<Detector> Detector::load(const std::string& path, const DetectorLoadParams& params)
{
    DetectorLoadParams lp = params;
    if (!lp.clip_model.empty()) {
        const ModelRegistry registry = lp.models_dir.empty() ? ModelRegistry() : ModelRegistry(lp.models_dir);
        auto resolved = registry.resolve(lp.clip_model);
        if (!resolved) return resolved.status();
        lp.clip_model = *resolved;
    }
    auto kind_name = detector_kind(path);
    if (!kind_name) return kind_name.status();
    const auto kind = detector_kind_from_name(*kind_name);
    if (!kind) return Status(ErrorCode::UnsupportedFormat, path + ": unknown detector kind \"" + *kind_name + "\"");
    Detector d;
    d.impl_->kind = *kind;
    d.impl_->path = path;
    if (*kind == DetectorKind::ClipFlow) {
        auto det = ClipFlowDetector::load(path, lp);
        if (!det) return det.status();
        d.impl_->clipflow.emplace(std::move(*det));
    } else {
        auto det = SupervisedDetector::load(path, lp);
        if (!det) return det.status();
        d.impl_->supervised.emplace(std::move(*det));
    }
    auto key = [&d](const Backbone& bb) {
        return nlohmann::json{
            {"type", bb.type()}, {"id", bb.id()}, {"params", bb.params_json()}, {"orientation", d.info().orientation}}
            .dump();
    };
    d.impl_->feature_key = key(d.impl_->backbone());
    if (const auto* pair = dynamic_cast<const detail::PairedBackbone*>(&d.impl_->backbone()))
        d.impl_->first_feature_key = key(pair->first());
    return d;
}

Result<Detector> load_detector(const std::string& path, const DetectorLoadParams& params)
{
    return Detector::load(path, params);
}

DetectorKind Detector::kind() const
{
    return impl_->kind;
}
const std::string& Detector::path() const
{
    return impl_->path;
}

const DetectorModelHeader& Detector::info() const
{
    if (impl_->clipflow) return impl_->clipflow->info();
    return impl_->supervised->info();
}

bool Detector::clip_backbone() const
{
    return info().backbone_type == "clip";
}

bool Detector::trained_on(const std::string& sha256) const
{
    return impl_->clipflow ? impl_->clipflow->info().trained_on(sha256) : impl_->supervised->info().trained_on(sha256);
}

bool Detector::seen(const std::string& sha256) const
{
    if (sha256.empty()) return false;
    return trained_on(sha256) ||
           (impl_->clipflow ? impl_->clipflow->info().calibrated_on(sha256) : impl_->supervised->info().calibrated_on(sha256));
}

double Detector::evidence_threshold() const
{
    return impl_->clipflow ? -impl_->clipflow->info().calibration.threshold() : impl_->supervised->info().flag_p_ai();
}

const ClipFlowDetector* Detector::clipflow() const
{
    return impl_->clipflow ? &*impl_->clipflow : nullptr;
}
const SupervisedDetector* Detector::supervised() const
{
    return impl_->supervised ? &*impl_->supervised : nullptr;
}

Result<ScoreMap> Detector::score_map(const Raster& image, const ScoreMapParams& params) const
{
    if (!impl_->clipflow)
        return Status(ErrorCode::UnsupportedFormat, "score maps come from the CLIP-Flow detector; this is a " +
                                                        std::string(detector_kind_name(impl_->kind)) + " detector");
    return impl_->clipflow->score_map(image, params);
}

namespace {

// The model's own answer as a DetectorScore: ai_score, calibrated level and the kind's details.
Result<DetectorScore> with_level(DetectorScore d, const std::string& code)
{
    const auto v = verdict_from_code(code);
    if (!v || *v == Verdict::Inconclusive)
        return Status(ErrorCode::Internal, "the detector gave an unknown verdict \"" + code + "\"");
    d.level = *v;
    return d;
}

Result<DetectorScore> from_model(Result<ClipFlowScore> s)
{
    if (!s) return s.status();
    DetectorScore d;
    d.ai_score = s->calibrated.ai_score;
    const std::string code = s->calibrated.verdict_code;
    d.clipflow = std::move(*s);
    return with_level(std::move(d), code);
}

Result<DetectorScore> from_model(Result<SupervisedScore> s)
{
    if (!s) return s.status();
    DetectorScore d;
    d.ai_score = s->ai_score;
    const std::string code = s->verdict_code;
    d.supervised = std::move(*s);
    return with_level(std::move(d), code);
}

ScoreParams with_copy(ScoreParams params, const ScoreInput& in)
{
    params.delivered_copy = in.delivered_copy;
    params.uncalibrated_format = in.uncalibrated_format;
    return params;
}

} // namespace

Result<DetectorScore> Detector::raw_score(const Raster& view) const
{
    return impl_->clipflow ? from_model(impl_->clipflow->score(view)) : from_model(impl_->supervised->score(view));
}

Result<DetectorScore> Detector::score(const Raster& image, const std::string& sha256, const ScoreParams& params) const
{
    return finish_score(raw_score(image), image, sha256, params);
}

struct Detector::ViewFeatures {
    std::vector<std::size_t> first{0}; ///< image i's views are [first[i], first[i + 1])
    Result<std::vector<std::vector<float>>> features = Status(ErrorCode::InvalidArgument, "no images");
};

struct Detector::RobustnessCopy {
    bool made = false; ///< false: the image is too small for the transform
    int width = 0, height = 0;
    Result<std::vector<std::vector<float>>> features = Status(ErrorCode::InvalidArgument, "no copy");
};

// The copy and its features are made by the first detector that asks; one that reads the
// same features finds them (a 12 MP JPEG round trip is the dear part, not the four views).
const Detector::RobustnessCopy& Detector::robustness_copy(const Raster& image, const std::string& transform,
                                                          RobustnessCopies& copies) const
{
    auto [it, fresh] = copies.try_emplace({impl_->feature_key, transform});
    if (!fresh) return it->second;
    const auto* t = find_transform(transform);
    if (!t) return it->second;
    auto copy = robustness_views(image, *t, impl_->backbone());
    if (!copy) return it->second; // nothing to say about it
    RobustnessCopy& c = it->second;
    c.made = true;
    c.width = copy->width;
    c.height = copy->height;
    auto views = detail::oriented_views(std::move(copy->views), impl_->orientation());
    const auto* pair = dynamic_cast<const detail::PairedBackbone*>(&impl_->backbone());
    if (!pair) {
        c.features = impl_->backbone().features(views);
        return c;
    }
    // A second reading: the first network's rows are shared with the detectors that read
    // them alone, whichever of them made the copy first.
    auto [first, absent] = copies.try_emplace({impl_->first_feature_key, transform});
    if (absent) {
        first->second.made = true;
        first->second.width = c.width;
        first->second.height = c.height;
        first->second.features = pair->first().features(views);
    }
    c.features = first->second.features ? pair->features(views, *first->second.features)
                                        : Result<std::vector<std::vector<float>>>(first->second.features.status());
    return c;
}

const std::string& Detector::feature_key() const
{
    return impl_->feature_key;
}

const std::string& Detector::first_feature_key() const
{
    return impl_->first_feature_key;
}

Detector::ViewFeatures Detector::view_features(const std::vector<ScoreInput>& images, const ViewFeatures* first_part) const
{
    ViewFeatures out;
    std::vector<Raster> views;
    for (const auto& in : images) {
        if (in.image)
            for (auto& v : impl_->scoring_views(*in.image)) views.push_back(std::move(v));
        out.first.push_back(views.size());
    }
    if (views.empty()) return out;
    const auto* pair = dynamic_cast<const detail::PairedBackbone*>(&impl_->backbone());
    if (!pair || !first_part || !first_part->features || first_part->first != out.first) {
        out.features = impl_->backbone().features(views);
        return out;
    }
    // The first reading's rows are the other detector's: only the second is computed.
    out.features = pair->features(views, *first_part->features);
    return out;
}

std::vector<Result<DetectorScore>> Detector::score_batch(const std::vector<ScoreInput>& images, const ScoreParams& params) const
{
    return score_features(images, view_features(images), params);
}

std::vector<Result<DetectorScore>> Detector::score_features(const std::vector<ScoreInput>& images, const ViewFeatures& vf,
                                                            const ScoreParams& params,
                                                            std::vector<RobustnessCopies>* copies) const
{
    const auto& feats = vf.features;
    // CLIP-Flow: every view of every image through the flow in one pass too.
    Result<std::vector<float>> lls = Status(ErrorCode::InvalidArgument, "no features");
    if (feats && impl_->clipflow) lls = impl_->clipflow->view_log_likelihoods(*feats);
    std::vector<Result<DetectorScore>> out;
    out.reserve(images.size());
    for (std::size_t i = 0; i < images.size(); ++i) {
        if (!images[i].image) {
            out.emplace_back(Status(ErrorCode::InvalidArgument, "no image"));
            continue;
        }
        const Raster& image = *images[i].image;
        const auto b = static_cast<std::ptrdiff_t>(vf.first[i]), e = static_cast<std::ptrdiff_t>(vf.first[i + 1]);
        if (!feats || (impl_->clipflow && !lls)) { // one image the backbone refuses must not fail the others
            out.push_back(score(image, images[i].sha256, with_copy(params, images[i])));
            continue;
        }
        auto model = impl_->clipflow
                         ? from_model(impl_->clipflow->score_from_log_likelihoods({lls->begin() + b, lls->begin() + e}))
                         : from_model(impl_->supervised->score_features({feats->begin() + b, feats->begin() + e}));
        out.push_back(finish_score(std::move(model), image, images[i].sha256, with_copy(params, images[i]),
                                   copies ? &(*copies)[i] : nullptr));
    }
    return out;
}

// Seen, the near-threshold band and robustness on top of the model's answer.
Result<DetectorScore> Detector::finish_score(Result<DetectorScore> scored, const Raster& image, const std::string& sha256,
                                             const ScoreParams& params, RobustnessCopies* shared_copies) const
{
    // A delivered copy is read against the model's delivered photos where it has them for
    // copies (Mondrian calibration, calibration.h).
    const Calibration* calibration = impl_->clipflow && impl_->clipflow->info().calibration.calibrates_copies()
                                         ? &impl_->clipflow->info().calibration
                                         : nullptr;
    const Calibration* copies = params.delivered_copy ? calibration : nullptr;
    auto as_copy = [calibration](DetectorScore& s, bool copy) {
        if (!copy || !calibration || !s.clipflow) return;
        s.clipflow->calibrated = calibration->evaluate(s.clipflow->calibrated.log_likelihood, true);
        s.ai_score = s.clipflow->calibrated.ai_score;
        s.level = *verdict_from_code(s.clipflow->calibrated.verdict_code); // natural, weak, moderate or strong
        s.delivered_copy = true;
    };
    if (!scored) return scored.status();
    DetectorScore d = std::move(*scored);
    as_copy(d, params.delivered_copy);
    d.kind = impl_->kind;
    d.model_id = info().model_id;
    d.backbone_id = info().backbone_id;
    d.seen = seen(sha256);
    d.verdict = d.level;

    std::vector<std::string> reasons;
    const double band = std::max(1.0, params.inconclusive_band);
    if (band > 1.0) {
        if (d.clipflow) {
            const auto& cal = impl_->clipflow->info().calibration;
            const double p = d.clipflow->calibrated.p_value, level = copies ? cal.copy_flag_level() : cal.flag_level();
            d.threshold = level;
            d.thresholded_score = p;
            d.near_threshold = p >= level / band && p < level * band;
            if (d.near_threshold)
                reasons.push_back("the score is close to the model's threshold (p = " + number(p, "%.3g") + ", threshold " +
                                  number(level, "%.3g") + ")");
        } else if (d.supervised && d.supervised->calibrated) {
            const double p = d.supervised->calibrated->p_value, level = impl_->supervised->info().calibration->flag_level();
            d.threshold = level;
            d.thresholded_score = p;
            d.near_threshold = p >= level / band && p < level * band;
            if (d.near_threshold)
                reasons.push_back("the score is close to the model's threshold (p = " + number(p, "%.3g") + ", threshold " +
                                  number(level, "%.3g") + ")");
        } else if (d.supervised && std::abs(d.supervised->p_ai - 0.5) < 0.1 * (band - 1.0)) {
            d.near_threshold = true;
            d.threshold = 0.5;
            d.thresholded_score = d.supervised->p_ai;
            reasons.push_back("the score is close to the model's threshold (p_ai = " + number(d.supervised->p_ai, "%.2f") +
                              ", threshold 0.5)");
        }
    }
    if (params.robustness) {
        RobustnessCopies own;
        for (const auto& t : robustness_transforms()) {
            const RobustnessCopy& c = robustness_copy(image, t, shared_copies ? *shared_copies : own);
            if (!c.made || !c.features) continue;
            auto r = impl_->clipflow ? from_model(impl_->clipflow->score_from_features(*c.features))
                                     : from_model(impl_->supervised->score_features(*c.features));
            if (!r) continue;
            // Each copy is read as `clipflow score` would read it as a file: a JPEG round trip is a
            // JPEG of its size (a small one a delivered copy, whatever the original was); a resized
            // copy implies no format and keeps the original's reading.
            as_copy(*r,
                    find_transform(t)->jpeg_quality > 0 ? is_delivered_copy("JPEG", c.width, c.height) : params.delivered_copy);
            d.robustness.push_back({t, r->ai_score, r->level});
        }
        d.flipped_under = flipped_transforms(d.level, d.robustness);
        if (!d.flipped_under.empty()) reasons.push_back("the verdict changes under " + transforms_in_words(d.flipped_under));
    }
    d.uncalibrated_format = params.uncalibrated_format;
    if (!d.uncalibrated_format.empty() && d.level != Verdict::Natural)
        reasons.push_back("the model's false-positive bound has not been shown to hold for " + d.uncalibrated_format + " files");
    for (const auto& r : reasons) d.inconclusive_reason += (d.inconclusive_reason.empty() ? "" : "; ") + r;
    if (!reasons.empty()) d.verdict = Verdict::Inconclusive;
    d.verdict_text = verdict_wording(d.verdict);
    return d;
}

const DetectorScore* DetectorSetScore::find(DetectorKind kind) const
{
    for (const auto& s : scores)
        if (s.kind == kind) return &s;
    return nullptr;
}

bool DetectorSetScore::disagree() const
{
    bool natural = false, not_natural = false;
    for (const auto& s : scores) (s.level == Verdict::Natural ? natural : not_natural) = true;
    return natural && not_natural;
}

Verdict DetectorSetScore::verdict() const
{
    if (!inconclusive_reason().empty()) return Verdict::Inconclusive;
    Verdict weakest = Verdict::Strong;
    for (const auto& s : scores) weakest = std::min(weakest, s.level);
    return weakest;
}

std::string DetectorSetScore::inconclusive_reason() const
{
    if (scores.empty()) return "no detector scored the image";
    if (disagree()) return "the detectors disagree";
    std::string why;
    for (const auto& s : scores)
        if (s.verdict == Verdict::Inconclusive)
            why += (why.empty() ? "" : "; ") +
                   std::string(scores.size() > 1 ? detector_kind_name(s.kind) + std::string(": ") : "") + s.inconclusive_reason;
    return why;
}

std::string DetectorSetScore::to_json() const
{
    if (scores.size() == 1) return scores.front().to_json();
    nlohmann::json results = nlohmann::json::array();
    for (const auto& s : scores) results.push_back(nlohmann::json::parse(s.to_json()));
    nlohmann::json j{{"detector", "all"},
                     {"results", results},
                     {"disagreement", disagree()},
                     {"verdict", verdict_wording(verdict())},
                     {"verdict_code", verdict_code(verdict())}};
    if (const auto why = inconclusive_reason(); !why.empty()) j["inconclusive_reason"] = why;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

DetectorSet::DetectorSet() = default;
DetectorSet::DetectorSet(DetectorSet&&) noexcept = default;
DetectorSet& DetectorSet::operator=(DetectorSet&&) noexcept = default;
DetectorSet::~DetectorSet() = default;

Result<DetectorSet> DetectorSet::load(const DetectorSetParams& params)
{
    DetectorSet set;
    set.keep_going_ = params.keep_going;
    const std::string exe_dir = params.exe_dir.empty() ? running_program_dir() : params.exe_dir;
    for (const auto& [kind, choice] : {std::pair{DetectorKind::ClipFlow, &params.clipflow_model},
                                       std::pair{DetectorKind::Supervised, &params.supervised_model}}) {
        if (*choice == "-") continue;
        Status failure;
        if (auto path = choice->empty() ? find_default_detector(exe_dir, default_detector_file(kind)) : Result(*choice); !path) {
            failure = path.status();
        } else if (auto d = Detector::load(*path, params.load); !d) {
            failure = Status(d.status().code(), *path + ": " + d.status().message());
        } else if (d->kind() != kind) {
            failure = Status(ErrorCode::InvalidArgument, *path + " is a " + detector_kind_name(d->kind()) + " detector, not a " +
                                                             detector_kind_name(kind) + " one");
        } else {
            set.detectors_.push_back(std::move(*d));
            continue;
        }
        if (!params.keep_going) return failure;
        set.errors_ += (set.errors_.empty() ? "" : "\n") + failure.message();
    }
    return set;
}

const std::vector<Detector>& DetectorSet::detectors() const
{
    return detectors_;
}

const Detector* DetectorSet::find(DetectorKind kind) const
{
    for (const auto& d : detectors_)
        if (d.kind() == kind) return &d;
    return nullptr;
}

bool DetectorSet::clip_backbone() const
{
    return std::any_of(detectors_.begin(), detectors_.end(), [](const Detector& d) { return d.clip_backbone(); });
}

const std::string& DetectorSet::errors() const
{
    return errors_;
}

std::size_t DetectorSet::backbone_passes() const
{
    // As score_batch() runs them: a second reading's first half is free where another detector reads it.
    std::vector<std::string> keys;
    std::size_t passes = 0;
    auto add = [&keys, &passes](const std::string& key) {
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) return;
        keys.push_back(key);
        ++passes;
    };
    for (const auto& d : detectors_)
        if (d.first_feature_key().empty()) add(d.feature_key());
    for (const auto& d : detectors_) {
        if (d.first_feature_key().empty() || std::find(keys.begin(), keys.end(), d.feature_key()) != keys.end()) continue;
        passes += std::find(keys.begin(), keys.end(), d.first_feature_key()) == keys.end() ? 2 : 1;
        keys.push_back(d.feature_key());
    }
    return passes;
}

std::vector<Result<DetectorSetScore>> DetectorSet::score_batch(const std::vector<ScoreInput>& images,
                                                               const ScoreParams& params) const
{
    std::vector<DetectorSetScore> sets(images.size());
    std::vector<std::optional<Status>> failed(images.size());
    // The shipped pair reads the same backbone's features: one pass serves both (the
    // CLIP-Flow default's second reading adds its own). So do the robustness copies of each image.
    std::vector<std::pair<std::string, Detector::ViewFeatures>> passes;
    auto find_pass = [&passes](const std::string& key) {
        return std::find_if(passes.begin(), passes.end(), [&key](const auto& p) { return p.first == key; });
    };
    // Passes that a second-reading detector's first half can reuse are made first.
    std::vector<const Detector*> order;
    for (const auto& d : detectors_)
        if (d.first_feature_key().empty()) order.push_back(&d);
    for (const auto& d : detectors_)
        if (!d.first_feature_key().empty()) order.push_back(&d);
    for (const Detector* d : order) {
        if (find_pass(d->feature_key()) != passes.end()) continue;
        auto first = d->first_feature_key().empty() ? passes.end() : find_pass(d->first_feature_key());
        auto vf = d->view_features(images, first == passes.end() ? nullptr : &first->second);
        passes.emplace_back(d->feature_key(), std::move(vf));
    }
    std::vector<Detector::RobustnessCopies> copies(params.robustness ? images.size() : 0);
    for (const auto& d : detectors_) {
        const auto pass = find_pass(d.feature_key());
        auto scores = d.score_features(images, pass->second, params, params.robustness ? &copies : nullptr);
        for (std::size_t i = 0; i < images.size(); ++i) {
            if (scores[i]) {
                sets[i].scores.push_back(std::move(*scores[i]));
            } else if (!keep_going_) {
                if (!failed[i]) failed[i] = scores[i].status();
            } else {
                sets[i].error += (sets[i].error.empty() ? "" : "\n") + scores[i].status().message();
            }
        }
    }
    std::vector<Result<DetectorSetScore>> out;
    out.reserve(images.size());
    for (std::size_t i = 0; i < images.size(); ++i) {
        if (failed[i])
            out.emplace_back(*failed[i]);
        else
            out.emplace_back(std::move(sets[i]));
    }
    return out;
}

Result<DetectorSetScore> DetectorSet::score(const Raster& image, const std::string& sha256, const ScoreParams& params) const
{
    return std::move(score_batch({{&image, sha256, params.delivered_copy, params.uncalibrated_format}}, params).front());
}

} // namespace clipflow
