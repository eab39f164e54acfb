#pragma once
// Splitting a batch over machines (Kubernetes Indexed Jobs, Slurm arrays) and
// continuing one that was stopped.
//
//     auto shard = clipflow::parse_shard("3/8");                 // or shard_from_environment(8)
//     for (const auto& f : clipflow::expand_image_roots({"feed/"}))
//         if (clipflow::shard_of(f.relative, shard->count) == shard->index) score(f.path);
//
// A file's shard depends only on its path relative to the folder it was found
// in (or its name, for a file given directly): listing order, the machine and
// where the folder is mounted do not matter, and N shards together are exactly
// one unsharded run.

#include "clipflow/imagepaths.h"
#include "clipflow/result.h"

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace clipflow {

struct ShardSpec {
    int index = 0; ///< 0-based
    int count = 1;
};

/// "I/N" with 0 <= I < N (0-based, as Kubernetes' JOB_COMPLETION_INDEX).
Result<ShardSpec> parse_shard(const std::string& text);

/// The shard the environment names, if any: JOB_COMPLETION_INDEX with `count`
/// (a Kubernetes Indexed Job, whose size the job spec holds), or
/// SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT (index counted from
/// SLURM_ARRAY_TASK_MIN, default 0). `count` <= 0: unknown. An error for values
/// that are present but unusable; nullopt when none is set.
Result<std::optional<ShardSpec>> shard_from_environment(int count);

/// 0..count-1 from the SHA-256 of the relative path ('/'-separated).
int shard_of(const std::string& relative_path, int count);

/// An image found under an input: its path as found, and relative to that input.
struct ImageRootPath {
    std::string path;
    std::string relative;
};

/// find_image_paths, one input at a time, keeping each file's relative path; the
/// folders that gave no images are added to `problems` (when given).
std::vector<ImageRootPath> expand_image_roots(const std::vector<std::string>& inputs,
                                              std::vector<FolderProblem>* problems = nullptr);

/// Results already written to a JSON-lines file: (file, sha256) of each
/// complete line that has both. A last line without its newline (a write cut
/// short) is cut off the file, so appending continues on a line boundary.
Result<std::set<std::pair<std::string, std::string>>> read_finished_results(const std::string& jsonl_path);

} // namespace clipflow
