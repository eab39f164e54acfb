#pragma once
// The supervised detector's head (internal; includes torch): standardised
// backbone features -> [Linear(dim, hidden) -> ReLU -> Dropout] -> Linear -> logits.
// embed() is the representation the last layer reads (the standardised
// features themselves for a linear probe): centroids, open-set distances and
// few-shot imprinting all live there.

#include <torch/torch.h>

namespace clipflow::detail {

struct ClassifierHeadImpl : torch::nn::Module {
    ClassifierHeadImpl(int64_t dim, int64_t classes, int64_t hidden, double dropout) : dim(dim), classes(classes), hidden(hidden)
    {
        if (hidden > 0) {
            inner = register_module("inner", torch::nn::Linear(dim, hidden));
            drop = register_module("drop", torch::nn::Dropout(dropout));
        }
        out = register_module("out", torch::nn::Linear(hidden > 0 ? hidden : dim, classes));
    }
    torch::Tensor embed(const torch::Tensor& x) { return hidden > 0 ? drop(torch::relu(inner(x))) : x; }
    torch::Tensor forward(const torch::Tensor& x) { return out(embed(x)); }
    int64_t embed_dim() const { return hidden > 0 ? hidden : dim; }

    int64_t dim, classes, hidden;
    torch::nn::Linear inner{nullptr}, out{nullptr};
    torch::nn::Dropout drop{nullptr};
};
TORCH_MODULE(ClassifierHead);

} // namespace clipflow::detail

#include "clip/clipblock.h"

namespace clipflow::detail {

// Trainable copies of a CLIP tower's last blocks, ln_post and (optionally) the
// projection: flattened tokens after the frozen blocks -> the CLIP feature.
struct FineTuneTailImpl : torch::nn::Module {
    FineTuneTailImpl(const ClipTail& tail, bool projected, int64_t width) : heads(tail.heads), gelu(tail.gelu), width(width)
    {
        for (std::size_t i = 0; i < tail.blocks.size(); ++i) {
            ClipBlock b = tail.blocks[i];
            for (auto& [name, t] : b.named()) *t = register_parameter("b" + std::to_string(i) + "_" + name, t->clone());
            blocks.push_back(b);
        }
        ln_post_w = register_parameter("ln_post_w", tail.ln_post_w.clone());
        ln_post_b = register_parameter("ln_post_b", tail.ln_post_b.clone());
        if (projected) proj = register_parameter("proj", tail.proj.clone());
    }
    torch::Tensor forward(const torch::Tensor& flat)
    {
        torch::Tensor x = flat.view({flat.size(0), -1, width});
        for (const auto& b : blocks) x = clip_block_forward(b, x, heads, gelu);
        torch::Tensor cls = torch::layer_norm(x.select(1, 0), {width}, ln_post_w, ln_post_b, 1e-5);
        return proj.defined() ? torch::matmul(cls, proj) : cls;
    }
    int64_t out_dim() const { return proj.defined() ? proj.size(1) : width; }

    std::vector<ClipBlock> blocks; // views of the registered parameters
    torch::Tensor ln_post_w, ln_post_b, proj;
    int64_t heads;
    bool gelu;
    int64_t width;
};
TORCH_MODULE(FineTuneTail);

} // namespace clipflow::detail
