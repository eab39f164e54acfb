#pragma once
// The feature stage shared by both training jobs (internal): for every file,
// intake, a split decided by its SHA-256, a feature-cache lookup, the job's
// own computation on a miss, and a cache store, on worker threads; then the
// readable, de-duplicated items. Progress and abort stay on the caller's thread.
// In a data-parallel job each rank computes every size-th file and the ranks
// then exchange their items, so all of them end with the same result.

#include "clipflow/backbone.h"
#include "clipflow/clipflowtraining.h"
#include "clipflow/evidence.h"
#include "clipflow/featurecache.h"
#include "clipflow/laundering.h"
#include "clipflow/proxy.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace clipflow::detail {

class Communicator;

struct FeatureItem {
    std::size_t index = 0; // position in the input list
    std::string file, sha;
    bool held_out = false; // in the split (held out / validation)
    bool cache_hit = false;
    FeatureSet set;
    Status status;
};

struct FeatureStage {
    const Backbone* backbone = nullptr;
    std::string cache_dir; // "default" or a folder; empty: no cache
    std::string recipe;    // everything that changes the features, for the cache tag
    double split_fraction = 0.25;
    int threads = 0; // 0: all cores (forensic), 1 (CLIP)
    IntakeParams intake;
    JobProgressCallback progress;
    AbortCallback abort;
    Communicator* comm = nullptr; // data-parallel ranks, or none
    // The job's features of one decoded image (index: its place in the input list).
    std::function<Result<FeatureSet>(const Raster& image, const std::string& sha, bool held_out, std::size_t index)> compute;
};

struct FeatureStageResult {
    std::vector<FeatureItem> items;                   // input order
    std::map<std::string, const FeatureItem*> unique; // readable, by SHA-256; duplicates count once
    std::vector<std::string> skipped;                 // "file: reason"
    long cache_hits = 0;
    double seconds = 0.0;
};

// The items rank `rank` of `size` computed (every size-th), as the bytes one
// rank sends the others, and back: decoding fills the items the bytes name and
// refuses (CorruptData) a message that is cut short or names unknown items.
std::string encode_feature_items(const std::vector<FeatureItem>& items, int rank, int size);
Status decode_feature_items(const std::string& bytes, std::vector<FeatureItem>& items);

// A training view's proxy, re-saved as its view was (Codec::None: not), as both
// training jobs pair them with their views.
Result<ProxyImage> recompressed_proxy(const Raster& view, std::uint64_t seed, const ProxyParams& params,
                                      const Recompression& recompression);

// Aborted when the abort callback says stop.
Result<FeatureStageResult> run_feature_stage(const std::vector<std::string>& files, const FeatureStage& stage);

} // namespace clipflow::detail
