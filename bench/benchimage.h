#pragma once
// The image a benchmark reads (CLIPFLOW_BENCH_IMAGE), read once as the window reads a
// file (8-bit files keep their bytes as Evidence::picture), outside any timed region.

#include <clipflow/evidence.h>

#include <cstdlib>
#include <iostream>

namespace clipflow::bench {

inline const Evidence& bench_evidence()
{
    static const Evidence ev = [] {
        const char* path = std::getenv("CLIPFLOW_BENCH_IMAGE");
        if (!path) {
            std::cerr << "set CLIPFLOW_BENCH_IMAGE to an image (the bench/compare_*.py scripts make a 12 MP one)\n";
            std::exit(2);
        }
        IntakeParams params;
        params.keep_picture = true;
        auto loaded = load_evidence(path, params);
        if (!loaded) {
            std::cerr << path << ": " << loaded.status().to_string() << "\n";
            std::exit(2);
        }
        return std::move(*loaded);
    }();
    return ev;
}

} // namespace clipflow::bench
