#pragma once
// Runs fn(i) for every i in [0, n) on worker threads while the calling thread
// reports progress (every 100 ms) and polls the abort callback: progress and
// abort hooks are only ever called from the caller's thread (callbacks.h).

#include "clipflow/callbacks.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <thread>
#include <vector>

namespace clipflow::detail {

// report(done, eta_seconds). Returns false when aborted (finished items keep their results).
inline bool parallel_job(std::size_t n, int workers, const std::function<void(std::size_t)>& fn,
                         const std::function<void(std::size_t, double)>& report, const AbortCallback& abort)
{
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    std::atomic<std::size_t> next{0}, done{0};
    std::atomic<bool> stop{false};
    auto work = [&] {
        for (std::size_t i; !stop && (i = next++) < n; ++done) fn(i);
    };
    std::vector<std::thread> pool;
    for (int w = 0; w < std::max(1, workers); ++w) pool.emplace_back(work);
    for (;;) {
        const std::size_t d = done.load();
        if (abort && abort()) stop = true;
        if (report) {
            const double el = std::chrono::duration<double>(Clock::now() - t0).count();
            report(d, d ? el / static_cast<double>(d) * static_cast<double>(n - d) : 0.0);
        }
        if (d >= n || stop) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    for (auto& t : pool) t.join();
    return !stop;
}

} // namespace clipflow::detail
