#pragma once
// `clipflow intake-worker` (not in --help): the isolated reader behind the
// window's per-file time limit. It reads, hashes and decodes each file and
// parses its metadata, the steps that run third-party parsers on untrusted
// bytes, and sends all of it back, pixels included (protocol: clipflow/isolatedintake.h).

#include <string>
#include <vector>

namespace clipflow::cli {

int run_intake_worker(std::vector<std::string> words);

} // namespace clipflow::cli
