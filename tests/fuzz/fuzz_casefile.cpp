// Fuzz target: the case-file parser. Whatever it accepts must serialise and
// parse back to the same case; the heat maps and ghost grids it keeps are read as the window reads them.

#include <clipflow/casefile.h>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto c = clipflow::CaseFile::parse(std::string(reinterpret_cast<const char*>(data), size));
    if (!c) return 0;
    auto again = clipflow::CaseFile::parse(c->to_json());
    if (!again || !(*again == *c)) __builtin_trap();
    for (const auto& e : c->evidence)
        if (auto map = clipflow::kept_heat_map(e, "cf-fuzz"))
            if (map->model_id != "cf-fuzz" || (e.width && map->image_width != e.width)) __builtin_trap();
    for (const auto& e : c->evidence)
        if (auto g = clipflow::kept_jpeg_ghosts(e))
            if (g->grid_x < 0 || g->grid_x > 7 || g->grid_y < 0 || g->grid_y > 7) __builtin_trap();
    return 0;
}
