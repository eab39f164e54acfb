#include "winogradconv.h"

#include <algorithm>
#include <cstddef>
#include <vector>

#include "microkernel_p.h"

namespace clipflow::detail {

namespace {

#ifdef CLIPFLOW_MICROKERNEL_X86

// The 16 products of a tile row are small matrix products, [tiles x cin] by
// [cin x cout]; they run through the GEMM micro-kernel (microkernel_p.h), six
// tiles by 16 outputs at a time.
constexpr int kRows = 6;

// One output row of a tile (A^T M already applied to the rows): its two pixels,
// plus bias, through the ReLU; pixels past the image's edge are not written.
__attribute__((target("avx2,fma"))) inline void finish_row(const __m256* r, __m256 bias, float* out, int y, int x, int h, int w,
                                                           int cout, int channel)
{
    if (y >= h) return;
    const __m256 zero = _mm256_setzero_ps();
    float* o = out + (static_cast<std::size_t>(y) * w + x) * cout + channel;
    _mm256_storeu_ps(o, _mm256_max_ps(_mm256_add_ps(_mm256_add_ps(_mm256_add_ps(r[0], r[1]), r[2]), bias), zero));
    if (x + 1 < w)
        _mm256_storeu_ps(o + cout, _mm256_max_ps(_mm256_add_ps(_mm256_sub_ps(_mm256_sub_ps(r[1], r[2]), r[3]), bias), zero));
}

// M[t][0..16) = sum_c V[t][c] U[c][0..16) for six tiles t (rows `v`, `vstride`
// apart), U's rows `ustride` apart; results to `m`, rows `mstride` apart.
__attribute__((target("avx2,fma"))) inline void micro_6x16(const float* v, std::size_t vstride, const float* u,
                                                           std::size_t ustride, int cin, float* m, std::size_t mstride)
{
    const float* rows[kRows];
    for (int t = 0; t < kRows; ++t) rows[t] = v + t * vstride;
    Acc6x16 acc;
    for (auto& row : acc.a) row[0] = row[1] = _mm256_setzero_ps();
    fma_6x16(rows, u, ustride, cin, acc);
    for (int t = 0; t < kRows; ++t) {
        _mm256_storeu_ps(m + t * mstride, acc.a[t][0]);
        _mm256_storeu_ps(m + t * mstride + 8, acc.a[t][1]);
    }
}

__attribute__((target("avx2,fma"))) void run_avx2(const float* in, float* out, int h, int w, int cin, int cout, const float* u,
                                                  const float* bias, int tile_begin, int tile_end)
{
    const int tiles_x = (w + 1) / 2;
    const int padded = (tiles_x + kRows - 1) / kRows * kRows; // zero tiles fill the last block
    const std::size_t ci = static_cast<std::size_t>(cin), co = static_cast<std::size_t>(cout);
    const std::size_t pt = static_cast<std::size_t>(padded);
    std::vector<float> vbuf(16 * pt * ci, 0.0f); // transformed inputs [16][tile][cin]
    std::vector<float> mbuf(16 * pt * co);       // products [16][tile][cout]
    for (int ty = tile_begin; ty < tile_end; ++ty) {
        const int y0 = 2 * ty - 1;
        // Input transform V = B^T d B of each 4 x 4 patch, 8 channels at a time.
        for (int t = 0; t < tiles_x; ++t) {
            const int x0 = 2 * t - 1;
            const bool inside = y0 >= 0 && x0 >= 0 && y0 + 3 < h && x0 + 3 < w;
            for (int c8 = 0; c8 < cin; c8 += 8) {
                __m256 d[4][4];
                for (int r = 0; r < 4; ++r)
                    for (int c = 0; c < 4; ++c) {
                        const int y = y0 + r, x = x0 + c;
                        d[r][c] = inside || (y >= 0 && y < h && x >= 0 && x < w)
                                      ? _mm256_loadu_ps(in + (static_cast<std::size_t>(y) * w + x) * ci + c8)
                                      : _mm256_setzero_ps(); // zero padding
                    }
                __m256 b[4][4]; // B^T d
                for (int c = 0; c < 4; ++c) {
                    b[0][c] = _mm256_sub_ps(d[0][c], d[2][c]);
                    b[1][c] = _mm256_add_ps(d[1][c], d[2][c]);
                    b[2][c] = _mm256_sub_ps(d[2][c], d[1][c]);
                    b[3][c] = _mm256_sub_ps(d[1][c], d[3][c]);
                }
                for (int r = 0; r < 4; ++r) { // (B^T d) B, element e = 4 r + column
                    float* at = vbuf.data() + (static_cast<std::size_t>(r * 4) * pt + t) * ci + c8;
                    _mm256_storeu_ps(at, _mm256_sub_ps(b[r][0], b[r][2]));
                    _mm256_storeu_ps(at + pt * ci, _mm256_add_ps(b[r][1], b[r][2]));
                    _mm256_storeu_ps(at + 2 * pt * ci, _mm256_sub_ps(b[r][2], b[r][1]));
                    _mm256_storeu_ps(at + 3 * pt * ci, _mm256_sub_ps(b[r][1], b[r][3]));
                }
            }
        }
        // 16 products, each [tiles x cin] by [cin x cout].
        for (int e = 0; e < 16; ++e) {
            const float* ve = vbuf.data() + static_cast<std::size_t>(e) * pt * ci;
            const float* ue = u + static_cast<std::size_t>(e) * ci * co;
            float* me = mbuf.data() + static_cast<std::size_t>(e) * pt * co;
            for (int cb = 0; cb < cout; cb += 16)
                for (int t = 0; t < padded; t += kRows)
                    micro_6x16(ve + static_cast<std::size_t>(t) * ci, ci, ue + cb, co, cin,
                               me + static_cast<std::size_t>(t) * co + cb, co);
        }
        // Output transform Y = A^T M A, then bias and ReLU.
        const int oy = 2 * ty;
        for (int t = 0; t < tiles_x; ++t) {
            const int ox = 2 * t;
            for (int j = 0; j < cout; j += 8) {
                const float* mt = mbuf.data() + static_cast<std::size_t>(t) * co + j;
                const std::size_t es = pt * co; // from one element's products to the next
                __m256 r0[4], r1[4];
                for (int c = 0; c < 4; ++c) {
                    const __m256 m0 = _mm256_loadu_ps(mt + c * es), m1 = _mm256_loadu_ps(mt + (4 + c) * es);
                    const __m256 m2 = _mm256_loadu_ps(mt + (8 + c) * es), m3 = _mm256_loadu_ps(mt + (12 + c) * es);
                    r0[c] = _mm256_add_ps(_mm256_add_ps(m0, m1), m2);
                    r1[c] = _mm256_sub_ps(_mm256_sub_ps(m1, m2), m3);
                }
                const __m256 bv = _mm256_loadu_ps(bias + j);
                finish_row(r0, bv, out, oy, ox, h, w, cout, j);
                finish_row(r1, bv, out, oy + 1, ox, h, w, cout, j);
            }
        }
    }
}

#endif

// Without AVX2: the direct convolution, so run() is always correct.
void run_plain(const float* in, float* out, int h, int w, int cin, int cout, const float* weight_oihw, const float* bias,
               int tile_begin, int tile_end)
{
    for (int y = 2 * tile_begin; y < std::min(h, 2 * tile_end); ++y)
        for (int x = 0; x < w; ++x)
            for (int o = 0; o < cout; ++o) {
                float s = bias[o];
                for (int dy = -1; dy <= 1; ++dy)
                    for (int dx = -1; dx <= 1; ++dx) {
                        const int yy = y + dy, xx = x + dx;
                        if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue;
                        const float* p = in + (static_cast<std::size_t>(yy) * w + xx) * cin;
                        const float* k = weight_oihw + static_cast<std::size_t>(o) * cin * 9 + (dy + 1) * 3 + (dx + 1);
                        for (int i = 0; i < cin; ++i) s += p[i] * k[static_cast<std::size_t>(i) * 9];
                    }
                out[(static_cast<std::size_t>(y) * w + x) * cout + o] = std::max(s, 0.0f);
            }
}

} // namespace

bool WinogradConv3x3::supported(int cin, int cout)
{
#ifdef CLIPFLOW_MICROKERNEL_X86
    static const bool cpu = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return cpu && cin > 0 && cin % 8 == 0 && cout > 0 && cout % 32 == 0;
#else
    (void)cin;
    (void)cout;
    return false;
#endif
}

WinogradConv3x3::WinogradConv3x3(const float* weight, const float* bias, int cin, int cout)
    : cin_(cin), cout_(cout), u_(std::size_t(16) * static_cast<std::size_t>(cin) * static_cast<std::size_t>(cout)),
      bias_(bias, bias + cout), weight_(weight, weight + static_cast<std::size_t>(cin) * cout * 9)
{
    // U = G g G^T for every (output, input) pair, stored [16][cin][cout] so that
    // the products read 32 outputs of one input contiguously.
    static constexpr float G[4][3] = {{1, 0, 0}, {0.5f, 0.5f, 0.5f}, {0.5f, -0.5f, 0.5f}, {0, 0, 1}};
    for (int o = 0; o < cout; ++o)
        for (int i = 0; i < cin; ++i) {
            const float* g = weight + (static_cast<std::size_t>(o) * cin + i) * 9;
            float gg[4][3]; // G g
            for (int a = 0; a < 4; ++a)
                for (int c = 0; c < 3; ++c) gg[a][c] = G[a][0] * g[c] + G[a][1] * g[3 + c] + G[a][2] * g[6 + c];
            for (int a = 0; a < 4; ++a)
                for (int b = 0; b < 4; ++b)
                    u_[(static_cast<std::size_t>(a * 4 + b) * cin + i) * cout + o] =
                        gg[a][0] * G[b][0] + gg[a][1] * G[b][1] + gg[a][2] * G[b][2];
        }
}

void WinogradConv3x3::run(const float* in, float* out, int h, int w, int tile_begin, int tile_end) const
{
    tile_begin = std::max(tile_begin, 0);
    tile_end = std::min(tile_end, (h + 1) / 2);
    if (h <= 0 || w <= 0 || tile_begin >= tile_end) return;
#ifdef CLIPFLOW_MICROKERNEL_X86
    if (supported(cin_, cout_)) {
        run_avx2(in, out, h, w, cin_, cout_, u_.data(), bias_.data(), tile_begin, tile_end);
        return;
    }
#endif
    run_plain(in, out, h, w, cin_, cout_, weight_.data(), bias_.data(), tile_begin, tile_end);
}

} // namespace clipflow::detail
