#include "clipflow/clipencoder.h"

#include "clipblock.h"
#include "clipflow/safetensors.h"

#include <nlohmann/json.hpp>
#include <torch/cuda.h>
#include <torch/script.h>
#include <torch/torch.h>

#include <atomic>
#include <cmath>
#include <dlfcn.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <thread>

namespace clipflow {

std::string ClipVisionConfig::name() const
{
    const char* size = width >= 1024 ? "L" : width >= 768 ? "B" : width >= 512 ? "M" : "S";
    std::string n = std::string("ViT-") + size + "/" + std::to_string(patch_size);
    if (image_size != 224) n += "@" + std::to_string(image_size);
    return n;
}

double ClipVisionConfig::gflops_per_image() const
{
    const double g = double(image_size / patch_size);
    const double tokens = g * g + 1, w = width;
    const double per_block = tokens * 12.0 * w * w + 2.0 * tokens * tokens * w; // projections + MLP, attention
    const double macs = layers * per_block + g * g * 3.0 * patch_size * patch_size * w + w * output_dim;
    return 2.0 * macs / 1e9;
}

namespace {

using torch::Tensor;

// Tokens per CPU forward pass. Measured on ViT-L/14 fp32, batch 8: 640 tokens
// (2 images) 8.9 s, 1300 tokens 21.4 s, whole batch 23.9 s; bf16 is indifferent.
constexpr int64_t kTokenBudget = 640;

using Block = detail::ClipBlock;

struct Weights {
    Tensor conv1, cls, pos, ln_pre_w, ln_pre_b, ln_post_w, ln_post_b, proj; // proj: [width, output_dim]
    std::vector<Block> blocks;
};

using Source = std::function<std::optional<Tensor>(const std::string&)>;

std::string shape_text(const Tensor& t)
{
    std::string s = "[";
    for (int64_t i = 0; i < t.dim(); ++i) s += (i ? ", " : "") + std::to_string(t.size(i));
    return s + "]";
}

struct Loader {
    Source source;
    bool hf = false;
    std::string error;

