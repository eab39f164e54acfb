#pragma once
// First frame of a GIF through giflib, composited on the logical screen.
// OpenCV 4.6 has no GIF reader.

#include "clipflow/result.h"

#include <cstdint>
#include <span>
#include <vector>

namespace clipflow::detail {

struct GifFrame {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgb; // interleaved RGB, width*height*3
    bool has_transparency = false;
    bool more_frames = false;
};

Result<GifFrame> decode_gif_first_frame(std::span<const std::uint8_t> bytes, std::uint64_t max_pixels);

} // namespace clipflow::detail
