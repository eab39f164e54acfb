// CLIP encoder throughput (images/s) on the inputs and weights that
// bench/clip_eager.py writes, plus the machine's measured GEMM peak.
// bench/compare_encoder.py runs the Python eager reference beside it.

#include <clipflow/allocator.h>
#include <clipflow/clipencoder.h>
#include <clipflow/safetensors.h>

#include <benchmark/benchmark.h>
#include <torch/torch.h>

#include <cmath>
#include <cstdlib>
#include <iostream>
#include <map>
#include <thread>

namespace {

std::string dir()
{
    const char* d = std::getenv("CLIPFLOW_BENCH_MODELS");
    if (!d) {
        std::cerr << "set CLIPFLOW_BENCH_MODELS (bench/compare_encoder.py does)\n";
        std::exit(2);
    }
    return d;
}

const std::vector<float>& inputs()
{
    static const std::vector<float> x = [] {
        auto f = clipflow::SafetensorsFile::open(dir() + "/inputs.safetensors");
        if (!f) {
            std::cerr << f.status().to_string() << "\n";
            std::exit(2);
        }
        return f->find("inputs")->to_float().value();
    }();
    return x;
}

const clipflow::ClipEncoder& encoder(const std::string& name, bool bf16)
{
    static std::map<std::pair<std::string, bool>, clipflow::ClipEncoder> cache;
    auto it = cache.find({name, bf16});
    if (it == cache.end()) {
        clipflow::ClipLoadParams p;
        p.bf16 = bf16;
        auto e = clipflow::ClipEncoder::load(dir() + "/" + name + ".safetensors", p);
        if (!e) {
            std::cerr << e.status().to_string() << "\n";
            std::exit(2);
        }
        it = cache.emplace(std::make_pair(name, bf16), std::move(e.value())).first;
    }
    return it->second;
}

void encode(benchmark::State& state, const std::string& name, bool bf16)
{
    const auto& enc = encoder(name, bf16);
    const auto& x = inputs();
    const int n = int(x.size() / (3 * 224 * 224));
    clipflow::ClipEncodeParams p;
    p.batch_size = n;
    for (auto _ : state) {
        auto r = enc.encode_preprocessed(x, n, p);
        if (!r) state.SkipWithError(r.status().message().c_str());
        benchmark::DoNotOptimize(r);
    }
    state.counters["images_per_s"] = benchmark::Counter(double(n) * double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["gflops_per_image"] = enc.config().gflops_per_image();
}

void gemm(benchmark::State& state, torch::ScalarType type)
{
    torch::set_num_threads(int(std::max(1u, std::thread::hardware_concurrency())));
    torch::InferenceMode guard;
    const int64_t n = state.range(0);
    auto a = torch::randn({n, n}).to(type), b = torch::randn({n, n}).to(type);
    for (auto _ : state) benchmark::DoNotOptimize(torch::mm(a, b));
    state.counters["gflops"] =
        benchmark::Counter(2.0 * double(n) * n * n * double(state.iterations()) / 1e9, benchmark::Counter::kIsRate);
}

} // namespace

BENCHMARK_CAPTURE(gemm, fp32, torch::kFloat32)->Arg(1024)->Arg(2048)->Arg(4096)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(gemm, bf16, torch::kBFloat16)->Arg(2048)->Arg(4096)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(encode, vit_b_32_fp32, "vit-b-32", false)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);
BENCHMARK_CAPTURE(encode, vit_b_32_bf16, "vit-b-32", true)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);
BENCHMARK_CAPTURE(encode, vit_l_14_fp32, "vit-l-14", false)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK_CAPTURE(encode, vit_l_14_bf16, "vit-l-14", true)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// CLIPFLOW_BENCH_ACCURACY=1: print how far bf16 embeddings are from fp32 ones
// on the benchmark inputs, as JSON, instead of timing.
int main(int argc, char** argv)
{
    clipflow::tune_allocator(); // as clipflow and clipflow-forensics do
    if (std::getenv("CLIPFLOW_BENCH_ACCURACY")) {
        const auto& x = inputs();
        const int n = int(x.size() / (3 * 224 * 224));
        std::cout << "{";
        const char* sep = "";
        for (const char* name : {"vit-b-32", "vit-l-14"}) {
            auto a = encoder(name, false).encode_preprocessed(x, n).value();
            auto b = encoder(name, true).encode_preprocessed(x, n).value();
            double min_cos = 1, max_rel = 0;
            for (int i = 0; i < n; ++i) {
                double ab = 0, aa = 0, bb = 0, dd = 0;
                for (std::size_t k = 0; k < a[i].projected.size(); ++k) {
                    const double u = a[i].projected[k], v = b[i].projected[k];
                    ab += u * v;
                    aa += u * u;
                    bb += v * v;
                    dd += (u - v) * (u - v);
                }
                min_cos = std::min(min_cos, ab / std::sqrt(aa * bb));
                max_rel = std::max(max_rel, std::sqrt(dd / aa));
            }
            std::cout << sep << "\"" << name << "\": {\"min_cosine\": " << min_cos << ", \"max_relative_l2\": " << max_rel << "}";
            sep = ", ";
        }
        std::cout << "}" << std::endl;
        return 0;
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
