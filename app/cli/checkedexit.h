#pragma once
// The exit status once a command has returned `status`: standard output is
// flushed, and if any of it could not be written (a full disk under
// `> results.jsonl`) that is said on standard error as "WHO: ..." and the status
// becomes 1 — a batch whose results were lost must not exit 0. Header-only: the
// dispatcher `clipflow`, which links no library of ours, answers --help and
// --version with it too.

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

namespace clipflow::cli {

inline int checked_exit(const std::string& who, int status)
{
    std::cout.flush();
    if (std::fflush(stdout) == 0 && !std::ferror(stdout) && std::cout.good()) return status;
    const int err = errno; // the last failed write (this flush, or the last line's): its reason
    std::cerr << who << ": writing the output failed" << (err ? std::string(": ") + std::strerror(err) : std::string()) << "\n";
    return status == 0 ? 1 : status;
}

} // namespace clipflow::cli
