#include "clipflow/calibration.h"
#include "support/jsoninteger.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

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

nlohmann::json hist_json(const Histogram& h)
{
    return {{"lo", h.lo}, {"hi", h.hi}, {"counts", h.counts}};
}

} // namespace

const char* verdict_text(const std::string& code)
{
    if (code == "strong") return "strong evidence of AI generation";
    if (code == "moderate") return "moderate evidence of AI generation";
    if (code == "weak") return "weak evidence of AI generation";
    return "consistent with natural images";
}

Result<Calibration> Calibration::build(std::vector<double> natural, std::vector<double> proxy, double fpr, int bins)
{
    auto finite = [](std::vector<double>& v) { std::erase_if(v, [](double x) { return !std::isfinite(x); }); };
    finite(natural);
    finite(proxy);
    if (natural.size() < 10)
        return Status(ErrorCode::InvalidArgument,
                      "calibration needs at least 10 held-out natural images (got " + std::to_string(natural.size()) + ")");
    if (!(fpr > 0.0 && fpr < 0.5)) return Status(ErrorCode::InvalidArgument, "false-positive rate must be in (0, 0.5)");
    std::sort(natural.begin(), natural.end());
    std::sort(proxy.begin(), proxy.end());
    Calibration c;
    c.natural_count_ = natural.size();
    c.fpr_ = fpr;
    c.threshold_ = quantile_sorted(natural, fpr);
    c.median_ = quantile_sorted(natural, 0.5);
    std::vector<double> dev;
    for (double x : natural) dev.push_back(std::abs(x - c.median_));
    std::sort(dev.begin(), dev.end());
    c.sigma_ = std::max(1e-6, 1.4826 * quantile_sorted(dev, 0.5));
    // Bins span the natural scores from their 2nd percentile up, plus a quarter
    // of that range below. Flow scores are heavy-tailed (proxies reach -1e6, a
    // few natural photos -700 where most sit near 0) and would squash the bulk
    // into one bin; everything lower piles into the first bin instead.
    const double base = quantile_sorted(natural, 0.02);
    const double span = std::max(natural.back() - base, 1e-6);
    const double lo = base - 0.25 * span, hi = natural.back() + 0.05 * span;
    c.natural_hist_ = histogram(natural, lo, hi, bins);
    c.proxy_hist_ = histogram(proxy, lo, hi, bins);
    c.natural_ = thin(natural, kMaxStoredScores);
    c.proxy_ = thin(proxy, kMaxStoredScores);
    return c;
}

double Calibration::quantile(double q) const
{
    return quantile_sorted(natural_, q);
}

CalibratedScore Calibration::evaluate(double s) const
{
    CalibratedScore r;
    r.log_likelihood = s;
    const double n = static_cast<double>(natural_.size());
    const double below = static_cast<double>(std::upper_bound(natural_.begin(), natural_.end(), s) - natural_.begin());
    r.percentile = 100.0 * below / n;
    r.p_value = (1.0 + below) / (n + 1.0);
    if (below == 0.0 || !std::isfinite(s)) {
        // Beyond the sample: a normal tail from robust estimates, never above the empirical bound.
        const double z = std::isfinite(s) ? (s - median_) / sigma_ : -40.0;
        r.p_value = std::min(r.p_value, 0.5 * std::erfc(-z / std::sqrt(2.0)));
        r.p_value = std::max(r.p_value, 1e-300);
        r.p_extrapolated = true;
    }
    r.ai_score = std::clamp(-std::log10(r.p_value) / 4.0, 0.0, 1.0);
    r.verdict_code = r.p_value >= fpr_ ? "natural" : r.p_value >= 0.01 ? "weak" : r.p_value >= 0.001 ? "moderate" : "strong";
    r.verdict = verdict_text(r.verdict_code);
    return r;
}

std::string Calibration::to_json() const
{
    nlohmann::json q;
    for (double p : {0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99}) q[std::to_string(p).substr(0, 5)] = quantile(p);
    return nlohmann::json{{"fpr", fpr_},
                          {"threshold", threshold_},
                          {"natural_count", natural_count_},
                          {"median", median_},
                          {"robust_sigma", sigma_},
                          {"quantiles", q},
                          {"natural_histogram", hist_json(natural_hist_)},
                          {"proxy_histogram", hist_json(proxy_hist_)},
                          {"natural_scores", natural_},
                          {"proxy_scores", proxy_}}
        .dump();
}

Result<Calibration> Calibration::from_json(const std::string& text)
{
    try {
        const auto j = nlohmann::json::parse(text);
        auto nat = j.at("natural_scores").get<std::vector<double>>();
        auto prox = j.value("proxy_scores", std::vector<double>{});
        const double fpr = j.at("fpr").get<double>();
        if (nat.size() > kMaxStoredScores || prox.size() > kMaxStoredScores)
            return Status(ErrorCode::CorruptData, "calibration holds more scores than any model writes");
        auto c = build(std::move(nat), std::move(prox), fpr);
        if (!c) return Status(ErrorCode::CorruptData, "calibration is unusable: " + c.status().message());
        // The stored count may exceed the thinned sample.
        c->natural_count_ = std::max<std::size_t>(c->natural_count_, detail::json_integer_or<std::size_t>(j, "natural_count", 0));
        return c;
    } catch (const nlohmann::json::exception& e) {
        return Status(ErrorCode::CorruptData, std::string("calibration metadata is damaged: ") + e.what());
    }
}

} // namespace clipflow
