#pragma once
// Raster and Picture <-> cv::Mat (internal to core). Mats hold CV_32FC1 or CV_32FC3 in
// RGB order; only encoders and decoders swap to OpenCV's BGR.

#include "clipflow/raster.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace clipflow::detail {

inline cv::Mat to_mat(const Raster& r)
{
    cv::Mat m(r.height, r.width, CV_32FC(r.channels));
    std::copy(r.data.begin(), r.data.end(), m.ptr<float>());
    return m;
}

// A Raster as a float Mat sharing its samples (no copy): for regions of large images.
inline cv::Mat raster_view(const Raster& r)
{
    return cv::Mat(r.height, r.width, CV_32FC(r.channels), const_cast<float*>(r.data.data()));
}

inline Raster from_mat(const cv::Mat& m)
{
    cv::Mat f;
    if (m.depth() == CV_32F && m.isContinuous())
        f = m;
    else
        m.convertTo(f, CV_32F);
    if (!f.isContinuous()) f = f.clone();
    Raster r;
    r.width = f.cols;
    r.height = f.rows;
    r.channels = f.channels();
    r.data.assign(f.ptr<float>(), f.ptr<float>() + f.total() * static_cast<std::size_t>(f.channels()));
    return r;
}

// A Picture as an 8-bit Mat sharing its bytes (no copy), and an 8-bit Mat as a Picture.
inline cv::Mat picture_view(const Picture& p)
{
    return cv::Mat(p.height, p.width, CV_8UC(p.channels), const_cast<std::uint8_t*>(p.data.data()));
}

inline Picture picture_from_mat(const cv::Mat& m)
{
    const cv::Mat c = m.isContinuous() ? m : m.clone();
    Picture p;
    p.width = c.cols;
    p.height = c.rows;
    p.channels = c.channels();
    p.data.assign(c.datastart, c.dataend);
    return p;
}

// Reproducible draws, identical on every platform (unlike <random>'s distributions).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : s_(seed ^ 0x9e3779b97f4a7c15ull) { next(); }
    std::uint64_t next()
    {
        // splitmix64
        std::uint64_t z = (s_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    double normal()
    {
        const double u1 = std::max(uniform(), 1e-300), u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }

private:
    std::uint64_t s_;
};

// A seed for item `index` of a stream seeded with `seed`.
inline std::uint64_t mix_seed(std::uint64_t seed, std::uint64_t index)
{
    Rng r(seed * 0x2545f4914f6cdd1dull + index);
    return r.next();
}

} // namespace clipflow::detail
