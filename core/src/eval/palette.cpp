// Median-cut palette quantisation (laundering.h): what a GIF encoder or a PNG
// "optimiser" does to a photo, for training and evaluation.

#include "clipflow/laundering.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numeric>

namespace clipflow {

namespace {

struct Box {
    std::size_t begin = 0, end = 0;
    int channel = 0; // widest channel
    int range = 0;   // its max - min
};

} // namespace

Result<Raster> palette_quantize(const Raster& image, int colours, bool dither)
{
    if (image.empty() || image.width < 1 || image.height < 1 || (image.channels != 1 && image.channels != 3) ||
        image.data.size() != image.pixel_count() * static_cast<std::size_t>(image.channels))
        return Status(ErrorCode::InvalidArgument, "expected a grey or RGB raster");
    if (colours < 2 || colours > 256) return Status(ErrorCode::InvalidArgument, "a palette has 2 to 256 colours");
    const Picture pic = to_picture(image);
    const int nc = pic.channels;
    const std::size_t n = pic.data.size() / static_cast<std::size_t>(nc);
    auto value = [&](std::uint32_t i, int c) {
        return pic.data[static_cast<std::size_t>(i) * static_cast<std::size_t>(nc) + static_cast<std::size_t>(c)];
    };

    // Median cut: split the box with the widest channel range at its median pixel
    // until there are `colours` boxes or none has two distinct colours left.
    std::vector<std::uint32_t> idx(n);
    std::iota(idx.begin(), idx.end(), 0u);
    auto measure = [&](std::size_t b, std::size_t e) {
        Box box{b, e, 0, -1};
        for (int c = 0; c < nc; ++c) {
            int lo = 255, hi = 0;
            for (std::size_t i = b; i < e; ++i) {
                const int v = value(idx[i], c);
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
            if (hi - lo > box.range) {
                box.range = hi - lo;
                box.channel = c;
            }
        }
        return box;
    };
    std::vector<Box> boxes{measure(0, n)};
    while (static_cast<int>(boxes.size()) < colours) {
        auto it = std::max_element(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) {
            return a.range != b.range ? a.range < b.range : a.end - a.begin < b.end - b.begin;
        });
        if (it->range <= 0) break;
        const Box box = *it;
        const auto first = idx.begin() + static_cast<std::ptrdiff_t>(box.begin),
                   last = idx.begin() + static_cast<std::ptrdiff_t>(box.end);
        const int ch = box.channel;
        std::nth_element(first, first + static_cast<std::ptrdiff_t>((box.end - box.begin) / 2), last,
                         [&](std::uint32_t a, std::uint32_t b) { return value(a, ch) < value(b, ch); });
        // Cut between two values, never through one: pixels of one colour stay in one
        // box, so an image with no more colours than the palette keeps them all.
        const int median = value(*(first + static_cast<std::ptrdiff_t>((box.end - box.begin) / 2)), ch);
        auto cut = std::partition(first, last, [&](std::uint32_t a) { return value(a, ch) < median; });
        if (cut == first) cut = std::partition(first, last, [&](std::uint32_t a) { return value(a, ch) <= median; });
        const auto mid = static_cast<std::size_t>(cut - idx.begin());
        *it = measure(box.begin, mid);
        boxes.push_back(measure(mid, box.end));
    }

    // Each box's colour is the mean of its pixels.
    std::vector<std::array<int, 3>> palette(boxes.size());
    std::vector<std::uint8_t> box_of(n);
    for (std::size_t b = 0; b < boxes.size(); ++b) {
        std::array<double, 3> sum{};
        for (std::size_t i = boxes[b].begin; i < boxes[b].end; ++i) {
            box_of[idx[i]] = static_cast<std::uint8_t>(b);
            for (int c = 0; c < nc; ++c) sum[static_cast<std::size_t>(c)] += value(idx[i], c);
        }
        const double count = static_cast<double>(boxes[b].end - boxes[b].begin);
        for (int c = 0; c < nc; ++c)
            palette[b][static_cast<std::size_t>(c)] = static_cast<int>(std::lround(sum[static_cast<std::size_t>(c)] / count));
    }

    Picture out = pic;
    if (!dither) {
        for (std::size_t i = 0; i < n; ++i)
            for (int c = 0; c < nc; ++c)
                out.data[i * static_cast<std::size_t>(nc) + static_cast<std::size_t>(c)] =
                    static_cast<std::uint8_t>(palette[box_of[i]][static_cast<std::size_t>(c)]);
        return to_raster(out);
    }

    // Floyd-Steinberg: each pixel takes the nearest palette colour to its value plus
    // the error diffused so far (7/16 right; 3/16, 5/16, 1/16 below). Nearest colours
    // are remembered per 8-bit colour, so a large image costs little more than a small one.
    std::vector<std::int16_t> nearest(std::size_t{1} << (8 * nc), -1);
    auto nearest_of = [&](const std::array<int, 3>& v) {
        std::size_t key = 0;
        for (int c = 0; c < nc; ++c) key = (key << 8) | static_cast<std::size_t>(v[static_cast<std::size_t>(c)]);
        if (nearest[key] < 0) {
            long best = -1;
            for (std::size_t p = 0; p < palette.size(); ++p) {
                long d = 0;
                for (int c = 0; c < nc; ++c) {
                    const long t = v[static_cast<std::size_t>(c)] - palette[p][static_cast<std::size_t>(c)];
                    d += t * t;
                }
                if (best < 0 || d < best) {
                    best = d;
                    nearest[key] = static_cast<std::int16_t>(p);
                }
            }
        }
        return static_cast<std::size_t>(nearest[key]);
    };
    const auto w = static_cast<std::size_t>(pic.width), ncz = static_cast<std::size_t>(nc);
    std::vector<float> err_row((w + 2) * ncz, 0.0f), err_next((w + 2) * ncz, 0.0f);
    for (int y = 0; y < pic.height; ++y) {
        std::fill(err_next.begin(), err_next.end(), 0.0f);
        for (std::size_t x = 0; x < w; ++x) {
            const std::size_t i = static_cast<std::size_t>(y) * w + x;
            std::array<int, 3> v{};
            std::array<float, 3> want{};
            for (std::size_t c = 0; c < ncz; ++c) {
                want[c] = static_cast<float>(pic.data[i * ncz + c]) + err_row[(x + 1) * ncz + c];
                v[c] = std::clamp(static_cast<int>(std::lround(want[c])), 0, 255);
            }
            const std::size_t p = nearest_of(v);
            for (std::size_t c = 0; c < ncz; ++c) {
                out.data[i * ncz + c] = static_cast<std::uint8_t>(palette[p][c]);
                const float e = want[c] - static_cast<float>(palette[p][c]);
                err_row[(x + 2) * ncz + c] += e * 7.0f / 16.0f;
                err_next[x * ncz + c] += e * 3.0f / 16.0f;
                err_next[(x + 1) * ncz + c] += e * 5.0f / 16.0f;
                err_next[(x + 2) * ncz + c] += e * 1.0f / 16.0f;
            }
        }
        std::swap(err_row, err_next);
    }
    return to_raster(out);
}

} // namespace clipflow
