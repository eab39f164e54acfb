#pragma once
// A 3 x 3, zero-padded convolution (stride 1 or 2) with bias and ReLU, direct,
// as an implicit GEMM over channels-last buffers: for six output pixels of a
// row and sixteen output channels, the nine taps' input channels are the
// reduction. forensic-v2's stride-2 layers run in oneDNN's channels-last
// kernel at about two thirds of the speed of its blocked layout on the CPUs we
// measured, and converting to the blocked layout costs more than it saves;
// this kernel runs in the layout the network already has. Torch-free, so that
// it is tested against a plain loop; AVX2 + FMA chosen at run time, a plain
// direct convolution otherwise (correct, slow: callers check supported()).

#include <vector>

namespace clipflow::detail {

class DirectConv3x3 {
public:
    /// This CPU has AVX2 and FMA and cout is a multiple of 16.
    static bool supported(int cin, int cout);

    /// weight: [cout][cin][3][3] (PyTorch's layout), bias: [cout]; stride 1 or 2.
    DirectConv3x3(const float* weight, const float* bias, int cin, int cout, int stride);

    int cin() const { return cin_; }
    int cout() const { return cout_; }
    int stride() const { return stride_; }
    /// Output size along an axis of `n` input pixels (padding 1): (n - 1) / stride + 1.
    int output_size(int n) const { return (n - 1) / stride_ + 1; }

    /// One image: in [h][w][cin], out [output_size(h)][output_size(w)][cout]
    /// (channels last, contiguous), relu(conv(in) + bias). Only output rows
    /// [row_begin, row_end) are written, so callers can split an image between
    /// threads.
    void run(const float* in, float* out, int h, int w, int row_begin, int row_end) const;

private:
    int cin_ = 0, cout_ = 0, stride_ = 1;
    std::vector<float> packed_; ///< [cout / 16][9][cin][16]: one block's weights in the order the kernel reads them
    std::vector<float> bias_;   ///< [cout]
    std::vector<float> weight_; ///< [cout][cin][3][3], for the plain path
};

} // namespace clipflow::detail
