// Spectrum timings on one image (CLIPFLOW_BENCH_IMAGE, decoded once outside
// the timed region). scripts/run_benchmarks.sh runs the numpy reference on the
// same file and reports the ratios.

#include "benchimage.h"

#include <clipflow/allocator.h>
#include <clipflow/evidence.h>
#include <clipflow/fftplancache.h>
#include <clipflow/spectrum.h>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>

namespace {

const clipflow::Evidence& evidence()
{
    return clipflow::bench::bench_evidence();
}

const clipflow::Raster& luma()
{
    static const clipflow::Raster y = clipflow::luminance(evidence().pixels);
    return y;
}

void run(benchmark::State& state, int tile, int threads)
{
    const auto& y = luma();
    clipflow::SpectrumParams p;
    p.tile_size = tile;
    p.fft_threads = threads;
    for (auto _ : state) {
        auto s = clipflow::power_spectrum(y, p);
        if (!s) state.SkipWithError(s.status().message().c_str());
        benchmark::DoNotOptimize(s);
    }
    state.counters["megapixels"] = double(y.pixel_count()) / 1e6;
}

// One FFT over the whole frame: window, r2c, power, centred plane, log, radial profile.
void BM_FullFrame(benchmark::State& state)
{
    run(state, 1 << 16, int(state.range(0)));
}
// Welch average over 1024-pixel tiles with 50% overlap (the default for large images).
void BM_Welch1024(benchmark::State& state)
{
    run(state, 1024, int(state.range(0)));
}

// The whole analysis the CLI runs: luminance, residual and periodicity spectra plus peaks.
void BM_AnalyzeSpectrum(benchmark::State& state)
{
    const auto& y = luma();
    for (auto _ : state) {
        auto s = clipflow::analyze_spectrum(y);
        if (!s) state.SkipWithError(s.status().message().c_str());
        benchmark::DoNotOptimize(s);
    }
}

// The window's analysis of an 8-bit colour file: its picture, with the red, green and blue spectra.
void BM_WindowSpectrum(benchmark::State& state)
{
    const auto& picture = evidence().picture;
    if (picture.empty() || picture.channels != 3) {
        state.SkipWithError("CLIPFLOW_BENCH_IMAGE is not an 8-bit colour image");
        return;
    }
    clipflow::SpectrumParams p;
    p.per_channel = true;
    for (auto _ : state) {
        auto s = clipflow::analyze_spectrum(picture, p);
        if (!s) state.SkipWithError(s.status().message().c_str());
        benchmark::DoNotOptimize(s);
    }
}

} // namespace

BENCHMARK(BM_FullFrame)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_Welch1024)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_AnalyzeSpectrum)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_WindowSpectrum)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

int main(int argc, char** argv)
{
    clipflow::tune_allocator(); // as clipflow and clipflow-forensics do: big buffers are reused
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
