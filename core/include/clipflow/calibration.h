#pragma once
// Calibration of a likelihood detector against held-out natural images.
//
// A score s (log-likelihood, nats per dimension; low = anomalous) becomes:
//   percentile  100 * #{natural <= s} / n
//   p_value     (1 + #{natural <= s}) / (n + 1): the lower-tail probability of
//               a natural image scoring this low. Below the lowest natural score
//               it is extrapolated from a normal fit (median, MAD) and flagged.
//   ai_score    clamp(-log10(p_value) / 4, 0, 1): 0.33 at p = 0.05, 0.5 at
//               p = 0.01, 0.75 at p = 0.001, 1 at p <= 1e-4
//   verdict     flagged when p <= flag_level(), else consistent with natural
//               images; flagged p >= 0.01: weak, [0.001, 0.01): moderate,
//               < 0.001: strong evidence of AI generation
// The flag level holds the false-positive rate to at most fpr (default 5%)
// with the chosen confidence (default 95%), given only n held-out photos: the
// rate of the k-th lowest of n natural scores is Beta(k, n + 1 - k)
// distributed, so k is the largest with P(Binomial(n, fpr) <= k - 1) <=
// 1 - confidence, and flag_level = k / (n + 1) (3.2% at n = 432). Reading the
// plain fpr-quantile instead exceeds fpr for about half of all calibration
// sets. Below 59 photos (at 5%, 95%) no k qualifies; the level is then fpr
// itself and only scores below every natural one can be flagged.
// The threshold is the score at that level: flagged exactly when s < threshold.
//
// Delivered photos: photos reach analysts resized and recompressed (messengers,
// social networks), and such a photo scores otherwise than the same photo as
// taken. Given the held-out photos' scores after delivery (deliver_copy():
// shrunk to a shorter side of at most 512, JPEG 85), the same bound is also
// taken on them. With scope Everywhere the lower threshold wins, so the
// false-positive bound holds for photos as they are and as delivered. p-values still read against the photos as
// they are, so the delivered threshold is moved down to the natural score
// below it (p changes only there): flagged still means p <= flag_level().
// Only when it lies below every natural score does the score itself decide.
// That bound costs sensitivity on every image, as taken or not. With scope
// DeliveredScope::Copies each kind of image is read against its own kind
// instead (Mondrian calibration): a delivered copy (is_delivered_copy() in
// laundering.h says which files are) gets its percentile, p-value, ai_score
// and level from the delivered photos' scores and their own bound
// (evaluate(s, true)); every other image keeps the as-is reading and bound.

#include "clipflow/result.h"

#include <limits>
#include <string>
#include <vector>

namespace clipflow {

struct CalibratedScore {
    double log_likelihood = 0.0;
    double percentile = 0.0;
    double p_value = 1.0;
    bool p_extrapolated = false;
    double ai_score = 0.0;
    std::string verdict;      ///< human wording
    std::string verdict_code; ///< "natural", "weak", "moderate", "strong"
};

/// Where the delivered photos' bound applies (see above).
enum class DeliveredScope {
    Everywhere, ///< the lower threshold for every image (`clipflow train --delivery-threshold`)
    Copies,     ///< only to delivered copies; every other image keeps the as-is bound
};
/// "everywhere" or "copies": the names in model files and the CLI.
const char* delivered_scope_name(DeliveredScope scope);

struct Histogram {
    double lo = 0.0, hi = 0.0;  ///< range of the bins
    std::vector<double> counts; ///< equal-width bins
};

class Calibration {
public:
    static constexpr std::size_t kMaxStoredScores = 4096;

    static constexpr double kDefaultConfidence = 0.95;

    /// natural: held-out natural scores (at least 10); proxy: held-out proxy scores (may be empty).
    /// confidence in [0.5, 1): how sure the false-positive rate is at most fpr (see above).
    /// delivered: the same photos' scores after delivery (may be empty; too few for the bound: unused),
    /// applied as scope says.
    static Result<Calibration> build(std::vector<double> natural, std::vector<double> proxy, double fpr = 0.05, int bins = 40,
                                     double confidence = kDefaultConfidence, std::vector<double> delivered = {},
                                     DeliveredScope scope = DeliveredScope::Everywhere);
    static Result<Calibration> from_json(const std::string& json);
    std::string to_json() const;

