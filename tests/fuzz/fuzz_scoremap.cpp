// Fuzz target: heat maps kept in case files (ScoreMap::from_json). Whatever it
// accepts must render, and write and read back to the same map.

#include <clipflow/scoremap.h>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto m = clipflow::ScoreMap::from_json(std::string(reinterpret_cast<const char*>(data), size));
    if (!m) return 0;
    (void)m->render(64);
    // Written scores are rounded to 10^-3: the first write is the fixed point.
    const std::string once = m->to_json();
    auto again = clipflow::ScoreMap::from_json(once);
    if (!again || again->to_json() != once) __builtin_trap();
    return 0;
}
