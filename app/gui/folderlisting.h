#pragma once
// Folders listed off the GUI thread: find_image_paths in QtConcurrent::run, stopped at its
// next sub-folder once `stop` is set (a large tree on a network share takes seconds). The
// window (a dropped folder) and the training dialog (Start) both list so; each owns the
// flag with the task, sets it when it closes or is cancelled, and waits for the future.

#include <clipflow/imagepaths.h>

#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace clipflow::app {

inline QFuture<ImagePaths> list_folders(std::vector<std::string> paths, std::shared_ptr<std::atomic_bool> stop)
{
    return QtConcurrent::run(
        [paths = std::move(paths), stop = std::move(stop)] { return find_image_paths(paths, [&stop] { return stop->load(); }); });
}

} // namespace clipflow::app
