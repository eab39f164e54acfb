#pragma once
// First frame of an animated WebP through libwebpdemux, composited on the
// canvas as the format defines it. OpenCV 4.6 reads still WebP only.

#include "clipflow/result.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <span>

namespace clipflow::detail {

struct WebpAnimFrame {
    cv::Mat pixels;      // BGR, or BGRA with `keep_alpha`: as cv::imdecode gives a still WebP
    int frame_count = 0; // as the file declares it
};

// `keep_alpha`: the file says it has alpha (VP8X); the canvas is composited as RGBA either way.
Result<WebpAnimFrame> decode_webp_first_frame(std::span<const std::uint8_t> bytes, std::uint64_t max_pixels, bool keep_alpha);

} // namespace clipflow::detail
