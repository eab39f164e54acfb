#include "clipflow/workerprocess.h"

#include "support/hex.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <utility>

extern char** environ;

namespace clipflow {

namespace {

using Clock = std::chrono::steady_clock;

std::string describe_exit(int status)
{
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        const char* name = ::sigabbrev_np(sig);
        return "the worker died from signal " + std::to_string(sig) + (name ? std::string(" (SIG") + name + ")" : "");
    }
    if (WIFEXITED(status)) return "the worker exited with status " + std::to_string(WEXITSTATUS(status));
    return "the worker stopped";
}

std::string seconds_text(double s)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", s);
    return buf;
}

} // namespace

struct WorkerProcess::Impl {
    WorkerProcessParams params;
    pid_t pid = -1;
    int fd = -1; // our end of the socket pair; the child's stdin and stdout are the other
    std::string buffer;
    std::string ready;
    int started = 0;

    // Waits up to `grace` for the child to go, then kills it; returns its wait status.
    int reap(std::chrono::milliseconds grace)
    {
        int status = 0;
        if (pid <= 0) return status;
        const auto until = Clock::now() + grace;
        for (;;) {
            const pid_t r = ::waitpid(pid, &status, WNOHANG);
            if (r == pid || (r < 0 && errno != EINTR)) break;
            if (Clock::now() >= until) {
                ::kill(pid, SIGKILL);
                while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        pid = -1;
        return status;
    }

    void close_socket()
    {
        if (fd >= 0) ::close(fd);
        fd = -1;
        buffer.clear();
        scanned = 0;
    }

    // Graceful: the child sees end of input and may exit by itself.
    int stop(std::chrono::milliseconds grace)
    {
        close_socket();
        return reap(grace);
    }

    Status spawn()
    {
        if (params.argv.empty()) return {ErrorCode::InvalidArgument, "no worker program given"};
        int sv[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
            return {ErrorCode::IoError, std::string("cannot create the worker's socket: ") + std::strerror(errno)};
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        // dup2 clears close-on-exec on 0 and 1; every other descriptor of ours stays closed in the child.
        posix_spawn_file_actions_adddup2(&actions, sv[1], 0);
        posix_spawn_file_actions_adddup2(&actions, sv[1], 1);
        std::vector<char*> argv;
        for (auto& a : params.argv) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        pid_t child = -1;
        const int err = ::posix_spawn(&child, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(sv[1]);
        if (err != 0) {
            ::close(sv[0]);
            return {ErrorCode::IoError, "cannot start " + params.argv[0] + ": " + std::strerror(err)};
        }
        pid = child;
        fd = sv[0];
        ++started;
        return {};
    }

    Clock::time_point deadline{};
    std::size_t scanned = 0; // bytes of `buffer` already searched for '\n' (a long line is scanned once)

    // Waits for more bytes until `deadline`. On timeout or abort the child is killed.
    Status receive_more(double limit_s, bool starting)
    {
        if (params.abort && params.abort()) {
            stop(std::chrono::milliseconds(0));
            return Status(ErrorCode::Aborted, "stopped");
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            stop(std::chrono::milliseconds(0));
            return Status(ErrorCode::TimedOut, starting
                                                   ? "the worker did not start within " + seconds_text(limit_s) + " s"
                                                   : "took longer than the limit of " + seconds_text(limit_s) + " s; stopped");
        }
        pollfd p{fd, POLLIN, 0};
        const int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 100)));
        if (r < 0 && errno != EINTR) return Status(ErrorCode::IoError, std::string("poll failed: ") + std::strerror(errno));
        if (r <= 0) return {};
        char chunk[1 << 16];
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) return {};
        if (n <= 0) {
            const int status = stop(std::chrono::milliseconds(2000));
            return Status(ErrorCode::WorkerCrashed,
                          describe_exit(status) + (starting ? " before it was ready" : " on this file"));
        }
        buffer.append(chunk, static_cast<std::size_t>(n));
        return {};
    }

    // Reads one line before a deadline `limit_s` from now.
    Result<std::string> read_line(double limit_s, bool starting)
    {
        deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(limit_s));
        for (;;) {
            if (const auto nl = buffer.find('\n', scanned); nl != std::string::npos) {
                std::string line = buffer.substr(0, nl);
                buffer.erase(0, nl + 1);
                scanned = 0;
                return line;
            }
            scanned = buffer.size();
            if (Status s = receive_more(limit_s, starting); !s.ok()) return Result<std::string>(s.code(), s.message());
        }
    }

    // Reads exactly `bytes` more, within the deadline of the request whose line came last.
    Result<std::string> read_bytes(std::size_t bytes, double limit_s)
    {
        // One allocation for the whole payload (tens of MB of pixels), not a doubling series of copies.
        if (buffer.capacity() < bytes) buffer.reserve(std::min<std::size_t>(bytes, std::size_t(1) << 30));
        while (buffer.size() < bytes)
            if (Status s = receive_more(limit_s, false); !s.ok()) return Result<std::string>(s.code(), s.message());
        scanned = 0;
        if (buffer.size() == bytes) return std::exchange(buffer, std::string()); // no copy
        std::string out = buffer.substr(0, bytes);
        buffer.erase(0, bytes);
        return out;
    }

    bool alive()
    {
        if (pid <= 0) return false;
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == 0) return true;
        pid = -1;
        close_socket();
        return false;
    }
};

