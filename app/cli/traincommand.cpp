#include "traincommand.h"

#include "args.h"
#include "backboneoption.h"
#include "distributedoption.h"
#include "trainprogress.h"

#include <clipflow/clipflowdetector.h>
#include <clipflow/clipflowtraining.h>
#include <clipflow/imagepaths.h>
#include <clipflow/learnedbackbone.h>
#include <clipflow/modelregistry.h>

#include <nlohmann/json.hpp>

#include <iostream>
#include <sstream>

namespace clipflow::cli {

const char* const kTrainHelp = R"(Usage: clipflow train --natural DIR... --out MODEL [options]

Trains a CLIP-Flow detector from natural photos only: proxy images are made
from them by spectral modification, a normalizing flow learns to give proxies
a low likelihood, and held-out photos calibrate the scores. No AI image is
used. Interrupted runs (Ctrl-C, a crash) resume from the last epoch when the
same command is run again; features are cached by SHA-256.

Options:
  --natural DIR        natural photos (folders recurse; repeatable; plain
                       arguments count too)
  --out MODEL          the detector file to write (.safetensors)
  --backbone B         forensic (default; weight-free), forensic-v2 (the
                       shipped learned backbone), forensic-v2:WEIGHTS (from
                       train-backbone) or clip:MODEL (a CLIP checkpoint file
                       or installed model)
  --layer L            CLIP feature: proj (default), cls or block:N
  --objective O        combined (default): raise natural likelihood, push
                       proxies below a margin; proxy: only push proxies down
  --epochs N           flow training epochs (default 60)
  --steps K            flow steps (default 4)   --hidden H  coupling width (default 256)
  --margin M           nats per dimension (default 1.0)
  --lr X               learning rate (default 1e-3)   --batch N  (default 256)
  --noise S            feature noise during training, in natural standard
                       deviations per dimension (default 0.5): smooths the
                       density between the training photos
  --weight-decay W     Adam L2 penalty (default 0)
  --views N            training views per image (default 4)
  --proxies N          proxies per view (default 1)
  --ops LIST           proxy operations, comma-separated (default all):
                       hf_attenuation,hf_boost,zero_insertion,transposed_conv,
                       resampling_chain,phase_perturbation,lowpass_resharpen,
                       vae_decoder,upsampling_cascade
  --jpeg-augment P     chance a view and its proxy are both recompressed (1.0)
  --resize-augment P   chance an image is first resized by 0.5-1.5x, as
                       delivery does (0.5)
  --holdout F          fraction of images held out for calibration (0.25)
  --fpr F              false-positive rate of the threshold (0.05)
  --seed S             random seed (default 1)
  --device D           auto (default), cpu or cuda
  --cache DIR          feature cache (default ~/.cache/clipflow/features)
  --no-cache           compute every feature afresh
  --json               print a JSON summary on standard output

Exit status: 0 trained, 1 training failed or was interrupted, 2 usage error.
)";

