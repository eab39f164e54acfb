#pragma once
// CLIP's image preprocessing, reproduced exactly: RGB, shorter side to the
// model size with Pillow's antialiased bicubic (integer arithmetic as in
// Pillow's Resample.c, so 8-bit results match bit for bit), centre crop as
// torchvision rounds it, then CLIP's mean and std.

#include "clipflow/raster.h"
#include "clipflow/result.h"

#include <array>
#include <cstdint>
#include <vector>

namespace clipflow {

struct ClipPreprocessParams {
    int image_size = 224;
    std::array<float, 3> mean{0.48145466f, 0.4578275f, 0.40821073f};
    std::array<float, 3> std{0.26862954f, 0.26130258f, 0.27577711f};
};

/// Channel-first float data, 3 x image_size x image_size.
Result<std::vector<float>> clip_preprocess(const Raster& image, const ClipPreprocessParams& params = {});

/// Pillow's Image.resize(..., BICUBIC) on interleaved 8-bit RGB.
std::vector<std::uint8_t> resize_bicubic_pil(const std::uint8_t* rgb, int width, int height, int out_width, int out_height);

} // namespace clipflow
