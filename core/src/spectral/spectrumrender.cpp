#include "clipflow/spectrum.h"

#include "spectrumpanel.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace clipflow {

namespace detail {

cv::Mat colour_panel(const Spectrum& s, const std::vector<SpectralPeak>& peaks)
{
    cv::Mat db(s.height, s.width, CV_32F, const_cast<float*>(s.log_power_db.data()));
    // Robust contrast: 1st to 99.9th percentile of the dB values.
    std::vector<float> sorted(s.log_power_db);
    const auto lo_i = sorted.size() / 100, hi_i = sorted.size() - 1 - sorted.size() / 1000;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(lo_i), sorted.end());
    const float lo = sorted[lo_i];
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(hi_i), sorted.end());
    const float hi = std::max(sorted[hi_i], lo + 1e-3f);
    cv::Mat grey;
    db.convertTo(grey, CV_8U, 255.0 / (hi - lo), -lo * 255.0 / (hi - lo));
    const double scale = double(kPanel) / std::max(s.width, s.height);
    cv::Mat resized;
    cv::resize(grey, resized,
               cv::Size(std::max(1, int(std::lround(s.width * scale))), std::max(1, int(std::lround(s.height * scale)))), 0, 0,
               scale < 1 ? cv::INTER_AREA : cv::INTER_NEAREST);
    cv::Mat colour;
    cv::applyColorMap(resized, colour, cv::COLORMAP_VIRIDIS);
    cv::Mat panel(kPanel + 28, kPanel, CV_8UC3, cv::Scalar(32, 32, 32));
    const int ox = (kPanel - colour.cols) / 2, oy = 28 + (kPanel - colour.rows) / 2;
    colour.copyTo(panel(cv::Rect(ox, oy, colour.cols, colour.rows)));
    for (const auto& p : peaks) {
        if (p.source != s.name) continue;
        for (int sign : {1, -1}) { // draw the conjugate partner too
            const cv::Point c(ox + int(std::lround((0.5 + sign * p.fx) * colour.cols)),
                              oy + int(std::lround((0.5 + sign * p.fy) * colour.rows)));
            cv::circle(panel, c, 9, cv::Scalar(60, 60, 255), 2, cv::LINE_AA);
        }
    }
    cv::putText(panel, s.name + " spectrum (log power)", cv::Point(8, 20), cv::FONT_HERSHEY_SIMPLEX, 0.55,
                cv::Scalar(235, 235, 235), 1, cv::LINE_AA);
    return panel;
}

} // namespace detail

namespace {

using detail::colour_panel;
using detail::kPanel;

cv::Mat profile_strip(const SpectrumResult& r, int width)
{
    const int h = 220, left = 56, right = 16, top = 12, bottom = 40;
    cv::Mat strip(h, width, CV_8UC3, cv::Scalar(32, 32, 32));
    const Spectrum* series[] = {&r.image, &r.residual, &r.periodicity};
    const cv::Scalar colours[] = {cv::Scalar(240, 240, 240), cv::Scalar(80, 180, 255), cv::Scalar(255, 200, 80)};
    float lo = 1e30f, hi = -1e30f;
    for (const Spectrum* s : series) {
        const auto& v = s->radial_profile_db;
        for (std::size_t i = 2; i < v.size(); ++i) {
            lo = std::min(lo, v[i]);
            hi = std::max(hi, v[i]);
        }
    }
    if (!(hi > lo)) hi = lo + 1;
    const int pw = width - left - right, ph = h - top - bottom;
    cv::rectangle(strip, cv::Rect(left, top, pw, ph), cv::Scalar(90, 90, 90), 1);
    for (int t = 0; t <= 4; ++t) {
        const int x = left + pw * t / 4;
        cv::line(strip, cv::Point(x, top), cv::Point(x, top + ph), cv::Scalar(60, 60, 60), 1);
        char label[16];
        std::snprintf(label, sizeof label, "%.3g", 0.125 * t);
        cv::putText(strip, label, cv::Point(x - 12, top + ph + 16), cv::FONT_HERSHEY_SIMPLEX, 0.4, cv::Scalar(200, 200, 200), 1,
                    cv::LINE_AA);
    }
    cv::putText(strip, "frequency (cycles/pixel)", cv::Point(left + pw / 2 - 80, h - 6), cv::FONT_HERSHEY_SIMPLEX, 0.45,
                cv::Scalar(200, 200, 200), 1, cv::LINE_AA);
    char range[48];
    std::snprintf(range, sizeof range, "%.0f dB", double(hi));
    cv::putText(strip, range, cv::Point(4, top + 10), cv::FONT_HERSHEY_SIMPLEX, 0.4, cv::Scalar(200, 200, 200), 1, cv::LINE_AA);
    std::snprintf(range, sizeof range, "%.0f dB", double(lo));
    cv::putText(strip, range, cv::Point(4, top + ph), cv::FONT_HERSHEY_SIMPLEX, 0.4, cv::Scalar(200, 200, 200), 1, cv::LINE_AA);
    for (int k = 0; k < 3; ++k) {
        const auto& v = series[k]->radial_profile_db;
        std::vector<cv::Point> pts;
        for (std::size_t i = 0; i < v.size(); ++i) {
            const int x = left + int(std::lround((i + 0.5) / v.size() * pw));
            const int y = top + int(std::lround((hi - std::clamp(v[i], lo, hi)) / (hi - lo) * ph));
            pts.emplace_back(x, y);
        }
        cv::polylines(strip, pts, false, colours[k], 2, cv::LINE_AA);
        cv::putText(strip, series[k]->name, cv::Point(left + pw - 110, top + 18 + 16 * k), cv::FONT_HERSHEY_SIMPLEX, 0.45,
                    colours[k], 1, cv::LINE_AA);
    }
    return strip;
}

} // namespace

Result<std::vector<unsigned char>> render_spectrum_png(const SpectrumResult& result)
{
    if (result.image.log_power_db.empty()) return Status(ErrorCode::InvalidArgument, "no spectrum to render");
    try {
        std::vector<cv::Mat> panels;
        for (const Spectrum* s : {&result.image, &result.residual, &result.periodicity}) {
            panels.push_back(colour_panel(*s, result.peaks));
            panels.push_back(cv::Mat(kPanel + 28, 8, CV_8UC3, cv::Scalar(20, 20, 20)));
        }
        panels.pop_back();
        cv::Mat row;
        cv::hconcat(panels, row);
        cv::Mat sheet;
        cv::vconcat(row, profile_strip(result, row.cols), sheet);
        std::vector<unsigned char> png;
        if (!cv::imencode(".png", sheet, png)) return Status(ErrorCode::Internal, "PNG encoding failed");
        return png;
    } catch (const cv::Exception& e) {
        return Status(ErrorCode::Internal, std::string("OpenCV: ") + e.what());
    }
}

} // namespace clipflow
