#include "clipflow/learnedbackbone.h"

#include "clipflow/safetensors.h"
#include "clipflow/sha256.h"
#include "forensicnet.h"
#include "io/torchstate.h"

#include <nlohmann/json.hpp>

#include <map>

namespace clipflow {

namespace {

// [N, 3, H, W] float tensor of equally sized views; grey views are repeated to RGB.
torch::Tensor to_batch(const std::vector<const Raster*>& views)
{
    const int w = views.front()->width, h = views.front()->height;
    // Channels-last, the network's layout: each view's HWC pixels are copied as they are.
    auto batch = torch::empty({static_cast<long>(views.size()), h, w, 3});
    for (std::size_t i = 0; i < views.size(); ++i) {
        const Raster& v = *views[i];
        auto t = torch::from_blob(const_cast<float*>(v.data.data()), {h, w, v.channels}, torch::kFloat32);
        if (v.channels == 1) t = t.expand({h, w, 3});
        batch[static_cast<long>(i)].copy_(t);
    }
    return batch.permute({0, 3, 1, 2});
}

Status check_view(const Raster& v)
{
    if (v.width < 16 || v.height < 16) return Status(ErrorCode::InvalidArgument, "forensic-v2 needs at least 16x16 pixels");
    if ((v.channels != 1 && v.channels != 3) || v.data.size() != v.pixel_count() * static_cast<std::size_t>(v.channels))
        return Status(ErrorCode::InvalidArgument, "forensic-v2 needs a grey or RGB image");
    return {};
}

} // namespace

struct LearnedBackbone::Impl {
    detail::ForensicNet net;
    ForensicBackbone views;
    LearnedBackboneInfo info;

    // Runs `fn` over the views grouped by size (one batch per size), in input order.
    template <typename Fn> Status batched(const std::vector<Raster>& input, Fn&& fn) const
    {
        std::map<std::pair<int, int>, std::vector<std::size_t>> groups;
        for (std::size_t i = 0; i < input.size(); ++i) {
            if (Status s = check_view(input[i]); !s.ok()) return s;
            groups[{input[i].width, input[i].height}].push_back(i);
        }
        torch::InferenceMode guard;
        for (const auto& [size, idx] : groups) {
            std::vector<const Raster*> views;
            for (std::size_t i : idx) views.push_back(&input[i]);
            fn(idx, to_batch(views));
        }
        return {};
    }
};

LearnedBackbone::LearnedBackbone() : impl_(std::make_unique<Impl>()) {}
LearnedBackbone::~LearnedBackbone() = default;

Result<std::unique_ptr<LearnedBackbone>> LearnedBackbone::load(const std::string& path, ForensicParams views)
{
    auto file = SafetensorsFile::open(path);
    if (!file) return file.status();
    const auto& meta = file->metadata();
    auto it = meta.find("clipflow.backbone");
    if (it == meta.end())
        return Status(ErrorCode::UnsupportedFormat, path + " is not a ClipFlow backbone (no clipflow.backbone metadata)");
    nlohmann::json recipe = nlohmann::json::parse(it->second, nullptr, false);
    const auto id = recipe.is_object() ? recipe.find("id") : recipe.end();
    if (id == recipe.end() || !id->is_string() || id->get<std::string>() != kId)
        return Status(ErrorCode::UnsupportedFormat, path + " is not a " + std::string(kId) + " backbone");
    std::unique_ptr<LearnedBackbone> bb(new LearnedBackbone());
    bb->impl_->views = ForensicBackbone(views);
    if (Status s = detail::read_module_tensors(*file, *bb->impl_->net, "net."); !s.ok()) return s;
    const auto halved = detail::recipe_halves_chroma(it->second);
    if (!halved) return Status(ErrorCode::UnsupportedFormat, path + " reads its input in a way this version does not know");
    bb->impl_->net->halve_chroma = *halved;
    bb->impl_->net->eval();
    bb->impl_->net->fuse_for_inference();
    auto sha = Sha256::file_hex(path);
    if (!sha) return sha.status();
    bb->impl_->info = {kId, *sha, recipe.dump()};
    return bb;
}

std::string LearnedBackbone::weights_sha256() const
{
    return impl_->info.sha256;
}

std::string LearnedBackbone::params_json() const
{
    nlohmann::json j = nlohmann::json::parse(impl_->views.params_json());
    j["weights_sha256"] = impl_->info.sha256;
    j["dim"] = kDim;
    return j.dump();
}

const LearnedBackboneInfo& LearnedBackbone::info() const
{
    return impl_->info;
}

std::vector<PixelRect> LearnedBackbone::scoring_view_rects(int width, int height) const
{
    return impl_->views.scoring_view_rects(width, height);
}

Raster LearnedBackbone::training_view(const Raster& image, std::uint64_t seed) const
{
    return impl_->views.training_view(image, seed);
}

Result<std::vector<std::vector<float>>> LearnedBackbone::features(const std::vector<Raster>& views) const
{
    std::vector<std::vector<float>> out(views.size());
    Status s = impl_->batched(views, [&](const std::vector<std::size_t>& idx, const torch::Tensor& batch) {
        auto f = impl_->net->features(batch).contiguous();
        for (std::size_t k = 0; k < idx.size(); ++k) {
            const float* p = f[static_cast<long>(k)].data_ptr<float>();
            out[idx[k]].assign(p, p + kDim);
        }
    });
    if (!s.ok()) return s;
    return out;
}

Result<std::vector<float>> LearnedBackbone::logits(const std::vector<Raster>& views) const
{
    std::vector<float> out(views.size());
    Status s = impl_->batched(views, [&](const std::vector<std::size_t>& idx, const torch::Tensor& batch) {
        auto l = impl_->net->forward(batch).contiguous();
        for (std::size_t k = 0; k < idx.size(); ++k) out[idx[k]] = l[static_cast<long>(k)].item<float>();
    });
    if (!s.ok()) return s;
    return out;
}

Result<Raster> LearnedBackbone::logit_map(const Raster& view) const
{
    Raster out;
    Status s = impl_->batched({view}, [&](const std::vector<std::size_t>&, const torch::Tensor& batch) {
        auto m = impl_->net->logit_map(batch)[0].contiguous();
        out.height = static_cast<int>(m.size(0));
        out.width = static_cast<int>(m.size(1));
        out.channels = 1;
        out.data.assign(m.data_ptr<float>(), m.data_ptr<float>() + m.numel());
    });
    if (!s.ok()) return s;
    return out;
}

} // namespace clipflow
