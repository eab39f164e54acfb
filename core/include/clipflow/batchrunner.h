#pragma once
/// \file
/// The one way core and the CLI run a batch over worker threads: items in groups
/// of consecutive indices, each group on whichever worker is free, and every
/// item's result handed to `sink` in input order as soon as all before it have
/// been (streaming: results leave while later items run; at most `window` items
/// are claimed ahead of the last one handed on, so memory stays bounded).
///
/// With a progress report or an abort callback, the calling thread only reports
/// (every 100 ms) and polls abort, so those hooks run on the caller's thread
/// (callbacks.h); without them it works as one of the workers. `sink` runs on the
/// worker that completed the next results in order, one call at a time. `work`
/// must not throw (it runs on threads of its own).

#include "clipflow/callbacks.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>
#include <vector>

namespace clipflow {

/// How run_batch() divides the items.
struct BatchPlan {
    std::size_t items = 0;
    int workers = 1;
    std::size_t group = 1;  ///< consecutive items one work() call gets
    std::size_t window = 0; ///< items claimed ahead of the last handed on; 0: no bound
};

/// work(worker, first, last) returns last - first results; sink(index, result) takes
/// them in index order; report(done, eta_seconds). Returns false when aborted: groups
/// already started finish (their results are handed on in order), none starts after.
template <class T, class Work, class Sink>
bool run_batch(const BatchPlan& plan, Work&& work, Sink&& sink, const std::function<void(std::size_t, double)>& report = {},
               const AbortCallback& abort = {})
{
    const std::size_t n = plan.items, group = std::max<std::size_t>(1, plan.group);
    const int workers = std::max(1, plan.workers);
    if (n == 0) return true;
    // Room for every worker's group, so a worker can always claim the group after those handed on.
    const std::size_t room_for = plan.window ? std::max(plan.window, group * static_cast<std::size_t>(workers)) : n;
    std::vector<std::optional<T>> slots(std::min(n, room_for));
    std::mutex m;
    std::condition_variable room;
    std::size_t claimed = 0, handed = 0;
    std::atomic<std::size_t> completed{0};
    std::atomic<bool> stop{false};
    auto worker = [&](int w) {
        for (;;) {
            std::size_t first = 0, last = 0;
            {
                std::unique_lock lock(m);
                room.wait(lock, [&] { return stop || claimed >= n || std::min(n, claimed + group) <= handed + slots.size(); });
                if (stop || claimed >= n) return;
                first = claimed;
                last = std::min(n, first + group);
                claimed = last;
            }
            std::vector<T> results = work(w, first, last);
            results.resize(last - first);
            std::lock_guard lock(m);
            for (std::size_t i = first; i < last; ++i) slots[i % slots.size()] = std::move(results[i - first]);
            while (handed < n && slots[handed % slots.size()]) {
                auto& slot = slots[handed % slots.size()];
                T value = std::move(*slot);
                slot.reset();
                sink(handed, std::move(value));
                ++handed;
            }
            completed += last - first;
            room.notify_all();
        }
    };
    const bool watch = static_cast<bool>(report) || static_cast<bool>(abort);
    std::vector<std::thread> pool;
    for (int w = watch ? 0 : 1; w < workers; ++w) pool.emplace_back(worker, w);
    if (!watch) {
        worker(0);
    } else {
        using Clock = std::chrono::steady_clock;
        const auto t0 = Clock::now();
        for (;;) {
            const std::size_t d = completed.load();
            if (abort && abort()) {
                std::lock_guard lock(m);
                stop = true;
                room.notify_all();
            }
            if (report) {
                const double el = std::chrono::duration<double>(Clock::now() - t0).count();
                report(d, d ? el / static_cast<double>(d) * static_cast<double>(n - d) : 0.0);
            }
            if (d >= n || stop) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
    for (auto& t : pool) t.join();
    return !stop;
}

namespace detail {

// fn(i) for every i in [0, n), results kept by fn itself; report(done, eta_seconds).
// Returns false when aborted (finished items keep their results).
inline bool parallel_job(std::size_t n, int workers, const std::function<void(std::size_t)>& fn,
                         const std::function<void(std::size_t, double)>& report, const AbortCallback& abort)
{
    return run_batch<std::monostate>(
        BatchPlan{n, workers, 1, 0},
        [&](int, std::size_t first, std::size_t last) {
            for (std::size_t i = first; i < last; ++i) fn(i);
            return std::vector<std::monostate>(last - first);
        },
        [](std::size_t, std::monostate) {}, report, abort);
}

} // namespace detail

} // namespace clipflow