    /// delivered_copy: the image is a delivered copy; read against the delivered photos
    /// where this calibration has them for copies (calibrates_copies()), else as any image.
    CalibratedScore evaluate(double log_likelihood, bool delivered_copy = false) const;

    double fpr() const { return fpr_; }               ///< the bound on the false-positive rate
    double confidence() const { return confidence_; } ///< how sure the bound holds
    /// p-values at or below this are flagged (k / (n + 1), or fpr where n is too small).
    double flag_level() const { return bound_.level; }
    /// Whether n sufficed for the bound (false: the level is fpr without a guarantee).
    bool bound_holds() const { return bound_.rank > 0; }
    /// Scores below this are flagged.
    double threshold() const { return bound_.threshold; }
    /// Whether the bound also holds for delivered photos (their scores were given and enough).
    bool covers_delivered() const { return delivered_rank_ > 0; }
    /// The threshold the delivered photos alone would set (NaN without them).
    double delivered_threshold() const { return delivered_threshold_; }
    /// Whether that threshold is the lower one, i.e. the one in force (for copies only with scope Copies).
    bool delivered_binds() const { return delivered_binds_; }
    DeliveredScope delivered_scope() const { return scope_; }
    /// Whether delivered copies are read against the delivered photos (scope Copies, enough of them).
    bool calibrates_copies() const { return covers_delivered() && scope_ == DeliveredScope::Copies; }
    /// The flag level and threshold evaluate(s, true) applies: the delivered photos' own where
    /// calibrates_copies(), else those of every image.
    double copy_flag_level() const { return calibrates_copies() ? copy_.level : bound_.level; }
    double copy_threshold() const { return calibrates_copies() ? copy_.threshold : bound_.threshold; }
    const std::vector<double>& delivered_scores() const { return delivered_; } // sorted
    std::size_t natural_count() const { return natural_count_; }
    const std::vector<double>& natural_scores() const { return natural_; } // sorted
    const std::vector<double>& proxy_scores() const { return proxy_; }     // sorted
    const Histogram& natural_histogram() const { return natural_hist_; }
    const Histogram& proxy_histogram() const { return proxy_hist_; }
    /// The delivered photos' scores on the natural histogram's bins (empty counts without them).
    const Histogram& delivered_histogram() const { return delivered_hist_; }
    double median() const { return median_; }
    double robust_sigma() const { return sigma_; }
    /// Natural-score quantile q in [0, 1] (linear interpolation).
    double quantile(double q) const;

private:
    // One bound as evaluate() applies it: flagged when p <= level at rank k, or,
    // where the delivered threshold lies below every natural score, when s < threshold.
    struct Bound {
        std::size_t rank = 0; // k: the natural scores of rank < k are below the threshold (0: no guarantee)
        double level = 0.05, threshold = 0.0;
        bool score_decides = false;
    };
    bool flagged(const Bound& b, double s, double p_value) const;
    // Percentile, p (extrapolated below the sample from its median and robust sigma) and level against a sample.
    CalibratedScore read(double s, const std::vector<double>& sample, double median, double sigma, const Bound& b) const;

    std::vector<double> natural_, proxy_, delivered_;
    std::size_t natural_count_ = 0, delivered_rank_ = 0;
    double delivered_threshold_ = std::numeric_limits<double>::quiet_NaN();
    bool delivered_binds_ = false;
    DeliveredScope scope_ = DeliveredScope::Everywhere;
    double fpr_ = 0.05, confidence_ = kDefaultConfidence, median_ = 0.0, sigma_ = 1.0;
    double delivered_median_ = 0.0, delivered_sigma_ = 1.0;
    Bound bound_; // what evaluate() applies to every image
    Bound copy_;  // the delivered photos' own bound, read against their scores (scope Copies)
    Histogram natural_hist_, proxy_hist_, delivered_hist_;
};

const char* verdict_text(const std::string& code);

} // namespace clipflow
