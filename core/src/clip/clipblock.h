#pragma once
// One CLIP ViT residual block and the tower's tail (internal; includes torch).
// Shared by the encoder and by supervised fine-tuning, which trains copies of
// the last blocks: both must compute exactly the same function.

#include <torch/torch.h>

#include <string>
#include <vector>

namespace clipflow {
class ClipEncoder;
}

namespace clipflow::detail {

struct ClipBlock {
    // in_w / in_b hold the query rows pre-scaled by 1/sqrt(head dim).
    torch::Tensor ln1_w, ln1_b, in_w, in_b, out_w, out_b, ln2_w, ln2_b, fc_w, fc_b, proj_w, proj_b;
    std::vector<std::pair<std::string, torch::Tensor*>> named()
    {
        return {{"ln1_w", &ln1_w}, {"ln1_b", &ln1_b}, {"in_w", &in_w}, {"in_b", &in_b}, {"out_w", &out_w},   {"out_b", &out_b},
                {"ln2_w", &ln2_w}, {"ln2_b", &ln2_b}, {"fc_w", &fc_w}, {"fc_b", &fc_b}, {"proj_w", &proj_w}, {"proj_b", &proj_b}};
    }
};

inline torch::Tensor clip_block_forward(const ClipBlock& b, const torch::Tensor& x, int64_t heads, bool gelu)
{
    const int64_t B = x.size(0), n = x.size(1), W = x.size(2), D = W / heads;
    torch::Tensor h = torch::layer_norm(x, {W}, b.ln1_w, b.ln1_b, 1e-5);
    torch::Tensor qkv = torch::linear(h, b.in_w, b.in_b).view({B, n, 3, heads, D}).permute({2, 0, 3, 1, 4}); // [3, B, H, n, D]
    torch::Tensor a = torch::softmax(torch::matmul(qkv[0], qkv[1].transpose(-2, -1)), -1);
    a = torch::matmul(a, qkv[2]).transpose(1, 2).reshape({B, n, W});
    torch::Tensor y = x + torch::linear(a, b.out_w, b.out_b);
    h = torch::linear(torch::layer_norm(y, {W}, b.ln2_w, b.ln2_b, 1e-5), b.fc_w, b.fc_b);
    h = gelu ? torch::gelu(h) : h * torch::sigmoid(h * 1.702); // QuickGELU, as OpenAI trained CLIP
    return y + torch::linear(h, b.proj_w, b.proj_b);
}

// The last n blocks, ln_post and the projection, as fp32 CPU copies.
struct ClipTail {
    std::vector<ClipBlock> blocks;
    torch::Tensor ln_post_w, ln_post_b, proj; // proj: [width, output_dim]
    int64_t heads = 0;
    bool gelu = false;
};
ClipTail clip_tail(const ClipEncoder& encoder, int n);

} // namespace clipflow::detail
