#include "trainbackbonecommand.h"

#include "distributedoption.h"
#include "jsonfields.h"
#include "optiontable.h"
#include "trainprogress.h"

#include <clipflow/backbonetraining.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace clipflow::cli {

const char* const kTrainBackboneAbout = R"(Trains the forensic-v2 backbone, a small residual network, from natural photos
only: each photo is shrunk, passed through weight-free imitations of a latent
decoder, an up-sampling cascade and one other spectral proxy, and the network
learns to tell photo patches from proxy patches (JPEG-recompressed at random on
both sides). No AI image is used. Use the weights with
`clipflow train --backbone forensic-v2:WEIGHTS`. Interrupted runs resume from
the last checkpoint when the same command is run again.)";

int run_train_backbone(std::vector<std::string> words)
{
    BackboneTrainParams p;
    p.seed = 1;
    bool json_out = false;
    std::vector<std::string> dirs;
    std::optional<std::string> out, init;
    OptionTable t("train-backbone", "--natural DIR... --out WEIGHTS [options]", kTrainBackboneAbout);
    t.texts("--natural", "DIR", dirs, "natural photos (folders recurse; repeatable; plain arguments count too)")
        .text("--out", "WEIGHTS", out, "the weights file to write (.safetensors)")
        .required()
        .whole("--steps", "N", p.steps, 1, 10'000'000, "optimiser steps (8000 take about 35 min on 2 cores)")
        .whole("--batch", "N", p.batch_pairs, 1, 4096, "photo/proxy pairs per step")
        .whole("--patch", "N", p.patch, 32, 512, "patch side in pixels")
        .number("--lr", "X", p.learning_rate, 1e-7, 1, "peak learning rate, one-cycle schedule")
        .number("--jpeg-pair", "P", p.jpeg_pair, 0, 1, "chance a patch and its proxy are recompressed alike, q 65-98")
        .number("--decoder-strength", "S", p.decoder_strength_min, 0.01, 1,
                "weaken the decoder proxies toward the photo by a strength drawn log-uniformly from S..1")
        .flag("--halve-chroma", p.halve_chroma,
              "the network reads luminance at full resolution and colour at half (as 4:2:0 JPEG), in training and scoring")
        .number("--jpeg-augment", "P", p.jpeg_augment, 0, 1, "otherwise, chance each patch is recompressed on its own")
        .number("--validation", "F", p.validation_fraction, 0, 0.9, "fraction of photos held out for validation")
        .text("--init", "WEIGHTS", init, "start from these forensic-v2 weights (e.g. the shipped ones) instead of random ones")
        .whole("--seed", "S", p.seed, 0, 1'000'000'000'000'000LL, "random seed")
        .whole("--threads", "N", p.threads, 0, 1024, "photo preparation workers")
        .default_text("all cores")
        .choice("--device", "D", p.device, {"auto", "cpu", "cuda"}, "")
        .flag("--json", json_out, "print a JSON summary on standard output")
        .positionals(dirs);
    add_distributed_options(t, p.distributed);
    t.notes("Exit status: 0 trained, 1 training failed or was interrupted, 2 usage error.");
    if (auto code = t.parse(std::move(words))) return *code;
    auto usage = [&t](const std::string& why) { return t.usage_error(why); };
    if (dirs.empty()) return usage("--natural DIR is required");
    p.out_path = *out;
    if (init) p.init_path = *init;
    int problems = 0;
    p.natural_files = image_inputs(dirs, problems);
    if (problems) return usage("a --natural folder gave no images, or not all of them (above): nothing was made");
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
    announce_device(p.device);
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
              << (init ? "validation AUC from " + std::to_string(r->initial_validation_auc) + " to " : "validation AUC ")
              << r->validation_auc << ", recompressed at JPEG 85 " << r->validation_auc_jpeg << ")\n";
    if (json_out) {
        nlohmann::json j{{"weights", p.out_path},
                         {"id", r->info.id},
                         {"sha256", r->info.sha256},
                         {"photos", r->photos},
                         {"validation_photos", r->validation_photos},
                         {"skipped", r->skipped},
                         {"device", r->device},
                         {"steps_run", r->steps_run},
                         {"resumed_from_step", r->resumed_from_step},
                         {"final_loss", r->final_loss},
                         {"validation_auc", r->validation_auc},
                         {"validation_auc_jpeg85", r->validation_auc_jpeg},
                         {"initial_validation_auc", init ? nlohmann::json(r->initial_validation_auc) : nlohmann::json()},
                         {"prepare_seconds", r->prepare_seconds},
                         {"train_seconds", r->train_seconds}};
        std::cout << j.dump() << "\n";
    }
    return 0;
}

} // namespace clipflow::cli
