#include "trainbackbonecommand.h"

#include "args.h"
#include "distributedoption.h"
#include "trainprogress.h"

#include <clipflow/backbonetraining.h>
#include <clipflow/imagepaths.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace clipflow::cli {

const char* const kTrainBackboneHelp = R"(Usage: clipflow train-backbone --natural DIR... --out WEIGHTS [options]

Trains the forensic-v2 backbone, a small residual network, from natural photos
only: each photo is shrunk, passed through weight-free imitations of a latent
decoder, an up-sampling cascade and one other spectral proxy, and the network
learns to tell photo patches from proxy patches (JPEG-recompressed at random on
both sides). No AI image is used. Use the weights with
`clipflow train --backbone forensic-v2:WEIGHTS`. Interrupted runs resume from
the last checkpoint when the same command is run again.

Options:
  --natural DIR        natural photos (folders recurse; repeatable; plain
                       arguments count too)
  --out WEIGHTS        the weights file to write (.safetensors)
  --steps N            optimiser steps (default 8000, about 35 min on 2 cores)
  --batch N            photo/proxy pairs per step (default 16)
  --patch N            patch side in pixels (default 96)
  --lr X               peak learning rate, one-cycle schedule (default 0.002)
  --jpeg-augment P     chance a patch is recompressed, q 65-98 (default 0.5)
  --validation F       fraction of photos held out for validation (0.1)
  --seed S             random seed (default 1)
  --threads N          photo preparation workers (default: all cores)
  --json               print a JSON summary on standard output

Exit status: 0 trained, 1 training failed or was interrupted, 2 usage error.
)";

int run_train_backbone(std::vector<std::string> words)
{
    Args args(std::move(words));
    if (args.flag("--help") || args.flag("-h")) {
        std::cout << kTrainBackboneHelp << kDistributedHelp;
        return 0;
    }
    auto usage = [](const std::string& why) { return usage_error("train-backbone", why); };
    BackboneTrainParams p;
    const bool json_out = args.flag("--json");
    auto dirs = options(args, "--natural");
    const auto out = args.option("--out");
    double steps = p.steps, batch = p.batch_pairs, patch = p.patch, seed = 1, threads = 0;
    const std::string bad = read_numbers(args, {{"--steps", &steps, 1, 1e7},
                                                {"--batch", &batch, 1, 4096},
                                                {"--patch", &patch, 32, 512},
                                                {"--lr", &p.learning_rate, 1e-7, 1},
                                                {"--jpeg-augment", &p.jpeg_augment, 0, 1},
                                                {"--validation", &p.validation_fraction, 0, 0.9},
                                                {"--seed", &seed, 0, 1e15},
                                                {"--threads", &threads, 0, 1024}});
    if (!bad.empty()) return usage(bad);
    if (const std::string why = read_distributed_options(args, p.distributed); !why.empty()) return usage(why);
    for (auto& d : args.positional()) dirs.push_back(d);
    if (!args.error().empty()) return usage(args.error());
    if (dirs.empty()) return usage("--natural DIR is required");
    if (!out) return usage("--out WEIGHTS is required");
    p.out_path = *out;
    p.steps = int(steps);
    p.batch_pairs = int(batch);
    p.patch = int(patch);
    p.seed = static_cast<std::uint64_t>(seed);
    p.threads = int(threads);
    p.natural_files = expand_image_paths(dirs);
    if (p.natural_files.empty()) return usage("no images found in the --natural folders");

    // One line per stage change and every 50 steps: readable in a log and on a terminal.
    std::string stage;
    long last = -1;
    p.progress = [&](const JobProgress& j) {
        if (j.stage != stage) {
            stage = j.stage;
            last = -1;
            std::cerr << "[" << stage << "]\n";
        }
        if (j.stage == "training" && (j.done / 50 != last / 50 || j.done == j.total)) {
            last = j.done;
            std::fprintf(stderr, "step %ld/%ld  loss %.4f  eta %.0f s\n", j.done, j.total, j.train.loss, j.eta_s);
        }
    };
    InterruptGuard interrupt;
    p.abort = [&] { return interrupt.interrupted(); };
    auto r = train_learned_backbone(p);
    if (!r) {
        if (r.status().code() == ErrorCode::Aborted)
            std::cerr << "clipflow train-backbone: interrupted; run the same command again to resume (checkpoint " << p.out_path
                      << ".ckpt)\n";
        else
            std::cerr << "clipflow train-backbone: " << r.status().message() << "\n";
        return 1;
    }
    for (const auto& s : r->skipped) std::cerr << "skipped " << s << "\n";
    std::cerr << rank_prefix(p.distributed) << (p.distributed.rank == 0 ? "wrote " : "finished; rank 0 wrote ") << p.out_path
              << " (" << r->info.id << ", " << r->photos << " training / " << r->validation_photos << " validation photos, "
              << (r->resumed_from_step ? "resumed from step " + std::to_string(r->resumed_from_step) + ", " : "")
              << "validation AUC " << r->validation_auc << ")\n";
    if (json_out) {
        nlohmann::json j{{"weights", p.out_path},
                         {"id", r->info.id},
                         {"sha256", r->info.sha256},
                         {"photos", r->photos},
                         {"validation_photos", r->validation_photos},
                         {"skipped", r->skipped},
                         {"steps_run", r->steps_run},
                         {"resumed_from_step", r->resumed_from_step},
                         {"final_loss", r->final_loss},
                         {"validation_auc", r->validation_auc},
                         {"prepare_seconds", r->prepare_seconds},
                         {"train_seconds", r->train_seconds}};
        std::cout << j.dump() << "\n";
    }
    return 0;
}

} // namespace clipflow::cli
