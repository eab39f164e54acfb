#include "clipflow/clippreprocess.h"

#include <algorithm>
#include <cmath>

namespace clipflow {
namespace {

constexpr int kPrecisionBits = 32 - 8 - 2; // Pillow's fixed point for 8-bit images

double bicubic(double x)
{
    constexpr double a = -0.5;
    x = std::abs(x);
    if (x < 1.0) return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
    if (x < 2.0) return (((x - 5) * x + 8) * x - 4) * a;
    return 0.0;
}

struct Coefficients {
    int ksize = 0;
    std::vector<int> bounds; // per output: first input index, count
    std::vector<int> k;      // fixed-point weights, ksize per output
};

// Pillow's precompute_coeffs + normalize_coeffs_8bpc.
Coefficients precompute(int in_size, int out_size)
{
    const double scale = double(in_size) / out_size;
    const double filterscale = std::max(scale, 1.0);
    const double support = 2.0 * filterscale;
    Coefficients c;
    c.ksize = static_cast<int>(std::ceil(support)) * 2 + 1;
    c.bounds.resize(static_cast<std::size_t>(out_size) * 2);
    c.k.assign(static_cast<std::size_t>(out_size) * static_cast<std::size_t>(c.ksize), 0);
    std::vector<double> w(static_cast<std::size_t>(c.ksize));
    for (int xx = 0; xx < out_size; ++xx) {
        const double center = (xx + 0.5) * scale;
        const double ss = 1.0 / filterscale;
        int xmin = static_cast<int>(center - support + 0.5);
        if (xmin < 0) xmin = 0;
        int xmax = static_cast<int>(center + support + 0.5);
        if (xmax > in_size) xmax = in_size;
        xmax -= xmin;
        double ww = 0.0;
        for (int x = 0; x < xmax; ++x) {
            w[static_cast<std::size_t>(x)] = bicubic((x + xmin - center + 0.5) * ss);
            ww += w[static_cast<std::size_t>(x)];
        }
        for (int x = 0; x < xmax; ++x) {
            const double v = ww != 0.0 ? w[static_cast<std::size_t>(x)] / ww : w[static_cast<std::size_t>(x)];
            const double f = v * (1 << kPrecisionBits);
            c.k[static_cast<std::size_t>(xx) * static_cast<std::size_t>(c.ksize) + static_cast<std::size_t>(x)] =
                static_cast<int>(v < 0 ? std::trunc(-0.5 + f) : std::trunc(0.5 + f));
        }
        c.bounds[static_cast<std::size_t>(xx) * 2] = xmin;
        c.bounds[static_cast<std::size_t>(xx) * 2 + 1] = xmax;
    }
    return c;
}

std::uint8_t clip8(long long v)
{
    if (v >= (1ll << kPrecisionBits << 8)) return 255;
    if (v <= 0) return 0;
    return static_cast<std::uint8_t>(v >> kPrecisionBits);
}

// Python's round(): halves go to the even neighbour.
int round_half_even(double v)
{
    const double r = std::nearbyint(v); // default rounding mode is to nearest even
    return static_cast<int>(r);
}

} // namespace

std::vector<std::uint8_t> resize_bicubic_pil(const std::uint8_t* rgb, int width, int height, int out_width, int out_height)
{
    const bool need_h = out_width != width, need_v = out_height != height;
    const Coefficients cv = precompute(height, out_height);
    int y_first = 0, y_last = height;
    if (need_v) {
        y_first = cv.bounds[0];
        y_last =
            cv.bounds[static_cast<std::size_t>(out_height) * 2 - 2] + cv.bounds[static_cast<std::size_t>(out_height) * 2 - 1];
    }
    // Horizontal pass over only the rows the vertical pass will read, into 8 bits.
    std::vector<std::uint8_t> temp;
    const std::uint8_t* src = rgb;
    int src_rows_offset = 0;
    if (need_h) {
        const Coefficients ch = precompute(width, out_width);
        const int rows = y_last - y_first;
        temp.resize(static_cast<std::size_t>(rows) * static_cast<std::size_t>(out_width) * 3);
        for (int y = 0; y < rows; ++y) {
            const std::uint8_t* in = rgb + static_cast<std::size_t>(y + y_first) * static_cast<std::size_t>(width) * 3;
            std::uint8_t* out = temp.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(out_width) * 3;
            for (int xx = 0; xx < out_width; ++xx) {
                const int xmin = ch.bounds[static_cast<std::size_t>(xx) * 2],
                          xmax = ch.bounds[static_cast<std::size_t>(xx) * 2 + 1];
                const int* k = ch.k.data() + static_cast<std::size_t>(xx) * static_cast<std::size_t>(ch.ksize);
                for (int c = 0; c < 3; ++c) {
                    long long ss = 1ll << (kPrecisionBits - 1);
                    for (int x = 0; x < xmax; ++x)
                        ss += static_cast<long long>(in[static_cast<std::size_t>(x + xmin) * 3 + static_cast<std::size_t>(c)]) *
                              k[x];
                    out[static_cast<std::size_t>(xx) * 3 + static_cast<std::size_t>(c)] = clip8(ss);
                }
            }
        }
        src = temp.data();
        src_rows_offset = y_first;
    }
    const int src_width = need_h ? out_width : width;
    if (!need_v) {
        if (need_h) return temp;
        return std::vector<std::uint8_t>(rgb, rgb + static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3);
    }
    std::vector<std::uint8_t> out(static_cast<std::size_t>(out_width) * static_cast<std::size_t>(out_height) * 3);
    for (int yy = 0; yy < out_height; ++yy) {
        const int ymin = cv.bounds[static_cast<std::size_t>(yy) * 2] - src_rows_offset;
        const int ymax = cv.bounds[static_cast<std::size_t>(yy) * 2 + 1];
        const int* k = cv.k.data() + static_cast<std::size_t>(yy) * static_cast<std::size_t>(cv.ksize);
        for (int xx = 0; xx < out_width; ++xx)
            for (int c = 0; c < 3; ++c) {
                long long ss = 1ll << (kPrecisionBits - 1);
                for (int y = 0; y < ymax; ++y)
                    ss += static_cast<long long>(src[(static_cast<std::size_t>(y + ymin) * static_cast<std::size_t>(src_width) +
                                                      static_cast<std::size_t>(xx)) *
                                                         3 +
                                                     static_cast<std::size_t>(c)]) *
                          k[y];
                out[(static_cast<std::size_t>(yy) * static_cast<std::size_t>(out_width) + static_cast<std::size_t>(xx)) * 3 +
                    static_cast<std::size_t>(c)] = clip8(ss);
            }
    }
    return out;
}

Result<std::vector<float>> clip_preprocess(const Raster& image, const ClipPreprocessParams& params)
{
    const int n = params.image_size;
    if (image.empty() || image.width <= 0 || image.height <= 0 || (image.channels != 1 && image.channels != 3) ||
        image.data.size() != image.pixel_count() * static_cast<std::size_t>(image.channels))
        return Status(ErrorCode::InvalidArgument, "no valid pixels to preprocess");
    if (n < 8) return Status(ErrorCode::InvalidArgument, "model input size too small");
    // 1. RGB, 8 bits, as Pillow holds it.
    std::vector<std::uint8_t> rgb(image.pixel_count() * 3);
    for (std::size_t i = 0; i < image.pixel_count(); ++i)
        for (int c = 0; c < 3; ++c) {
            const float v =
                image.data[i * static_cast<std::size_t>(image.channels) + static_cast<std::size_t>(image.channels == 3 ? c : 0)];
            rgb[i * 3 + static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(std::clamp(std::lround(v * 255.0f), 0l, 255l));
        }
    // 2. Shorter side to n, as torchvision computes the longer one (truncating).
    const int w = image.width, h = image.height;
    int ow = n, oh = n;
    if (w <= h)
        oh = static_cast<int>(double(n) * h / w);
    else
        ow = static_cast<int>(double(n) * w / h);
    const auto resized = resize_bicubic_pil(rgb.data(), w, h, ow, oh);
    // 3. Centre crop (torchvision: round((size - crop) / 2), half to even).
    const int top = round_half_even((oh - n) / 2.0), left = round_half_even((ow - n) / 2.0);
    // 4. To [0, 1], then CLIP's normalisation, channel-first.
    std::vector<float> out(static_cast<std::size_t>(3 * n * n));
    for (int c = 0; c < 3; ++c)
        for (int y = 0; y < n; ++y)
            for (int x = 0; x < n; ++x) {
                const std::uint8_t v = resized[(static_cast<std::size_t>(y + top) * static_cast<std::size_t>(ow) +
                                                static_cast<std::size_t>(x + left)) *
                                                   3 +
                                               static_cast<std::size_t>(c)];
                out[(static_cast<std::size_t>(c) * static_cast<std::size_t>(n) + static_cast<std::size_t>(y)) *
                        static_cast<std::size_t>(n) +
                    static_cast<std::size_t>(x)] =
                    (v / 255.0f - params.mean[static_cast<std::size_t>(c)]) / params.std[static_cast<std::size_t>(c)];
            }
    return out;
}

} // namespace clipflow
