#pragma once
// Proxy images for the CLIP-Flow detector: natural photos whose Fourier
// spectra are modified the way generators leave them. The flow learns to give
// these a low likelihood without ever seeing an AI image (Yuan et al., 2025).
//
//   clipflow::ProxyParams p;                             // the default family and ranges
//   auto proxy = clipflow::make_proxy(photo, seed, p);   // one random operation
//   proxy->image; proxy->op; proxy->description_json;    // what was done, with its parameters
//
// Every operation is reproducible from (image, seed, params). The family:
//   hf_attenuation     radial mask that removes high-frequency amplitude
//   hf_boost           radial mask that amplifies it
//   zero_insertion     2x decimation, zero insertion, imperfect interpolation kernel
//   transposed_conv    2x decimation, stride-2 transposed convolution (checkerboard)
//   resampling_chain   2-3 resizes with mixed kernels, back to the original size
//   phase_perturbation random phase added above a cut-off frequency
//   lowpass_resharpen  autoencoder-like down/up-sampling, then unsharp masking
//   vae_decoder        an f=8 latent decoder: 8x area reduction, three 2x stages
//                      of nearest up-sampling + jittered 3x3 channel-mixing
//                      convolution, detail restored with an 8x8-periodic gain
//   upsampling_cascade a pixel-space cascade (2-4x reduction, 2x stages of
//                      learned-like kernels, re-sharpened, synthetic grain)
//   diffusion_denoiser a pixel-space diffusion model's last step: Gaussian noise
//                      added, then removed by an edge-preserving filter
// Formulas and examples: docs/method.md.

#include "clipflow/raster.h"
#include "clipflow/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clipflow {

enum class ProxyOp {
    HighFreqAttenuation,
    HighFreqBoost,
    ZeroInsertion,
    TransposedConv,
    ResamplingChain,
    PhasePerturbation,
    LowpassResharpen,
    VaeDecoder,
    UpsamplingCascade,
    DiffusionDenoiser,
};

const char* proxy_op_name(ProxyOp op);
std::optional<ProxyOp> proxy_op_from_name(const std::string& name);
const std::vector<ProxyOp>& all_proxy_ops();
/// The family detectors are trained with by default (docs/method.md says why
/// an operation is in it or not).
const std::vector<ProxyOp>& default_proxy_ops();

struct ProxyParams {
    std::vector<ProxyOp> ops = default_proxy_ops(); ///< drawn uniformly per proxy
    float cutoff_min = 0.10f;                       ///< radial mask centre, cycles/pixel
    float cutoff_max = 0.35f;
    float attenuation_min = 0.5f; ///< fraction of amplitude removed above the cut-off
    float attenuation_max = 0.95f;
    float boost_min = 0.5f; ///< extra gain above the cut-off
    float boost_max = 2.0f;
    float phase_sigma_min = 0.3f; ///< radians
    float phase_sigma_max = 1.5f;
    float sharpen_min = 0.5f; ///< unsharp-mask amount
    float sharpen_max = 2.0f;
    /// The decoder proxies (vae_decoder, upsampling_cascade) moved back toward the photo,
    /// photo + s * (proxy - photo), s drawn log-uniformly from [min, max]: a trained
    /// decoder keeps its error small, so its traces can be much weaker than our
    /// weight-free decoder's. 1, 1 (the default) leaves them whole and draws nothing.
    float decoder_strength_min = 1.0f; ///< (0, 1]
    float decoder_strength_max = 1.0f; ///< [min, 1]
};

/// Whether the decoder proxies are weakened (ProxyParams::decoder_strength_*).
bool weakened_decoders(const ProxyParams& params);
/// The ranges above as JSON, for model metadata.
std::string proxy_params_json(const ProxyParams& params);

struct ProxyImage {
    Raster image; ///< same size and channels as the input, values in [0, 1]
    ProxyOp op = ProxyOp::HighFreqAttenuation;
    std::string description_json; ///< {"op": ..., drawn parameters}
};

/// One proxy with an operation drawn from params.ops.
Result<ProxyImage> make_proxy(const Raster& natural, std::uint64_t seed, const ProxyParams& params = {});
/// One proxy with a given operation (parameters still drawn from the seed).
Result<ProxyImage> make_proxy(const Raster& natural, ProxyOp op, std::uint64_t seed, const ProxyParams& params = {});

} // namespace clipflow

namespace clipflow {

/// A preview sheet (PNG bytes): the natural image and its proxy, each above its
/// luminance and noise-residual spectra, titled with the operation.
Result<std::vector<std::uint8_t>> render_proxy_pair_png(const Raster& natural, const ProxyImage& proxy);

} // namespace clipflow
