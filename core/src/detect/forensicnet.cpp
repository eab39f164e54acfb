#include "forensicnet.h"

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
    // Channels-last runs the convolutions through oneDNN: 2-3x faster on CPU
    // than LibTorch's NCHW path for these few-channel, full-resolution layers.
    torch::NoGradGuard guard;
    for (auto& c : convs) c->weight.set_data(c->weight.contiguous(torch::MemoryFormat::ChannelsLast));
}

torch::Tensor ForensicNetImpl::trunk(const torch::Tensor& images)
{
    // Residual of a 3x3 box filter: scene content out, pixel-level traces in.
    auto padded = F::pad(images, F::PadFuncOptions({1, 1, 1, 1}).mode(torch::kReflect));
    auto x = ((images - F::avg_pool2d(padded, F::AvgPool2dFuncOptions(3).stride(1))) * kResidualGain)
                 .contiguous(torch::MemoryFormat::ChannelsLast);
    if (!is_training() && !fused_weight_.empty()) {
        for (int i = 0; i < kLayers; ++i)
            x = F::conv2d(x, fused_weight_[i], F::Conv2dFuncOptions().bias(fused_bias_[i]).stride(kStrides[i]).padding(1))
                    .relu_();
        return x;
    }
    for (int i = 0; i < kLayers; ++i) x = torch::relu(norms[i](convs[i](x)));
    return x;
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

} // namespace clipflow::detail
