#pragma once
// Progress and abort hooks shared by every long-running core call. Both may be
// called from the calling (worker) thread only; keep them cheap.

#include <functional>

namespace clipflow {

/// fraction in [0, 1]
using ProgressCallback = std::function<void(double fraction)>;
/// return true to stop; the call then returns ErrorCode::Aborted
using AbortCallback = std::function<bool()>;

} // namespace clipflow
