// forensic-v2 scoring cost: features of 256 x 256 native crops through
// LearnedBackbone, one thread, with the shipped weights.
// bench/compare_forensicnet.py runs the Python eager reference beside it.
//
// CLIPFLOW_BENCH_WEIGHTS: the weights file. CLIPFLOW_BENCH_ACCURACY=1 prints
// the features of the deterministic test view (see test_view) as JSON instead
// of timing, so the reference can check it runs the same network.
//
// layer/L/K: forensic-v2's stride-2 layer L alone (fused convolution + ReLU,
// random weights, 256 x 256 network input) in kernel K: 0 oneDNN channels-last
// (LibTorch's choice for our layout), 1 oneDNN's blocked layout (to_mkldnn,
// which eager's NCHW default reaches), 2 ours (detect/directconv.h).

#include "detect/directconv.h"

#include <clipflow/allocator.h>
#include <clipflow/learnedbackbone.h>

#include <benchmark/benchmark.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>

namespace {

const clipflow::LearnedBackbone& backbone()
{
    static const std::unique_ptr<clipflow::LearnedBackbone> b = [] {
        const char* path = std::getenv("CLIPFLOW_BENCH_WEIGHTS");
        if (!path) {
            std::cerr << "set CLIPFLOW_BENCH_WEIGHTS (bench/compare_forensicnet.py does)\n";
            std::exit(2);
        }
        auto loaded = clipflow::LearnedBackbone::load(path);
        if (!loaded) {
            std::cerr << loaded.status().to_string() << "\n";
            std::exit(2);
        }
        return std::move(loaded.value());
    }();
    return *b;
}

// The same pixels as compare_forensicnet.py's test_view(): a textured, non-periodic pattern.
clipflow::Raster test_view(int side, int index)
{
    clipflow::Raster r;
    r.width = r.height = side;
    r.channels = 3;
    r.data.resize(static_cast<std::size_t>(side) * side * 3);
    std::uint32_t s = 12345u + static_cast<std::uint32_t>(index);
    for (auto& v : r.data) {
        s = s * 1664525u + 1013904223u; // the same LCG in Python
        v = static_cast<float>(s >> 24) / 255.0f;
    }
    return r;
}

void features(benchmark::State& state)
{
    torch::set_num_threads(1);
    const int batch = static_cast<int>(state.range(0));
    std::vector<clipflow::Raster> views;
    for (int i = 0; i < batch; ++i) views.push_back(test_view(256, i));
    // The best call as well as the mean: the reference reports its best of
    // several runs, and on a shared machine the same statistic on both sides
    // is the fair comparison.
    double best = 1e300;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        auto f = backbone().features(views);
        best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        if (!f) state.SkipWithError(f.status().message().c_str());
        benchmark::DoNotOptimize(f);
    }
    state.counters["ms_per_crop"] = benchmark::Counter(double(batch) * double(state.iterations()) / 1000.0,
                                                       benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
    state.counters["best_ms_per_crop"] = best / batch;
}

void layer(benchmark::State& state)
{
    torch::set_num_threads(1);
    torch::InferenceMode guard;
    constexpr int kCin[] = {3, 16, 32, 64, 64}, kCout[] = {16, 32, 64, 64, 128}, kSide[] = {256, 256, 256, 128, 64};
    const int l = static_cast<int>(state.range(0)), kernel = static_cast<int>(state.range(1));
    const int cin = kCin[l], cout = kCout[l], side = kSide[l];
    torch::manual_seed(1);
    const auto x = torch::rand({1, cin, side, side}).contiguous(torch::MemoryFormat::ChannelsLast);
    const auto w = ((torch::rand({cout, cin, 3, 3}) - 0.5) * 0.2).contiguous();
    const auto b = torch::rand({cout});
    namespace F = torch::nn::functional;
    if (kernel == 0) {
        const auto wcl = w.contiguous(torch::MemoryFormat::ChannelsLast);
        for (auto _ : state)
            benchmark::DoNotOptimize(F::conv2d(x, wcl, F::Conv2dFuncOptions().bias(b).stride(2).padding(1)).relu_());
    } else if (kernel == 1) {
        const auto xm = x.contiguous().to_mkldnn();
        for (auto _ : state)
            benchmark::DoNotOptimize(torch::relu(torch::mkldnn_convolution(xm, w, b, {1, 1}, {2, 2}, {1, 1}, 1)));
    } else {
        const clipflow::detail::DirectConv3x3 conv(w.data_ptr<float>(), b.data_ptr<float>(), cin, cout, 2);
        const int out_side = conv.output_size(side);
        std::vector<float> out(static_cast<std::size_t>(out_side) * out_side * cout);
        for (auto _ : state) {
            conv.run(x.data_ptr<float>(), out.data(), side, side, 0, out_side);
            benchmark::DoNotOptimize(out.data());
        }
    }
}

} // namespace

BENCHMARK(layer)->ArgsProduct({{2, 3, 4}, {0, 1, 2}})->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(0.5);
BENCHMARK(features)->Arg(1)->Arg(8)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

int main(int argc, char** argv)
{
    clipflow::tune_allocator();
    if (std::getenv("CLIPFLOW_BENCH_ACCURACY")) {
        auto f = backbone().features({test_view(256, 0)});
        if (!f) {
            std::cerr << f.status().to_string() << "\n";
            return 1;
        }
        std::cout << "[";
        for (std::size_t i = 0; i < f->front().size(); ++i) std::cout << (i ? "," : "") << f->front()[i];
        std::cout << "]\n";
        return 0;
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}