    Tensor get(const std::string& name, std::vector<int64_t> shape)
    {
        if (!error.empty()) return {};
        auto t = source(name);
        if (!t) {
            error = "tensor '" + name + "' is missing";
            return {};
        }
        if (t->sizes().vec() != shape) {
            error = "tensor '" + name + "' has shape " + shape_text(*t) + ", expected " + shape_text(torch::empty(shape));
            return {};
        }
        return t->to(torch::kFloat32).contiguous();
    }
};

std::string dtype_text(torch::ScalarType t)
{
    if (t == torch::kFloat16) return "F16";
    if (t == torch::kBFloat16) return "BF16";
    if (t == torch::kFloat32) return "F32";
    return c10::toString(t);
}

Result<Weights> load_weights(Loader& l, ClipVisionConfig& cfg)
{
    const std::string v = l.hf ? "vision_model." : "visual.";
    auto conv = l.source(l.hf ? v + "embeddings.patch_embedding.weight" : v + "conv1.weight");
    auto pos = l.source(l.hf ? v + "embeddings.position_embedding.weight" : v + "positional_embedding");
    if (!conv || !pos || conv->dim() != 4 || pos->dim() != 2)
        return Status(ErrorCode::InvalidArgument,
                      "not a CLIP vision checkpoint: the patch embedding or position embedding is missing");
    cfg.checkpoint_dtype = dtype_text(conv->scalar_type());
    cfg.width = static_cast<int>(conv->size(0));
    cfg.patch_size = static_cast<int>(conv->size(2));
    const auto positions = pos->size(0);
    const auto grid = static_cast<int64_t>(std::lround(std::sqrt(double(positions - 1))));
    if (conv->size(1) != 3 || conv->size(3) != cfg.patch_size || grid * grid + 1 != positions || pos->size(1) != cfg.width)
        return Status(ErrorCode::InvalidArgument, "not a CLIP ViT: patch embedding " + shape_text(*conv) + " and " +
                                                      std::to_string(positions) + " position embeddings do not fit together");
    cfg.image_size = static_cast<int>(grid) * cfg.patch_size;
    cfg.layers = 0;
    while (l.source(l.hf ? v + "encoder.layers." + std::to_string(cfg.layers) + ".layer_norm1.weight"
                         : v + "transformer.resblocks." + std::to_string(cfg.layers) + ".ln_1.weight"))
        ++cfg.layers;
    if (cfg.layers == 0) return Status(ErrorCode::InvalidArgument, "not a CLIP ViT: no transformer blocks found");
    auto proj = l.source(l.hf ? std::string("visual_projection.weight") : v + "proj");
    if (!proj || proj->dim() != 2)
        return Status(ErrorCode::InvalidArgument, "not a CLIP vision checkpoint: the projection is missing");
    cfg.output_dim = static_cast<int>(l.hf ? proj->size(0) : proj->size(1));
    if (cfg.width % cfg.heads != 0) return Status(ErrorCode::InvalidArgument, "width is not divisible by the head count");

    const int64_t w = cfg.width;
    Weights wt;
    wt.conv1 = l.get(l.hf ? v + "embeddings.patch_embedding.weight" : v + "conv1.weight", {w, 3, cfg.patch_size, cfg.patch_size});
    wt.cls = l.get(l.hf ? v + "embeddings.class_embedding" : v + "class_embedding", {w});
    wt.pos = l.get(l.hf ? v + "embeddings.position_embedding.weight" : v + "positional_embedding", {positions, w});
    wt.ln_pre_w = l.get(l.hf ? v + "pre_layrnorm.weight" : v + "ln_pre.weight", {w});
    wt.ln_pre_b = l.get(l.hf ? v + "pre_layrnorm.bias" : v + "ln_pre.bias", {w});
    wt.ln_post_w = l.get(l.hf ? v + "post_layernorm.weight" : v + "ln_post.weight", {w});
    wt.ln_post_b = l.get(l.hf ? v + "post_layernorm.bias" : v + "ln_post.bias", {w});
    wt.proj = l.hf ? l.get("visual_projection.weight", {cfg.output_dim, w}) : l.get(v + "proj", {w, cfg.output_dim});
    if (l.hf && wt.proj.defined()) wt.proj = wt.proj.t().contiguous();
    for (int i = 0; i < cfg.layers && l.error.empty(); ++i) {
        Block b;
        if (l.hf) {
            const std::string p = v + "encoder.layers." + std::to_string(i) + ".";
            b.ln1_w = l.get(p + "layer_norm1.weight", {w});
            b.ln1_b = l.get(p + "layer_norm1.bias", {w});
            auto q = l.get(p + "self_attn.q_proj.weight", {w, w}), k = l.get(p + "self_attn.k_proj.weight", {w, w}),
                 vv = l.get(p + "self_attn.v_proj.weight", {w, w});
            auto qb = l.get(p + "self_attn.q_proj.bias", {w}), kb = l.get(p + "self_attn.k_proj.bias", {w}),
                 vb = l.get(p + "self_attn.v_proj.bias", {w});
            if (!l.error.empty()) break;
            b.in_w = torch::cat({q, k, vv}, 0).contiguous();
            b.in_b = torch::cat({qb, kb, vb}, 0).contiguous();
            b.out_w = l.get(p + "self_attn.out_proj.weight", {w, w});
            b.out_b = l.get(p + "self_attn.out_proj.bias", {w});
            b.ln2_w = l.get(p + "layer_norm2.weight", {w});
            b.ln2_b = l.get(p + "layer_norm2.bias", {w});
            b.fc_w = l.get(p + "mlp.fc1.weight", {4 * w, w});
            b.fc_b = l.get(p + "mlp.fc1.bias", {4 * w});
            b.proj_w = l.get(p + "mlp.fc2.weight", {w, 4 * w});
            b.proj_b = l.get(p + "mlp.fc2.bias", {w});
        } else {
            const std::string p = v + "transformer.resblocks." + std::to_string(i) + ".";
            b.ln1_w = l.get(p + "ln_1.weight", {w});
            b.ln1_b = l.get(p + "ln_1.bias", {w});
            b.in_w = l.get(p + "attn.in_proj_weight", {3 * w, w});
            b.in_b = l.get(p + "attn.in_proj_bias", {3 * w});
            b.out_w = l.get(p + "attn.out_proj.weight", {w, w});
            b.out_b = l.get(p + "attn.out_proj.bias", {w});
            b.ln2_w = l.get(p + "ln_2.weight", {w});
            b.ln2_b = l.get(p + "ln_2.bias", {w});
            b.fc_w = l.get(p + "mlp.c_fc.weight", {4 * w, w});
            b.fc_b = l.get(p + "mlp.c_fc.bias", {4 * w});
            b.proj_w = l.get(p + "mlp.c_proj.weight", {w, 4 * w});
            b.proj_b = l.get(p + "mlp.c_proj.bias", {w});
        }
        wt.blocks.push_back(std::move(b));
    }
    if (!l.error.empty()) return Status(ErrorCode::InvalidArgument, "not a valid CLIP vision checkpoint: " + l.error);
    return wt;
}

// config.json beside the checkpoint (Hugging Face layout) may override heads and activation.
void apply_config_json(const std::filesystem::path& model, ClipVisionConfig& cfg)
{
    const auto path = model.parent_path() / "config.json";
    std::ifstream in(path);
    if (!in) return;
    try {
        const auto j = nlohmann::json::parse(in);
        const auto& vc = j.contains("vision_config") ? j["vision_config"] : j;
        if (vc.contains("num_attention_heads") && vc["num_attention_heads"].is_number_integer())
            cfg.heads = vc["num_attention_heads"].get<int>();
        if (vc.contains("hidden_act") && vc["hidden_act"].is_string()) cfg.activation = vc["hidden_act"].get<std::string>();
    } catch (const std::exception&) {
        // An unreadable config.json is ignored: the tensors alone define the network.
    }
}

Result<std::vector<std::uint8_t>> read_head(const std::string& path, std::size_t n)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Status(std::filesystem::exists(path) ? ErrorCode::PermissionDenied : ErrorCode::NotFound, "cannot open " + path);
    std::vector<std::uint8_t> head(n);
    in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(n));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

} // namespace

