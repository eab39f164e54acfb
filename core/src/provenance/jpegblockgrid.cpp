// The 8 x 8 block grid a JPEG save leaves (jpegforensics.h: jpeg_block_grid).
//
// JPEG quantizes each block's DCT, and most of all its highest frequencies, which at
// every usual quality mostly become zero: on the grid the file was saved on, the
// pixels' 8-point DCTs are sparse in their top frequencies; on any other grid each
// segment straddles two blocks and the step between them spreads into those
// frequencies. So for each of the 8 offsets, across (rows cut into 8-sample segments
// starting at columns x = offset mod 8) and down (columns, rows y = offset), the mean
// of |c5| + |c6| + |c7| (clipped) over the segments; an offset is the grid where its mean lies
// below the next lowest by min_z standard errors. Against
// the next, not all seven: a camera's colour filter or a 2x enlargement makes every
// second offset alike, which is no 8 x 8 grid. (The blocks' edges alone, a step
// between neighbours, were tried first: at quality 95 the strongest step fell inside
// the blocks, at an offset no save had used. Regions on a grid of their own, read per
// 64 px tile, were tried too: a square saved at 60, pasted 3 px off the grid and saved
// again at 90 showed the last save's grid in its tiles, its own below five standard
// errors; not offered.)
#include "clipflow/jpegforensics.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace clipflow {
namespace {

constexpr int kAbortRows = 64;
// A segment's |c5| + |c6| + |c7| counts up to this (5 levels in 8 bits): beyond it, an edge or
// texture straddles it whatever the grid, and a few such segments would decide the mean
// (a scene of sharp wraps and noise, saved at JPEG 70: 1.6 standard errors unclipped, 26
// at this cap; pictures never saved as JPEG stay under 2 at any cap tried, 3 to 20).
constexpr float kCap = 5.0f / 255.0f;

// The orthonormal 8-point DCT-II's three highest rows.
struct HighRows {
    std::array<std::array<float, 8>, 3> c{};
    HighRows()
    {
        for (int u = 5; u < 8; ++u)
            for (int n = 0; n < 8; ++n)
                c[std::size_t(u - 5)][std::size_t(n)] =
                    float(std::sqrt(2.0 / 8.0) * std::cos(3.14159265358979323846 * (2 * n + 1) * u / 16.0));
    }
};

struct OffsetSums {
    std::array<double, 8> sum{};
    std::array<long, 8> n{};
    double sq = 0.0;
    void add(int offset, double e)
    {
        sum[std::size_t(offset)] += e;
        ++n[std::size_t(offset)];
        sq += e * e;
    }
    void add_many(int offset, double values, double squares, long count)
    {
        sum[std::size_t(offset)] += values;
        n[std::size_t(offset)] += count;
        sq += squares;
    }
};

struct OffsetFit {
    int offset = -1;
    double z = 0.0;
};

OffsetFit fit(const OffsetSums& s)
{
    long total = 0;
    double all = 0.0;
    for (std::size_t k = 0; k < 8; ++k) {
        if (s.n[k] < 16) return {}; // too few segments at some offset to say anything
        total += s.n[k];
        all += s.sum[k];
    }
    const double mean = all / double(total);
    const double var = std::max(0.0, s.sq / double(total) - mean * mean);
    auto avg = [&s](std::size_t k) { return s.sum[k] / double(s.n[k]); };
    std::size_t best = 0, next = 1;
    if (avg(next) < avg(best)) std::swap(best, next);
    for (std::size_t k = 2; k < 8; ++k) {
        if (avg(k) < avg(best))
            next = best, best = k;
        else if (avg(k) < avg(next))
            next = k;
    }
    const double se = std::sqrt(var * (1.0 / double(s.n[best]) + 1.0 / double(s.n[next])));
    if (!(se > 0.0)) return {};
    return {int(best), (avg(next) - avg(best)) / se};
}

std::string grid_words(int x, int y)
{
    return "(" + std::to_string(x) + "," + std::to_string(y) + ")";
}

} // namespace