int run_train(std::vector<std::string> words)
{
    Args args(std::move(words));
    if (args.flag("--help") || args.flag("-h")) {
        std::cout << kTrainHelp << kDistributedHelp;
        return 0;
    }
    auto usage = [](const std::string& why) { return usage_error("train", why); };
    ClipFlowTrainParams p;
    p.seed = 1;
    const bool json_out = args.flag("--json");
    const bool no_cache = args.flag("--no-cache");
    auto dirs = options(args, "--natural");
    const auto out = args.option("--out");
    const auto backbone = args.option("--backbone");
    const auto layer = args.option("--layer");
    const auto objective = args.option("--objective");
    const auto ops = args.option("--ops");
    const auto device = args.option("--device");
    const auto cache = args.option("--cache");
    double epochs = p.train.epochs, steps = p.train.flow.steps, hidden = p.train.flow.hidden, margin = p.train.margin,
           lr = p.train.learning_rate, batch = p.train.batch_size, views = p.views_per_image, proxies = p.proxies_per_view,
           seed = 1, noise = p.train.feature_noise, decay = p.train.weight_decay;
    const std::string bad = read_numbers(args, {{"--epochs", &epochs, 1, 100000},
                                                {"--steps", &steps, 1, 64},
                                                {"--hidden", &hidden, 8, 8192},
                                                {"--margin", &margin, 0, 100},
                                                {"--lr", &lr, 1e-7, 1},
                                                {"--batch", &batch, 2, 65536},
                                                {"--views", &views, 1, 64},
                                                {"--proxies", &proxies, 1, 64},
                                                {"--jpeg-augment", &p.jpeg_augment, 0, 1},
                                                {"--resize-augment", &p.resize_augment, 0, 1},
                                                {"--holdout", &p.holdout_fraction, 0.01, 0.9},
                                                {"--fpr", &p.fpr, 0.001, 0.49},
                                                {"--seed", &seed, 0, 1e15},
                                                {"--noise", &noise, 0, 10},
                                                {"--weight-decay", &decay, 0, 0.5}});
    if (!bad.empty()) return usage(bad);
    if (const std::string why = read_distributed_options(args, p.distributed); !why.empty()) return usage(why);
    for (auto& d : args.positional()) dirs.push_back(d);
    if (!args.error().empty()) return usage(args.error());
    if (dirs.empty()) return usage("--natural DIR is required");
    if (!out) return usage("--out MODEL is required");
    p.out_path = *out;
    p.train.epochs = int(epochs);
    p.train.flow.steps = int(steps);
    p.train.flow.hidden = int(hidden);
    p.train.margin = float(margin);
    p.train.learning_rate = float(lr);
    p.train.batch_size = int(batch);
    p.views_per_image = int(views);
    p.proxies_per_view = int(proxies);
    p.seed = static_cast<std::uint64_t>(seed);
    p.train.feature_noise = float(noise);
    p.train.weight_decay = float(decay);
    if (objective) {
        if (*objective == "combined")
            p.train.objective = FlowObjective::Combined;
        else if (*objective == "proxy" || *objective == "proxy-only")
            p.train.objective = FlowObjective::ProxyOnly;
        else
            return usage("--objective must be combined or proxy");
    }
    if (device) {
        if (*device != "auto" && *device != "cpu" && *device != "cuda") return usage("--device must be auto, cpu or cuda");
        p.train.device = *device;
    }
    if (ops) {
        p.proxy.ops.clear();
        std::stringstream ss(*ops);
        for (std::string name; std::getline(ss, name, ',');) {
            auto op = proxy_op_from_name(name);
            if (!op) return usage("unknown proxy operation '" + name + "'");
            p.proxy.ops.push_back(*op);
        }
    }
    if (no_cache)
        p.cache_dir.clear();
    else if (cache)
        p.cache_dir = *cache;
    if (auto e = apply_backbone_option(backbone, layer, p.train.device, p.backbone)) {
        if (e->usage_error) return usage(e->message);
        std::cerr << "clipflow train: " << e->message << "\n";
        return e->exit_code;
    }
    p.natural_files = expand_image_paths(dirs);
    if (p.natural_files.empty()) return usage("no images found in the --natural folders");

    TrainProgressPrinter printer;
    p.progress = [&](const JobProgress& j) { printer.show(j); };
    InterruptGuard interrupt;
    p.abort = [&] { return interrupt.interrupted(); };
    auto r = train_clipflow_detector(p);
    printer.finish();
    if (!r) {
        if (r.status().code() == ErrorCode::Aborted)
            std::cerr << "clipflow train: interrupted; run the same command again to resume"
                      << " (checkpoint " << p.out_path << ".ckpt)\n";
        else
            std::cerr << "clipflow train: " << r.status().message() << "\n";
        return 1;
    }
    for (const auto& s : r->skipped) std::cerr << "skipped " << s << "\n";
    const auto& cal = r->info.calibration;
    std::cerr << rank_prefix(p.distributed) << (p.distributed.rank == 0 ? "wrote " : "finished; rank 0 wrote ") << p.out_path
              << " (" << r->info.model_id << ", backbone " << r->info.backbone_id << ", " << r->train_images << " training / "
              << r->holdout_images << " held-out images, "
              << (r->resumed_from_epoch ? "resumed from epoch " + std::to_string(r->resumed_from_epoch) + ", " : "")
              << "held-out proxy AUC " << r->holdout_proxy_auc << ", threshold " << cal.threshold() << " nats/dim at "
              << cal.fpr() * 100 << "% FPR)\n";
    if (json_out) {
        nlohmann::json j{{"model", p.out_path},
                         {"model_id", r->info.model_id},
                         {"backbone", r->info.backbone_id},
                         {"objective", r->info.objective},
                         {"device", r->device},
                         {"train_images", r->train_images},
                         {"holdout_images", r->holdout_images},
                         {"cache_hits", r->cache_hits},
                         {"skipped", r->skipped},
                         {"epochs_run", r->epochs_run},
                         {"resumed_from_epoch", r->resumed_from_epoch},
                         {"feature_seconds", r->feature_seconds},
                         {"train_seconds", r->train_seconds},
                         {"threshold", cal.threshold()},
                         {"holdout_proxy_auc", r->holdout_proxy_auc},
                         {"fpr", cal.fpr()}};
        std::cout << j.dump() << "\n";
    }
    return 0;
}

} // namespace clipflow::cli