// fp32 matrix products go to the system BLAS; when that is OpenBLAS it runs
// its own thread pool, and LibTorch's OpenMP workers spinning beside it cost
// more than they give (measured on ViT-L/14, 2 cores: 13.8 s -> 8.5 s per
// 8 images with one OpenMP thread). bf16 products run in oneDNN on the OpenMP
// pool, which then needs every core.
int intra_op_threads(int requested, bool bf16)
{
    if (requested > 0) return requested;
    const int all = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    static const bool openblas = dlsym(RTLD_DEFAULT, "openblas_get_num_threads") != nullptr;
    return (!bf16 && openblas) ? 1 : all;
}

struct ClipEncoder::Impl {
    ClipVisionConfig cfg;
    int threads = 0;
    Weights w;
    torch::Device device = torch::kCPU;
    torch::ScalarType compute = torch::kFloat32;

    Tensor layer_norm(const Tensor& x, const Tensor& g, const Tensor& b) const
    {
        return torch::layer_norm(x, {cfg.width}, g, b, 1e-5);
    }

    // x: [B, 3, S, S] -> projected [B, out], class token [B, width], block tokens.
    // capture >= 0: stop after that many blocks and return all tokens there instead.
    std::tuple<Tensor, Tensor, std::vector<Tensor>> forward(const Tensor& img, bool all_layers, int capture = -1) const
    {
        const int64_t B = img.size(0), W = cfg.width;
        Tensor x = torch::conv2d(img, w.conv1, {}, cfg.patch_size);      // [B, W, g, g]
        x = x.flatten(2).transpose(1, 2);                                // [B, g*g, W]
        x = torch::cat({w.cls.view({1, 1, W}).expand({B, 1, W}), x}, 1); // class token first
        x = (x + w.pos).contiguous();
        x = layer_norm(x, w.ln_pre_w, w.ln_pre_b);
        std::vector<Tensor> tokens;
        if (capture == 0) return {Tensor(), Tensor(), {x}};
        int done = 0;
        for (const Block& b : w.blocks) {
            x = detail::clip_block_forward(b, x, cfg.heads, cfg.activation == "gelu");
            if (++done == capture) return {Tensor(), Tensor(), {x}};
            if (all_layers) tokens.push_back(x.select(1, 0));
        }
        Tensor cls = layer_norm(x.select(1, 0), w.ln_post_w, w.ln_post_b);
        return {torch::matmul(cls, w.proj), cls, tokens};
    }

