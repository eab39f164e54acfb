#include "clipflow/atomicfile.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace clipflow {

Status write_file_atomic(const std::string& path, std::span<const unsigned char> bytes)
{
    const std::filesystem::path target(path);
    const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) return {ErrorCode::IoError, "cannot create a temporary file in " + dir.string() + ": " + std::strerror(errno)};
    auto fail = [&](const char* what) {
        const int err = errno;
        ::close(fd);
        ::unlink(tmpl.c_str());
        return Status(ErrorCode::IoError, std::string(what) + " " + path + ": " + std::strerror(err));
    };
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return fail("cannot write"); // ENOSPC lands here and the old file survives
        done += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) return fail("cannot flush");
    if (::close(fd) != 0) {
        ::unlink(tmpl.c_str());
        return {ErrorCode::IoError, "cannot close " + path + ": " + std::strerror(errno)};
    }
    if (::rename(tmpl.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmpl.c_str());
        return {ErrorCode::IoError, "cannot replace " + path + ": " + std::strerror(err)};
    }
    return {};
}

} // namespace clipflow
