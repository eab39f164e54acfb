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
// The child side is serve_worker_requests(). Requests carrying file paths
// use encode_worker_path(), so a name may hold any byte (newlines included).
//
// POSIX only. One thread per WorkerProcess at a time; separate objects may be
// used from separate threads. The child's stderr is the parent's.

#include "clipflow/callbacks.h"
#include "clipflow/result.h"

#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clipflow {

struct WorkerProcessParams {
    std::vector<std::string> argv;    ///< argv[0]: path of the executable
    double timeout_s = 120.0;         ///< per request, from sending the line to its reply
    double startup_timeout_s = 600.0; ///< until the child's first line (loading models)
    AbortCallback abort;              ///< polled every 100 ms while waiting
};

class WorkerProcess {
public:
    explicit WorkerProcess(WorkerProcessParams params);
    ~WorkerProcess(); ///< kills a running child
    WorkerProcess(const WorkerProcess&) = delete;
    WorkerProcess& operator=(const WorkerProcess&) = delete;

    /// Starts the child and returns its first line (its "ready" message).
    /// Called by request() when no child runs.
    Result<std::string> start();
    /// Sends `line` (no newline inside) and returns the reply line without '\n'.
    Result<std::string> request(const std::string& line);
    /// request() in two halves, so that the child can work while the caller does:
    /// send() starts a child if none runs; receive()'s time limit starts when it is called.
    Status send(const std::string& line);
    Result<std::string> receive();
    /// After a reply line that announces them: the next `bytes` bytes the child wrote
    /// (binary, no framing), within the same request's time limit.
    Result<std::string> read_payload(std::size_t bytes);
    /// The time limit of later requests (a request for several files gets more).
    void set_timeout(double seconds);
    /// Children started so far (1 + restarts after timeouts and crashes).
    int started() const;
    /// The first line of the current child, "" before start().
    const std::string& ready_line() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// A reply line and, after it, bytes the line announces (empty: none).
struct WorkerReply {
    std::string line; ///< no newline inside
    std::string payload;
};

/// A path as one request line: lowercase hex of its bytes.
std::string encode_worker_path(const std::string& path);
/// The inverse; nullopt for a line that is not even-length lowercase hex.
std::optional<std::string> decode_worker_path(const std::string& line);

/// First call of a child: keeps the real stdout for replies and points stdout at
/// stderr, so nothing a library prints (while loading models, too) can be taken
/// for a reply. nullptr when stdout cannot be duplicated.
std::FILE* take_worker_replies();

/// The child's loop: writes `ready_line`, then answers each request line on
/// stdin with `answer(line)` (which must hold no newline) until stdin closes.
/// Returns the process exit status: 0, or 2 without a reply stream.
int serve_worker_requests(std::FILE* replies, const std::string& ready_line,
                          const std::function<std::string(const std::string&)>& answer);
/// The same for replies with a binary payload after the line (WorkerProcess::read_payload).
int serve_worker_requests(std::FILE* replies, const std::string& ready_line,
                          const std::function<WorkerReply(const std::string&)>& answer);

} // namespace clipflow
