#pragma once
// The forensic-v2 network (internal; torch stays out of public headers): a
// small fully convolutional net over the image's high-pass residual. The first
// two layers run at full resolution so that up-sampling and decoder traces (a
// few pixels apart) are seen before any striding; three stride-2 layers follow.
// Features are the mean and standard deviation of the last layer over the view,
// so any view size works and nothing is ever resized. The linear head (logit:
// "looks like a proxy of a generator's decoder") trains the features and gives
// a per-location map.

#include "directconv.h"
#include "winogradconv.h"

#include <torch/torch.h>

#include <array>
#include <memory>
#include <optional>
#include <string>

namespace clipflow::detail {

struct ForensicNetImpl : torch::nn::Module {
    static constexpr int kLayers = 5;
    static constexpr std::array<int, kLayers + 1> kChannels{3, 16, 32, 64, 64, 128};
    static constexpr std::array<int, kLayers> kStrides{1, 1, 2, 2, 2};
    static constexpr int kFeatures = 2 * kChannels[kLayers]; // mean and std per channel
    static constexpr double kResidualGain = 20.0;            // residuals are ~0.01-0.05 of full scale

    ForensicNetImpl();

    /// The last layer's activations [N, 128, H/8, W/8] of images [N, 3, H, W] in [0, 1].
    torch::Tensor trunk(const torch::Tensor& images);
    /// [N, kFeatures]: per-channel mean and standard deviation over the view.
    torch::Tensor features(const torch::Tensor& images);
    /// [N]: the head's logit.
    torch::Tensor forward(const torch::Tensor& images);
    /// [N, H/8, W/8]: the head applied at every location of the last layer (a heat map).
    torch::Tensor logit_map(const torch::Tensor& images);

    /// Folds each batch norm's running statistics into its convolution for
    /// inference (exact up to rounding); trunk() uses them while in eval mode.
    /// Call again after changing the weights.
    void fuse_for_inference();
    /// In inference on the CPU, the residual is computed in one pass, the
    /// second layer (the largest stride-1 one) by Winograd's F(2x2, 3x3) and
    /// the stride-2 layers by our direct kernel, where the CPU has AVX2
    /// (winogradconv.h, directconv.h); false: everything through LibTorch
    /// (for comparison in tests and benchmarks; CLIPFLOW_TORCH_ONLY=1 sets it).
    bool own_kernels = true;
    /// Read luminance at full resolution and colour at half (each 2 x 2 block's
    /// chroma averaged, as JPEG's 4:2:0 without quantisation) before the
    /// residual, in training and inference alike: what such a network learns
    /// survives the chroma subsampling nearly every delivered JPEG has.
    bool halve_chroma = false;
    /// images with their chroma averaged over 2 x 2 blocks, luminance (BT.601) unchanged.
    static torch::Tensor halved_chroma(const torch::Tensor& images);

    std::vector<torch::nn::Conv2d> convs;
    std::vector<torch::nn::BatchNorm2d> norms;
    torch::nn::Linear head{nullptr};

private:
    static constexpr int kWinogradLayer = 1;
    static constexpr int kMinDirectChannels = 16;
    /// Layer i through our kernel (Winograd or direct), channels last; null
    /// tensor where neither takes it.
    torch::Tensor own_layer(int i, const torch::Tensor& x) const;
    static torch::Tensor residual_cpu(const torch::Tensor& images);

    std::vector<torch::Tensor> fused_weight_, fused_bias_;
    std::unique_ptr<WinogradConv3x3> winograd_;          ///< layer 1, fused; null where not supported
    std::vector<std::unique_ptr<DirectConv3x3>> direct_; ///< per layer, fused; null where not used
};
TORCH_MODULE(ForensicNet);

/// How a weights file's recipe (its "clipflow.backbone" metadata, JSON text) says the
/// network reads its input, for ForensicNetImpl::halve_chroma: true for "chroma": "halved",
/// false where no reading is named (or there is no recipe to read), nullopt for a reading
/// this version does not know. Loading and continuing weights (--init) both ask here.
std::optional<bool> recipe_halves_chroma(const std::string& recipe_json);

} // namespace clipflow::detail
