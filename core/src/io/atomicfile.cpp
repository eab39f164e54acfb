#include "clipflow/atomicfile.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace clipflow {
namespace {

Status io_error(const std::string& what, int err)
{
    return {ErrorCode::IoError, what + ": " + std::strerror(err)};
}

Status write_bytes(int fd, std::span<const unsigned char> bytes, const std::string& path)
{
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return io_error("cannot write " + path, n < 0 ? errno : ENOSPC); // the old file survives
        done += static_cast<std::size_t>(n);
    }
    return {};
}

Status write_all(int fd, std::span<const unsigned char> bytes, const std::string& path)
{
    if (Status st = write_bytes(fd, bytes, path); !st.ok()) return st;
    if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) return io_error("cannot flush " + path, errno);
    return {};
}

// A device, pipe or socket: written into as it is (no temporary, no rename, no fsync).
Status write_stream(const std::string& path, std::span<const unsigned char> bytes)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return io_error("cannot open " + path, errno);
    Status st = write_bytes(fd, bytes, path);
    if (::close(fd) != 0 && st.ok()) st = io_error("cannot close " + path, errno);
    return st;
}

// The rename is only durable once the folder itself is on disk.
void sync_folder(const std::string& dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

#ifdef O_TMPFILE
// Gives the complete unnamed file `fd` a hidden name beside the target; "" when
// that is impossible (e.g. no /proc), and the caller then falls back to mkstemp.
std::string link_hidden(int fd, const std::string& hidden)
{
    static std::atomic<unsigned> counter{0};
    const std::string proc = "/proc/self/fd/" + std::to_string(fd);
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string name = hidden + std::to_string(::getpid()) + "-" + std::to_string(counter++);
        if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) return name;
        if (errno != EEXIST) break;
    }
    return {};
}

// A save killed between naming its unnamed file and the rename (a window of
// microseconds) leaves that hidden name behind. The name carries the writer's
// process id, so a later save of the same file removes those whose writer is
// gone; a live writer's name is left alone.
void remove_stale_temporaries(const std::string& dir, const std::string& prefix)
{
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
        const std::string rest = name.substr(prefix.size()); // "<pid>-<counter>"
        const auto dash = rest.find('-');
        if (dash == 0 || dash == std::string::npos || rest.find_first_not_of("0123456789-") != std::string::npos) continue;
        const long pid = std::strtol(rest.substr(0, dash).c_str(), nullptr, 10);
        if (pid <= 0 || pid == ::getpid()) continue;
        if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) ::unlink(it->path().c_str());
    }
}
#endif

} // namespace

bool is_stream_path(const std::string& path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

Status write_file_atomic(const std::string& given, std::span<const unsigned char> bytes)
{
    if (is_stream_path(given)) return write_stream(given, bytes);
    // A link to a file: the file it names is replaced, the link stays (a dangling link is replaced).
    std::error_code ec;
    std::string path = given;
    if (std::filesystem::is_symlink(given, ec))
        if (auto real = std::filesystem::canonical(given, ec); !ec) path = real.string();
    const std::filesystem::path target(path);
    const std::string dir = target.has_parent_path() ? target.parent_path().string() : std::string(".");
    const std::string hidden = (std::filesystem::path(dir) / ("." + target.filename().string() + ".")).string();

    std::string tmp; // a complete, flushed copy beside the target, ready for the rename
#ifdef O_TMPFILE
    // An unnamed file: if we are killed while writing, the kernel frees it and
    // nothing is left behind. It gets a name only once complete.
    if (const int anon = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600); anon >= 0) {
        const Status st = write_all(anon, bytes, path);
        if (st.ok()) tmp = link_hidden(anon, hidden);
        ::close(anon);
        if (!st.ok()) return st; // disk full and the like: the old file survives
    }
    // No unnamed files on this filesystem (EOPNOTSUPP, EISDIR, ...), or no way to name one: a named temporary.
#endif
    if (tmp.empty()) {
        std::string tmpl = hidden + "XXXXXX";
        const int fd = ::mkstemp(tmpl.data());
        if (fd < 0) return io_error("cannot create a temporary file in " + dir, errno);
        Status st = write_all(fd, bytes, path);
        if (::close(fd) != 0 && st.ok()) st = io_error("cannot close " + path, errno);
        if (!st.ok()) {
            ::unlink(tmpl.c_str());
            return st;
        }
        tmp = std::move(tmpl);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return io_error("cannot replace " + path, err);
    }
#ifdef O_TMPFILE
    remove_stale_temporaries(dir, "." + target.filename().string() + ".");
#endif
    sync_folder(dir);
    return {};
}

} // namespace clipflow
