#include "trainclassifiercommand.h"

#include "args.h"
#include "backboneoption.h"
#include "distributedoption.h"
#include "trainprogress.h"

#include <clipflow/imagepaths.h>
#include <clipflow/modelregistry.h>
#include <clipflow/supervisedtraining.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace clipflow::cli {

const char* const kTrainClassifierHelp = R"(Usage: clipflow train-classifier --data DIR --out MODEL [options]

Trains the supervised detector: a head on backbone features that separates
real images from AI images and names the generator. DIR holds one folder of
real photos (real/ or natural/) and one folder per generator; a fake/ (or
ai/) folder's sub-folders count as generators too. Every training view of
every class is recompressed and resized at the same odds, so file format and
size carry no label. Interrupted runs resume when re-run.

Options:
  --data DIR           the labelled folders (required)
  --out MODEL          the detector file to write (.safetensors)
  --exclude NAME       leave out a folder (repeatable), e.g. to hold a
                       generator out and test generalisation to it
  --backbone B         forensic (default; weight-free), forensic-v2 (the
                       shipped learned backbone), forensic-v2:WEIGHTS (from
                       train-backbone) or clip:MODEL (a CLIP checkpoint file
                       or installed model)
  --layer L            CLIP feature: proj (default), cls or block:N
  --mode M             mlp (default; one hidden layer), linear (a probe), or
                       finetune: also train the last CLIP blocks, ln_post
                       and the projection (needs --backbone clip:MODEL)
  --finetune-blocks N  CLIP blocks to fine-tune (default 2)
  --finetune-lr X      their learning rate (default 1e-5)
  --hidden N           MLP width (default 256)
  --epochs N           (default 60)     --lr X  (default 1e-3)
  --views N            training views per image (default 4)
  --augment P          chance of recompression per view (default 0.75)
  --val F              validation fraction (default 0.25)
  --min-per-class N    drop smaller classes (default 5)
  --seed S             (default 1)      --device D  auto, cpu or cuda
  --cache DIR | --no-cache
  --json               JSON summary (with the validation confusion matrix)

Exit status: 0 trained, 1 training failed or was interrupted, 2 usage error.
)";

