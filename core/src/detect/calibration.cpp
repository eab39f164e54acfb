#include "clipflow/calibration.h"
#include "clipflow/metrics.h"
#include "support/jsoninteger.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <utility>

namespace clipflow {

namespace {

double quantile_sorted(const std::vector<double>& v, double q)
{
    if (v.empty()) return 0.0;
    const double pos = std::clamp(q, 0.0, 1.0) * static_cast<double>(v.size() - 1);
    const auto i = static_cast<std::size_t>(pos);
    const double t = pos - static_cast<double>(i);
    return i + 1 < v.size() ? v[i] * (1 - t) + v[i + 1] * t : v[i];
}

// 1.4826 x the median absolute deviation: a normal's sigma, unmoved by the heavy tail.
double mad_sigma(const std::vector<double>& v, double median)
{
    std::vector<double> dev;
    for (double x : v) dev.push_back(std::abs(x - median));
    std::sort(dev.begin(), dev.end());
    return std::max(1e-6, 1.4826 * quantile_sorted(dev, 0.5));
}

// Keeps at most n evenly spaced order statistics (the distribution, not the tail's detail beyond 1/n).
std::vector<double> thin(const std::vector<double>& sorted, std::size_t n)
{
    if (sorted.size() <= n) return sorted;
    std::vector<double> out(n);
    for (std::size_t i = 0; i < n; ++i) out[i] = sorted[i * (sorted.size() - 1) / (n - 1)];
    return out;
}

Histogram histogram(const std::vector<double>& v, double lo, double hi, int bins)
{
    Histogram h{lo, hi, std::vector<double>(static_cast<std::size_t>(bins), 0.0)};
    for (double x : v) {
        // Clamp before converting: scores far outside [lo, hi] overflow an int (found by fuzzing).
        const double pos = (x - lo) / (hi - lo) * bins;
        if (std::isnan(pos)) continue;
        h.counts[static_cast<std::size_t>(std::clamp(pos, 0.0, static_cast<double>(bins - 1)))] += 1;
    }
    return h;
}

// The largest k whose k-th lowest of n natural scores bounds the false-positive
// rate by fpr with the given confidence: P(Binomial(n, fpr) <= k - 1) <= 1 - confidence.
// 0 when even the lowest does not. Terms come from binomial_pmf (log-gamma; n is up to 4096).
std::size_t flag_rank(std::size_t n, double fpr, double confidence)
{
    double cdf = 0.0;
    std::size_t k = 0;
    for (; k < n; ++k) {
        cdf += binomial_pmf(static_cast<long>(n), fpr, static_cast<long>(k));
        if (cdf > 1.0 - confidence) break; // P(Bin <= k) too large: rank k + 1 is not safe
    }
    return k;
}

// The z below which the standard normal's lower tail is under q (bisection: q is fixed per model).
double normal_quantile(double q)
{
    double lo = -40.0, hi = 40.0;
    for (int i = 0; i < 200; ++i) {
        const double mid = 0.5 * (lo + hi);
        (0.5 * std::erfc(-mid / std::sqrt(2.0)) < q ? lo : hi) = mid;
    }
    return lo;
}

nlohmann::json hist_json(const Histogram& h)
{
    return {{"lo", h.lo}, {"hi", h.hi}, {"counts", h.counts}};
}

} // namespace

const char* delivered_scope_name(DeliveredScope scope)
{
    return scope == DeliveredScope::Copies ? "copies" : "everywhere";
}

const char* verdict_text(const std::string& code)
{
    if (code == "strong") return "strong evidence of AI generation";
    if (code == "moderate") return "moderate evidence of AI generation";
    if (code == "weak") return "weak evidence of AI generation";
    return "consistent with natural images";
}

Result<Calibration> Calibration::build(std::vector<double> natural, std::vector<double> proxy, double fpr, int bins,
                                       double confidence, std::vector<double> delivered, DeliveredScope scope)
{
    auto finite = [](std::vector<double>& v) { std::erase_if(v, [](double x) { return !std::isfinite(x); }); };
    finite(natural);
    finite(proxy);
    finite(delivered);
    if (natural.size() < 10)
        return Status(ErrorCode::InvalidArgument,
                      "calibration needs at least 10 held-out natural images (got " + std::to_string(natural.size()) + ")");
    if (!(fpr > 0.0 && fpr < 0.5)) return Status(ErrorCode::InvalidArgument, "false-positive rate must be in (0, 0.5)");
    if (!(confidence >= 0.5 && confidence < 1.0))
        return Status(ErrorCode::InvalidArgument, "the false-positive bound's confidence must be in [0.5, 1)");
    std::sort(natural.begin(), natural.end());
    std::sort(proxy.begin(), proxy.end());
    std::sort(delivered.begin(), delivered.end());
    Calibration c;
    c.natural_count_ = natural.size();
    c.fpr_ = fpr;
    c.confidence_ = confidence;
    c.median_ = quantile_sorted(natural, 0.5);
    c.sigma_ = mad_sigma(natural, c.median_);
    // The stored sample is what evaluate() counts against, so the level is set on it.
    std::vector<double> stored = thin(natural, kMaxStoredScores);
    const std::size_t n = stored.size();
    Bound& b = c.bound_;
    b.rank = flag_rank(n, fpr, confidence);
    if (b.rank > 0) {
        b.level = static_cast<double>(b.rank) / static_cast<double>(n + 1);
        b.threshold = stored[b.rank - 1]; // p <= k/(n+1) exactly when fewer than k natural scores are <= s
    } else {
        // Too few photos for the bound: only the extrapolated tail below every natural score can fall under fpr.
        b.level = fpr;
        const double empirical = 1.0 / static_cast<double>(n + 1);
        b.threshold = empirical < fpr ? stored.front() : std::min(stored.front(), c.median_ + c.sigma_ * normal_quantile(fpr));
    }
    // The same bound on the delivered photos: the lower threshold holds for every image (scope Everywhere),
    // or the delivered photos' scores calibrate delivered copies (scope Copies).
    c.scope_ = scope;
    c.delivered_ = thin(delivered, kMaxStoredScores);
    c.delivered_rank_ = b.rank > 0 && !c.delivered_.empty() ? flag_rank(c.delivered_.size(), fpr, confidence) : 0;
    if (c.delivered_rank_ > 0) {
        const auto nd = c.delivered_.size();
        c.delivered_threshold_ = c.delivered_[c.delivered_rank_ - 1];
        c.delivered_binds_ = c.delivered_threshold_ < b.threshold;
        c.delivered_median_ = quantile_sorted(c.delivered_, 0.5);
        c.delivered_sigma_ = mad_sigma(c.delivered_, c.delivered_median_);
        c.copy_ = {c.delivered_rank_, static_cast<double>(c.delivered_rank_) / static_cast<double>(nd + 1),
                   c.delivered_threshold_, false};
        if (c.delivered_binds_ && scope == DeliveredScope::Everywhere) {
            // Snapped down to a natural score, so that "flagged" and "p <= flag_level" stay the same statement
            // (p only changes at natural scores); below every natural score the delivered threshold itself holds.
            const auto j =
                static_cast<std::size_t>(std::lower_bound(stored.begin(), stored.end(), c.delivered_threshold_) - stored.begin());
            if (j > 0)
                b = {j, static_cast<double>(j) / static_cast<double>(n + 1), stored[j - 1], false};
            else
                b = {b.rank, 1.0 / static_cast<double>(n + 1), c.delivered_threshold_, true};
        }
    }
    // Bins span the natural scores from their 2nd percentile up, plus a quarter
    // of that range below. Flow scores are heavy-tailed (proxies reach -1e6, a
    // few natural photos -700 where most sit near 0) and would squash the bulk
    // into one bin; everything lower piles into the first bin instead.
    const double base = quantile_sorted(natural, 0.02);
    const double span = std::max(natural.back() - base, 1e-6);
    const double lo = base - 0.25 * span, hi = natural.back() + 0.05 * span;
    c.natural_hist_ = histogram(natural, lo, hi, bins);
    c.proxy_hist_ = histogram(proxy, lo, hi, bins);
    c.delivered_hist_ = histogram(c.delivered_, lo, hi, bins);
    c.natural_ = std::move(stored);
    c.proxy_ = thin(proxy, kMaxStoredScores);
    return c;
}

double Calibration::quantile(double q) const
{
    return quantile_sorted(natural_, q);
}

CalibratedScore Calibration::read(double s, const std::vector<double>& sample, double median, double sigma, const Bound& b) const
{
    CalibratedScore r;
    r.log_likelihood = s;
    const double n = static_cast<double>(sample.size());
    const double below = static_cast<double>(std::upper_bound(sample.begin(), sample.end(), s) - sample.begin());
    r.percentile = 100.0 * below / n;
    r.p_value = (1.0 + below) / (n + 1.0);
    if (below == 0.0 || !std::isfinite(s)) {
        // Beyond the sample: a normal tail from robust estimates, never above the empirical bound.
        const double z = std::isfinite(s) ? (s - median) / sigma : -40.0;
        r.p_value = std::max(std::min(r.p_value, 0.5 * std::erfc(-z / std::sqrt(2.0))), 1e-300);
        r.p_extrapolated = true;
    }
    r.ai_score = std::clamp(-std::log10(r.p_value) / 4.0, 0.0, 1.0);
    const bool flag = flagged(b, s, r.p_value);
    r.verdict_code = !flag ? "natural" : r.p_value >= 0.01 ? "weak" : r.p_value >= 0.001 ? "moderate" : "strong";
    r.verdict = verdict_text(r.verdict_code);
    return r;
}

CalibratedScore Calibration::evaluate(double s, bool delivered_copy) const
{
    return delivered_copy && calibrates_copies() ? read(s, delivered_, delivered_median_, delivered_sigma_, copy_)
                                                 : read(s, natural_, median_, sigma_, bound_);
}

bool Calibration::flagged(const Bound& b, double s, double p) const
{
    // Below every natural score p cannot tell which side of the delivered threshold a score is.
    if (b.score_decides) return s < b.threshold;
    // p and the level are the same quotient of integers at rank k, so <= is exact.
    return b.rank > 0 ? p <= b.level : p < fpr_;
}

std::string Calibration::to_json() const
{
    nlohmann::json q;
    for (double p : {0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99}) q[std::to_string(p).substr(0, 5)] = quantile(p);
    return nlohmann::json{{"fpr", fpr_},
                          {"confidence", confidence_},
                          {"flag_level", bound_.level},
                          {"threshold", bound_.threshold},
                          {"natural_count", natural_count_},
                          {"median", median_},
                          {"robust_sigma", sigma_},
                          {"quantiles", q},
                          {"natural_histogram", hist_json(natural_hist_)},
                          {"proxy_histogram", hist_json(proxy_hist_)},
                          {"natural_scores", natural_},
                          {"proxy_scores", proxy_},
                          {"delivered_scores", delivered_},
                          {"delivered_threshold", covers_delivered() ? nlohmann::json(delivered_threshold_) : nlohmann::json()},
                          {"delivered_scope", delivered_scope_name(scope_)}}
        .dump();
}

Result<Calibration> Calibration::from_json(const std::string& text)
{
    try {
        const auto j = nlohmann::json::parse(text);
        auto nat = j.at("natural_scores").get<std::vector<double>>();
        auto prox = j.value("proxy_scores", std::vector<double>{});
        // Files from before delivered calibration have none: the as-is bound alone, as they were made.
        auto delivered = j.value("delivered_scores", std::vector<double>{});
        // ... and applied it everywhere, as the only scope there was.
        const std::string scope_name = j.value("delivered_scope", std::string("everywhere"));
        if (scope_name != "everywhere" && scope_name != "copies")
            return Status(ErrorCode::CorruptData, "calibration names an unknown delivered scope \"" + scope_name + "\"");
        const auto scope = scope_name == "copies" ? DeliveredScope::Copies : DeliveredScope::Everywhere;
        const double fpr = j.at("fpr").get<double>();
        // Files from before the bound read the same photos with today's rule.
        const double confidence = j.value("confidence", kDefaultConfidence);
        if (nat.size() > kMaxStoredScores || prox.size() > kMaxStoredScores || delivered.size() > kMaxStoredScores)
            return Status(ErrorCode::CorruptData, "calibration holds more scores than any model writes");
        auto c = build(std::move(nat), std::move(prox), fpr, 40, confidence, std::move(delivered), scope);
        if (!c) return Status(ErrorCode::CorruptData, "calibration is unusable: " + c.status().message());
        // The stored count may exceed the thinned sample.
        c->natural_count_ = std::max<std::size_t>(c->natural_count_, detail::json_integer_or<std::size_t>(j, "natural_count", 0));
        return c;
    } catch (const nlohmann::json::exception& e) {
        return Status(ErrorCode::CorruptData, std::string("calibration metadata is damaged: ") + e.what());
    }
}

} // namespace clipflow
