// JPEG forensics' pictures on one image (CLIPFLOW_BENCH_IMAGE, decoded once outside
// the timed region): JPEG ghosts and the error level picture, on one thread and on
// all. bench/compare_jpeg.py runs the PIL/numpy reference on the same file and
// reports the ratios.

#include "benchimage.h"

#include <clipflow/allocator.h>
#include <clipflow/jpegforensics.h>

#include <benchmark/benchmark.h>

#include <iostream>

namespace {

const clipflow::Picture& picture()
{
    static const clipflow::Picture& p = []() -> const clipflow::Picture& {
        const clipflow::Picture& bytes = clipflow::bench::bench_evidence().picture;
        if (bytes.empty()) {
            std::cerr << "CLIPFLOW_BENCH_IMAGE is not an 8-bit image\n";
            std::exit(2);
        }
        // Once untimed: the first run's allocations fault their pages in (the allocator keeps them).
        (void)clipflow::jpeg_ghosts(bytes);
        return bytes;
    }();
    return p;
}

// Ten re-saves (qualities 50..95), their squared differences over 16 x 16 windows, maps of 512 px.
void BM_JpegGhosts(benchmark::State& state)
{
    clipflow::JpegGhostParams p;
    p.threads = int(state.range(0));
    const clipflow::Picture& image = picture(); // read before the clock starts
    for (auto _ : state) {
        auto g = clipflow::jpeg_ghosts(image, p);
        if (!g) state.SkipWithError(g.status().message().c_str());
        benchmark::DoNotOptimize(g);
    }
    state.counters["megapixels"] = double(image.width) * image.height / 1e6;
}

// One re-save at quality 90, differences x20, shrunk to 1024 px (the window's picture).
void BM_ErrorLevels(benchmark::State& state)
{
    const clipflow::Picture& image = picture();
    for (auto _ : state) {
        auto e = clipflow::error_level_picture(image, 1024, 90, 20.0, int(state.range(0)));
        if (!e) state.SkipWithError(e.status().message().c_str());
        benchmark::DoNotOptimize(e);
    }
}

} // namespace

BENCHMARK(BM_JpegGhosts)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);
BENCHMARK(BM_ErrorLevels)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

int main(int argc, char** argv)
{
    clipflow::tune_allocator(); // as clipflow and clipflow-forensics do: big buffers are reused
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
