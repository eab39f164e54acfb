#pragma once
// Process-wide allocator settings for applications built on clipflow_core.
//
//     int main(int argc, char** argv)
//     {
//         clipflow::tune_allocator(); // first thing, before any thread starts
//         ...
//     }
//
// Why: analysis and training allocate and free buffers of 10-100 MB many
// times per image (full-size planes, convolution activations). glibc serves
// such blocks with mmap and returns them with munmap, so every use starts with
// hundreds of thousands of page faults and kernel zeroing: measured here, a
// 12 MP photo's score took 2.1 s instead of 0.8 s, a forensic-v2 training
// step 1.1 s instead of 0.26 s. Keeping large blocks in the heap and not
// trimming it lets them be reused. The cost: the process keeps its peak
// heap until it exits (workers are recycled, so a batch's memory stays flat).

namespace clipflow {

/// Keeps large freed blocks for reuse (glibc; elsewhere it does nothing).
/// Returns whether the settings were applied. Call once, early, from main().
bool tune_allocator();

} // namespace clipflow
