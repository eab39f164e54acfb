// Fuzz target: the case-file parser. Whatever it accepts must serialise and
// parse back to the same case.

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
    return 0;
}
