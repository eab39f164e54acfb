// Fuzz target: `clipflow score --resume` reading a results file someone else may
// have written, and --shard's "I/N". The file is cut to its last whole line and
// read again to the same set; shards stay in range.

#include <clipflow/sharding.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    if (auto s = clipflow::parse_shard(bytes)) {
        if (s->count < 1 || s->index < 0 || s->index >= s->count) __builtin_trap();
        if (clipflow::shard_of(bytes, s->count) >= s->count) __builtin_trap();
    }
    const std::string path =
        (std::filesystem::temp_directory_path() / ("clipflow-fuzz-results-" + std::to_string(::getpid()) + ".jsonl")).string();
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    auto first = clipflow::read_finished_results(path);
    if (first) {
        // Now cut to whole lines: reading again changes nothing.
        std::error_code ec;
        const auto cut = std::filesystem::file_size(path, ec);
        if (!ec && cut > 0 && bytes[cut - 1] != '\n') __builtin_trap();
        auto second = clipflow::read_finished_results(path);
        if (!second || *second != *first) __builtin_trap();
    }
    std::remove(path.c_str());
    return 0;
}
