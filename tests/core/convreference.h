#pragma once
// The tests of our convolution kernels (tst_winogradconv, tst_directconv)
// compare them with this: the definition of relu(conv3x3(in, stride) + bias)
// with zero padding 1, channels last, summed in double precision.

#include <algorithm>
#include <random>
#include <vector>

namespace convreference {

inline std::vector<float> random_values(std::size_t n, unsigned seed, float lo, float hi)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> d(lo, hi);
    std::vector<float> v(n);
    for (auto& x : v) x = d(rng);
    return v;
}

/// in [h][w][cin], weight [cout][cin][3][3], bias [cout]; out [ho][wo][cout], ho = (h - 1) / stride + 1.
inline std::vector<float> conv3x3_relu(const std::vector<float>& in, const std::vector<float>& weight,
                                       const std::vector<float>& bias, int h, int w, int cin, int cout, int stride = 1)
{
    const int ho = (h - 1) / stride + 1, wo = (w - 1) / stride + 1;
    std::vector<float> out(std::size_t(ho) * wo * cout);
    for (int y = 0; y < ho; ++y)
        for (int x = 0; x < wo; ++x)
            for (int o = 0; o < cout; ++o) {
                double s = bias[std::size_t(o)];
                for (int i = 0; i < cin; ++i)
                    for (int dy = 0; dy < 3; ++dy)
                        for (int dx = 0; dx < 3; ++dx) {
                            const int yy = y * stride + dy - 1, xx = x * stride + dx - 1;
                            if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue;
                            s += double(in[(std::size_t(yy) * w + xx) * cin + i]) *
                                 weight[((std::size_t(o) * cin + i) * 3 + dy) * 3 + dx];
                        }
                out[(std::size_t(y) * wo + x) * cout + o] = float(std::max(s, 0.0));
            }
    return out;
}

} // namespace convreference
