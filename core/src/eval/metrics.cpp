#include "clipflow/metrics.h"

#include <algorithm>
#include <cmath>

namespace clipflow {

double roc_auc(const std::vector<double>& neg, const std::vector<double>& pos)
{
    if (neg.empty() || pos.empty()) return std::nan("");
    // Mann-Whitney U with average ranks for ties.
    std::vector<std::pair<double, int>> all;
    for (double v : neg) all.emplace_back(v, 0);
    for (double v : pos) all.emplace_back(v, 1);
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    double rank_sum = 0;
    for (std::size_t i = 0; i < all.size();) {
        std::size_t j = i;
        while (j < all.size() && all[j].first == all[i].first) ++j;
        const double avg = 0.5 * static_cast<double>(i + j + 1); // 1-based ranks i+1..j
        for (std::size_t k = i; k < j; ++k)
            if (all[k].second) rank_sum += avg;
        i = j;
    }
    const double np = static_cast<double>(pos.size()), nn = static_cast<double>(neg.size());
    return (rank_sum - np * (np + 1) / 2) / (np * nn);
}

double average_precision(const std::vector<double>& neg, const std::vector<double>& pos)
{
    if (pos.empty()) return std::nan("");
    std::vector<std::pair<double, int>> all;
    for (double v : neg) all.emplace_back(v, 0);
    for (double v : pos) all.emplace_back(v, 1);
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    double ap = 0, tp = 0, fp = 0, prev_recall = 0;
    for (std::size_t i = 0; i < all.size();) {
        std::size_t j = i;
        while (j < all.size() && all[j].first == all[i].first) {
            (all[j].second ? tp : fp) += 1;
            ++j;
        }
        const double recall = tp / static_cast<double>(pos.size());
        ap += (recall - prev_recall) * (tp / (tp + fp));
        prev_recall = recall;
        i = j;
    }
    return ap;
}

double rate_above(const std::vector<double>& scores, double threshold)
{
    if (scores.empty()) return std::nan("");
    return static_cast<double>(std::count_if(scores.begin(), scores.end(), [&](double s) { return s > threshold; })) /
           static_cast<double>(scores.size());
}

double binomial_pmf(long n, double p, long k)
{
    const double nn = static_cast<double>(n), kk = static_cast<double>(k);
    return std::exp(std::lgamma(nn + 1) - std::lgamma(kk + 1) - std::lgamma(nn - kk + 1) + kk * std::log(p) +
                    (nn - kk) * std::log1p(-p));
}

double binomial_tail(long n, double p, long k)
{
    if (k <= 0) return 1.0;
    if (k > n || n <= 0 || p <= 0.0) return 0.0;
    if (p >= 1.0) return 1.0;
    // The upper tail summed directly (1 - CDF would cancel); past the mode the
    // terms only shrink, so stop once they no longer change a double.
    double sum = 0.0;
    for (long i = k; i <= n; ++i) {
        const double term = binomial_pmf(n, p, i);
        sum += term;
        if (static_cast<double>(i) > static_cast<double>(n) * p && term < sum * 1e-17) break;
    }
    return std::min(1.0, sum);
}

double tpr_at_fpr(const std::vector<double>& neg, const std::vector<double>& pos, double fpr)
{
    if (neg.empty() || pos.empty()) return std::nan("");
    std::vector<double> s(neg);
    std::sort(s.begin(), s.end(), std::greater<>());
    // The smallest threshold that at most floor(fpr * n) negatives exceed.
    const auto allowed = static_cast<std::size_t>(std::floor(fpr * static_cast<double>(s.size()) + 1e-9));
    const double threshold = allowed < s.size() ? s[allowed] : s.back() - 1.0;
    return rate_above(pos, threshold);
}

} // namespace clipflow
