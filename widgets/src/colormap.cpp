#include "clipflow/widgets/colormap.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace clipflow::widgets {
namespace {

// Anchor points sampled from matplotlib's viridis and magma (CC0); linear
// interpolation between 9 anchors stays within 1% of the full tables.
constexpr float kViridis[9][3] = {{0.267f, 0.005f, 0.329f}, {0.283f, 0.141f, 0.458f}, {0.254f, 0.265f, 0.530f},
                                  {0.207f, 0.372f, 0.553f}, {0.164f, 0.471f, 0.558f}, {0.128f, 0.567f, 0.551f},
                                  {0.135f, 0.659f, 0.518f}, {0.478f, 0.821f, 0.318f}, {0.993f, 0.906f, 0.144f}};
constexpr float kMagma[9][3] = {{0.001f, 0.000f, 0.014f}, {0.113f, 0.065f, 0.277f}, {0.317f, 0.072f, 0.485f},
                                {0.513f, 0.148f, 0.508f}, {0.716f, 0.215f, 0.475f}, {0.904f, 0.310f, 0.388f},
                                {0.988f, 0.536f, 0.382f}, {0.996f, 0.764f, 0.533f}, {0.987f, 0.991f, 0.750f}};

} // namespace

ColorMap::ColorMap(Palette palette) : palette_(palette)
{
    const auto& anchors = palette == Palette::Viridis ? kViridis : kMagma;
    for (int i = 0; i < 256; ++i) {
        const double pos = i / 255.0 * 8.0;
        const int k = std::min(static_cast<int>(pos), 7);
        const double f = pos - k;
        int rgb[3];
        for (int c = 0; c < 3; ++c)
            rgb[c] = static_cast<int>(std::lround(255.0 * (anchors[k][c] * (1 - f) + anchors[k + 1][c] * f)));
        lut_[static_cast<std::size_t>(i)] = qRgb(rgb[0], rgb[1], rgb[2]);
    }
}

QRgb ColorMap::color(double t) const
{
    if (!std::isfinite(t)) t = 0;
    return lut_[static_cast<std::size_t>(std::lround(std::clamp(t, 0.0, 1.0) * 255.0))];
}

QImage ColorMap::render(const float* values, int width, int height, float lo, float hi) const
{
    QImage image(width, height, QImage::Format_RGB32);
    if (!values || width <= 0 || height <= 0) return image;
    const std::size_t n = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    if (!(hi > lo)) {
        std::vector<float> sorted(values, values + n);
        const auto a = n / 100, b = n - 1 - n / 1000;
        std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(a), sorted.end());
        lo = sorted[a];
        std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(b), sorted.end());
        hi = std::max(sorted[b], lo + 1e-6f);
    }
    const double scale = 1.0 / (hi - lo);
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        const float* row = values + static_cast<std::size_t>(y) * static_cast<std::size_t>(width);
        for (int x = 0; x < width; ++x) line[x] = color((row[x] - lo) * scale);
    }
    return image;
}

} // namespace clipflow::widgets
