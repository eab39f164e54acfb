#include "clipflow/evaluation.h"

#include "clipflow/batchrunner.h"
#include "clipflow/evidence.h"
#include "clipflow/laundering.h"
#include "clipflow/metrics.h"
#include "support/rounding.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

namespace clipflow {
namespace {

constexpr std::size_t kConditions = kEvalConditionCount;

// Rows are indexed by the enum's value.
constexpr bool rows_in_enum_order()
{
    for (std::size_t i = 0; i < kConditions; ++i)
        if (static_cast<std::size_t>(kEvalConditions[i].condition) != i) return false;
    return true;
}
static_assert(rows_in_enum_order(), "kEvalConditions must list the conditions in EvalCondition order");

struct Sample {
    EvalImage image;
    std::string format;
    bool excluded = false;
    double pixels = 0;
    std::array<double, kConditions> score{}; // evidence: higher = more AI-like
    std::array<bool, kConditions> flagged{}; // its level is above natural, read as `clipflow score` reads it
    std::array<bool, kConditions> copy{};    // read as a delivered copy
    Status status;
};

double share_flagged(const std::vector<const Sample*>& v, std::size_t c)
{
    if (v.empty()) return std::nan("");
    const auto n = std::count_if(v.begin(), v.end(), [c](const Sample* s) { return s->flagged[c]; });
    return static_cast<double>(n) / static_cast<double>(v.size());
}

// Rankings from the scores; the calibrated rates from the levels each image got.
EvalMetrics metrics(const std::vector<const Sample*>& neg, const std::vector<const Sample*>& pos, std::size_t c)
{
    auto scores = [c](const std::vector<const Sample*>& v) {
        std::vector<double> out;
        for (const auto* s : v) out.push_back(s->score[c]);
        return out;
    };
    const auto n = scores(neg), p = scores(pos);
    EvalMetrics m;
    m.real = static_cast<long>(n.size());
    m.fake = static_cast<long>(p.size());
    m.auc = roc_auc(n, p);
    m.ap = average_precision(n, p);
    m.tpr_at_5pct_fpr = tpr_at_fpr(n, p, 0.05);
    m.calibrated_tpr = share_flagged(pos, c);
    m.calibrated_fpr = share_flagged(neg, c);
    return m;
}

nlohmann::json metrics_json(const EvalMetrics& m)
{
    auto num = [](double v) { return std::isfinite(v) ? nlohmann::json(detail::rounded(v, 1e-4)) : nlohmann::json(nullptr); };
    return {{"real", m.real},
            {"fake", m.fake},
            {"auc", num(m.auc)},
            {"ap", num(m.ap)},
            {"tpr_at_5pct_fpr", num(m.tpr_at_5pct_fpr)},
            {"calibrated_tpr", num(m.calibrated_tpr)},
            {"calibrated_fpr", num(m.calibrated_fpr)}};
}

double symmetric_auc(const std::vector<double>& neg, const std::vector<double>& pos)
{
    const double a = roc_auc(neg, pos);
    return std::isfinite(a) ? std::max(a, 1.0 - a) : a;
}

// The transformed copy a condition scores (the as-is condition scores the decoded pixels
// themselves, without a copy).
Result<Raster> view_of(const Raster& image, EvalCondition c, const EvalParams& p)
{
    switch (c) {
    case EvalCondition::AsIs: return image;
    case EvalCondition::Laundered: return launder(image, p.launder_side, p.launder_quality);
    case EvalCondition::Crop: return center_crop(image, p.crop_size);
    case EvalCondition::CropJpeg: {
        auto cropped = center_crop(image, p.crop_size);
        return cropped ? jpeg_roundtrip(*cropped, p.crop_jpeg_quality) : Result<Raster>(cropped.status());
    }
    case EvalCondition::Delivered: return deliver_copy(image, p.launder_side, p.launder_quality);
    }
    return Status(ErrorCode::InvalidArgument, "unknown evaluation condition");
}

Status check(const EvalParams& p)
{
    auto bad = [](const std::string& why) { return Status(ErrorCode::InvalidArgument, why); };
    if (p.real.empty() || p.fake_dir.empty()) return bad("real images and a fake folder are required");
    if (p.conditions.empty()) return bad("no condition chosen");
    if (p.launder_side < 16 || p.launder_side > 8192) return bad("the laundering side must be 16..8192");
    if (p.launder_quality < 1 || p.launder_quality > 100) return bad("the laundering JPEG quality must be 1..100");
    if (p.crop_size < 16 || p.crop_size > 8192) return bad("the crop size must be 16..8192");
    if (p.crop_jpeg_quality < 1 || p.crop_jpeg_quality > 100) return bad("the crop's JPEG quality must be 1..100");
    if (p.threads < 0) return bad("threads must not be negative");
    return {};
}

} // namespace

const EvalConditionInfo& eval_condition_info(EvalCondition c)
{
    return kEvalConditions[static_cast<std::size_t>(c)];
}

const char* eval_condition_word(EvalCondition c)
{
    return eval_condition_info(c).word;
}

std::optional<EvalCondition> eval_condition_from_word(const std::string& word)
{
    for (const auto& names : kEvalConditions)
        if (word == names.word) return names.condition;
    return std::nullopt;
}

std::string eval_condition_word_list()
{
    std::string list;
    for (std::size_t i = 0; i < kConditions; ++i)
        list += std::string(i == 0 ? "" : i + 1 == kConditions ? " or " : ", ") + kEvalConditions[i].word;
    return list;
}

const char* eval_condition_key(EvalCondition c)
{
    return eval_condition_info(c).key;
}

Result<EvalResult> evaluate_detector(const EvalParams& params)
{
    if (auto s = check(params); !s.ok()) return s;
    std::array<bool, kConditions> on{};
    for (EvalCondition c : params.conditions) on[static_cast<std::size_t>(c)] = true;

    std::vector<Sample> samples;
    std::vector<FolderProblem> problems;
    for (auto& image : eval_images(params.real, params.fake_dir, &problems))
        samples.push_back({std::move(image), {}, false, 0, {}, {}, {}, {}});
    // Figures are of the set asked for, or there are none.
    if (!problems.empty()) return Status(ErrorCode::NotFound, problems.front().path + ": " + problems.front().message);
    if (samples.empty()) return Status(ErrorCode::NotFound, "no images found");

    // One detector per worker: a detector scores on one thread at a time.
    std::vector<Detector> detectors;
    const int wanted = params.threads > 0 ? params.threads : int(std::max(1u, std::thread::hardware_concurrency()));
    for (int i = 0; i < wanted; ++i) {
        auto d = Detector::load(params.model, params.load);
        if (!d) {
            if (detectors.empty()) return Status(d.status().code(), params.model + ": " + d.status().message());
            break;
        }
        const bool one_only = d->clip_backbone(); // a CLIP backbone uses every core already
        detectors.push_back(std::move(*d));
        if (one_only) break;
    }
    const Detector& first = detectors.front();

    // One sample per work() call, on the detector of its worker; results stay in the samples.
    auto one = [&](const Detector& det, std::size_t i) {
        Sample& s = samples[i];
        {
            auto ev = load_evidence(s.image.file);
            if (!ev) {
                s.status = ev.status();
                return;
            }
            s.format = ev->info.format;
            s.pixels = double(ev->info.width) * ev->info.height;
            if (!params.include_training && det.trained_on(ev->info.sha256)) {
                s.excluded = true;
                return;
            }
            for (const auto& names : kEvalConditions) {
                const EvalCondition c = names.condition;
                const auto ci = static_cast<std::size_t>(c);
                if (!on[ci] || !s.status.ok()) continue;
                // Each copy is read as `clipflow score` would read it as a file: a small JPEG
                // (the file, a laundered or delivered copy, a crop as JPEG) as a delivered copy.
                Result<DetectorScore> e = Status(ErrorCode::Internal, "not scored");
                ScoreParams how;
                if (c == EvalCondition::AsIs) {
                    how.delivered_copy = is_delivered_copy(ev->info.format, ev->info.width, ev->info.height);
                    e = det.score(ev->pixels, {}, how);
                } else if (const auto view = view_of(ev->pixels, c, params); view) {
                    how.delivered_copy = is_delivered_copy(names.format, view->width, view->height);
                    e = det.score(*view, {}, how);
                } else {
                    e = view.status();
                }
                if (!e) {
                    s.status = e.status();
                } else {
                    s.score[ci] = e->evidence();
                    s.flagged[ci] = e->level != Verdict::Natural;
                    s.copy[ci] = e->delivered_copy;
                }
            }
        }
    };
    const bool finished = run_batch<std::monostate>(
        BatchPlan{samples.size(), static_cast<int>(detectors.size()), 1, 0},
        [&](int worker, std::size_t first, std::size_t last) {
            for (std::size_t i = first; i < last; ++i) one(detectors[static_cast<std::size_t>(worker)], i);
            return std::vector<std::monostate>(last - first);
        },
        [](std::size_t, std::monostate) {},
        [&](std::size_t done, double) {
            if (params.progress) params.progress(double(done) / double(samples.size()));
        },
        [&] { return params.abort && params.abort(); });
    if (!finished) return Status(ErrorCode::Aborted, "evaluation stopped");
    if (params.progress) params.progress(1.0);

    EvalResult r;
    r.model = params.model;
    r.kind = first.kind();
    r.model_id = first.info().model_id;
    r.backbone_id = first.info().backbone_id;
    r.params = params;
    r.params.progress = nullptr;
    r.params.abort = nullptr;
    std::map<std::string, std::vector<const Sample*>> groups;
    std::vector<const Sample*> real, all_fake;
    for (const auto& s : samples) {
        if (!s.status.ok()) {
            r.failures.push_back({s.image.file, s.status});
            continue;
        }
        if (s.excluded) {
            ++r.excluded_training_images;
            continue;
        }
        (s.image.fake ? groups[s.image.group] : real).push_back(&s);
    }
    for (const auto& [g, v] : groups) all_fake.insert(all_fake.end(), v.begin(), v.end());
    r.real_images = static_cast<long>(real.size());
    for (const auto& names : kEvalConditions) {
        const EvalCondition c = names.condition;
        const auto ci = static_cast<std::size_t>(c);
        if (!on[ci]) continue;
        EvalConditionResult cr;
        cr.condition = c;
        cr.overall = metrics(real, all_fake, ci);
        for (const auto& [g, v] : groups) cr.groups[g] = metrics(real, v, ci);
        for (const auto* s : real) {
            EvalRealGroup& g = cr.real_groups[s->image.group];
            ++g.real;
            g.flagged += s->flagged[ci];
            cr.real_copies += s->copy[ci];
        }
        for (const auto* s : all_fake) cr.fake_copies += s->copy[ci];
        for (auto& [name, g] : cr.real_groups) {
            g.calibrated_fpr = static_cast<double>(g.flagged) / static_cast<double>(g.real);
            g.binomial_tail_5pct = binomial_tail(g.real, 0.05, g.flagged);
        }
        r.conditions.push_back(std::move(cr));
    }
    // What the data alone would give away.
    std::vector<double> fmt_neg, fmt_pos, px_neg, px_pos;
    for (const auto* s : real) {
        fmt_neg.push_back(s->format == "JPEG" ? 0 : 1);
        px_neg.push_back(s->pixels);
    }
    for (const auto* s : all_fake) {
        fmt_pos.push_back(s->format == "JPEG" ? 0 : 1);
        px_pos.push_back(s->pixels);
    }
    r.format_auc = symmetric_auc(fmt_neg, fmt_pos);
    r.pixel_count_auc = symmetric_auc(px_neg, px_pos);
    return r;
}

std::string EvalResult::to_json() const
{
    bool laundered = false, cropped = false;
    nlohmann::json chosen = nlohmann::json::array();
    for (const auto& c : conditions) {
        laundered |= c.condition == EvalCondition::Laundered || c.condition == EvalCondition::Delivered;
        cropped |= c.condition == EvalCondition::Crop || c.condition == EvalCondition::CropJpeg;
        chosen.push_back(eval_condition_word(c.condition));
    }
    nlohmann::json j{
        {"model", model},
        {"detector", detector_kind_name(kind)},
        {"model_id", model_id},
        {"backbone", backbone_id},
        {"excluded_training_images", excluded_training_images},
        {"failed", failures.size()},
        {"laundering", laundered ? nlohmann::json{{"shorter_side", params.launder_side}, {"jpeg_quality", params.launder_quality}}
                                 : nlohmann::json(nullptr)},
        {"conditions", chosen}};
    for (const auto& c : conditions) {
        nlohmann::json cond{{"overall", metrics_json(c.overall)},
                            {"read_as_copies", {{"real", c.real_copies}, {"fake", c.fake_copies}}}};
        for (const auto& [g, m] : c.groups) cond["groups"][g] = metrics_json(m);
        for (const auto& [g, m] : c.real_groups)
            cond["real_groups"][g] = {{"real", m.real},
                                      {"flagged", m.flagged},
                                      {"calibrated_fpr", detail::rounded(m.calibrated_fpr, 1e-4)},
                                      {"binomial_tail_5pct", detail::rounded(m.binomial_tail_5pct, 1e-4)}};
        j[eval_condition_key(c.condition)] = cond;
    }
    if (cropped) j["cropping"] = {{"size", params.crop_size}, {"jpeg_quality", params.crop_jpeg_quality}};
    j["shortcut_baselines"] = {{"format_auc", detail::rounded(format_auc, 1e-4)},
                               {"pixel_count_auc", detail::rounded(pixel_count_auc, 1e-4)}};
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace clipflow