Result<JpegGrid> jpeg_block_grid(const Picture& image, const JpegGridParams& params)
{
    const int w = image.width, h = image.height, ch = image.channels;
    if (image.empty() || w < 1 || h < 1 || (ch != 1 && ch != 3) ||
        image.data.size() < std::size_t(w) * std::size_t(h) * std::size_t(ch))
        return Status(ErrorCode::InvalidArgument, "no picture to read a block grid from");
    // Luma as JPEG encoders compute it (BT.601, value / 255), whole: the columns' segments need 8 rows.
    const Raster y_plane = luminance(image);
    const std::vector<float>& luma = y_plane.data;
    static const HighRows rows;
    const auto& c = rows.c;
    OffsetSums across, down;
    // Across: each row's segments of 8 starting at x = offset (mod 8).
    for (int y = 0; y < h; ++y) {
        if (params.abort && y % kAbortRows == 0 && params.abort())
            return Status(ErrorCode::Aborted, "reading the block grid was stopped");
        const float* r = luma.data() + std::size_t(y) * std::size_t(w);
        for (int x0 = 0; x0 + 8 <= w; ++x0) {
            float s5 = 0, s6 = 0, s7 = 0;
            for (int n = 0; n < 8; ++n) {
                const float v = r[x0 + n];
                s5 += c[0][std::size_t(n)] * v, s6 += c[1][std::size_t(n)] * v, s7 += c[2][std::size_t(n)] * v;
            }
            across.add(x0 % 8, std::min(kCap, std::abs(s5) + std::abs(s6) + std::abs(s7)));
        }
    }
    // Down: the same along the columns, eight rows at a time for every column at once.
    std::vector<float> a5(static_cast<std::size_t>(w)), a6(a5.size()), a7(a5.size());
    for (int y0 = 0; y0 + 8 <= h; ++y0) {
        if (params.abort && y0 % kAbortRows == 0 && params.abort())
            return Status(ErrorCode::Aborted, "reading the block grid was stopped");
        std::fill(a5.begin(), a5.end(), 0.0f), std::fill(a6.begin(), a6.end(), 0.0f), std::fill(a7.begin(), a7.end(), 0.0f);
        for (int n = 0; n < 8; ++n) {
            const float* r = luma.data() + std::size_t(y0 + n) * std::size_t(w);
            const float k5 = c[0][std::size_t(n)], k6 = c[1][std::size_t(n)], k7 = c[2][std::size_t(n)];
            for (int x = 0; x < w; ++x)
                a5[std::size_t(x)] += k5 * r[x], a6[std::size_t(x)] += k6 * r[x], a7[std::size_t(x)] += k7 * r[x];
        }
        double sum = 0.0, sq = 0.0;
        for (int x = 0; x < w; ++x) {
            const double v =
                std::min(kCap, std::abs(a5[std::size_t(x)]) + std::abs(a6[std::size_t(x)]) + std::abs(a7[std::size_t(x)]));
            sum += v, sq += v * v;
        }
        down.add_many(y0 % 8, sum, sq, w);
    }

    JpegGrid g;
    const OffsetFit gx = fit(across), gy = fit(down);
    g.z_x = gx.z;
    g.z_y = gy.z;
    g.found = gx.offset >= 0 && gy.offset >= 0 && gx.z >= params.min_z && gy.z >= params.min_z;
    if (g.found) g.grid_x = gx.offset, g.grid_y = gy.offset;
    if (!g.found)
        g.note = "no 8x8 block grid stands out: never saved as JPEG, saved at a very high quality, or resized since";
    else if (g.grid_x == 0 && g.grid_y == 0)
        g.note = "an 8x8 block grid from the image's corner, as a JPEG save of this picture leaves";
    else
        g.note = "an 8x8 block grid offset by " + grid_words(g.grid_x, g.grid_y) +
                 " from the corner: saved as JPEG, then cut at a position that is no multiple of 8 (cropped) or padded";
    return g;
}

std::string JpegGrid::to_json() const
{
    return nlohmann::json{{"found", found}, {"grid", {grid_x, grid_y}}, {"z", {z_x, z_y}}, {"note", note}}.dump();
}

} // namespace clipflow
