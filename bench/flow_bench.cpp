// Flow training speed: epochs over N random dim-D "cached features" with the
// combined objective, as bench/flow_torch.py does in PyTorch eager.
// Environment: CLIPFLOW_FLOW_N (default 10000), CLIPFLOW_FLOW_DIM (768).

#include <clipflow/flowtrainer.h>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <random>

namespace {

int env_int(const char* name, int fallback)
{
    const char* v = std::getenv(name);
    return v ? std::atoi(v) : fallback;
}

void BM_TrainEpoch(benchmark::State& state)
{
    const int n = env_int("CLIPFLOW_FLOW_N", 10000), d = env_int("CLIPFLOW_FLOW_DIM", 768);
    std::mt19937 rng{1};
    std::normal_distribution<float> g(0.0f, 1.0f);
    std::vector<float> nat(std::size_t(n) * std::size_t(d)), prox(nat.size());
    for (float& v : nat) v = g(rng);
    for (float& v : prox) v = 1.5f * g(rng);
    clipflow::FlowTrainParams p;
    p.flow.dim = d; // K = 8 steps, MLP 512 x 2: the defaults
    p.epochs = 1;
    p.batch_size = 256;
    p.device = "cpu";
    for (auto _ : state) {
        auto r = clipflow::train_flow(nat, n, prox, n, p);
        if (!r) state.SkipWithError(r.status().message().c_str());
    }
    state.counters["samples_per_s"] = benchmark::Counter(double(n) * double(state.iterations()), benchmark::Counter::kIsRate);
}

} // namespace

BENCHMARK(BM_TrainEpoch)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(2);
BENCHMARK_MAIN();
