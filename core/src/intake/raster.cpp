#include "clipflow/raster.h"

#include "cvraster.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

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

const std::array<float, 256>& eight_bit_levels()
{
    static const std::array<float, 256> levels = [] {
        std::array<std::uint8_t, 256> v{};
        for (int i = 0; i < 256; ++i) v[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(i);
        cv::Mat f;
        cv::Mat(1, 256, CV_8U, v.data()).convertTo(f, CV_32F, 1.0 / 255.0); // as evidence.cpp's to_raster
        std::array<float, 256> out{};
        std::copy(f.ptr<float>(), f.ptr<float>() + 256, out.begin());
        return out;
    }();
    return levels;
}

Raster luminance(const Picture& image)
{
    Raster y;
    y.width = image.width;
    y.height = image.height;
    y.channels = 1;
    const std::size_t n = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);
    if (image.data.size() < n * static_cast<std::size_t>(std::max(image.channels, 1))) return Raster{};
    y.data.resize(n);
    // Tables of the very products luminance(Raster) forms from value / 255, summed in its order.
    std::array<std::array<float, 256>, 3> lut{};
    const float weight[3] = {0.299f, 0.587f, 0.114f};
    const auto& levels = eight_bit_levels();
    for (std::size_t c = 0; c < 3; ++c)
        for (std::size_t v = 0; v < 256; ++v) lut[c][v] = image.channels == 1 ? levels[v] : weight[c] * levels[v];
    const std::uint8_t* p = image.data.data();
    if (image.channels == 1)
        for (std::size_t i = 0; i < n; ++i) y.data[i] = lut[0][p[i]];
    else
        for (std::size_t i = 0; i < n; ++i, p += 3) y.data[i] = lut[0][p[0]] + lut[1][p[1]] + lut[2][p[2]];
    return y;
}

Raster to_raster(const Picture& image)
{
    Raster r;
    r.width = image.width;
    r.height = image.height;
    r.channels = image.channels;
    const auto& level = eight_bit_levels();
    r.data.resize(image.data.size());
    for (std::size_t i = 0; i < image.data.size(); ++i) r.data[i] = level[image.data[i]];
    return r;
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

Raster crop(const Raster& image, int x0, int y0, int w, int h)
{
    Raster r;
    r.width = w;
    r.height = h;
    r.channels = image.channels;
    const auto c = static_cast<std::size_t>(image.channels);
    const auto row = static_cast<std::size_t>(w) * c;
    r.data.resize(row * static_cast<std::size_t>(h));
    for (int y = 0; y < h; ++y) {
        const float* src =
            image.data.data() +
            (static_cast<std::size_t>(y0 + y) * static_cast<std::size_t>(image.width) + static_cast<std::size_t>(x0)) * c;
        std::copy(src, src + row, r.data.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(y) * row));
    }
    return r;
}

Picture to_picture(const Raster& r, int max_side)
{
    Picture p;
    if (r.empty() || (r.channels != 1 && r.channels != 3)) return p;
    p.width = r.width;
    p.height = r.height;
    p.channels = r.channels;
    p.data.resize(r.data.size());
    for (std::size_t i = 0; i < r.data.size(); ++i)
        p.data[i] = static_cast<std::uint8_t>(std::clamp(r.data[i] * 255.0f + 0.5f, 0.0f, 255.0f));
    return max_side > 0 ? scale_picture(p, max_side) : p;
}

Picture scale_picture(const Picture& p, int max_side)
{
    const int longer = std::max(p.width, p.height);
    if (p.empty() || max_side <= 0 || longer <= max_side) return p;
    const double f = double(max_side) / longer;
    const cv::Size size(std::max(1, int(std::lround(p.width * f))), std::max(1, int(std::lround(p.height * f))));
    cv::Mat out;
    cv::resize(detail::picture_view(p), out, size, 0, 0, cv::INTER_AREA);
    return detail::picture_from_mat(out);
}

} // namespace clipflow