    void move_to(torch::Device dev, torch::ScalarType type)
    {
        auto mv = [&](Tensor& t) { t = t.to(dev, type).contiguous(); };
        for (Tensor* t : {&w.conv1, &w.cls, &w.pos, &w.ln_pre_w, &w.ln_pre_b, &w.ln_post_w, &w.ln_post_b, &w.proj}) mv(*t);
        for (Block& b : w.blocks)
            for (Tensor* t : {&b.ln1_w, &b.ln1_b, &b.in_w, &b.in_b, &b.out_w, &b.out_b, &b.ln2_w, &b.ln2_b, &b.fc_w, &b.fc_b,
                              &b.proj_w, &b.proj_b})
                mv(*t);
        device = dev;
        compute = type;
    }
};

ClipEncoder::ClipEncoder() : impl_(std::make_unique<Impl>()) {}
ClipEncoder::ClipEncoder(ClipEncoder&&) noexcept = default;
ClipEncoder& ClipEncoder::operator=(ClipEncoder&&) noexcept = default;
ClipEncoder::~ClipEncoder() = default;
const ClipVisionConfig& ClipEncoder::config() const
{
    return impl_->cfg;
}
std::string ClipEncoder::device() const
{
    return impl_->device.is_cuda() ? "cuda" : "cpu";
}
bool ClipEncoder::bf16() const
{
    return impl_->compute == torch::kBFloat16;
}

ClipPreprocessParams ClipEncoder::preprocess_params() const
{
    ClipPreprocessParams p;
    p.image_size = impl_->cfg.image_size;
    return p;
}

Result<ClipEncoder> ClipEncoder::load(const std::string& path, const ClipLoadParams& params)
{
    try {
        auto head = read_head(path, 16);
        if (!head) return head.status();
        if (head->empty()) return Status(ErrorCode::EmptyFile, path + " is empty");
        ClipEncoder enc;
        ClipVisionConfig& cfg = enc.impl_->cfg;
        Loader loader;
        std::optional<SafetensorsFile> st;
        std::map<std::string, Tensor> scripted;
        const auto& h = *head;
        if (h[0] == 0x80) {
            return Status(
                ErrorCode::UnsupportedFormat,
                "this is a Python pickle, which can run arbitrary code when loaded; ClipFlow reads CLIP weights only from "
                "safetensors files or TorchScript archives");
        } else if (h.size() >= 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4) {
            if (!params.allow_torchscript)
                return Status(ErrorCode::UnsupportedFormat,
                              "TorchScript archives are accepted only when the user loads them explicitly");
            torch::jit::Module module;
            try {
                module = torch::jit::load(path, torch::kCPU);
            } catch (const c10::Error&) {
                return Status(ErrorCode::UnsupportedFormat, path +
                                                                " is a zip archive but not a TorchScript model (plain torch.save "
                                                                "pickles are refused; convert the weights to safetensors)");
            }
            for (const auto& p : module.named_parameters(true)) scripted[p.name] = p.value.detach();
            for (const auto& b : module.named_buffers(true)) scripted.emplace(b.name, b.value.detach());
            cfg.checkpoint_format = "torchscript";
            loader.source = [&scripted](const std::string& name) -> std::optional<Tensor> {
                auto it = scripted.find(name);
                if (it == scripted.end()) return std::nullopt;
                return it->second;
            };
        } else {
            auto file = SafetensorsFile::open(path);
            if (!file) return file.status();
            st.emplace(std::move(file.value()));
            loader.hf = st->find("vision_model.embeddings.patch_embedding.weight") != nullptr;
            cfg.checkpoint_format = loader.hf ? "hf-safetensors" : "openai-safetensors";
            loader.source = [&st](const std::string& name) -> std::optional<Tensor> {
                const TensorView* t = st->find(name);
                if (!t) return std::nullopt;
                if (t->dtype == DType::F16 || t->dtype == DType::BF16) { // keep the stored dtype visible
                    auto raw = torch::from_blob(const_cast<std::uint8_t*>(t->bytes.data()), t->shape,
                                                t->dtype == DType::F16 ? torch::kFloat16 : torch::kBFloat16);
                    return raw.clone();
                }
                auto values = t->to_float();
                if (!values) return std::nullopt;
                return torch::from_blob(values->data(), t->shape, torch::kFloat32).clone();
            };
        }
        cfg.heads = 0;
        // Heads: width/64 unless config.json says otherwise (set after width is known).
        auto weights = [&]() -> Result<Weights> {
            ClipVisionConfig probe = cfg;
            probe.heads = 1;
            auto wt = load_weights(loader, probe);
            if (!wt) return wt.status();
            probe.heads = std::max(1, probe.width / 64);
            apply_config_json(path, probe);
            if (probe.heads <= 0 || probe.width % probe.heads)
                return Status(ErrorCode::InvalidArgument, "width is not divisible by the head count");
            cfg = probe;
            return wt;
        }();
        if (!weights) return weights.status();
        enc.impl_->w = std::move(weights.value());

        const int threads =
            params.threads > 0 ? params.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
        torch::set_num_threads(threads);
        torch::Device dev = torch::kCPU;
        if (params.device == "cuda" || (params.device == "auto" && torch::cuda::is_available())) {
            if (!torch::cuda::is_available())
                return Status(ErrorCode::InvalidArgument, "CUDA was requested but is not available");
            dev = torch::kCUDA;
        }
        // Fold attention's 1/sqrt(head dim) into the query rows of the input
        // projection, in fp32 before any down-cast: one multiply less per pass.
        const double scale = 1.0 / std::sqrt(double(cfg.width / cfg.heads));
        for (Block& b : enc.impl_->w.blocks) {
            b.in_w.narrow(0, 0, cfg.width).mul_(scale);
            b.in_b.narrow(0, 0, cfg.width).mul_(scale);
        }
        enc.impl_->move_to(dev, params.bf16 ? torch::kBFloat16 : torch::kFloat32);
        return enc;
    } catch (const c10::Error& e) {
        return Status(ErrorCode::Internal, std::string("LibTorch: ") + e.what_without_backtrace());
    } catch (const std::exception& e) {
        return Status(ErrorCode::Internal, e.what());
    }
}

