#include "peakfinder.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace clipflow::detail {
namespace {

// Standard normal quantile by Newton iterations on erfc (accurate far into the tail).
double normal_quantile_upper(double p)
{
    double z = std::sqrt(-2.0 * std::log(p)); // good start for small p
    for (int i = 0; i < 50; ++i) {
        const double f = 0.5 * std::erfc(z / std::numbers::sqrt2) - p;
        const double pdf = std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi);
        const double step = f / pdf;
        z += step;
        if (std::abs(step) < 1e-10) break;
    }
    return z;
}

} // namespace

double noise_ratio_threshold(int averages, double bins, double false_alarm)
{
    const double p = std::clamp(false_alarm / std::max(bins, 1.0), 1e-300, 0.5);
    if (averages <= 1) return -std::log(p); // exponential distribution of a single periodogram bin
    // Mean of K exponentials is chi-square(2K)/(2K); Wilson-Hilferty for its quantile.
    const double nu = 2.0 * averages;
    const double z = normal_quantile_upper(p);
    const double a = 2.0 / (9.0 * nu);
    const double q = nu * std::pow(1.0 - a + z * std::sqrt(a), 3.0);
    return q / nu;
}

std::vector<SpectralPeak> find_peaks(const std::vector<float>& power, int width, int height, const std::string& source,
                                     const PeakSearch& search)
{
    std::vector<SpectralPeak> peaks;
    if (width < 8 || height < 8) return peaks;
    const cv::Mat p(height, width, CV_32F, const_cast<float*>(power.data()));
    // Local background: mean of a ring (outer radius R, inner r) around each bin,
    // wrapping around because frequency is periodic.
    const int R = std::clamp(std::min(width, height) / 16, 4, 8), r = 2;
    cv::Mat padded, integral;
    cv::copyMakeBorder(p, padded, R, R, R, R, cv::BORDER_WRAP);
    cv::integral(padded, integral, CV_64F);
    // Sum over rows [y0, y1) and columns [x0, x1), in spectrum coordinates.
    auto rect = [&](int y0, int x0, int y1, int x1) {
        y0 += R;
        y1 += R;
        x0 += R;
        x1 += R;
        return integral.at<double>(y1, x1) - integral.at<double>(y0, x1) - integral.at<double>(y1, x0) +
               integral.at<double>(y0, x0);
    };
    auto box = [&](int y, int x, int k) { return rect(y - k, x - k, y + k + 1, x + k + 1); };
    const double ring_count = double((2 * R + 1) * (2 * R + 1) - (2 * r + 1) * (2 * r + 1));
    const double ratio_min = std::max(noise_ratio_threshold(search.averages, 0.5 * width * height, search.false_alarm),
                                      std::pow(10.0, search.min_db / 10.0));
    const int cx = width / 2, cy = height / 2;
    const int nms = 2;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const int kx = x - cx, ky = y - cy; // integer frequency indices
            const double fx = double(kx) / width, fy = double(ky) / height;
            if (std::hypot(fx, fy) < search.min_frequency) continue;
            // Keep one of each conjugate pair: the partner (-kx, -ky) wraps back into range.
            const int pkx = ((-kx + cx) % width + width) % width - cx;
            const int pky = ((-ky + cy) % height + height) % height - cy;
            if (std::make_pair(ky, kx) < std::make_pair(pky, pkx)) continue;
            const float v = p.at<float>(y, x);
            bool is_max = true;
            for (int dy = -nms; dy <= nms && is_max; ++dy)
                for (int dx = -nms; dx <= nms; ++dx) {
                    if (!dx && !dy) continue;
                    const float n = p.at<float>((y + dy + height) % height, (x + dx + width) % width);
                    if (n > v || (n == v && (dy < 0 || (dy == 0 && dx < 0)))) {
                        is_max = false;
                        break;
                    }
                }
            if (!is_max) continue;
            // Background: the ring around the bin, and each of the four arms
            // leaving it. Taking the largest keeps bins on a ridge (edges in the
            // scene make lines through DC) from counting as isolated peaks.
            double bg = (box(y, x, R) - box(y, x, r)) / ring_count;
            const double arm_count = double((R - r) * (2 * r + 1));
            bg = std::max(
                {bg, rect(y - R, x - r, y - r, x + r + 1) / arm_count, rect(y + r + 1, x - r, y + R + 1, x + r + 1) / arm_count,
                 rect(y - r, x - R, y + r + 1, x - r) / arm_count, rect(y - r, x + r + 1, y + r + 1, x + R + 1) / arm_count});
            const double ratio = bg > 0 ? v / bg : (v > 0 ? 1e30 : 0.0);
            if (!(ratio >= ratio_min)) continue;
            SpectralPeak peak;
            peak.source = source;
            // The Nyquist bin (-N/2) is the same frequency as +N/2; report it positive.
            peak.fx = (width % 2 == 0 && kx == -cx) ? 0.5 : fx;
            peak.fy = (height % 2 == 0 && ky == -cy) ? 0.5 : fy;
            peak.frequency = std::hypot(peak.fx, peak.fy);
            peak.period_px = 1.0 / peak.frequency;
            peak.angle_deg = std::atan2(peak.fy, peak.fx) * 180.0 / std::numbers::pi;
            peak.strength_db = std::min(10.0 * std::log10(ratio), 300.0);
            peaks.push_back(peak);
        }
    }
    std::sort(peaks.begin(), peaks.end(), [](const auto& a, const auto& b) { return a.strength_db > b.strength_db; });
    if (static_cast<int>(peaks.size()) > search.max_peaks) peaks.resize(static_cast<std::size_t>(std::max(search.max_peaks, 0)));
    return peaks;
}

} // namespace clipflow::detail
