#include "directconv.h"

#include <algorithm>
#include <array>
#include <cstddef>

#include "microkernel_p.h"

namespace clipflow::detail {

namespace {

constexpr int kPixels = 6; // output pixels per micro-kernel call
constexpr int kBlock = 16; // output channels per micro-kernel call

#ifdef CLIPFLOW_MICROKERNEL_X86

// out[j] = relu(bias + sum over taps t of the micro-kernel over in_t[j][0..cin) and w[t]).
__attribute__((target("avx2,fma"))) inline void pixels_6x16(const float* const* taps, const float* w, int cin, const float* bias,
                                                            float* const* out)
{
    Acc6x16 acc;
    const __m256 b0 = _mm256_loadu_ps(bias), b1 = _mm256_loadu_ps(bias + 8);
    for (auto& row : acc.a) row[0] = b0, row[1] = b1;
    for (int t = 0; t < 9; ++t, taps += kPixels, w += static_cast<std::size_t>(cin) * kBlock) fma_6x16(taps, w, kBlock, cin, acc);
    const __m256 z = _mm256_setzero_ps();
    for (int j = 0; j < kPixels; ++j) {
        _mm256_storeu_ps(out[j], _mm256_max_ps(acc.a[j][0], z));
        _mm256_storeu_ps(out[j] + 8, _mm256_max_ps(acc.a[j][1], z));
    }
}

__attribute__((target("avx2,fma"))) void run_avx2(const float* in, float* out, int h, int w, int cin, int cout, int stride,
                                                  const float* packed, const float* bias, int row_begin, int row_end)
{
    const int wo = (w - 1) / stride + 1;
    const std::size_t ci = static_cast<std::size_t>(cin), co = static_cast<std::size_t>(cout);
    // Taps outside the image read zeros; pixels past the row's end write to a sink.
    const std::vector<float> zeros(ci, 0.0f);
    std::vector<float> sink(co);
    std::array<const float*, 9 * kPixels> taps{};
    std::array<float*, kPixels> dst{};
    for (int oy = row_begin; oy < row_end; ++oy)
        for (int ox0 = 0; ox0 < wo; ox0 += kPixels) {
            for (int j = 0; j < kPixels; ++j) {
                const int ox = ox0 + j;
                for (int t = 0; t < 9; ++t) {
                    const int y = oy * stride + t / 3 - 1, x = ox * stride + t % 3 - 1;
                    taps[static_cast<std::size_t>(t * kPixels + j)] = ox < wo && y >= 0 && y < h && x >= 0 && x < w
                                                                          ? in + (static_cast<std::size_t>(y) * w + x) * ci
                                                                          : zeros.data();
                }
                dst[static_cast<std::size_t>(j)] = ox < wo ? out + (static_cast<std::size_t>(oy) * wo + ox) * co : sink.data();
            }
            for (int cb = 0; cb < cout; cb += kBlock) {
                std::array<float*, kPixels> o{};
                for (std::size_t j = 0; j < o.size(); ++j) o[j] = dst[j] + cb; // the sink holds a whole pixel too
                pixels_6x16(taps.data(), packed + static_cast<std::size_t>(cb) * 9 * ci, cin, bias + cb, o.data());
            }
        }
}

#endif

void run_plain(const float* in, float* out, int h, int w, int cin, int cout, int stride, const float* weight_oihw,
               const float* bias, int row_begin, int row_end)
{
    const int wo = (w - 1) / stride + 1;
    for (int oy = row_begin; oy < row_end; ++oy)
        for (int ox = 0; ox < wo; ++ox)
            for (int o = 0; o < cout; ++o) {
                float s = bias[o];
                for (int t = 0; t < 9; ++t) {
                    const int y = oy * stride + t / 3 - 1, x = ox * stride + t % 3 - 1;
                    if (y < 0 || y >= h || x < 0 || x >= w) continue;
                    const float* p = in + (static_cast<std::size_t>(y) * w + x) * cin;
                    const float* k = weight_oihw + static_cast<std::size_t>(o) * cin * 9 + t;
                    for (int i = 0; i < cin; ++i) s += p[i] * k[static_cast<std::size_t>(i) * 9];
                }
                out[(static_cast<std::size_t>(oy) * wo + ox) * cout + o] = std::max(s, 0.0f);
            }
}

} // namespace

bool DirectConv3x3::supported(int cin, int cout)
{
#ifdef CLIPFLOW_MICROKERNEL_X86
    static const bool cpu = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return cpu && cin > 0 && cout > 0 && cout % kBlock == 0;
#else
    (void)cin;
    (void)cout;
    return false;
#endif
}

DirectConv3x3::DirectConv3x3(const float* weight, const float* bias, int cin, int cout, int stride)
    : cin_(cin), cout_(cout), stride_(stride == 2 ? 2 : 1), bias_(bias, bias + cout),
      weight_(weight, weight + static_cast<std::size_t>(cin) * cout * 9)
{
    if (cout % kBlock != 0) return; // the plain path only
    packed_.resize(static_cast<std::size_t>(cout) * cin * 9);
    for (int o = 0; o < cout; ++o)
        for (int i = 0; i < cin; ++i)
            for (int t = 0; t < 9; ++t)
                packed_[((static_cast<std::size_t>(o / kBlock) * 9 + t) * cin + i) * kBlock + o % kBlock] =
                    weight[(static_cast<std::size_t>(o) * cin + i) * 9 + t];
}

void DirectConv3x3::run(const float* in, float* out, int h, int w, int row_begin, int row_end) const
{
    if (h <= 0 || w <= 0) return;
    row_begin = std::max(row_begin, 0);
    row_end = std::min(row_end, output_size(h));
    if (row_begin >= row_end) return;
#ifdef CLIPFLOW_MICROKERNEL_X86
    if (supported(cin_, cout_)) {
        run_avx2(in, out, h, w, cin_, cout_, stride_, packed_.data(), bias_.data(), row_begin, row_end);
        return;
    }
#endif
    run_plain(in, out, h, w, cin_, cout_, stride_, weight_.data(), bias_.data(), row_begin, row_end);
}

} // namespace clipflow::detail
