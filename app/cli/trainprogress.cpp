#include "trainprogress.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace clipflow::cli {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void on_sigint(int)
{
    g_interrupted = true;
}

std::string duration(double s)
{
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%dh%02dm", int(s / 3600), int(s / 60) % 60);
    else if (s >= 60)
        std::snprintf(buf, sizeof buf, "%dm%02ds", int(s / 60), int(s) % 60);
    else
        std::snprintf(buf, sizeof buf, "%.0fs", s);
    return buf;
}

std::string bar(double fraction, int width = 24)
{
    const int n = std::clamp(int(fraction * width + 0.5), 0, width);
    return "[" + std::string(std::size_t(n), '#') + std::string(std::size_t(width - n), '.') + "]";
}

} // namespace

TrainProgressPrinter::TrainProgressPrinter(std::string first, std::string second)
    : tty_(isatty(STDERR_FILENO)), first_(std::move(first)), second_(std::move(second))
{
}

void TrainProgressPrinter::show(const JobProgress& j)
{
    // A detector read twice: each reading's stages, then the join, are announced once.
    if (j.reading != last_reading_) {
        if (tty_ && !last_stage_.empty()) std::cerr << "\n";
        last_stage_.clear();
        last_reading_ = j.reading;
        if (j.reading > 0)
            std::cerr << (j.reading == 1   ? "first reading:"
                          : j.reading == 2 ? "second reading:"
                                           : "both readings joined: the held-out photos scored again with both:")
                      << "\n";
    }
    const bool stage_change = j.stage != last_stage_;
    if (stage_change && tty_ && !last_stage_.empty()) std::cerr << "\n";
    last_stage_ = j.stage;
    std::ostringstream line;
    if (j.stage == "features") {
        line << "features   " << bar(j.total ? double(j.done) / double(j.total) : 0) << " " << j.done << "/" << j.total
             << " images  ETA " << duration(j.eta_s);
    } else if (j.stage == "training") {
        const auto& t = j.train;
        char buf[200];
        std::snprintf(buf, sizeof buf, "epoch %d/%d %s  %s %.3f  %s %.3f  %.0f samples/s  ETA %s", t.epoch, t.epochs,
                      bar(j.total ? double(j.done) / double(j.total) : 0).c_str(), first_.c_str(), t.natural_nll, second_.c_str(),
                      t.proxy_nll, t.samples_per_s, duration(t.eta_s).c_str());
        line << buf;
        if (!tty_ && !t.epoch_end) return; // logs get one line per epoch
    } else {
        line << j.stage << "...";
        if (!stage_change) return;
    }
    if (tty_)
        std::cerr << "\r\033[K" << line.str() << std::flush;
    else if (j.stage != "features" || j.done == j.total || stage_change)
        std::cerr << line.str() << "\n";
}

void TrainProgressPrinter::finish()
{
    if (tty_) std::cerr << "\n";
}

void announce_device(const std::string& device)
{
    std::cerr << "device: " << describe_training_device(device) << "\n";
}

InterruptGuard::InterruptGuard()
{
    g_interrupted = false;
    previous_ = std::signal(SIGINT, on_sigint);
}

InterruptGuard::~InterruptGuard()
{
    std::signal(SIGINT, previous_);
}

bool InterruptGuard::interrupted() const
{
    return g_interrupted.load();
}

} // namespace clipflow::cli
