#pragma once
// A 3 x 3, stride-1, zero-padded convolution with bias and ReLU by Winograd's
// F(2x2, 3x3) (Lavin & Gray, 2016): each 2 x 2 block of outputs costs 16
// multiplications per channel pair instead of 36. forensic-v2's second layer
// (16 -> 32 channels at full resolution) is the largest stride-1 layer of the
// network, and a direct convolution there already runs near the core's peak,
// so fewer multiplications is what is left to win. Torch-free (raw channels-last
// buffers) so that it is tested against a plain loop; AVX2 + FMA, chosen at run
// time, with no fallback here: callers use their own convolution when
// supported() says no.

#include <vector>

namespace clipflow::detail {

class WinogradConv3x3 {
public:
    /// This CPU has AVX2 and FMA, and the channel counts suit the kernel (cin a
    /// multiple of 8, cout of 32). Otherwise run() computes the convolution
    /// directly (correct, slow).
    static bool supported(int cin, int cout);

    /// weight: [cout][cin][3][3] (PyTorch's layout), bias: [cout].
    WinogradConv3x3(const float* weight, const float* bias, int cin, int cout);

    int cin() const { return cin_; }
    int cout() const { return cout_; }

    /// One image: in [h][w][cin], out [h][w][cout] (channels last, contiguous),
    /// relu(conv(in) + bias). Only output rows [2 * tile_begin, 2 * tile_end) are
    /// written, so callers can split an image between threads by tile rows
    /// (there are (h + 1) / 2 of them).
    void run(const float* in, float* out, int h, int w, int tile_begin, int tile_end) const;

private:
    int cin_ = 0, cout_ = 0;
    std::vector<float> u_;      ///< transformed weights [16][cin][cout]
    std::vector<float> bias_;   ///< [cout]
    std::vector<float> weight_; ///< [cout][cin][3][3], for CPUs without AVX2
};

} // namespace clipflow::detail
