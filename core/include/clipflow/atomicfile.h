#pragma once
// Crash-safe writes: data goes to a temporary file in the same folder, is
// flushed to disk, then renamed over the target. Readers see the old file or
// the new one, never half of either.

#include "clipflow/status.h"

#include <span>
#include <string>

namespace clipflow {

Status write_file_atomic(const std::string& path, std::span<const unsigned char> bytes);

} // namespace clipflow
