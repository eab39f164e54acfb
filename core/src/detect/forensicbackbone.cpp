#include "clipflow/forensicbackbone.h"

#include "clipflow/spectrum.h"
#include "intake/cvraster.h"

#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>

#include <array>
#include <cmath>

namespace clipflow {

namespace {

// Crop offsets stay on the 8-pixel grid so JPEG block boundaries keep their phase.
int aligned(int v)
{
    return v - v % 8;
}

void append_profile(std::vector<float>& out, const std::vector<float>& profile_db)
{
    double mean = 0;
    for (float v : profile_db) mean += v;
    mean /= std::max<std::size_t>(1, profile_db.size());
    for (float v : profile_db) out.push_back(static_cast<float>((v - mean) / 10.0)); // dB -> bels: unit scale
}

} // namespace

std::string ForensicBackbone::params_json() const
{
    return nlohmann::json{
        {"crop", params_.crop}, {"max_views", params_.max_views}, {"radial_bins", params_.radial_bins}, {"dim", kDim}}
        .dump();
}

std::vector<PixelRect> ForensicBackbone::scoring_view_rects(int width, int height) const
{
    const int c = params_.crop;
    if (width <= c && height <= c) return {{0, 0, width, height}};
    const int w = std::min(c, width), h = std::min(c, height);
    const int nx = width > c ? 2 : 1, ny = height > c ? 2 : 1;
    std::vector<PixelRect> rects;
    for (int j = 0; j < ny && static_cast<int>(rects.size()) < params_.max_views; ++j)
        for (int i = 0; i < nx && static_cast<int>(rects.size()) < params_.max_views; ++i) {
            // Spread over the central 80%: borders are often cropped or vignetted.
            const auto pos = [](int k, int n, int extent, int size) {
                if (n == 1) return aligned((extent - size) / 2);
                const int lo = extent / 10, hi = std::max(lo, extent - extent / 10 - size);
                return aligned(std::clamp(k == 0 ? lo : hi, 0, extent - size));
            };
            rects.push_back({pos(i, nx, width, w), pos(j, ny, height, h), w, h});
        }
    return rects;
}

Raster ForensicBackbone::training_view(const Raster& image, std::uint64_t seed) const
{
    const int c = params_.crop;
    if (image.width <= c && image.height <= c) return image;
    detail::Rng rng(seed);
    const int w = std::min(c, image.width), h = std::min(c, image.height);
    const int x = aligned(rng.below(image.width - w + 1)), y = aligned(rng.below(image.height - h + 1));
    return crop(image, x, y, w, h);
}

Result<std::vector<std::vector<float>>> ForensicBackbone::features(const std::vector<Raster>& views) const
{
    std::vector<std::vector<float>> out;
    out.reserve(views.size());
    for (const auto& v : views) {
        auto f = view_features(v);
        if (!f) return f.status();
        out.push_back(std::move(*f));
    }
    return out;
}

Result<std::vector<float>> ForensicBackbone::view_features(const Raster& view) const
{
    if (view.width < 16 || view.height < 16)
        return Status(ErrorCode::InvalidArgument, "the forensic backbone needs at least 16x16 pixels");
    SpectrumParams sp;
    sp.radial_bins = params_.radial_bins;
    sp.tile_size = std::max({32, params_.crop, view.width, view.height});
    sp.fft_threads = 1;
    sp.max_peaks = 0;
    auto spec = analyze_spectrum(view, sp);
    if (!spec) return spec.status();

    std::vector<float> f;
    f.reserve(kDim);
    append_profile(f, spec->image.radial_profile_db);
    append_profile(f, spec->residual.radial_profile_db);
    append_profile(f, spec->periodicity.radial_profile_db);
    f.push_back(static_cast<float>(spec->image.mean_db / 10.0));
    f.push_back(static_cast<float>(spec->residual.mean_db / 10.0));

    try {
        const cv::Mat img = detail::to_mat(view);
        std::vector<cv::Mat> chans;
        cv::split(img, chans);
        while (chans.size() < 3) chans.push_back(chans.front());
        // Noise residuals per channel: statistics and colour correlations.
        std::array<cv::Mat, 3> res;
        for (int c = 0; c < 3; ++c) {
            cv::Mat med;
            cv::medianBlur(chans[static_cast<std::size_t>(c)], med, 3);
            res[static_cast<std::size_t>(c)] = (chans[static_cast<std::size_t>(c)] - med) * 255.0;
        }
        std::array<double, 3> sd{};
        for (int c = 0; c < 3; ++c) {
            const cv::Mat& r = res[static_cast<std::size_t>(c)];
            const double m2 = cv::mean(r.mul(r))[0];
            const cv::Mat r2 = r.mul(r);
            const double m4 = cv::mean(r2.mul(r2))[0];
            sd[static_cast<std::size_t>(c)] = std::sqrt(m2);
            f.push_back(static_cast<float>(std::log(std::sqrt(m2) + 1e-3)));
            f.push_back(static_cast<float>(std::log(m4 / (m2 * m2 + 1e-12) + 1e-3)));
        }
        for (auto [a, b] : {std::pair{0, 1}, std::pair{0, 2}, std::pair{1, 2}}) {
            const double cov = cv::mean(res[static_cast<std::size_t>(a)].mul(res[static_cast<std::size_t>(b)]))[0];
            f.push_back(static_cast<float>(cov / (sd[static_cast<std::size_t>(a)] * sd[static_cast<std::size_t>(b)] + 1e-6)));
        }

        // Co-occurrence of quantised differences, horizontal and vertical pooled.
        const Raster y = luminance(view);
        const int w = y.width, h = y.height;
        auto px = [&](int xx, int yy) {
            return y.data[static_cast<std::size_t>(yy) * static_cast<std::size_t>(w) + static_cast<std::size_t>(xx)] * 255.f;
        };
        auto q = [](float d) { return std::clamp(static_cast<int>(std::lround(d)), -2, 2) + 2; };
        std::array<double, 25> co{};
        double total = 0;
        for (int yy = 0; yy < h; ++yy)
            for (int xx = 0; xx + 2 < w; ++xx) {
                co[static_cast<std::size_t>(q(px(xx + 1, yy) - px(xx, yy)) * 5 + q(px(xx + 2, yy) - px(xx + 1, yy)))] += 1;
                total += 1;
            }
        for (int yy = 0; yy + 2 < h; ++yy)
            for (int xx = 0; xx < w; ++xx) {
                co[static_cast<std::size_t>(q(px(xx, yy + 1) - px(xx, yy)) * 5 + q(px(xx, yy + 2) - px(xx, yy + 1)))] += 1;
                total += 1;
            }
        for (double v : co) f.push_back(static_cast<float>(std::log(v / std::max(1.0, total) + 1e-4)));

        // Blockiness: mean step across 8x8 boundaries over the mean step elsewhere.
        double bh = 0, oh = 0, bv = 0, ov = 0;
        long nbh = 0, noh = 0, nbv = 0, nov = 0;
        for (int yy = 0; yy < h; ++yy)
            for (int xx = 0; xx + 1 < w; ++xx) {
                const double d = std::abs(px(xx + 1, yy) - px(xx, yy));
                if (xx % 8 == 7)
                    bh += d, ++nbh;
                else
                    oh += d, ++noh;
            }
        for (int yy = 0; yy + 1 < h; ++yy)
            for (int xx = 0; xx < w; ++xx) {
                const double d = std::abs(px(xx, yy + 1) - px(xx, yy));
                if (yy % 8 == 7)
                    bv += d, ++nbv;
                else
                    ov += d, ++nov;
            }
        f.push_back(static_cast<float>(std::log((bh / std::max(1L, nbh) + 0.05) / (oh / std::max(1L, noh) + 0.05))));
        f.push_back(static_cast<float>(std::log((bv / std::max(1L, nbv) + 0.05) / (ov / std::max(1L, nov) + 0.05))));

        std::size_t dark = 0, bright = 0;
        for (float v : view.data) {
            dark += v <= 0.5f / 255.f;
            bright += v >= 254.5f / 255.f;
        }
        const double n = static_cast<double>(std::max<std::size_t>(1, view.data.size()));
        f.push_back(static_cast<float>(std::log(dark / n + 1e-3)));
        f.push_back(static_cast<float>(std::log(bright / n + 1e-3)));
    } catch (const cv::Exception& e) {
        return Status(ErrorCode::Internal, std::string("forensic features failed: ") + e.what());
    }
    for (float& v : f)
        if (!std::isfinite(v)) v = 0.f;
    if (static_cast<int>(f.size()) != kDim)
        return Status(ErrorCode::Internal, "forensic feature count is " + std::to_string(f.size()));
    return f;
}

} // namespace clipflow
