#include "clipflow/allocator.h"

#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

namespace clipflow {

bool tune_allocator()
{
#if defined(__GLIBC__) && defined(M_MMAP_THRESHOLD) && defined(M_TOP_PAD)
    // Thresholds above any buffer one analysis or training step allocates.
    const bool mmap_ok = mallopt(M_MMAP_THRESHOLD, 1 << 30) == 1;
    const bool trim_ok = mallopt(M_TRIM_THRESHOLD, 1 << 30) == 1;
    const bool pad_ok = mallopt(M_TOP_PAD, 64 << 20) == 1;
    return mmap_ok && trim_ok && pad_ok;
#else
    return false;
#endif
}

} // namespace clipflow