Result<std::vector<ClipFeatures>> ClipEncoder::encode_preprocessed(const std::vector<float>& chw, int count,
                                                                   const ClipEncodeParams& params) const
{
    const int s = impl_->cfg.image_size;
    const auto per = static_cast<std::size_t>(3 * s * s);
    if (count < 0 || chw.size() != per * static_cast<std::size_t>(count))
        return Status(ErrorCode::InvalidArgument,
                      "input size does not match count x 3 x " + std::to_string(s) + " x " + std::to_string(s));
    try {
        if (params.tokens_after_block > impl_->cfg.layers)
            return Status(ErrorCode::InvalidArgument, "tokens_after_block exceeds the number of blocks");
        torch::InferenceMode guard;
        if (!impl_->device.is_cuda()) torch::set_num_threads(intra_op_threads(impl_->threads, bf16()));
        std::vector<ClipFeatures> out;
        out.reserve(static_cast<std::size_t>(count));
        const int batch = std::max(1, params.batch_size);
        for (int start = 0; start < count; start += batch) {
            if (params.abort && params.abort()) return Status(ErrorCode::Aborted, "encoding aborted");
            const int n = std::min(batch, count - start);
            Tensor x = torch::from_blob(const_cast<float*>(chw.data()) + per * static_cast<std::size_t>(start), {n, 3, s, s},
                                        torch::kFloat32)
                           .to(impl_->device, impl_->compute);
            // On the CPU, run at most ~kTokenBudget tokens per pass: every
            // intermediate then stays below glibc's 32 MB mmap threshold and is
            // recycled from the heap instead of page-faulted in afresh (perf:
            // page faults took a quarter of the time), while GEMMs stay large.
            const int64_t grid = impl_->cfg.image_size / impl_->cfg.patch_size;
            const int64_t micro = impl_->device.is_cuda() ? n : std::max<int64_t>(1, kTokenBudget / (grid * grid + 1));
            std::vector<Tensor> projs, clss;
            std::vector<std::vector<Tensor>> toks;
            for (int64_t m = 0; m < n; m += micro) {
                auto [p, c, t] =
                    impl_->forward(x.narrow(0, m, std::min<int64_t>(micro, n - m)), params.all_layers, params.tokens_after_block);
                projs.push_back(p);
                clss.push_back(c);
                toks.push_back(t);
            }
            if (params.tokens_after_block >= 0) {
                std::vector<Tensor> parts;
                for (const auto& t : toks) parts.push_back(t[0]);
                const Tensor all = torch::cat(parts).to(torch::kCPU, torch::kFloat32).contiguous();
                for (int i = 0; i < n; ++i) {
                    ClipFeatures f;
                    const float* b = all[i].data_ptr<float>();
                    f.tokens.assign(b, b + all[i].numel());
                    out.push_back(std::move(f));
                }
                if (params.progress) params.progress(double(start + n) / count);
                continue;
            }
            Tensor proj = torch::cat(projs), cls = torch::cat(clss);
            std::vector<Tensor> tokens;
            for (std::size_t b = 0; params.all_layers && b < toks[0].size(); ++b) {
                std::vector<Tensor> parts;
                for (const auto& t : toks) parts.push_back(t[b]);
                tokens.push_back(torch::cat(parts));
            }
            proj = proj.to(torch::kCPU, torch::kFloat32).contiguous();
            cls = cls.to(torch::kCPU, torch::kFloat32).contiguous();
            for (auto& t : tokens) t = t.to(torch::kCPU, torch::kFloat32).contiguous();
            for (int i = 0; i < n; ++i) {
                ClipFeatures f;
                const float* p = proj[i].data_ptr<float>();
                f.projected.assign(p, p + impl_->cfg.output_dim);
                const float* c = cls[i].data_ptr<float>();
                f.class_token.assign(c, c + impl_->cfg.width);
                for (const auto& t : tokens) {
                    const float* b = t[i].data_ptr<float>();
                    f.block_tokens.emplace_back(b, b + impl_->cfg.width);
                }
                out.push_back(std::move(f));
            }
            if (params.progress) params.progress(double(start + n) / count);
        }
        return out;
    } catch (const c10::Error& e) {
        return Status(ErrorCode::Internal, std::string("LibTorch: ") + e.what_without_backtrace());
    } catch (const std::bad_alloc&) {
        return Status(ErrorCode::Internal, "out of memory while encoding; try a smaller batch");
    }
}