WorkerProcess::WorkerProcess(WorkerProcessParams params) : impl_(std::make_unique<Impl>())
{
    impl_->params = std::move(params);
}

WorkerProcess::~WorkerProcess()
{
    impl_->stop(std::chrono::milliseconds(2000));
}

Result<std::string> WorkerProcess::start()
{
    impl_->stop(std::chrono::milliseconds(2000));
    impl_->ready.clear();
    if (Status s = impl_->spawn(); !s.ok()) return Result<std::string>(s.code(), s.message());
    auto line = impl_->read_line(impl_->params.startup_timeout_s, true);
    if (line) impl_->ready = *line;
    return line;
}

Result<std::string> WorkerProcess::request(const std::string& line)
{
    if (Status s = send(line); !s.ok()) return Result<std::string>(s.code(), s.message());
    return receive();
}

Status WorkerProcess::send(const std::string& line)
{
    if (line.find('\n') != std::string::npos) return Status(ErrorCode::InvalidArgument, "a request must be one line");
    // A child that died between requests is replaced before this file is blamed on it.
    if (!impl_->alive()) {
        auto ready = start();
        if (!ready) return ready.status();
    }
    const std::string out = line + "\n";
    std::size_t sent = 0;
    while (sent < out.size()) {
        const ssize_t n = ::send(impl_->fd, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int status = impl_->stop(std::chrono::milliseconds(2000));
            return Status(ErrorCode::WorkerCrashed, describe_exit(status) + " on this file");
        }
        sent += static_cast<std::size_t>(n);
    }
    return {};
}

Result<std::string> WorkerProcess::receive()
{
    if (impl_->pid <= 0) return Result<std::string>(ErrorCode::InvalidArgument, "no worker is running");
    return impl_->read_line(impl_->params.timeout_s, false);
}

Result<std::string> WorkerProcess::read_payload(std::size_t bytes)
{
    if (impl_->pid <= 0) return Result<std::string>(ErrorCode::InvalidArgument, "no worker is running");
    return impl_->read_bytes(bytes, impl_->params.timeout_s);
}

int WorkerProcess::started() const
{
    return impl_->started;
}

const std::string& WorkerProcess::ready_line() const
{
    return impl_->ready;
}

void WorkerProcess::set_timeout(double seconds)
{
    impl_->params.timeout_s = seconds;
}

std::string encode_worker_path(const std::string& path)
{
    return hex_encode({reinterpret_cast<const std::uint8_t*>(path.data()), path.size()});
}

std::optional<std::string> decode_worker_path(const std::string& line)
{
    return hex_decode(line);
}

std::FILE* take_worker_replies()
{
    std::fflush(stdout);
    const int fd = ::dup(STDOUT_FILENO);
    if (fd < 0) return nullptr;
    std::FILE* replies = ::fdopen(fd, "w");
    if (!replies) {
        ::close(fd);
        return nullptr;
    }
    ::dup2(STDERR_FILENO, STDOUT_FILENO);
    return replies;
}

int serve_worker_requests(std::FILE* replies, const std::string& ready_line,
                          const std::function<std::string(const std::string&)>& answer)
{
    if (!replies) return 2;
    auto reply = [&](const std::string& text) {
        std::fwrite(text.data(), 1, text.size(), replies);
        std::fputc('\n', replies);
        std::fflush(replies);
    };
    reply(ready_line);
    for (std::string request; std::getline(std::cin, request);) reply(answer(request));
    std::fclose(replies);
    return 0;
}

int serve_worker_requests(std::FILE* replies, const std::string& ready_line,
                          const std::function<WorkerReply(const std::string&)>& answer)
{
    if (!replies) return 2;
    auto write = [&](const std::string& bytes) { std::fwrite(bytes.data(), 1, bytes.size(), replies); };
    write(ready_line + "\n");
    std::fflush(replies);
    for (std::string request; std::getline(std::cin, request);) {
        const WorkerReply r = answer(request);
        write(r.line + "\n");
        write(r.payload);
        std::fflush(replies);
    }
    std::fclose(replies);
    return 0;
}

} // namespace clipflow