int run_train_classifier(std::vector<std::string> words)
{
    Args args(std::move(words));
    if (args.flag("--help") || args.flag("-h")) {
        std::cout << kTrainClassifierHelp << kDistributedHelp;
        return 0;
    }
    auto usage = [](const std::string& why) { return usage_error("train-classifier", why); };
    SupervisedTrainParams p;
    const bool json_out = args.flag("--json");
    const bool no_cache = args.flag("--no-cache");
    const auto data = args.option("--data");
    const auto out = args.option("--out");
    const auto exclude = options(args, "--exclude");
    const auto backbone = args.option("--backbone");
    const auto layer = args.option("--layer");
    const auto mode = args.option("--mode");
    const auto device = args.option("--device");
    const auto cache = args.option("--cache");
    double blocks = p.finetune_blocks, ft_lr = p.finetune_learning_rate;
    double hidden = p.hidden, epochs = p.epochs, lr = p.learning_rate, views = p.views_per_image, min_per_class = p.min_per_class,
           seed = 1;
    const std::string bad = read_numbers(args, {{"--hidden", &hidden, 2, 8192},
                                                {"--epochs", &epochs, 1, 100000},
                                                {"--lr", &lr, 1e-7, 1},
                                                {"--views", &views, 1, 64},
                                                {"--augment", &p.augment, 0, 1},
                                                {"--val", &p.val_fraction, 0.05, 0.9},
                                                {"--min-per-class", &min_per_class, 2, 1e6},
                                                {"--seed", &seed, 0, 1e15},
                                                {"--finetune-blocks", &blocks, 1, 1000},
                                                {"--finetune-lr", &ft_lr, 0, 1}});
    if (!bad.empty()) return usage(bad);
    if (const std::string why = read_distributed_options(args, p.distributed); !why.empty()) return usage(why);
    const auto rest = args.positional();
    if (!args.error().empty()) return usage(args.error());
    if (!rest.empty()) return usage("unexpected argument " + rest.front());
    if (!data) return usage("--data DIR is required");
    if (!out) return usage("--out MODEL is required");
    if (mode) {
        if (*mode != "linear" && *mode != "mlp" && *mode != "finetune") return usage("--mode must be linear, mlp or finetune");
        if (*mode == "finetune" && (!backbone || backbone->rfind("clip:", 0) != 0))
            return usage(
                "--mode finetune needs --backbone clip:MODEL (there are no weights to fine-tune in the forensic backbone)");
        p.mode = *mode;
    }
    if (device) {
        if (*device != "auto" && *device != "cpu" && *device != "cuda") return usage("--device must be auto, cpu or cuda");
        p.device = *device;
    }
    if (auto e = apply_backbone_option(backbone, layer, p.device, p.backbone)) {
        if (e->usage_error) return usage(e->message);
        std::cerr << "clipflow train-classifier: " << e->message << "\n";
        return e->exit_code;
    }
    p.out_path = *out;
    p.hidden = int(hidden);
    p.epochs = int(epochs);
    p.learning_rate = float(lr);
    p.views_per_image = int(views);
    p.min_per_class = int(min_per_class);
    p.seed = static_cast<std::uint64_t>(seed);
    p.finetune_blocks = int(blocks);
    p.finetune_learning_rate = float(ft_lr);
    if (no_cache)
        p.cache_dir.clear();
    else if (cache)
        p.cache_dir = *cache;
    p.images = scan_labelled_folder(*data, exclude);
    if (p.images.empty()) return usage("no labelled images found under " + *data);

    TrainProgressPrinter printer("real CE", "AI CE");
    p.progress = [&](const JobProgress& j) { printer.show(j); };
    InterruptGuard interrupt;
    p.abort = [&] { return interrupt.interrupted(); };
    auto r = train_supervised_detector(p);
    printer.finish();
    if (!r) {
        if (r.status().code() == ErrorCode::Aborted)
            std::cerr << "clipflow train-classifier: interrupted; run the same command again to resume\n";
        else
            std::cerr << "clipflow train-classifier: " << r.status().message() << "\n";
        return 1;
    }
    for (const auto& s : r->skipped) std::cerr << "skipped " << s << "\n";
    for (const auto& d : r->dropped_classes)
        std::cerr << "dropped class " << d << " (fewer than " << p.min_per_class << " images)\n";
    const auto& classes = r->info.classes;
    std::cerr << rank_prefix(p.distributed) << (p.distributed.rank == 0 ? "wrote " : "finished; rank 0 wrote ") << p.out_path
              << " (" << r->info.model_id << ", " << classes.size() << " classes, validation accuracy " << r->val_accuracy
              << ", AUC " << r->val_auc << ", temperature " << r->temperature << ")\n";
    std::cerr << "confusion (rows: true, columns: predicted):\n";
    for (std::size_t i = 0; i < classes.size(); ++i) {
        std::cerr << "  " << classes[i] << ":";
        for (long n : r->confusion[i]) std::cerr << " " << n;
        std::cerr << "\n";
    }
    if (json_out) {
        nlohmann::json j{{"model", p.out_path},
                         {"model_id", r->info.model_id},
                         {"backbone", r->info.backbone_id},
                         {"mode", p.mode},
                         {"classes", classes},
                         {"class_counts", r->info.class_counts},
                         {"dropped_classes", r->dropped_classes},
                         {"train_images", r->train_images},
                         {"validation_images", r->val_images},
                         {"val_accuracy", r->val_accuracy},
                         {"val_auc", r->val_auc},
                         {"temperature", r->temperature},
                         {"confusion", r->confusion},
                         {"epochs_run", r->epochs_run},
                         {"resumed_from_epoch", r->resumed_from_epoch},
                         {"device", r->device},
                         {"skipped", r->skipped}};
        std::cout << j.dump() << "\n";
    }
    return 0;
}

} // namespace clipflow::cli
