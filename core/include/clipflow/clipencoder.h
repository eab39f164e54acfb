#pragma once
// The OpenAI CLIP ViT image tower in LibTorch (pimpl: no torch types here).
//
//   auto enc = clipflow::ClipEncoder::load("ViT-L-14.safetensors");
//   if (!enc) { ...enc.status()... }
//   auto feats = enc->encode({evidence.pixels});      // preprocessing included
//   const std::vector<float>& e = feats->at(0).projected;
//
// Loads Hugging Face safetensors (CLIPModel / CLIPVisionModelWithProjection
// names), OpenAI/open_clip safetensors (visual.*), and OpenAI's TorchScript
// .pt archives, in F32, F16 or BF16. The configuration is inferred from
// tensor shapes; a config.json beside the file may set the head count and
// activation.
//
// Threads: encode() sets LibTorch's process-wide intra-op thread count. fp32
// on OpenBLAS uses one OpenMP thread (OpenBLAS runs its own pool); bf16 uses
// every core. Run encoders from one worker thread at a time.

#include "clipflow/callbacks.h"
#include "clipflow/clippreprocess.h"
#include "clipflow/raster.h"
#include "clipflow/result.h"

#include <memory>
#include <string>
#include <vector>

namespace clipflow {

struct ClipVisionConfig {
    int image_size = 224;
    int patch_size = 32;
    int width = 768;
    int layers = 12;
    int heads = 12;
    int output_dim = 512;
    std::string activation = "quick_gelu"; ///< or "gelu"
    std::string checkpoint_format;         ///< "hf-safetensors", "openai-safetensors", "torchscript"
    std::string checkpoint_dtype;          ///< "F32", "F16", "BF16"
    std::string name() const;              ///< e.g. "ViT-L/14@224"
    double gflops_per_image() const;       ///< multiply-adds x2
};

struct ClipLoadParams {
    std::string device = "auto";   ///< "auto" (CUDA when present), "cpu", "cuda"
    bool bf16 = false;             ///< bfloat16 compute (CPUs with AVX-512 BF16, or CUDA)
    int threads = 0;               ///< LibTorch intra-op threads; 0: chosen per precision (see encode)
    bool allow_torchscript = true; ///< TorchScript runs code: only for files the user chose
};

struct ClipEncodeParams {
    int batch_size = 16;
    bool all_layers = false; ///< also the class token after every block
    /// >= 0: instead, every token after that many blocks (0: before the first),
    /// in ClipFeatures::tokens; later blocks are skipped. For fine-tuning.
    int tokens_after_block = -1;
    ProgressCallback progress;
    AbortCallback abort;
};

struct ClipFeatures {
    std::vector<float> projected;                 ///< the CLIP embedding (output_dim)
    std::vector<float> class_token;               ///< after ln_post, before the projection (width)
    std::vector<std::vector<float>> block_tokens; ///< class token after each block, when all_layers
    std::vector<float> tokens;                    ///< [tokens x width], when tokens_after_block >= 0
};

class ClipEncoder {
public:
    static Result<ClipEncoder> load(const std::string& path, const ClipLoadParams& params = {});

    ClipEncoder(ClipEncoder&&) noexcept;
    ClipEncoder& operator=(ClipEncoder&&) noexcept;
    ~ClipEncoder();

    const ClipVisionConfig& config() const;
    std::string device() const; ///< "cpu" or "cuda"
    bool bf16() const;
    ClipPreprocessParams preprocess_params() const;

    Result<std::vector<ClipFeatures>> encode(const std::vector<Raster>& images, const ClipEncodeParams& params = {}) const;
    /// Inputs already preprocessed: count x 3 x size x size floats.
    Result<std::vector<ClipFeatures>> encode_preprocessed(const std::vector<float>& chw, int count,
                                                          const ClipEncodeParams& params = {}) const;

    struct Impl; ///< shared with fine-tuning inside core
    Impl& impl() const { return *impl_; }

private:
    ClipEncoder();
    std::unique_ptr<Impl> impl_;
};

} // namespace clipflow
