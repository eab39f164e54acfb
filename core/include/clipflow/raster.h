#pragma once
// A plain float image, so that callers (GUI, tests) need no OpenCV types.

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace clipflow {

struct Raster {
    int width = 0;
    int height = 0;
    int channels = 0;        ///< 1 (grey) or 3 (RGB, in that order)
    std::vector<float> data; ///< row-major, interleaved, nominal range [0, 1]

    bool empty() const { return data.empty(); }
    std::size_t pixel_count() const { return static_cast<std::size_t>(width) * static_cast<std::size_t>(height); }
    float at(int x, int y, int c = 0) const
    {
        return data[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) *
                        static_cast<std::size_t>(channels) +
                    static_cast<std::size_t>(c)];
    }
};

/// An 8-bit picture (display, JPEG re-saves): grey or RGB, row-major, interleaved.
struct Picture {
    int width = 0;
    int height = 0;
    int channels = 0; ///< 1 or 3
    std::vector<std::uint8_t> data;
    bool empty() const { return data.empty(); }
};

/// The raster in 8 bits (rounded, clamped), its longer side at most `max_side` (area averaging; 0: full size).
Picture to_picture(const Raster& image, int max_side = 0);
/// The picture with its longer side at most `max_side` (area averaging); a copy when already that small.
Picture scale_picture(const Picture& picture, int max_side);

/// The float each 8-bit sample value stands for, v / 255 exactly as intake's decoders convert
/// it (OpenCV's scaled conversion; a float division differs in the last bit for some v).
const std::array<float, 256>& eight_bit_levels();
/// The same values as a product, for loops that vectorise (a table lookup does not):
/// eight_bit_levels()[v] == float(v) * kEightBitScale for every v (tst_spectrum checks all 256).
inline constexpr float kEightBitScale = static_cast<float>(1.0 / 255.0);

/// ITU-R BT.601 luma, as JPEG encoders compute it; grey rasters are copied.
Raster luminance(const Raster& image);
/// The same of 8-bit samples read as value / 255: bit-identical to luminance() of that raster.
Raster luminance(const Picture& image);
/// The picture as a float raster, value / 255.
Raster to_raster(const Picture& image);
/// One colour channel (0 = R, 1 = G, 2 = B) as a single-channel raster.
Raster channel(const Raster& image, int index);
/// The w x h region at (x0, y0), copied row by row; the caller keeps it inside the image.
Raster crop(const Raster& image, int x0, int y0, int w, int h);

/// A width x height rectangle of pixels at (x, y).
struct PixelRect {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
    bool operator==(const PixelRect&) const = default;
};

} // namespace clipflow
