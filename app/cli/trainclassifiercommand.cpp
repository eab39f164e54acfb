#include "trainclassifiercommand.h"

#include "backboneoption.h"
#include "distributedoption.h"
#include "jsonfields.h"
#include "optiontable.h"
#include "trainprogress.h"

#include <clipflow/modelregistry.h>
#include <clipflow/supervisedtraining.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace clipflow::cli {

const char* const kTrainClassifierAbout = R"(Trains the supervised detector: a head on backbone features that separates
real images from AI images and names the generator. DIR holds one folder of
real photos (real/ or natural/) and one folder per generator; a fake/ (or
ai/) folder's sub-folders count as generators too. Every training view of
every class is recompressed and resized at the same odds, so file format and
size carry no label. Interrupted runs resume when re-run.)";

int run_train_classifier(std::vector<std::string> words)
{
    SupervisedTrainParams p;
    p.seed = 1;
    bool json_out = false, no_cache = false, no_proxy_class = false;
    std::optional<std::string> data, out, backbone, layer, cache;
    std::vector<std::string> exclude;
    OptionTable t("train-classifier", "--data DIR --out MODEL [options]", kTrainClassifierAbout);
    t.text("--data", "DIR", data, "the labelled folders")
        .required()
        .text("--out", "MODEL", out, "the detector file to write (.safetensors)")
        .required()
        .texts("--exclude", "NAME", exclude,
               "leave out a folder (repeatable), e.g. to hold a generator out and test generalisation to it");
    add_backbone_options(t, backbone, layer);
    t.choice("--mode", "M", p.mode, {"mlp", "linear", "finetune"},
             "\nmlp: one hidden layer\nlinear: a probe\nfinetune: also train the last CLIP blocks, ln_post and the "
             "projection (needs --backbone clip:MODEL)")
        .whole("--finetune-blocks", "N", p.finetune_blocks, 1, 1000, "CLIP blocks to fine-tune")
        .number("--finetune-lr", "X", p.finetune_learning_rate, 0, 1, "their learning rate")
        .whole("--hidden", "N", p.hidden, 2, 8192, "MLP width")
        .whole("--epochs", "N", p.epochs, 1, 100000, "training epochs")
        .number("--lr", "X", p.learning_rate, 1e-7, 1, "learning rate")
        .whole("--views", "N", p.views_per_image, 1, 64, "training views per image")
        .number("--augment", "P", p.augment, 0, 1, "chance of recompression per view")
        .number("--webp-share", "F", p.webp_share, 0, 1, "of those, the share saved as lossy WebP instead of JPEG")
        .number("--palette-share", "F", p.palette_share, 0, 1, "and the share reduced to a 256-colour palette")
        .flag("--no-proxy-class", no_proxy_class,
              "no \"unknown\" class learnt from proxies of the real photos (as earlier models)")
        .number("--val", "F", p.val_fraction, 0.05, 0.9, "validation fraction")
        .whole("--min-per-class", "N", p.min_per_class, 2, 1'000'000, "drop smaller classes")
        .whole("--seed", "S", p.seed, 0, 1'000'000'000'000'000LL, "random seed")
        .choice("--device", "D", p.device, {"auto", "cpu", "cuda"}, "")
        .text("--cache", "DIR", cache, "feature cache (default ~/.cache/clipflow/features)")
        .flag("--no-cache", no_cache, "compute every feature afresh")
        .flag("--json", json_out, "JSON summary (with the validation confusion matrix)");
    add_distributed_options(t, p.distributed);
    t.notes("Exit status: 0 trained, 1 training failed or was interrupted, 2 usage error.");
    if (auto code = t.parse(std::move(words))) return *code;
    auto usage = [&t](const std::string& why) { return t.usage_error(why); };
    if (p.mode == "finetune" && (!backbone || backbone->rfind("clip:", 0) != 0))
        return usage("--mode finetune needs --backbone clip:MODEL (there are no weights to fine-tune in the forensic backbone)");
    if (auto e = apply_backbone_option(backbone, layer, p.device, p.backbone)) {
        if (e->usage_error) return usage(e->message);
        std::cerr << "clipflow train-classifier: " << e->message << "\n";
        return e->exit_code;
    }
    p.out_path = *out;
    p.proxy_class = !no_proxy_class;
    if (no_cache)
        p.cache_dir.clear();
    else if (cache)
        p.cache_dir = *cache;
    std::vector<FolderProblem> problems;
    p.images = scan_labelled_folder(*data, exclude, &problems);
    if (say_folder_problems(problems))
        return usage("a class folder gave no images, or not all of them (above): nothing was trained");
    if (p.images.empty()) return usage("no labelled images found under " + *data);

    TrainProgressPrinter printer("real CE", "AI CE");
    p.progress = [&](const JobProgress& j) { printer.show(j); };
    InterruptGuard interrupt;
    p.abort = [&] { return interrupt.interrupted(); };
    announce_device(p.device);
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
