#pragma once
// Crash-safe writes: data goes to a temporary file in the same folder, is
// flushed to disk, then renamed over the target. Readers see the old file or
// the new one, never half of either. A link to a file has the file it names
// replaced and stays a link. A path naming a device, pipe or socket (e.g.
// /dev/stdout) has no file to replace: the bytes are written into it, and a
// failed write (/dev/full) is an error. Renaming over such a node would have
// put a file in its place, which for root means a broken /dev.

#include "clipflow/status.h"

#include <span>
#include <string>

namespace clipflow {

Status write_file_atomic(const std::string& path, std::span<const unsigned char> bytes);

// True when `path` exists (after links) and is a device, pipe or socket: a
// stream to write into, never a file to replace. For writers that cannot use
// write_file_atomic (a PDF painted into a QSaveFile).
bool is_stream_path(const std::string& path);

} // namespace clipflow
