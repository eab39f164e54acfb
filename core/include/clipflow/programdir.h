#pragma once
// Header-only so that `clipflow`, which links nothing of ours, finds its
// companions the same way core finds its shipped models.

#include <filesystem>
#include <string>
#include <system_error>

namespace clipflow {

/// The folder of the running program (from /proc/self/exe, never PATH); empty where unknown.
inline std::string running_program_dir()
{
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : exe.parent_path().string();
}

} // namespace clipflow
