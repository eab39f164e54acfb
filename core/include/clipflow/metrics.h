#pragma once
// Detection metrics over scores where higher means "more likely AI":
// ROC-AUC (ties count one half), average precision (step-wise, as
// scikit-learn), and the true-positive rate at a false-positive rate, with the
// threshold taken from the negatives so that at most that fraction exceeds it.

#include <vector>

namespace clipflow {

double roc_auc(const std::vector<double>& negatives, const std::vector<double>& positives);
double average_precision(const std::vector<double>& negatives, const std::vector<double>& positives);
double tpr_at_fpr(const std::vector<double>& negatives, const std::vector<double>& positives, double fpr);
/// Fraction of scores strictly above a threshold.
double rate_above(const std::vector<double>& scores, double threshold);
/// P(X = k) for X ~ Binomial(n, p), from log-gamma (n up to millions; 0 < p < 1).
double binomial_pmf(long n, double p, long k);
/// P(X >= k) for X ~ Binomial(n, p): how often a true rate p gives k or more
/// flags among n photos by chance (1 for k = 0).
double binomial_tail(long n, double p, long k);

} // namespace clipflow
