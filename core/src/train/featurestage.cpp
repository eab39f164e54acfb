#include "featurestage.h"

#include "clipflow/batchrunner.h"
#include "clipflow/laundering.h"
#include "communicator.h"
#include "support/jobutil.h"

#include <chrono>
#include <thread>

namespace clipflow::detail {

Result<ProxyImage> recompressed_proxy(const Raster& view, std::uint64_t seed, const ProxyParams& params,
                                      const Recompression& recompression)
{
    auto proxy = make_proxy(view, seed, params);
    if (!proxy || recompression.codec == Recompression::Codec::None) return proxy;
    auto j = recompress(proxy->image, recompression);
    if (!j) return j.status();
    proxy->image = std::move(*j);
    return proxy;
}

Result<FeatureStageResult> run_feature_stage(const std::vector<std::string>& files, const FeatureStage& stage)
{
    const Backbone& bb = *stage.backbone;
    if (stage.comm) {
        std::string inputs = stage.recipe + '\n' + std::to_string(stage.split_fraction);
        for (const auto& f : files) inputs += '\n' + f;
        if (Status s = check_same_inputs(stage.comm, inputs, "files or settings"); !s.ok()) return s;
    }
    const FeatureCache cache(stage.cache_dir == "default" ? FeatureCache::default_dir() : stage.cache_dir);
    const std::string train_tag = sha_of(stage.recipe + "train").substr(0, 16);
    const std::string held_tag = sha_of(stage.recipe + "holdout").substr(0, 16);
    const auto t0 = std::chrono::steady_clock::now();
    FeatureStageResult r;
    r.items.resize(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        r.items[i].index = i;
        r.items[i].file = files[i];
    }
    auto one = [&](std::size_t i) {
        FeatureItem& it = r.items[i];
        auto ev = load_evidence(it.file, stage.intake);
        if (!ev) {
            it.status = ev.status();
            return;
        }
        it.sha = ev->info.sha256;
        it.held_out = in_split(it.sha, stage.split_fraction);
        const std::string& tag = it.held_out ? held_tag : train_tag;
        if (auto hit = cache.get(bb.id(), it.sha, tag); hit && hit->dim == bb.dim()) {
            it.set = std::move(*hit);
            it.cache_hit = true;
            return;
        }
        auto set = stage.compute(ev->pixels, it.sha, it.held_out, i);
        if (!set) {
            it.status = set.status();
            return;
        }
        it.set = std::move(*set);
        (void)cache.put(bb.id(), it.sha, tag, it.set); // a full disk costs only speed
    };
    const int workers = stage.threads > 0     ? stage.threads
                        : bb.type() == "clip" ? 1 // the encoder uses every core already
                                              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const int rank = stage.comm ? stage.comm->rank() : 0, ranks = stage.comm ? stage.comm->size() : 1;
    const std::size_t mine = files.size() > static_cast<std::size_t>(rank)
                                 ? (files.size() - static_cast<std::size_t>(rank) + static_cast<std::size_t>(ranks) - 1) /
                                       static_cast<std::size_t>(ranks)
                                 : 0;
    auto report = [&](std::size_t d, double eta) {
        if (stage.progress) stage.progress({"features", static_cast<long>(d), static_cast<long>(mine), eta, {}});
    };
    auto own = [&](std::size_t k) { one(static_cast<std::size_t>(rank) + k * static_cast<std::size_t>(ranks)); };
    if (!parallel_job(mine, workers, own, report, stage.abort))
        return Status(ErrorCode::Aborted, "training cancelled while computing features");
    if (stage.comm && ranks > 1) {
        try {
            const auto all = stage.comm->allgather(encode_feature_items(r.items, rank, ranks));
            for (int k = 0; k < ranks; ++k)
                if (k != rank)
                    if (Status s = decode_feature_items(all[static_cast<std::size_t>(k)], r.items); !s.ok()) return s;
        } catch (const std::exception& e) {
            return Status(ErrorCode::IoError, std::string("exchanging features with the other ranks failed: ") + e.what());
        }
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    for (const auto& it : r.items) {
        if (!it.status.ok()) {
            r.skipped.push_back(it.file + ": " + it.status.to_string());
            continue;
        }
        if (!r.unique.emplace(it.sha, &it).second) {
            r.skipped.push_back(it.file + ": duplicate of " + r.unique[it.sha]->file);
            continue;
        }
        r.cache_hits += it.cache_hit;
    }
    return r;
}

} // namespace clipflow::detail
