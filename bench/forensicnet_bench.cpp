// forensic-v2 scoring cost: features of 256 x 256 native crops through
// LearnedBackbone, one thread, with the shipped weights.
// bench/compare_forensicnet.py runs the Python eager reference beside it.
//
// CLIPFLOW_BENCH_WEIGHTS: the weights file. CLIPFLOW_BENCH_ACCURACY=1 prints
// the features of the deterministic test view (see test_view) as JSON instead
// of timing, so the reference can check it runs the same network.

#include <clipflow/allocator.h>
#include <clipflow/learnedbackbone.h>

#include <benchmark/benchmark.h>
#include <torch/torch.h>

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
    for (auto _ : state) {
        auto f = backbone().features(views);
        if (!f) state.SkipWithError(f.status().message().c_str());
        benchmark::DoNotOptimize(f);
    }
    state.counters["ms_per_crop"] = benchmark::Counter(double(batch) * double(state.iterations()) / 1000.0,
                                                       benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

} // namespace

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
