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
