#pragma once
// The 6 x 16 GEMM micro-kernel both of our convolutions run (winogradconv.cpp,
// directconv.cpp): acc[j] += sum over c < n of rows[j][c] * w[c][0..16), for
// six rows. 12 accumulators, 2 weight vectors and a broadcast fill AVX2's 16
// registers, so each weight vector loaded serves six FMAs and the FMAs set the
// pace. Include only where CLIPFLOW_MICROKERNEL_X86 is defined below, and call
// only from functions compiled for AVX2 + FMA (it is inlined into them, so
// the accumulators stay in registers).

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

#include <cstddef>

#define CLIPFLOW_MICROKERNEL_X86 1

namespace clipflow::detail {

struct Acc6x16 {
    __m256 a[6][2];
};

/// rows: six pointers to n floats each; w: n rows of 16 floats, `wstride` apart.
__attribute__((target("avx2,fma"), always_inline)) inline void fma_6x16(const float* const* rows, const float* w,
                                                                        std::size_t wstride, int n, Acc6x16& acc)
{
    __m256 a00 = acc.a[0][0], a01 = acc.a[0][1], a10 = acc.a[1][0], a11 = acc.a[1][1], a20 = acc.a[2][0], a21 = acc.a[2][1];
    __m256 a30 = acc.a[3][0], a31 = acc.a[3][1], a40 = acc.a[4][0], a41 = acc.a[4][1], a50 = acc.a[5][0], a51 = acc.a[5][1];
    const float *p0 = rows[0], *p1 = rows[1], *p2 = rows[2], *p3 = rows[3], *p4 = rows[4], *p5 = rows[5];
    for (int c = 0; c < n; ++c, w += wstride) {
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
    acc.a[0][0] = a00, acc.a[0][1] = a01, acc.a[1][0] = a10, acc.a[1][1] = a11, acc.a[2][0] = a20, acc.a[2][1] = a21;
    acc.a[3][0] = a30, acc.a[3][1] = a31, acc.a[4][0] = a40, acc.a[4][1] = a41, acc.a[5][0] = a50, acc.a[5][1] = a51;
}

} // namespace clipflow::detail

#endif
