#include "clipflow/raster.h"

namespace clipflow {

Raster luminance(const Raster& image)
{
    if (image.channels == 1) return image;
    Raster y;
    y.width = image.width;
    y.height = image.height;
    y.channels = 1;
    const std::size_t n = image.pixel_count();
    y.data.resize(n);
    const float* p = image.data.data();
    const auto stride = static_cast<std::size_t>(image.channels);
    for (std::size_t i = 0; i < n; ++i, p += stride) y.data[i] = 0.299f * p[0] + 0.587f * p[1] + 0.114f * p[2];
    return y;
}

Raster channel(const Raster& image, int index)
{
    Raster c;
    c.width = image.width;
    c.height = image.height;
    c.channels = 1;
    const std::size_t n = image.pixel_count();
    c.data.resize(n);
    const auto stride = static_cast<std::size_t>(image.channels);
    const auto offset = static_cast<std::size_t>(image.channels == 1 ? 0 : index);
    for (std::size_t i = 0; i < n; ++i) c.data[i] = image.data[i * stride + offset];
    return c;
}

} // namespace clipflow
