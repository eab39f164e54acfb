#include "clipflow/proxy.h"

#include "cvraster.h"

#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>

#include <array>
#include <cmath>

namespace clipflow {

namespace {

using detail::Rng;
using nlohmann::json;

struct OpName {
    ProxyOp op;
    const char* name;
};
constexpr std::array<OpName, 7> kOps{{
    {ProxyOp::HighFreqAttenuation, "hf_attenuation"},
    {ProxyOp::HighFreqBoost, "hf_boost"},
    {ProxyOp::ZeroInsertion, "zero_insertion"},
    {ProxyOp::TransposedConv, "transposed_conv"},
    {ProxyOp::ResamplingChain, "resampling_chain"},
    {ProxyOp::PhasePerturbation, "phase_perturbation"},
    {ProxyOp::LowpassResharpen, "lowpass_resharpen"},
}};

// Spectral operations act on the image's mirror extension (image, flipped
// copies right and below): it is periodic without edge jumps, so the FFT's wrap
// adds no cross of edge energy for a mask or phase noise to smear inwards
// (measured: +11 dB of spurious high-frequency power without it).
cv::Mat mirror_extend(const cv::Mat& img)
{
    cv::Mat h, v, hv, top, bottom, out;
    cv::flip(img, h, 1);
    cv::flip(img, v, 0);
    cv::flip(img, hv, -1);
    cv::hconcat(img, h, top);
    cv::hconcat(v, hv, bottom);
    cv::vconcat(top, bottom, out);
    return out;
}

double smoothstep(double e0, double e1, double x)
{
    const double t = std::clamp((x - e0) / (e1 - e0), 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

// Signed frequency of FFT bin k of n, cycles/pixel.
double freq(int k, int n)
{
    return (k <= n / 2 ? k : k - n) / static_cast<double>(n);
}

// Applies gain(f) * exp(i phase(u, v)) to every channel's spectrum.
// phase must be odd-symmetric (phase(-u,-v) = -phase(u,v)) so the result stays real.
template <typename Gain> cv::Mat filter_spectrum(const cv::Mat& img, Gain gain, const cv::Mat& phase = {})
{
    const cv::Mat padded = mirror_extend(img);
    std::vector<cv::Mat> chans;
    cv::split(padded, chans);
    const int h = padded.rows, w = padded.cols;
    cv::Mat g(h, w, CV_32F);
    for (int v = 0; v < h; ++v)
        for (int u = 0; u < w; ++u) g.at<float>(v, u) = static_cast<float>(gain(std::hypot(freq(u, w), freq(v, h))));
    for (auto& c : chans) {
        cv::Mat spec;
        cv::dft(c, spec, cv::DFT_COMPLEX_OUTPUT);
        for (int v = 0; v < h; ++v) {
            auto* row = spec.ptr<cv::Vec2f>(v);
            for (int u = 0; u < w; ++u) {
                const float k = g.at<float>(v, u);
                float re = row[u][0] * k, im = row[u][1] * k;
                if (!phase.empty()) {
                    const float p = phase.at<float>(v, u), cs = std::cos(p), sn = std::sin(p);
                    const float r2 = re * cs - im * sn;
                    im = re * sn + im * cs;
                    re = r2;
                }
                row[u] = {re, im};
            }
        }
        cv::dft(spec, c, cv::DFT_INVERSE | cv::DFT_SCALE | cv::DFT_REAL_OUTPUT);
    }
    cv::Mat out;
    cv::merge(chans, out);
    return out(cv::Rect(0, 0, img.cols, img.rows)).clone();
}

// 2x area decimation, then zero insertion back to (at least) the input size.
cv::Mat decimate_and_zero_insert(const cv::Mat& img)
{
    cv::Mat small;
    cv::resize(img, small, cv::Size(std::max(1, img.cols / 2), std::max(1, img.rows / 2)), 0, 0, cv::INTER_AREA);
    cv::Mat up = cv::Mat::zeros(small.rows * 2, small.cols * 2, img.type());
    const int ch = img.channels();
    for (int y = 0; y < small.rows; ++y) {
        const float* s = small.ptr<float>(y);
        float* d = up.ptr<float>(2 * y);
        for (int x = 0; x < small.cols; ++x)
            for (int c = 0; c < ch; ++c) d[2 * x * ch + c] = s[x * ch + c];
    }
    return up;
}

cv::Mat fit_to(const cv::Mat& m, cv::Size size)
{
    cv::Mat out;
    cv::copyMakeBorder(m, out, 0, std::max(0, size.height - m.rows), 0, std::max(0, size.width - m.cols), cv::BORDER_REPLICATE);
    return out(cv::Rect(0, 0, size.width, size.height)).clone();
}

constexpr std::array<int, 5> kInterp{cv::INTER_NEAREST, cv::INTER_LINEAR, cv::INTER_CUBIC, cv::INTER_AREA, cv::INTER_LANCZOS4};
constexpr std::array<const char*, 5> kInterpName{"nearest", "linear", "cubic", "area", "lanczos4"};

cv::Mat apply(const cv::Mat& img, ProxyOp op, Rng& rng, const ProxyParams& p, json& d)
{
    switch (op) {
    case ProxyOp::HighFreqAttenuation:
    case ProxyOp::HighFreqBoost: {
        const double f0 = rng.uniform(p.cutoff_min, p.cutoff_max);
        const double width = rng.uniform(0.03, 0.12);
        const bool boost = op == ProxyOp::HighFreqBoost;
        const double a = boost ? rng.uniform(p.boost_min, p.boost_max) : rng.uniform(p.attenuation_min, p.attenuation_max);
        d["cutoff"] = f0;
        d["transition"] = width;
        d[boost ? "gain" : "attenuation"] = a;
        return filter_spectrum(img, [&](double f) {
            const double s = smoothstep(f0 - width / 2, f0 + width / 2, f);
            return boost ? 1.0 + a * s : 1.0 - a * s;
        });
    }
    case ProxyOp::PhasePerturbation: {
        const double f0 = rng.uniform(p.cutoff_min, p.cutoff_max);
        const double sigma = rng.uniform(p.phase_sigma_min, p.phase_sigma_max);
        d["cutoff"] = f0;
        d["sigma"] = sigma;
        const int h = 2 * img.rows, w = 2 * img.cols;
        cv::Mat noise(h, w, CV_32F), phase(h, w, CV_32F);
        for (int v = 0; v < h; ++v)
            for (int u = 0; u < w; ++u) noise.at<float>(v, u) = static_cast<float>(rng.normal());
        for (int v = 0; v < h; ++v)
            for (int u = 0; u < w; ++u) {
                // Odd symmetry keeps the image real; ramp in above the cut-off.
                const float odd = 0.5f * (noise.at<float>(v, u) - noise.at<float>((h - v) % h, (w - u) % w));
                const double ramp = smoothstep(f0 - 0.03, f0 + 0.03, std::hypot(freq(u, w), freq(v, h)));
                phase.at<float>(v, u) = static_cast<float>(sigma * ramp * odd * std::sqrt(2.0));
            }
        return filter_spectrum(
            img, [](double) { return 1.0; }, phase);
    }
    case ProxyOp::ZeroInsertion: {
        // Ideal interpolation (sinc) would leave no trace; practical kernels leave
        // spectral images around 0.5 cycles/pixel.
        const int kind = rng.below(3);
        std::vector<float> taps;
        if (kind == 0) {
            taps = {1.f, 1.f}; // nearest neighbour
            d["kernel"] = "nearest";
        } else if (kind == 1) {
            const float a = static_cast<float>(rng.uniform(0.25, 0.45)); // under-weighted linear
            taps = {a, 1.f, a};
            d["kernel"] = "linear_like";
            d["side_tap"] = a;
        } else {
            for (int i = 0; i < 4; ++i) taps.push_back(static_cast<float>(rng.uniform(0.1, 1.0)));
            d["kernel"] = "random4";
        }
        float sum = 0;
        for (float t : taps) sum += t;
        for (float& t : taps) t *= 2.f / sum; // DC gain 2 per axis undoes the zeros
        d["taps"] = taps;
        const cv::Mat k(1, static_cast<int>(taps.size()), CV_32F, taps.data());
        cv::Mat out;
        cv::sepFilter2D(decimate_and_zero_insert(img), out, -1, k, k.t(), cv::Point(-1, -1), 0, cv::BORDER_REFLECT_101);
        return fit_to(out, img.size());
    }
    case ProxyOp::TransposedConv: {
        // Stride-2 transposed convolution with a 4x4 kernel: zero insertion then
        // correlation. The four polyphase sums differ, hence the checkerboard.
        cv::Mat k(4, 4, CV_32F);
        const float base[4] = {0.25f, 0.75f, 0.75f, 0.25f};
        const double jitter = rng.uniform(0.05, 0.3);
        for (int y = 0; y < 4; ++y)
            for (int x = 0; x < 4; ++x)
                k.at<float>(y, x) = std::max(0.f, base[y] * base[x] + static_cast<float>(jitter * rng.normal() * 0.25));
        k *= 4.0 / std::max(1e-6, cv::sum(k)[0]);
        d["jitter"] = jitter;
        cv::Mat out;
        cv::filter2D(decimate_and_zero_insert(img), out, -1, k, cv::Point(-1, -1), 0, cv::BORDER_REFLECT_101);
        return fit_to(out, img.size());
    }
    case ProxyOp::ResamplingChain: {
        const int steps = 2 + rng.below(2);
        cv::Mat cur = img;
        json chain = json::array();
        for (int i = 0; i < steps; ++i) {
            const double s = rng.uniform(0.5, 1.6);
            const int k = rng.below(static_cast<int>(kInterp.size()));
            cv::Mat next;
            cv::resize(cur, next,
                       cv::Size(std::max(8, static_cast<int>(std::lround(cur.cols * s))),
                                std::max(8, static_cast<int>(std::lround(cur.rows * s)))),
                       0, 0, kInterp[static_cast<std::size_t>(k)]);
            chain.push_back({{"scale", s}, {"kernel", kInterpName[static_cast<std::size_t>(k)]}});
            cur = next;
        }
        const int k = 1 + rng.below(3); // back with linear, cubic or area
        cv::Mat out;
        cv::resize(cur, out, img.size(), 0, 0, kInterp[static_cast<std::size_t>(k)]);
        chain.push_back({{"to_original", true}, {"kernel", kInterpName[static_cast<std::size_t>(k)]}});
        d["chain"] = chain;
        return out;
    }
    case ProxyOp::LowpassResharpen: {
        // An autoencoder's latent is a downsampled image; its decoder upsamples and
        // restores edges. Emulate with down/up-sampling, then unsharp masking.
        const double factor = rng.uniform(2.0, 4.0);
        const double amount = rng.uniform(p.sharpen_min, p.sharpen_max);
        const double radius = rng.uniform(0.6, 1.5);
        d["factor"] = factor;
        d["sharpen_amount"] = amount;
        d["sharpen_sigma"] = radius;
        cv::Mat small, up, blur;
        cv::resize(img, small,
                   cv::Size(std::max(2, static_cast<int>(img.cols / factor)), std::max(2, static_cast<int>(img.rows / factor))),
                   0, 0, cv::INTER_AREA);
        cv::resize(small, up, img.size(), 0, 0, cv::INTER_CUBIC);
        cv::GaussianBlur(up, blur, cv::Size(0, 0), radius);
        cv::Mat sharpened;
        cv::addWeighted(up, 1.0 + amount, blur, -amount, 0.0, sharpened);
        return sharpened;
    }
    }
    return img.clone();
}

} // namespace

const char* proxy_op_name(ProxyOp op)
{
    for (const auto& o : kOps)
        if (o.op == op) return o.name;
    return "unknown";
}

std::optional<ProxyOp> proxy_op_from_name(const std::string& name)
{
    for (const auto& o : kOps)
        if (name == o.name) return o.op;
    return std::nullopt;
}

const std::vector<ProxyOp>& all_proxy_ops()
{
    static const std::vector<ProxyOp> ops = [] {
        std::vector<ProxyOp> v;
        for (const auto& o : kOps) v.push_back(o.op);
        return v;
    }();
    return ops;
}

std::string proxy_params_json(const ProxyParams& p)
{
    json ops = json::array();
    for (ProxyOp op : p.ops) ops.push_back(proxy_op_name(op));
    return json{{"ops", ops},
                {"cutoff", {p.cutoff_min, p.cutoff_max}},
                {"attenuation", {p.attenuation_min, p.attenuation_max}},
                {"boost", {p.boost_min, p.boost_max}},
                {"phase_sigma", {p.phase_sigma_min, p.phase_sigma_max}},
                {"sharpen", {p.sharpen_min, p.sharpen_max}}}
        .dump();
}

Result<ProxyImage> make_proxy(const Raster& natural, std::uint64_t seed, const ProxyParams& params)
{
    if (params.ops.empty()) return Status(ErrorCode::InvalidArgument, "no proxy operations selected");
    Rng pick(detail::mix_seed(seed, 0x70726f7879ull));
    const ProxyOp op = params.ops[static_cast<std::size_t>(pick.below(static_cast<int>(params.ops.size())))];
    return make_proxy(natural, op, seed, params);
}

Result<ProxyImage> make_proxy(const Raster& natural, ProxyOp op, std::uint64_t seed, const ProxyParams& params)
{
    if (natural.empty() || natural.width < 8 || natural.height < 8 || (natural.channels != 1 && natural.channels != 3) ||
        natural.data.size() != natural.pixel_count() * static_cast<std::size_t>(natural.channels))
        return Status(ErrorCode::InvalidArgument, "proxy images need a grey or RGB raster of at least 8x8 pixels");
    try {
        Rng rng(seed);
        json d{{"op", proxy_op_name(op)}, {"seed", seed}};
        cv::Mat out = apply(detail::to_mat(natural), op, rng, params, d);
        cv::patchNaNs(out, 0.0);
        cv::min(cv::max(out, 0.0), 1.0, out);
        ProxyImage proxy;
        proxy.image = detail::from_mat(out);
        proxy.op = op;
        proxy.description_json = d.dump();
        return proxy;
    } catch (const cv::Exception& e) {
        return Status(ErrorCode::Internal, std::string("proxy generation failed: ") + e.what());
    }
}

} // namespace clipflow
