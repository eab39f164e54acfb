#include "forensicnet.h"

#include <ATen/Parallel.h>
#include <nlohmann/json.hpp>

#include <cstdlib>

namespace clipflow::detail {

namespace F = torch::nn::functional;

ForensicNetImpl::ForensicNetImpl()
{
    for (int i = 0; i < kLayers; ++i) {
        convs.push_back(register_module(
            "conv" + std::to_string(i),
            torch::nn::Conv2d(torch::nn::Conv2dOptions(kChannels[i], kChannels[i + 1], 3).stride(kStrides[i]).padding(1))));
        norms.push_back(register_module("norm" + std::to_string(i), torch::nn::BatchNorm2d(kChannels[i + 1])));
    }
    head = register_module("head", torch::nn::Linear(kFeatures, 1));
    // For benchmarks and diagnosis: everything through LibTorch.
    own_kernels = std::getenv("CLIPFLOW_TORCH_ONLY") == nullptr;
    // Channels-last runs the convolutions through oneDNN: 2-3x faster on CPU
    // than LibTorch's NCHW path for these few-channel, full-resolution layers.
    torch::NoGradGuard guard;
    for (auto& c : convs) c->weight.set_data(c->weight.contiguous(torch::MemoryFormat::ChannelsLast));
}

torch::Tensor ForensicNetImpl::halved_chroma(const torch::Tensor& images)
{
    // RGB is luma plus a linear function of the chroma, so averaging the chroma
    // over blocks is H(x) + (Y - H(Y)): the block mean of each channel with the
    // luma's detail put back (a grey image comes back unchanged).
    const auto h = images.size(2), w = images.size(3);
    auto block_mean = [&](const torch::Tensor& t) {
        auto m = F::avg_pool2d(t, F::AvgPool2dFuncOptions(2).stride(2).ceil_mode(true)); // edge blocks: their own pixels
        return m.repeat_interleave(2, 2).repeat_interleave(2, 3).slice(2, 0, h).slice(3, 0, w);
    };
    const auto y = (images.select(1, 0) * 0.299 + images.select(1, 1) * 0.587 + images.select(1, 2) * 0.114).unsqueeze(1);
    return block_mean(images) + (y - block_mean(y));
}

torch::Tensor ForensicNetImpl::trunk(const torch::Tensor& input)
{
    const torch::Tensor images = halve_chroma ? halved_chroma(input) : input;
    const bool fused = !is_training() && !fused_weight_.empty();
    // Inference on the CPU: our residual pass and, where built, the Winograd layer.
    const bool own = fused && own_kernels && images.device().is_cpu() && images.scalar_type() == torch::kFloat32 &&
                     images.size(2) >= 2 && images.size(3) >= 2;
    // Residual of a 3x3 box filter: scene content out, pixel-level traces in.
    auto x = own ? residual_cpu(images)
                 : ((images - F::avg_pool2d(F::pad(images, F::PadFuncOptions({1, 1, 1, 1}).mode(torch::kReflect)),
                                            F::AvgPool2dFuncOptions(3).stride(1))) *
                    kResidualGain)
                       .contiguous(torch::MemoryFormat::ChannelsLast);
    if (!fused) {
        for (int i = 0; i < kLayers; ++i) x = torch::relu(norms[i](convs[i](x)));
        return x;
    }
    for (int i = 0; i < kLayers; ++i) {
        auto y = own ? own_layer(i, x) : torch::Tensor();
        x = y.defined()
                ? std::move(y)
                : F::conv2d(x, fused_weight_[i], F::Conv2dFuncOptions().bias(fused_bias_[i]).stride(kStrides[i]).padding(1))
                      .relu_();
    }
    return x;
}

torch::Tensor ForensicNetImpl::residual_cpu(const torch::Tensor& images)
{
    // The same residual as trunk()'s LibTorch expression (reflect padding, 3x3
    // mean), in one pass instead of five over the views (pad, pool, subtract,
    // scale, re-layout).
    const auto x = images.contiguous(torch::MemoryFormat::ChannelsLast); // no copy for the backbone's batches
    const std::int64_t n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
    auto out = torch::empty_like(x, torch::MemoryFormat::ChannelsLast);
    const float* in = x.data_ptr<float>();
    float* o = out.data_ptr<float>();
    const float gain = static_cast<float>(kResidualGain);
    at::parallel_for(0, n * h, 16, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t k = begin; k < end; ++k) {
            const std::int64_t img = k / h, y = k % h;
            const std::int64_t ym = y == 0 ? 1 : y - 1, yp = y == h - 1 ? h - 2 : y + 1; // reflect
            const float* rows[3] = {in + (img * h + ym) * w * c, in + (img * h + y) * w * c, in + (img * h + yp) * w * c};
            float* dst = o + (img * h + y) * w * c;
            for (std::int64_t xx = 0; xx < w; ++xx) {
                const std::int64_t xm = xx == 0 ? 1 : xx - 1, xp = xx == w - 1 ? w - 2 : xx + 1;
                for (std::int64_t ch = 0; ch < c; ++ch) {
                    float s = 0.0f;
                    for (const float* r : rows) s += r[xm * c + ch] + r[xx * c + ch] + r[xp * c + ch];
                    dst[xx * c + ch] = (rows[1][xx * c + ch] - s / 9.0f) * gain;
                }
            }
        }
    });
    return out;
}

