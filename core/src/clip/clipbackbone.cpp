#include "clipflow/clipbackbone.h"

#include "clipflow/sha256.h"

#include <nlohmann/json.hpp>

namespace clipflow {

Result<std::unique_ptr<ClipBackbone>> ClipBackbone::load(const std::string& checkpoint, const std::string& layer,
                                                         const ClipLoadParams& params)
{
    int block = 0;
    int tokens_k = 0;
    bool tokens = false;
    if (layer.rfind("tokens:", 0) == 0) {
        // Every token after K blocks (K < 0: counted from the end): the input of
        // a fine-tuned tail. Stored as block = -(K + 1) once K is resolved.
        try {
            tokens_k = std::stoi(layer.substr(7));
            tokens = true;
        } catch (const std::exception&) {
            return Status(ErrorCode::InvalidArgument, "CLIP layer tokens:K needs a whole number K");
        }
    } else if (layer.rfind("block:", 0) == 0) {
        try {
            block = std::stoi(layer.substr(6));
        } catch (const std::exception&) {
            block = 0;
        }
        if (block < 1) return Status(ErrorCode::InvalidArgument, "CLIP layer block:N needs N >= 1");
    } else if (layer != "proj" && layer != "cls") {
        return Status(ErrorCode::InvalidArgument, "CLIP layer must be proj, cls or block:N (got '" + layer + "')");
    }
    auto sha = Sha256::file_hex(checkpoint);
    if (!sha) return sha.status();
    auto enc = ClipEncoder::load(checkpoint, params);
    if (!enc) return enc.status();
    const int layers = enc->config().layers;
    std::string name = layer;
    if (tokens) {
        if (tokens_k < 0) tokens_k += layers;
        if (tokens_k < 0 || tokens_k > layers)
            return Status(ErrorCode::InvalidArgument,
                          "the CLIP model has " + std::to_string(layers) + " blocks; asked for " + layer);
        block = -(tokens_k + 1);
        name = "tokens:" + std::to_string(tokens_k);
    }
    if (block > layers)
        return Status(ErrorCode::InvalidArgument, "the CLIP model has " + std::to_string(layers) + " blocks; asked for " + layer);
    return std::unique_ptr<ClipBackbone>(new ClipBackbone(std::move(*enc), name, block, *sha));
}

std::string ClipBackbone::id() const
{
    return "clip:" + encoder_.config().name() + ":" + layer_ + "@" + sha256_.substr(0, 12);
}

int ClipBackbone::dim() const
{
    const auto& c = encoder_.config();
    if (block_ < 0) return ((c.image_size / c.patch_size) * (c.image_size / c.patch_size) + 1) * c.width;
    return layer_ == "proj" ? c.output_dim : c.width;
}

std::string ClipBackbone::params_json() const
{
    const auto& c = encoder_.config();
    return nlohmann::json{
        {"model", c.name()},          {"layer", layer_},           {"width", c.width},       {"layers", c.layers},
        {"output_dim", c.output_dim}, {"weights_sha256", sha256_}, {"bf16", encoder_.bf16()}}
        .dump();
}

Result<std::vector<std::vector<float>>> ClipBackbone::features(const std::vector<Raster>& views) const
{
    ClipEncodeParams ep;
    ep.all_layers = block_ > 0;
    ep.tokens_after_block = block_ < 0 ? -block_ - 1 : -1;
    auto feats = encoder_.encode(views, ep);
    if (!feats) return feats.status();
    std::vector<std::vector<float>> out;
    out.reserve(feats->size());
    for (auto& f : *feats) {
        if (block_ < 0)
            out.push_back(std::move(f.tokens));
        else if (block_ > 0)
            out.push_back(std::move(f.block_tokens.at(static_cast<std::size_t>(block_ - 1))));
        else
            out.push_back(layer_ == "proj" ? std::move(f.projected) : std::move(f.class_token));
    }
    return out;
}

} // namespace clipflow
