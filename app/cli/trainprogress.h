#pragma once
// Progress display and Ctrl-C handling shared by the training commands: a
// live line on a terminal, one line per epoch in a log; SIGINT asks the job
// to stop after the current step (its checkpoint stays for a resume).

#include <clipflow/clipflowtraining.h>

#include <csignal>
#include <string>

namespace clipflow::cli {

class TrainProgressPrinter {
public:
    // The two running losses' names: the flow's natural and proxy NLL, or a classifier's.
    explicit TrainProgressPrinter(std::string first = "natural NLL", std::string second = "proxy NLL");
    void show(const JobProgress& j);
    void finish(); // ends a live line

private:
    bool tty_;
    std::string first_, second_;
    std::string last_stage_;
    int last_reading_ = 0;
};

// "device: CUDA (1 GPU)" or "device: CPU (2 cores)" on standard error, before a job starts.
void announce_device(const std::string& device);

class InterruptGuard {
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;
    bool interrupted() const;

private:
    void (*previous_)(int);
};

} // namespace clipflow::cli
