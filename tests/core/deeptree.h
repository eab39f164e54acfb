#pragma once

#include <QByteArray>
#include <QString>

#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

// A chain of folders under `root` whose full path is longer than any call takes (PATH_MAX),
// with one file at its bottom: no folder or file in it can be opened by its path. Each level is
// made relative to the open folder above it, and taken down the same way when this goes
// (QTemporaryDir could not remove it).
class DeepTree {
public:
    DeepTree(const QString& root, const char* file) : file_(file)
    {
        fds_.push_back(::open(root.toLocal8Bit().constData(), O_RDONLY | O_DIRECTORY));
        if (fds_.back() < 0) return;
        for (int i = 0; i < kLevels; ++i) {
            if (::mkdirat(fds_.back(), name_.c_str(), 0700) != 0) return;
            fds_.push_back(::openat(fds_.back(), name_.c_str(), O_RDONLY | O_DIRECTORY));
            if (fds_.back() < 0) return;
        }
        const int f = ::openat(fds_.back(), file_.c_str(), O_WRONLY | O_CREAT, 0600);
        if (f < 0) return;
        ::close(f);
        ok_ = true;
    }
    ~DeepTree()
    {
        if (ok_) ::unlinkat(fds_.back(), file_.c_str(), 0);
        for (std::size_t i = fds_.size(); i-- > 1;) {
            if (fds_[i] >= 0) ::close(fds_[i]);
            ::unlinkat(fds_[i - 1], name_.c_str(), AT_REMOVEDIR);
        }
        if (!fds_.empty() && fds_.front() >= 0) ::close(fds_.front());
    }
    DeepTree(const DeepTree&) = delete;
    DeepTree& operator=(const DeepTree&) = delete;
    bool ok() const { return ok_; }
    // The name of its first folder, in `root`.
    QString top() const { return QString::fromStdString(name_); }

private:
    static constexpr int kLevels = 4096 / 201 + 2; // 201 bytes a level, past PATH_MAX
    const std::string name_ = std::string(200, 'd');
    std::string file_;
    std::vector<int> fds_;
    bool ok_ = false;
};
