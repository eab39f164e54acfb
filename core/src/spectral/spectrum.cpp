#include "clipflow/spectrum.h"

#include "clipflow/fftplancache.h"
#include "peakfinder.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstdint>
#include <future>
#include <numbers>

namespace clipflow {

const char* window_name(Window window)
{
    switch (window) {
    case Window::None: return "none";
    case Window::Hann: return "hann";
    case Window::Tukey: return "tukey";
    }
    return "unknown";
}

const char* denoiser_name(Denoiser denoiser)
{
    return denoiser == Denoiser::Median3 ? "median3" : "gaussian";
}

float Spectrum::at_frequency(double fx, double fy) const
{
    if (log_power_db.empty()) return 0.0f;
    auto index = [](double f, int n) {
        const long k = std::lround(f * n);
        return static_cast<int>(((k + n / 2) % n + n) % n);
    };
    return log_power_db[static_cast<std::size_t>(index(fy, height)) * static_cast<std::size_t>(width) +
                        static_cast<std::size_t>(index(fx, width))];
}

namespace {

constexpr int kMinSide = 16;

std::vector<float> make_window(int n, Window window, float alpha)
{
    std::vector<float> w(static_cast<std::size_t>(n), 1.0f);
    const double pi = std::numbers::pi;
    for (int i = 0; i < n; ++i) {
        const double t = (i + 0.5) / n; // symmetric, never exactly zero at the edges
        double v = 1.0;
        if (window == Window::Hann) {
            v = 0.5 - 0.5 * std::cos(2.0 * pi * t);
        } else if (window == Window::Tukey && alpha > 0) {
            const double a = std::min<double>(alpha, 1.0);
            if (t < a / 2)
                v = 0.5 * (1 - std::cos(2 * pi * t / a));
            else if (t > 1 - a / 2)
                v = 0.5 * (1 - std::cos(2 * pi * (1 - t) / a));
        }
        w[static_cast<std::size_t>(i)] = static_cast<float>(v);
    }
    return w;
}

std::vector<int> tile_positions(int length, int tile, float overlap)
{
    if (length <= tile) return {0};
    const double step = std::max(1.0, tile * (1.0 - std::clamp<double>(overlap, 0.0, 0.9)));
    const int n = 1 + static_cast<int>(std::ceil((length - tile) / step));
    std::vector<int> pos(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) // spread evenly so the last tile ends at the border
        pos[static_cast<std::size_t>(i)] = static_cast<int>(std::lround(double(length - tile) * i / std::max(n - 1, 1)));
    return pos;
}

struct Welch {
    int tw = 0, th = 0;
    std::vector<int> xs, ys;
    std::vector<float> wx, wy;
    double window_energy = 1.0;
    int tiles() const { return static_cast<int>(xs.size() * ys.size()); }
};

Welch make_welch(int width, int height, const SpectrumParams& params)
{
    Welch w;
    w.tw = std::min(width, params.tile_size);
    w.th = std::min(height, params.tile_size);
    w.xs = tile_positions(width, w.tw, params.tile_overlap);
    w.ys = tile_positions(height, w.th, params.tile_overlap);
    w.wx = make_window(w.tw, params.window, params.tukey_alpha);
    w.wy = make_window(w.th, params.window, params.tukey_alpha);
    double ex = 0, ey = 0;
    for (float v : w.wx) ex += double(v) * v;
    for (float v : w.wy) ey += double(v) * v;
    w.window_energy = ex * ey;
    return w;
}

struct Job {
    const SpectrumParams& params;
    int total_steps = 1;
    int done_steps = 0;
    bool step()
    {
        ++done_steps;
        if (params.progress) params.progress(std::min(1.0, double(done_steps) / total_steps));
        return !(params.abort && params.abort());
    }
};

// Per-thread FFT buffers, reused while the size stays the same: fresh 50 MB
// buffers per call cost more in page faults than the transform itself.
struct FftScratch {
    FftBuffer in, out;
    std::vector<float> acc;     // |F|^2 summed over tiles
    std::vector<float> centred; // the linear PSD handed back to the caller
    void ensure(std::size_t in_floats, std::size_t out_floats)
    {
        if (in.size() != in_floats) in = FftBuffer(in_floats);
        if (out.size() != out_floats) out = FftBuffer(out_floats);
    }
};

// The accumulated |F|^2 of r2c transforms as a centred PSD (DC at height/2,
// width/2), into `centred`; scale turns the sum into a density.
const std::vector<float>& centre_power(const std::vector<float>& acc, int tw, int th, float scale, std::vector<float>& centred)
{
    const int hw = tw / 2 + 1;
    centred.resize(static_cast<std::size_t>(tw) * static_cast<std::size_t>(th));
    const int sx = tw / 2; // output column of kx = 0
    for (int ky = 0; ky < th; ++ky) {
        float* out = centred.data() + static_cast<std::size_t>((ky + th / 2) % th) * static_cast<std::size_t>(tw);
        const float* row = acc.data() + static_cast<std::size_t>(ky) * static_cast<std::size_t>(hw);
        // r2c stores kx = 0..tw/2; the others are conjugates of (-ky, tw-kx).
        const float* mirror = acc.data() + static_cast<std::size_t>((th - ky) % th) * static_cast<std::size_t>(hw);
        for (int kx = 0; kx < hw && sx + kx < tw; ++kx) out[sx + kx] = row[kx] * scale; // kx = 0 .. tw-1-sx
        for (int kx = tw - sx; kx < hw; ++kx) out[kx - (tw - sx)] = row[kx] * scale;    // wraps to the left
        for (int kx = hw; kx < tw; ++kx) {
            const int cx = kx < tw - sx ? sx + kx : kx - (tw - sx);
            out[cx] = mirror[tw - kx] * scale;
        }
    }
    return centred;
}

// Normalise to a power spectral density: white noise of variance s^2 gives s^2 everywhere.
float density_scale(const Welch& w)
{
    return static_cast<float>(1.0 / (w.tiles() * w.window_energy));
}

// Linear PSD averaged over tiles, centred (DC at height/2, width/2). The
// returned reference stays valid on this thread until the next call.
Result<const std::vector<float>*> welch_power(const cv::Mat& src, const Welch& w, const SpectrumParams& params, Job& job)
{
    using R = Result<const std::vector<float>*>;
    const int tw = w.tw, th = w.th, hw = tw / 2 + 1;
    const auto half_size = static_cast<std::size_t>(th) * static_cast<std::size_t>(hw);
    thread_local FftScratch scratch;
    scratch.ensure(static_cast<std::size_t>(tw) * static_cast<std::size_t>(th), half_size * 2);
    std::vector<float>& acc = scratch.acc; // float: at most a few hundred terms
    acc.assign(half_size, 0.0f);
    auto& fft = FftPlanCache::instance();
    for (int y0 : w.ys) {
        for (int x0 : w.xs) {
            const cv::Mat tile = src(cv::Rect(x0, y0, tw, th));
            // Remove the tile mean so DC leakage does not swamp low frequencies.
            const bool bytes = src.depth() == CV_8U; // samples stand for value / 255
            // eight_bit_levels()'s values as a product, which vectorises (raster.h).
            const float level = kEightBitScale;
            const float mean = static_cast<float>(cv::mean(tile)[0] * (bytes ? 1.0 / 255.0 : 1.0));
            for (int y = 0; y < th; ++y) {
                float* dst = scratch.in.data() + static_cast<std::ptrdiff_t>(y) * tw;
                const float wy = w.wy[static_cast<std::size_t>(y)];
                const float* wx = w.wx.data();
                if (bytes) {
                    const std::uint8_t* row = tile.ptr<std::uint8_t>(y);
                    for (int x = 0; x < tw; ++x) dst[x] = (static_cast<float>(row[x]) * level - mean) * wy * wx[x];
                } else {
                    const float* row = tile.ptr<float>(y);
                    for (int x = 0; x < tw; ++x) dst[x] = (row[x] - mean) * wy * wx[x];
                }
            }
            if (!fft.forward_r2c(th, tw, scratch.in.data(), scratch.out.as_complex(), params.fft_threads))
                return R(ErrorCode::Internal, "FFTW could not plan a transform");
            const float* c = scratch.out.data(); // interleaved re, im
            float* a = acc.data();
            for (std::size_t i = 0; i < half_size; ++i) a[i] += c[2 * i] * c[2 * i] + c[2 * i + 1] * c[2 * i + 1];
            if (!job.step()) return R(ErrorCode::Aborted, "spectral analysis aborted");
        }
    }
    return R(&centre_power(acc, tw, th, density_scale(w), scratch.centred));
}

// The pixels analyze_spectrum reads: a float raster, or 8-bit samples that
// stand for value / 255 (the same numbers, a quarter of the memory traffic).
struct Pixels {
    int width = 0, height = 0, channels = 0;
    const Raster* raster = nullptr;
    const Picture* picture = nullptr;
};

// 10*log10(x) for positive normal floats, to ~1e-4 dB; vectorises where std::log10 does not.
inline float fast_db(float x)
{
    const auto bits = std::bit_cast<std::uint32_t>(x);
    const float exponent = static_cast<float>(static_cast<int>(bits >> 23) - 127);
    float m = std::bit_cast<float>((bits & 0x007FFFFFu) | 0x3F800000u); // mantissa in [1, 2)
    // ln(m) = 2 atanh(s), s = (m-1)/(m+1) in [0, 1/3]
    const float s = (m - 1.0f) / (m + 1.0f), s2 = s * s;
    const float ln_m = 2.0f * s * (1.0f + s2 * (1.0f / 3 + s2 * (1.0f / 5 + s2 * (1.0f / 7 + s2 * (1.0f / 9)))));
    constexpr float kDbPerLn = 4.3429448190325175f;     // 10 / ln 10
    constexpr float kDbPerOctave = 3.0102999566398120f; // 10 log10 2
    return exponent * kDbPerOctave + ln_m * kDbPerLn;
}

Spectrum make_spectrum(std::string name, const std::vector<float>& power, int tw, int th, int bins)
{
    Spectrum s;
    s.name = std::move(name);
    s.width = tw;
    s.height = th;
    constexpr float floor_psd = 1e-20f;
    s.log_power_db.reserve(power.size()); // push_back: no 50 MB zero-fill before the real values
    for (const float v : power) s.log_power_db.push_back(fast_db(std::max(v, floor_psd)));

    double total = 0.0;
    std::vector<double> sum(static_cast<std::size_t>(bins), 0.0);
    std::vector<long> count(static_cast<std::size_t>(bins), 0);
    std::vector<float> fx2(static_cast<std::size_t>(tw));
    for (int x = 0; x < tw; ++x) {
        const float f = float(x - tw / 2) / float(tw);
        fx2[static_cast<std::size_t>(x)] = f * f;
    }
    const float bins_per_unit = 2.0f * float(bins); // radius 0.5 -> bins
    std::vector<int> bin_of(static_cast<std::size_t>(tw));
    for (int y = 0; y < th; ++y) {
        const float fy = float(y - th / 2) / float(th);
        const float fy2 = fy * fy;
        const float* row = power.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(tw);
        for (int x = 0; x < tw; ++x)
            bin_of[static_cast<std::size_t>(x)] =
                static_cast<int>(std::sqrt(fx2[static_cast<std::size_t>(x)] + fy2) * bins_per_unit);
        // Neighbouring bins share a radial bin: sum runs locally, then flush, so
        // the accumulation does not wait on its own stores.
        double row_total = 0.0, run = 0.0;
        int run_bin = bin_of[0], run_length = 0;
        for (int x = 0; x < tw; ++x) {
            const float v = row[x];
            row_total += v;
            const int b = bin_of[static_cast<std::size_t>(x)];
            if (b != run_bin) {
                if (run_bin < bins) {
                    sum[static_cast<std::size_t>(run_bin)] += run;
                    count[static_cast<std::size_t>(run_bin)] += run_length;
                }
                run_bin = b;
                run = 0.0;
                run_length = 0;
            }
            run += v;
            ++run_length;
        }
        if (run_bin < bins) {
            sum[static_cast<std::size_t>(run_bin)] += run;
            count[static_cast<std::size_t>(run_bin)] += run_length;
        }
        total += row_total;
    }
    s.mean_db = 10.0 * std::log10(std::max(total / std::max<double>(static_cast<double>(power.size()), 1.0), double(floor_psd)));
    // Small FFTs leave some fine radial bins empty: interpolate between filled neighbours.
    s.radial_profile_db.assign(static_cast<std::size_t>(bins), 0.0f);
    std::vector<int> filled;
    for (int b = 0; b < bins; ++b)
        if (count[static_cast<std::size_t>(b)]) filled.push_back(b);
    auto db = [&](int k) {
        const auto kb = static_cast<std::size_t>(k);
        return 10.0 * std::log10(std::max(sum[kb] / double(count[kb]), double(floor_psd)));
    };
    for (int b = 0; b < bins; ++b) {
        double value = 0.0;
        if (count[static_cast<std::size_t>(b)]) {
            value = db(b);
        } else if (!filled.empty()) {
            auto hi = std::lower_bound(filled.begin(), filled.end(), b);
            if (hi == filled.end())
                value = db(filled.back());
            else if (hi == filled.begin())
                value = db(*hi);
            else {
                const int b0 = *(hi - 1), b1 = *hi;
                value = db(b0) + (db(b1) - db(b0)) * double(b - b0) / double(b1 - b0);
            }
        }
        s.radial_profile_db[static_cast<std::size_t>(b)] = static_cast<float>(value);
    }
    return s;
}

// Local residual energy: first differences expose nearest-neighbour grids,
// second differences expose linear interpolation; both become periodic.
cv::Mat periodicity_map(const cv::Mat& y)
{
    cv::Mat e(y.size(), CV_32F); // every pixel is written below: no zero fill
    const int h = y.rows, w = y.cols;
    for (int r = 0; r < h; ++r) {
        const float* row = y.ptr<float>(r);
        const float* up = y.ptr<float>(std::max(r - 1, 0));
        const float* down = y.ptr<float>(std::min(r + 1, h - 1));
        float* out = e.ptr<float>(r);
        for (int x = 0; x < w; ++x) {
            const float left = row[std::max(x - 1, 0)], right = row[std::min(x + 1, w - 1)];
            out[x] = std::abs(right - row[x]) + std::abs(down[x] - row[x]) + std::abs(left - 2 * row[x] + right) +
                     std::abs(up[x] - 2 * row[x] + down[x]);
        }
    }
    return e;
}

// Dimensions and settings; the caller has checked the sample count.
Status validate_shape(const Raster& image, const SpectrumParams& p)
{
    if (image.width <= 0 || image.height <= 0) return {ErrorCode::InvalidArgument, "no pixels to analyse"};
    if (image.channels != 1 && image.channels != 3)
        return {ErrorCode::InvalidArgument, "raster size does not match its dimensions"};
    if (image.width < kMinSide || image.height < kMinSide)
        return {ErrorCode::InvalidArgument, "image is too small for spectral analysis (at least 16x16 pixels)"};
    if (p.tile_size < 32) return {ErrorCode::InvalidArgument, "tile size must be at least 32"};
    if (p.radial_bins < 8 || p.radial_bins > 4096) return {ErrorCode::InvalidArgument, "radial bins must be 8..4096"};
    if (p.tile_overlap < 0 || p.tile_overlap > 0.9f) return {ErrorCode::InvalidArgument, "tile overlap must be 0..0.9"};
    return {};
}

Status validate(const Raster& image, const SpectrumParams& p)
{
    if (image.empty() || image.width <= 0 || image.height <= 0) return {ErrorCode::InvalidArgument, "no pixels to analyse"};
    if (image.data.size() != image.pixel_count() * static_cast<std::size_t>(image.channels))
        return {ErrorCode::InvalidArgument, "raster size does not match its dimensions"};
    return validate_shape(image, p);
}

} // namespace

Result<Spectrum> power_spectrum(const Raster& grey, const SpectrumParams& params, const std::string& name)
{
    if (Status s = validate(grey, params); !s.ok()) return s;
    if (grey.channels != 1) return Status(ErrorCode::InvalidArgument, "power_spectrum needs a single-channel raster");
    try {
        const Welch w = make_welch(grey.width, grey.height, params);
        Job job{params, w.tiles(), 0};
        const cv::Mat m(grey.height, grey.width, CV_32F, const_cast<float*>(grey.data.data()));
        auto power = welch_power(m, w, params, job);
        if (!power) return power.status();
        return make_spectrum(name, *power.value(), w.tw, w.th, params.radial_bins);
    } catch (const cv::Exception& e) {
        return Status(ErrorCode::Internal, std::string("OpenCV: ") + e.what());
    } catch (const std::bad_alloc&) {
        return Status(ErrorCode::Internal, "out of memory during spectral analysis");
    }
}

namespace {

Result<SpectrumResult> analyze_pixels(const Pixels& image, const SpectrumParams& params)
{
    try {
        SpectrumResult result;
        result.image_width = image.width;
        result.image_height = image.height;
        result.window = params.window;
        result.denoiser = params.denoiser;

        const Welch w = make_welch(image.width, image.height, params);
        result.tiles = w.tiles();

        const bool colour = params.per_channel && image.channels == 3;
        // Progress counts the calling thread's tiles (luminance, residual, periodicity).
        Job job{params, 3 * w.tiles(), 0};
        detail::PeakSearch search{params.min_peak_frequency, params.peak_false_alarm, params.min_peak_db, params.max_peaks,
                                  w.tiles()};

        // The colour channels' spectra are independent of the rest: a second
        // thread computes them meanwhile, from planes in the input's own sample
        // type (8-bit pictures: a quarter of the bytes). Callbacks stay on the
        // calling thread, as callbacks.h promises; that thread only watches `stop`.
        using Channels = std::vector<Spectrum>;
        std::atomic<bool> stop{false};
        std::future<Result<Channels>> colour_job;
        if (colour) {
            colour_job = std::async(std::launch::async, [&image, &w, &params, &stop]() -> Result<Channels> {
                try {
                    Channels out;
                    static const char* names[] = {"red", "green", "blue"};
                    const cv::Mat rgb =
                        image.picture
                            ? cv::Mat(image.height, image.width, CV_8UC3, const_cast<std::uint8_t*>(image.picture->data.data()))
                            : cv::Mat(image.height, image.width, CV_32FC3, const_cast<float*>(image.raster->data.data()));
                    std::vector<cv::Mat> planes;
                    cv::split(rgb, planes);
                    SpectrumParams quiet = params;
                    quiet.progress = nullptr;
                    quiet.abort = [&stop] { return stop.load(std::memory_order_relaxed); };
                    Job own{quiet, 3 * w.tiles(), 0};
                    for (int c = 0; c < 3; ++c) {
                        auto power = welch_power(planes[static_cast<std::size_t>(c)], w, quiet, own);
                        if (!power) return power.status();
                        out.push_back(make_spectrum(names[c], *power.value(), w.tw, w.th, params.radial_bins));
                    }
                    return out;
                } catch (const cv::Exception& e) {
                    return Status(ErrorCode::Internal, std::string("OpenCV: ") + e.what());
                } catch (const std::bad_alloc&) {
                    return Status(ErrorCode::Internal, "out of memory during spectral analysis");
                }
            });
        }
        // Whatever happens here, the colour thread is stopped and joined before its inputs go.
        struct Join {
            std::future<Result<Channels>>& f;
            std::atomic<bool>& stop;
            ~Join()
            {
                if (f.valid()) {
                    stop = true;
                    f.wait();
                }
            }
        } join{colour_job, stop};

        const Raster y = image.picture ? luminance(*image.picture) : luminance(*image.raster);
        const cv::Mat ymat(y.height, y.width, CV_32F, const_cast<float*>(y.data.data()));

        auto peaks_of = [&](const cv::Mat& src, const char* name) -> Result<Spectrum> {
            auto power = welch_power(src, w, params, job);
            if (!power) return power.status();
            auto found = detail::find_peaks(*power.value(), w.tw, w.th, name, search);
            result.peaks.insert(result.peaks.end(), found.begin(), found.end());
            return make_spectrum(name, *power.value(), w.tw, w.th, params.radial_bins);
        };

        auto img = peaks_of(ymat, image.channels == 1 ? "grey" : "luminance");
        if (!img) return img.status();
        result.image = std::move(img.value());

        cv::Mat denoised;
        if (params.denoiser == Denoiser::Median3)
            cv::medianBlur(ymat, denoised, 3);
        else
            cv::GaussianBlur(ymat, denoised, cv::Size(0, 0), std::max(0.3f, params.gaussian_sigma));
        const cv::Mat residual = ymat - denoised;
        denoised.release();
        auto res = peaks_of(residual, "residual");
        if (!res) return res.status();
        result.residual = std::move(res.value());

        auto per = peaks_of(periodicity_map(ymat), "periodicity");
        if (!per) return per.status();
        result.periodicity = std::move(per.value());
        if (colour_job.valid()) {
            auto c = colour_job.get();
            if (!c) return c.status();
            result.channels = std::move(c.value());
        }

        std::stable_sort(result.peaks.begin(), result.peaks.end(),
                         [](const auto& a, const auto& b) { return a.strength_db > b.strength_db; });
        result.radial_frequency.resize(static_cast<std::size_t>(params.radial_bins));
        for (int b = 0; b < params.radial_bins; ++b)
            result.radial_frequency[static_cast<std::size_t>(b)] = static_cast<float>((b + 0.5) * 0.5 / params.radial_bins);
        return result;
    } catch (const cv::Exception& e) {
        return Status(ErrorCode::Internal, std::string("OpenCV: ") + e.what());
    } catch (const std::bad_alloc&) {
        return Status(ErrorCode::Internal, "out of memory during spectral analysis");
    }
}

} // namespace

Result<SpectrumResult> analyze_spectrum(const Raster& image, const SpectrumParams& params)
{
    if (Status s = validate(image, params); !s.ok()) return s;
    return analyze_pixels(Pixels{image.width, image.height, image.channels, &image, nullptr}, params);
}

Result<SpectrumResult> analyze_spectrum(const Picture& image, const SpectrumParams& params)
{
    Raster shape; // validate() checks the dimensions; the samples are the picture's
    shape.width = image.width;
    shape.height = image.height;
    shape.channels = image.channels;
    if (image.data.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) *
                                 static_cast<std::size_t>(std::max(image.channels, 0)))
        return Status(ErrorCode::InvalidArgument, "raster size does not match its dimensions");
    if (Status s = validate_shape(shape, params); !s.ok()) return s;
    return analyze_pixels(Pixels{image.width, image.height, image.channels, nullptr, &image}, params);
}

} // namespace clipflow