torch::Tensor ForensicNetImpl::own_layer(int i, const torch::Tensor& input) const
{
    const auto* direct = direct_.empty() ? nullptr : direct_[static_cast<std::size_t>(i)].get();
    const bool winograd = i == kWinogradLayer && winograd_;
    if (!winograd && !direct) return {};
    const auto x = input.contiguous(torch::MemoryFormat::ChannelsLast); // [N][H][W][C] in memory
    const int n = static_cast<int>(x.size(0)), h = static_cast<int>(x.size(2)), w = static_cast<int>(x.size(3));
    const int ho = winograd ? h : direct->output_size(h), wo = winograd ? w : direct->output_size(w);
    auto out = torch::empty({n, kChannels[i + 1], ho, wo}, x.options().memory_format(torch::MemoryFormat::ChannelsLast));
    const float* in = x.data_ptr<float>();
    float* o = out.data_ptr<float>();
    // Winograd works in tile rows (two output rows each), the direct kernel in output rows.
    const std::int64_t rows = winograd ? (h + 1) / 2 : ho, in_step = std::int64_t(h) * w * kChannels[i],
                       out_step = std::int64_t(ho) * wo * kChannels[i + 1];
    // Rows of all images, split between LibTorch's threads as its own convolutions are.
    at::parallel_for(0, n * rows, 8, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t k = begin; k < end;) {
            const std::int64_t img = k / rows, first = k % rows, last = std::min(rows, first + (end - k));
            if (winograd)
                winograd_->run(in + img * in_step, o + img * out_step, h, w, static_cast<int>(first), static_cast<int>(last));
            else
                direct->run(in + img * in_step, o + img * out_step, h, w, static_cast<int>(first), static_cast<int>(last));
            k += last - first;
        }
    });
    return out;
}

void ForensicNetImpl::fuse_for_inference()
{
    // y = gamma * (conv(x) + b - mean) / sqrt(var + eps) + beta: one convolution
    // instead of a convolution and a pass over the activations.
    torch::NoGradGuard guard;
    fused_weight_.clear();
    fused_bias_.clear();
    for (int i = 0; i < kLayers; ++i) {
        const auto& bn = norms[i];
        auto scale = bn->weight / torch::sqrt(bn->running_var + bn->options.eps());
        fused_weight_.push_back((convs[i]->weight * scale.view({-1, 1, 1, 1})).contiguous(torch::MemoryFormat::ChannelsLast));
        fused_bias_.push_back((convs[i]->bias - bn->running_mean) * scale + bn->bias);
    }
    winograd_.reset();
    direct_.clear();
    direct_.resize(kLayers);
    for (int i = 0; i < kLayers; ++i) {
        const int cin = kChannels[i], cout = kChannels[i + 1];
        const auto wt = fused_weight_[i].to(torch::kCPU).contiguous(); // [cout][cin][3][3]
        const auto b = fused_bias_[i].to(torch::kCPU).contiguous();
        if (i == kWinogradLayer && kStrides[i] == 1 && WinogradConv3x3::supported(cin, cout))
            winograd_ = std::make_unique<WinogradConv3x3>(wt.data_ptr<float>(), b.data_ptr<float>(), cin, cout);
        // The first layer's three input channels are too few for the kernel's
        // inner loop (2.1 ms against oneDNN's 0.85 for a 256 x 256 view).
        else if (cin >= kMinDirectChannels && DirectConv3x3::supported(cin, cout))
            direct_[static_cast<std::size_t>(i)] =
                std::make_unique<DirectConv3x3>(wt.data_ptr<float>(), b.data_ptr<float>(), cin, cout, kStrides[i]);
    }
}

torch::Tensor ForensicNetImpl::features(const torch::Tensor& images)
{
    auto x = trunk(images);
    return torch::cat({x.mean({2, 3}), x.std({2, 3})}, 1);
}

torch::Tensor ForensicNetImpl::forward(const torch::Tensor& images)
{
    return head(features(images)).squeeze(1);
}

torch::Tensor ForensicNetImpl::logit_map(const torch::Tensor& images)
{
    // The head's weights on the per-channel means, applied location by location
    // (the spread term has no per-location meaning).
    auto x = trunk(images);
    auto w = head->weight.index({0, torch::indexing::Slice(0, kChannels[kLayers])});
    return torch::einsum("nchw,c->nhw", {x, w}) + head->bias[0];
}

std::optional<bool> recipe_halves_chroma(const std::string& recipe_json)
{
    const auto recipe = nlohmann::json::parse(recipe_json, nullptr, false);
    const auto chroma = recipe.is_object() ? recipe.find("chroma") : recipe.end();
    if (chroma == recipe.end()) return false;
    if (chroma->is_string() && *chroma == "halved") return true;
    return std::nullopt;
}

} // namespace clipflow::detail