Result<std::vector<ClipFeatures>> ClipEncoder::encode(const std::vector<Raster>& images, const ClipEncodeParams& params) const
{
    const auto pp = preprocess_params();
    const auto per = static_cast<std::size_t>(3 * pp.image_size * pp.image_size);
    std::vector<float> chw(images.size() * per);
    // Resizing is single-threaded per image: a batch's images are resized side by side.
    std::vector<Status> failed(images.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next++) < images.size();) {
            auto x = clip_preprocess(images[i], pp);
            if (!x)
                failed[i] = x.status();
            else
                std::copy(x->begin(), x->end(), chw.begin() + static_cast<std::ptrdiff_t>(i * per));
        }
    };
    std::vector<std::thread> pool;
    const std::size_t helpers = std::min<std::size_t>(images.size(), std::max(1u, std::thread::hardware_concurrency()));
    for (std::size_t t = 1; t < helpers; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    for (const auto& st : failed)
        if (!st.ok()) return st;
    return encode_preprocessed(chw, static_cast<int>(images.size()), params);
}

} // namespace clipflow

namespace clipflow::detail {

ClipTail clip_tail(const ClipEncoder& encoder, int n)
{
    const auto& impl = encoder.impl();
    ClipTail t;
    auto copy = [](const Tensor& x) { return x.detach().to(torch::kCPU, torch::kFloat32).clone(); };
    const int first = std::max(0, impl.cfg.layers - n);
    for (int i = first; i < impl.cfg.layers; ++i) {
        Block b = impl.w.blocks[static_cast<std::size_t>(i)];
        for (auto& [name, ptr] : b.named()) *ptr = copy(*ptr);
        t.blocks.push_back(std::move(b));
    }
    t.ln_post_w = copy(impl.w.ln_post_w);
    t.ln_post_b = copy(impl.w.ln_post_b);
    t.proj = copy(impl.w.proj);
    t.heads = impl.cfg.heads;
    t.gelu = impl.cfg.activation == "gelu";
    return t;
}

} // namespace clipflow::detail
