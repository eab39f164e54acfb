#include "directconv.h"

#include <algorithm>
#include <array>
#include <cstddef>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CLIPFLOW_DIRECTCONV_X86 1
#endif

namespace clipflow::detail {

namespace {

constexpr int kPixels = 6; // output pixels per micro-kernel call
constexpr int kBlock = 16; // output channels per micro-kernel call

#ifdef CLIPFLOW_DIRECTCONV_X86

// acc[j] = bias + sum over taps t and channels c of in_t[j][c] * w[t][c][0..16),
// then ReLU, to out[j] (12 accumulators, 2 weight vectors and a broadcast: AVX2's
// 16 registers; each weight vector loaded serves six FMAs).
__attribute__((target("avx2,fma"))) inline void micro_6x16(const float* const* taps, const float* w, int cin, const float* bias,
                                                           float* const* out)
{
    __m256 a00 = _mm256_loadu_ps(bias), a01 = _mm256_loadu_ps(bias + 8);
    __m256 a10 = a00, a11 = a01, a20 = a00, a21 = a01, a30 = a00, a31 = a01, a40 = a00, a41 = a01, a50 = a00, a51 = a01;
    for (int t = 0; t < 9; ++t, taps += kPixels) {
        const float *p0 = taps[0], *p1 = taps[1], *p2 = taps[2], *p3 = taps[3], *p4 = taps[4], *p5 = taps[5];
        for (int c = 0; c < cin; ++c, w += kBlock) {
            const __m256 w0 = _mm256_loadu_ps(w), w1 = _mm256_loadu_ps(w + 8);
            __m256 s = _mm256_broadcast_ss(p0 + c);
            a00 = _mm256_fmadd_ps(s, w0, a00);
            a01 = _mm256_fmadd_ps(s, w1, a01);
            s = _mm256_broadcast_ss(p1 + c);
            a10 = _mm256_fmadd_ps(s, w0, a10);
            a11 = _mm256_fmadd_ps(s, w1, a11);
            s = _mm256_broadcast_ss(p2 + c);
            a20 = _mm256_fmadd_ps(s, w0, a20);
            a21 = _mm256_fmadd_ps(s, w1, a21);
            s = _mm256_broadcast_ss(p3 + c);
            a30 = _mm256_fmadd_ps(s, w0, a30);
            a31 = _mm256_fmadd_ps(s, w1, a31);
            s = _mm256_broadcast_ss(p4 + c);
            a40 = _mm256_fmadd_ps(s, w0, a40);
            a41 = _mm256_fmadd_ps(s, w1, a41);
            s = _mm256_broadcast_ss(p5 + c);
            a50 = _mm256_fmadd_ps(s, w0, a50);
            a51 = _mm256_fmadd_ps(s, w1, a51);
        }
    }
    const __m256 z = _mm256_setzero_ps();
    _mm256_storeu_ps(out[0], _mm256_max_ps(a00, z));
    _mm256_storeu_ps(out[0] + 8, _mm256_max_ps(a01, z));
    _mm256_storeu_ps(out[1], _mm256_max_ps(a10, z));
    _mm256_storeu_ps(out[1] + 8, _mm256_max_ps(a11, z));
    _mm256_storeu_ps(out[2], _mm256_max_ps(a20, z));
    _mm256_storeu_ps(out[2] + 8, _mm256_max_ps(a21, z));
    _mm256_storeu_ps(out[3], _mm256_max_ps(a30, z));
    _mm256_storeu_ps(out[3] + 8, _mm256_max_ps(a31, z));
    _mm256_storeu_ps(out[4], _mm256_max_ps(a40, z));
    _mm256_storeu_ps(out[4] + 8, _mm256_max_ps(a41, z));
    _mm256_storeu_ps(out[5], _mm256_max_ps(a50, z));
    _mm256_storeu_ps(out[5] + 8, _mm256_max_ps(a51, z));
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
                micro_6x16(taps.data(), packed + static_cast<std::size_t>(cb) * 9 * ci, cin, bias + cb, o.data());
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
#ifdef CLIPFLOW_DIRECTCONV_X86
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
#ifdef CLIPFLOW_DIRECTCONV_X86
    if (supported(cin_, cout_)) {
        run_avx2(in, out, h, w, cin_, cout_, stride_, packed_.data(), bias_.data(), row_begin, row_end);
        return;
    }
#endif
    run_plain(in, out, h, w, cin_, cout_, stride_, weight_.data(), bias_.data(), row_begin, row_end);
}

} // namespace clipflow::detail
