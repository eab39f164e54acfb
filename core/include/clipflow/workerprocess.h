#pragma once
// A child process that answers one line per request line, under a time limit.
// Used to give every file in a batch a deadline: a thread stuck in a decoder
// cannot be stopped, but a process can. A request that runs past its limit
// kills the child (SIGKILL); a child that dies (e.g. a decoder crash) costs
// only the file it was working on. The next request starts a fresh child.
//
//   clipflow::WorkerProcessParams p;
//   p.argv = {"/usr/bin/clipflow", "score", "--worker", ...};
//   p.timeout_s = 30;
//   clipflow::WorkerProcess worker(p);
//   if (auto ready = worker.start(); !ready) { /* could not start: ready.status() */ }
//   auto reply = worker.request(line);   // TimedOut / WorkerCrashed on failure
//
// POSIX only. One thread per WorkerProcess at a time; separate objects may be
// used from separate threads. The child's stderr is the parent's.

#include "clipflow/callbacks.h"
#include "clipflow/result.h"

#include <memory>
#include <string>
#include <vector>

namespace clipflow {

struct WorkerProcessParams {
    std::vector<std::string> argv;    // argv[0]: path of the executable
    double timeout_s = 120.0;         // per request, from sending the line to its reply
    double startup_timeout_s = 600.0; // until the child's first line (loading models)
    AbortCallback abort;              // polled every 100 ms while waiting
};

class WorkerProcess {
public:
    explicit WorkerProcess(WorkerProcessParams params);
    ~WorkerProcess(); // kills a running child
    WorkerProcess(const WorkerProcess&) = delete;
    WorkerProcess& operator=(const WorkerProcess&) = delete;

    // Starts the child and returns its first line (its "ready" message).
    // Called by request() when no child runs.
    Result<std::string> start();
    // Sends `line` (no newline inside) and returns the reply line without '\n'.
    Result<std::string> request(const std::string& line);
    // Children started so far (1 + restarts after timeouts and crashes).
    int started() const;
    // The first line of the current child, "" before start().
    const std::string& ready_line() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace clipflow
