#pragma once

#include <QByteArray>
#include <QString>

#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

// Makes a named pipe at `path` and reads everything written into it on a thread of its own.
// The pipe is opened for reading first, without waiting for a writer, so that a write that never
// comes (a writer that replaced the pipe with a file) reads as empty instead of waiting for ever.
class PipeReader {
public:
    explicit PipeReader(const QString& path)
    {
        const QByteArray local = path.toLocal8Bit();
        if (::mkfifo(local.constData(), 0600) != 0) return;
        fd_ = ::open(local.constData(), O_RDONLY | O_NONBLOCK);
        if (fd_ < 0 || ::fcntl(fd_, F_SETFL, 0) != 0) return; // blocking reads from here on
        reader_ = std::thread([this] {
            char buf[8192];
            for (ssize_t n; (n = ::read(fd_, buf, sizeof buf)) > 0;) received_.append(buf, n);
        });
    }
    ~PipeReader()
    {
        if (reader_.joinable()) reader_.join();
        if (fd_ >= 0) ::close(fd_);
    }
    PipeReader(const PipeReader&) = delete;
    PipeReader& operator=(const PipeReader&) = delete;

    bool ok() const { return reader_.joinable(); }
    // Everything written, once the writer has closed the pipe (call after the write).
    QByteArray take()
    {
        if (reader_.joinable()) reader_.join();
        return received_;
    }

private:
    int fd_ = -1;
    std::thread reader_;
    QByteArray received_;
};
