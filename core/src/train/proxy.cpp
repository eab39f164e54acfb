#include "clipflow/proxy.h"

#include "intake/cvraster.h"

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
constexpr std::array<OpName, 10> kOps{{
    {ProxyOp::HighFreqAttenuation, "hf_attenuation"},
    {ProxyOp::HighFreqBoost, "hf_boost"},
    {ProxyOp::ZeroInsertion, "zero_insertion"},
    {ProxyOp::TransposedConv, "transposed_conv"},
    {ProxyOp::ResamplingChain, "resampling_chain"},
    {ProxyOp::PhasePerturbation, "phase_perturbation"},
    {ProxyOp::LowpassResharpen, "lowpass_resharpen"},
    {ProxyOp::VaeDecoder, "vae_decoder"},
    {ProxyOp::UpsamplingCascade, "upsampling_cascade"},
    {ProxyOp::DiffusionDenoiser, "diffusion_denoiser"},
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

// One 2x stage of a learned decoder: nearest-neighbour up-sampling, then a 3x3
// convolution per output channel over all input channels (as Upsample + Conv2d
// in the decoders of SD's VAE and its successors). The kernels are binomial
// smoothing plus jitter: a learned kernel is never exactly symmetric, so the
// four polyphase components differ and leave energy at multiples of the
// stage's output rate / 2 -- after three stages, at multiples of 1/8 cycle/px.
cv::Mat learned_upsample_stage(const cv::Mat& img, Rng& rng, double jitter, double mixing)
{
    cv::Mat up;
    cv::resize(img, up, cv::Size(img.cols * 2, img.rows * 2), 0, 0, cv::INTER_NEAREST);
    const int ch = img.channels();
    std::vector<cv::Mat> in, out;
    cv::split(up, in);
    constexpr float kBinomial[3] = {0.25f, 0.5f, 0.25f};
    for (int oc = 0; oc < ch; ++oc) {
        cv::Mat acc = cv::Mat::zeros(up.size(), CV_32F);
        for (int ic = 0; ic < ch; ++ic) {
            cv::Mat k(3, 3, CV_32F);
            const double weight = oc == ic ? 1.0 : mixing * rng.normal();
            for (int y = 0; y < 3; ++y)
                for (int x = 0; x < 3; ++x)
                    k.at<float>(y, x) = static_cast<float>(
                        weight * (kBinomial[y] * kBinomial[x] + jitter * rng.normal() * kBinomial[y] * kBinomial[x]));
            if (oc == ic) k /= std::max(1e-3, cv::sum(k)[0]); // keep the DC gain of the own channel
            cv::Mat part;
            cv::filter2D(in[static_cast<std::size_t>(ic)], part, -1, k, cv::Point(-1, -1), 0, cv::BORDER_REFLECT_101);
            acc += part;
        }
        out.push_back(acc);
    }
    if (ch > 1) {
        // Off-diagonal kernels add colour from other channels; remove their mean so
        // mixing moves texture, not the average colour.
        for (int oc = 0; oc < ch; ++oc) {
            const double own = cv::mean(in[static_cast<std::size_t>(oc)])[0];
            out[static_cast<std::size_t>(oc)] += own - cv::mean(out[static_cast<std::size_t>(oc)])[0];
        }
    }
    cv::Mat merged;
    cv::merge(out, merged);
    return merged;
}

// Pads to a multiple of `m` (replicated border) so that a latent grid fits.
cv::Mat pad_to_multiple(const cv::Mat& img, int m)
{
    cv::Mat out;
    cv::copyMakeBorder(img, out, 0, (m - img.rows % m) % m, 0, (m - img.cols % m) % m, cv::BORDER_REPLICATE);
    return out;
}

// What a decoder of `stages` learned 2x stages gets wrong on an image: the
// image reduced by 2^stages and decoded with jittered kernels, minus the same
// with exact binomial kernels. Periodic at the stages' polyphase rates.
cv::Mat decoder_error(const cv::Mat& padded, int stages, Rng& rng, double jitter, double mixing)
{
    const int factor = 1 << stages;
    cv::Mat latent;
    cv::resize(padded, latent, cv::Size(padded.cols / factor, padded.rows / factor), 0, 0, cv::INTER_AREA);
    cv::Mat learned = latent, ideal = latent;
    Rng none(0);
    for (int stage = 0; stage < stages; ++stage) {
        learned = learned_upsample_stage(learned, rng, jitter, mixing);
        ideal = learned_upsample_stage(ideal, none, 0.0, 0.0);
    }
    return learned - ideal;
}

// The finest detail (above about 1/8 cycle/pixel), which decoders re-synthesise.
cv::Mat detail_band(const cv::Mat& img)
{
    cv::Mat blur;
    cv::GaussianBlur(img, blur, cv::Size(0, 0), 1.5);
    return img - blur;
}

// An 8x8 (or any) gain pattern repeated over an image's size and channels.
cv::Mat tile_gain(const cv::Mat& gain, const cv::Mat& like)
{
    cv::Mat tiled;
    cv::repeat(gain, like.rows / gain.rows, like.cols / gain.cols, tiled);
    std::vector<cv::Mat> gains(static_cast<std::size_t>(like.channels()), tiled);
    cv::Mat out;
    cv::merge(gains, out);
    return out;
}

// White Gaussian noise of standard deviation sigma, shaped like `like` (float).
cv::Mat gaussian_noise(const cv::Mat& like, double sigma, Rng& rng)
{
    cv::Mat noise(like.size(), like.type());
    float* nd = noise.ptr<float>(0);
    for (std::size_t i = 0, n = noise.total() * static_cast<std::size_t>(noise.channels()); i < n; ++i)
        nd[i] = static_cast<float>(sigma * rng.normal());
    return noise;
}

// Sliding-window 8x8 DCT hard thresholding (every offset, averaged) in
// an orthonormal opponent colour space (as colour BM3D): a sparsity-prior
// denoiser that keeps what stands above the threshold and flattens the rest,
// as a learned denoiser does with texture below its noise. The orthonormal
// transforms keep white noise white with the same sigma in every channel.
cv::Mat dct_denoise(const cv::Mat& img, float threshold)
{
    constexpr int kBlock = 8, kStride = 1;
    const float a = 1.f / std::sqrt(3.f), b = 1.f / std::sqrt(2.f), c6 = 1.f / std::sqrt(6.f);
    const cv::Matx33f opponent(a, a, a, b, 0.f, -b, c6, -2.f * c6, c6);
    cv::Mat work;
    if (img.channels() == 3)
        cv::transform(img, work, opponent);
    else
        work = img;
    // The orthonormal 8-point DCT-II as a matrix: a block's coefficients are
    // C B C^T, the block C^T K C (plain loops: cv::dct's per-call cost on 8x8
    // blocks was most of the time).
    float dct[kBlock][kBlock];
    for (int k = 0; k < kBlock; ++k)
        for (int n = 0; n < kBlock; ++n)
            dct[k][n] = static_cast<float>((k == 0 ? std::sqrt(1.0 / kBlock) : std::sqrt(2.0 / kBlock)) *
                                           std::cos(M_PI * (2 * n + 1) * k / (2.0 * kBlock)));
    // Forward: out = C in C^T; inverse: out = C^T in C.
    auto dct2 = [&dct](const float(&in)[kBlock][kBlock], float(&out)[kBlock][kBlock], bool inverse) {
        auto c = [&](int i, int k) { return inverse ? dct[k][i] : dct[i][k]; };
        float tmp[kBlock][kBlock];
        for (int i = 0; i < kBlock; ++i)
            for (int j = 0; j < kBlock; ++j) {
                float sum = 0.f;
                for (int k = 0; k < kBlock; ++k) sum += c(i, k) * in[k][j];
                tmp[i][j] = sum;
            }
        for (int i = 0; i < kBlock; ++i)
            for (int j = 0; j < kBlock; ++j) {
                float sum = 0.f;
                for (int k = 0; k < kBlock; ++k) sum += tmp[i][k] * c(j, k);
                out[i][j] = sum;
            }
    };
    std::vector<cv::Mat> chans;
    cv::split(work, chans);
    for (auto& c : chans) {
        cv::Mat padded;
        cv::copyMakeBorder(c, padded, kBlock - 1, kBlock - 1, kBlock - 1, kBlock - 1, cv::BORDER_REFLECT_101);
        cv::Mat acc = cv::Mat::zeros(padded.size(), CV_32F), weight = cv::Mat::zeros(padded.size(), CV_32F);
        float block[kBlock][kBlock], coef[kBlock][kBlock];
        for (int y = 0; y + kBlock <= padded.rows; y += kStride)
            for (int x = 0; x + kBlock <= padded.cols; x += kStride) {
                for (int v = 0; v < kBlock; ++v)
                    for (int u = 0; u < kBlock; ++u) block[v][u] = padded.at<float>(y + v, x + u);
                dct2(block, coef, false);
                int kept = 0;
                for (int v = 0; v < kBlock; ++v)
                    for (int u = 0; u < kBlock; ++u) {
                        if ((u | v) == 0) continue; // the block's mean stays
                        if (std::abs(coef[v][u]) < threshold)
                            coef[v][u] = 0.f;
                        else
                            ++kept;
                    }
                dct2(coef, block, true);
                // Sparse blocks are better estimates (weights as in BM3D's aggregation).
                const float w = 1.f / static_cast<float>(1 + kept);
                for (int v = 0; v < kBlock; ++v) {
                    float* a = acc.ptr<float>(y + v) + x;
                    float* wt = weight.ptr<float>(y + v) + x;
                    for (int u = 0; u < kBlock; ++u) {
                        a[u] += w * block[v][u];
                        wt[u] += w;
                    }
                }
            }
        const cv::Mat mean = acc / cv::max(weight, 1e-6f);
        c = mean(cv::Rect(kBlock - 1, kBlock - 1, c.cols, c.rows)).clone();
    }
    cv::merge(chans, work);
    if (img.channels() != 3) return work;
    cv::Mat out;
    cv::transform(work, out, opponent.t()); // orthonormal: the inverse is the transpose
    return out;
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
    case ProxyOp::VaeDecoder: {
        // A latent 8x smaller than the image, decoded by three learned 2x stages.
        // A trained decoder reproduces the picture's low and middle bands well;
        // what it leaves is (a) the error of its imperfect, asymmetric kernels --
        // the decoded latent minus what symmetric kernels would give -- and (b) fine
        // detail re-synthesised as a function of the pixel's place in the 8x8 latent
        // cell: here the photo's own detail band, weakened and modulated by an
        // 8x8-periodic gain. Only how a decoder works is imitated: no generator's
        // output is looked at.
        const double jitter = rng.uniform(0.1, 0.5);
        const double mixing = rng.uniform(0.0, 0.08);
        const double detail = rng.uniform(0.5, 1.0);
        const double periodic = rng.uniform(0.05, 0.3);
        d["jitter"] = jitter;
        d["channel_mixing"] = mixing;
        d["detail_gain"] = detail;
        d["periodic_gain"] = periodic;
        const cv::Mat padded = pad_to_multiple(img, 8);
        cv::Mat gain(8, 8, CV_32F);
        for (int y = 0; y < 8; ++y)
            for (int x = 0; x < 8; ++x)
                gain.at<float>(y, x) = static_cast<float>(detail * (1.0 + periodic * rng.uniform(-1.0, 1.0)) - 1.0);
        cv::Mat out = padded + decoder_error(padded, 3, rng, jitter, mixing) + detail_band(padded).mul(tile_gain(gain, padded));
        return out(cv::Rect(0, 0, img.cols, img.rows)).clone();
    }
    case ProxyOp::UpsamplingCascade: {
        // Pixel-space cascades (a base image up-sampled 2x or 4x, once or several
        // times, by learned super-resolution) and GAN generators' 2x stages: each
        // stage leaves its own polyphase trace; the last one loses fine detail,
        // sharpens what is left and adds synthetic grain in its place.
        const int stages = 1 + rng.below(3);
        const double jitter = rng.uniform(0.1, 0.6);
        const double mixing = rng.uniform(0.0, 0.05);
        const double detail = rng.uniform(0.0, 0.6);
        const double amount = rng.uniform(0.2, 1.0);
        const double grain = rng.uniform(0.002, 0.012);
        d["stages"] = stages;
        d["jitter"] = jitter;
        d["channel_mixing"] = mixing;
        d["detail_gain"] = detail;
        d["sharpen_amount"] = amount;
        d["grain_sigma"] = grain;
        const cv::Mat padded = pad_to_multiple(img, 1 << stages);
        cv::Mat out = padded + decoder_error(padded, stages, rng, jitter, mixing) + detail_band(padded) * (detail - 1.0);
        cv::Mat blur;
        cv::GaussianBlur(out, blur, cv::Size(0, 0), 1.0);
        cv::addWeighted(out, 1.0 + amount, blur, -amount, 0.0, out);
        cv::Mat noise = gaussian_noise(padded, grain, rng);
        cv::GaussianBlur(noise, noise, cv::Size(0, 0), 0.7); // grain a few pixels wide, not white
        out += noise;
        return out(cv::Rect(0, 0, img.cols, img.rows)).clone();
    }
    case ProxyOp::DiffusionDenoiser: {
        // Pixel-space diffusion (ADM and its guided samplers, cascaded base
        // models): the image is the denoiser's estimate from a slightly noisy
        // one. Texture below the last noise level goes with the camera's own
        // noise, what stands above it survives, and the sampler may leave a
        // little of its noise. Emulated with Gaussian noise in RGB removed by a
        // sparsity prior (sliding 8x8 DCT, hard threshold at t * sigma).
        const double sigma = rng.uniform(0.01, 0.05);
        const double t = rng.uniform(2.0, 3.0);
        const double residual = rng.uniform(0.0, 0.3);
        d["noise_sigma"] = sigma;
        d["threshold"] = t;
        d["residual_noise"] = residual;
        const cv::Mat denoised = dct_denoise(img + gaussian_noise(img, sigma, rng), static_cast<float>(t * sigma));
        return denoised + gaussian_noise(img, residual * sigma, rng);
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

const std::vector<ProxyOp>& default_proxy_ops()
{
    static const std::vector<ProxyOp> ops = [] {
        std::vector<ProxyOp> v = all_proxy_ops();
        std::erase(v, ProxyOp::DiffusionDenoiser);
        return v;
    }();
    return ops;
}

bool weakened_decoders(const ProxyParams& p)
{
    return p.decoder_strength_min < 1.f || p.decoder_strength_max < 1.f;
}

std::string proxy_params_json(const ProxyParams& p)
{
    json ops = json::array();
    for (ProxyOp op : p.ops) ops.push_back(proxy_op_name(op));
    json j{{"ops", ops},
           {"cutoff", {p.cutoff_min, p.cutoff_max}},
           {"attenuation", {p.attenuation_min, p.attenuation_max}},
           {"boost", {p.boost_min, p.boost_max}},
           {"phase_sigma", {p.phase_sigma_min, p.phase_sigma_max}},
           {"sharpen", {p.sharpen_min, p.sharpen_max}}};
    // Only when set: models and feature caches of the whole-strength family keep their keys.
    if (weakened_decoders(p)) j["decoder_strength"] = {p.decoder_strength_min, p.decoder_strength_max};
    return j.dump();
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
    if (!(params.decoder_strength_min > 0.f && params.decoder_strength_min <= params.decoder_strength_max &&
          params.decoder_strength_max <= 1.f))
        return Status(ErrorCode::InvalidArgument, "the decoder proxies' strength must satisfy 0 < min <= max <= 1");
    try {
        Rng rng(seed);
        json d{{"op", proxy_op_name(op)}, {"seed", seed}};
        const cv::Mat photo = detail::to_mat(natural);
        cv::Mat out = apply(photo, op, rng, params, d);
        if ((op == ProxyOp::VaeDecoder || op == ProxyOp::UpsamplingCascade) && weakened_decoders(params)) {
            // Drawn after the operation's own parameters, so those stay what the seed gives.
            const double s = std::exp(
                rng.uniform(std::log(double(params.decoder_strength_min)), std::log(double(params.decoder_strength_max))));
            d["strength"] = s;
            cv::addWeighted(out, s, photo, 1.0 - s, 0.0, out);
        }
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
