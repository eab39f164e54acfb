#include "clipflow/atomicfile.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace clipflow {
namespace {

Status io_error(const std::string& what, int err)
{
    return {ErrorCode::IoError, what + ": " + std::strerror(err)};
}

Status write_all(int fd, std::span<const unsigned char> bytes, const std::string& path)
{
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return io_error("cannot write " + path, n < 0 ? errno : ENOSPC); // the old file survives
        done += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) return io_error("cannot flush " + path, errno);
    return {};
}

// The rename is only durable once the folder itself is on disk.
void sync_folder(const std::string& dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

} // namespace

Status write_file_atomic(const std::string& path, std::span<const unsigned char> bytes)
{
    const std::filesystem::path target(path);
    const std::string dir = target.has_parent_path() ? target.parent_path().string() : std::string(".");
    const std::string hidden = (std::filesystem::path(dir) / ("." + target.filename().string() + ".")).string();

#ifdef O_TMPFILE
    // An unnamed file: if we are killed while writing, the kernel frees it and
    // nothing is left behind. It gets a name only once complete, for the rename.
    const int anon = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    if (anon >= 0) {
        Status st = write_all(anon, bytes, path);
        std::string name;
        if (st.ok()) {
            static std::atomic<unsigned> counter{0};
            const std::string proc = "/proc/self/fd/" + std::to_string(anon);
            for (int attempt = 0; attempt < 100 && name.empty(); ++attempt) {
                std::string candidate = hidden + std::to_string(::getpid()) + "-" + std::to_string(counter++);
                if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, candidate.c_str(), AT_SYMLINK_FOLLOW) == 0)
                    name = std::move(candidate);
                else if (errno != EEXIST)
                    break;
            }
            if (name.empty()) st = io_error("cannot name the new " + path, errno);
        }
        ::close(anon);
        if (!st.ok()) return st;
        if (::rename(name.c_str(), path.c_str()) != 0) {
            const int err = errno;
            ::unlink(name.c_str());
            return io_error("cannot replace " + path, err);
        }
        sync_folder(dir);
        return {};
    }
    // EOPNOTSUPP/EISDIR/EINVAL: the filesystem has no unnamed files; fall back to a named one.
#endif
    std::string tmpl = hidden + "XXXXXX";
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) return io_error("cannot create a temporary file in " + dir, errno);
    Status st = write_all(fd, bytes, path);
    if (::close(fd) != 0 && st.ok()) st = io_error("cannot close " + path, errno);
    if (st.ok() && ::rename(tmpl.c_str(), path.c_str()) != 0) st = io_error("cannot replace " + path, errno);
    if (!st.ok()) {
        ::unlink(tmpl.c_str());
        return st;
    }
    sync_folder(dir);
    return {};
}

} // namespace clipflow
