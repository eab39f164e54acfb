#include "traincommand.h"

#include "backboneoption.h"
#include "distributedoption.h"
#include "jsonfields.h"
#include "optiontable.h"
#include "trainprogress.h"

#include <clipflow/clipflowdetector.h>
#include <clipflow/clipflowtraining.h>
#include <clipflow/learnedbackbone.h>
#include <clipflow/modelregistry.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <iostream>
#include <sstream>

namespace clipflow::cli {

const char* const kTrainAbout = R"(Trains a CLIP-Flow detector from natural photos only: proxy images are made
from them by spectral modification, a normalizing flow learns to give proxies
a low likelihood, and held-out photos calibrate the scores. No AI image is
used. Interrupted runs (Ctrl-C, a crash) resume from the last epoch when the
same command is run again; features are cached by SHA-256.

`--second-backbone B` also trains a second reading and joins it, as the
shipped default is made: a second flow over B's features of the same views
(the same photos, split, seed and settings; its proxies `--second-ops`, or the
first's), then the held-out photos scored again with both, as they are and as
delivered (so the file always carries the delivered bound, `--delivery-scope`).
Each view then reads as the less natural of the two flows. The shipped
default's second reading is `--second-backbone forensic-v2-halved
--second-ops vae_decoder,upsampling_cascade`. It takes about twice as long to
train and to score.)";

int run_train(std::vector<std::string> words)
{
    ClipFlowTrainParams p;
    p.seed = 1;
    bool json_out = false, no_cache = false, delivery_threshold = false;
    std::string delivery_scope = "everywhere";
    double decoder_strength = 1.0;
    std::vector<std::string> dirs;
    std::optional<std::string> out, backbone, layer, ops, cache, second_backbone, second_ops;
    std::string objective = "combined";
    std::string op_list;
    for (const ProxyOp op : all_proxy_ops()) op_list += (op_list.empty() ? "" : ", ") + std::string(proxy_op_name(op));
    OptionTable t("train", "--natural DIR... --out MODEL [options]", kTrainAbout);
    t.texts("--natural", "DIR", dirs, "natural photos (folders recurse; repeatable; plain arguments count too)")
        .text("--out", "MODEL", out, "the detector file to write (.safetensors)")
        .required();
    add_backbone_options(t, backbone, layer);
    t.choice("--objective", "O", objective, {"combined", "proxy"},
             "\ncombined: raise natural likelihood, push proxies below a margin\nproxy: only push proxies down")
        .whole("--epochs", "N", p.train.epochs, 1, 100000, "flow training epochs")
        .whole("--steps", "K", p.train.flow.steps, 1, 64, "flow steps")
        .whole("--hidden", "H", p.train.flow.hidden, 8, 8192, "coupling width")
        .number("--margin", "M", p.train.margin, 0, 100, "nats per dimension")
        .number("--lr", "X", p.train.learning_rate, 1e-7, 1, "learning rate")
        .whole("--batch", "N", p.train.batch_size, 2, 65536, "batch size")
        .number("--noise", "S", p.train.feature_noise, 0, 10,
                "feature noise during training, in natural standard deviations per dimension: smooths the density "
                "between the training photos")
        .number("--weight-decay", "W", p.train.weight_decay, 0, 0.5, "Adam L2 penalty")
        .whole("--views", "N", p.views_per_image, 1, 64, "training views per image")
        .whole("--proxies", "N", p.proxies_per_view, 1, 64, "proxies per view")
        .text("--ops", "LIST", ops,
              "proxy operations, comma-separated, of: " + op_list + " (default: all but diffusion_denoiser)")
        .text("--second-backbone", "B", second_backbone,
              "also train a second reading over B (forensic-v2-halved: the shipped network that reads the chroma "
              "halved; forensic-v2[:WEIGHTS]) and join it (see above)")
        .text("--second-ops", "LIST", second_ops, "the second reading's proxy operations (default: as --ops)")
        .number("--decoder-strength", "S", decoder_strength, 0.01, 1,
                "weaken the decoder proxies (vae_decoder, upsampling_cascade) toward the photo by a strength drawn "
                "log-uniformly from S..1, as a trained decoder keeps its error small")
        .number("--jpeg-augment", "P", p.jpeg_augment, 0, 1, "chance a view and its proxy are both recompressed")
        .whole("--jpeg-min", "Q", p.jpeg_quality_min, 1, 100, "lowest recompression quality")
        .whole("--jpeg-max", "Q", p.jpeg_quality_max, 1, 100, "highest recompression quality")
        .number("--resize-augment", "P", p.resize_augment, 0, 1, "chance an image is first resized by 0.5-1.5x, as delivery does")
        .number("--holdout", "F", p.holdout_fraction, 0.01, 0.9, "fraction of images held out for calibration")
        .flag("--delivery-threshold", delivery_threshold,
              "set the threshold so that the bound also holds for the held-out photos as delivered (shrunk to at most 512, "
              "JPEG 85): fewer false alarms on such photos, fewer AI images flagged")
        .choice("--delivery-scope", "WHERE", delivery_scope, {"everywhere", "copies"},
                "with --delivery-threshold: one lower threshold for every image, or delivered copies (JPEG, shorter side "
                "at most 640 px) read against the delivered photos, other images as before")
        .choice("--orientation", "HOW", p.orientation, {"stored", "either"},
                "how the model reads images: as stored, or in either orientation (each view as it is and transposed, "
                "the more natural counts; the held-out photos are scored so too), as the shipped default does")
        .number("--fpr", "F", p.fpr, 0.001, 0.49, "the most natural images the threshold may flag")
        .number("--fpr-confidence", "C", p.fpr_confidence, 0.5, 0.999,
                "how sure that bound is, given the held-out photos (0.5: the plain quantile)")
        .whole("--seed", "S", p.seed, 0, 1'000'000'000'000'000LL, "random seed")
        .choice("--device", "D", p.train.device, {"auto", "cpu", "cuda"}, "")
        .text("--cache", "DIR", cache, "feature cache (default ~/.cache/clipflow/features)")
        .flag("--no-cache", no_cache, "compute every feature afresh")
        .flag("--json", json_out, "print a JSON summary on standard output")
        .positionals(dirs);
    add_distributed_options(t, p.distributed);
    t.notes("Exit status: 0 trained, 1 training failed or was interrupted, 2 usage error.");
    if (auto code = t.parse(std::move(words))) return *code;
    auto usage = [&t](const std::string& why) { return t.usage_error(why); };
    if (dirs.empty()) return usage("--natural DIR is required");
    p.delivery_calibration = delivery_threshold;
    p.delivery_scope = delivery_scope == "copies" ? DeliveredScope::Copies : DeliveredScope::Everywhere;
    if (delivery_scope == "copies" && !delivery_threshold) return usage("--delivery-scope copies needs --delivery-threshold");
    if (p.jpeg_quality_min > p.jpeg_quality_max) return usage("--jpeg-min must not exceed --jpeg-max");
    p.proxy.decoder_strength_min = static_cast<float>(decoder_strength);
    p.out_path = *out;
    p.train.objective = objective == "proxy" ? FlowObjective::ProxyOnly : FlowObjective::Combined;
    auto parse_ops = [](const std::string& list, std::vector<ProxyOp>& into) -> std::optional<std::string> {
        into.clear();
        std::stringstream ss(list);
        for (std::string name; std::getline(ss, name, ',');) {
            auto op = proxy_op_from_name(name);
            if (!op) return "unknown proxy operation '" + name + "'";
            into.push_back(*op);
        }
        return std::nullopt;
    };
    if (ops)
        if (auto e = parse_ops(*ops, p.proxy.ops)) return usage(*e);
    if (second_ops && !second_backbone) return usage("--second-ops needs --second-backbone");
    if (second_backbone) {
        if (p.distributed.enabled()) return usage("--second-backbone trains in one process: leave out --world-size");
        SecondReadingTrainParams second;
        if (second_ops)
            if (auto e = parse_ops(*second_ops, second.ops)) return usage(*e);
        if (auto e = apply_backbone_option(second_backbone, std::nullopt, p.train.device, second.backbone)) {
            if (e->usage_error) return usage("--second-backbone: " + e->message);
            std::cerr << "clipflow train: " << e->message << "\n";
            return e->exit_code;
        }
        p.second_reading = std::move(second);
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
    int problems = 0;
    p.natural_files = image_inputs(dirs, problems);
    if (problems) return usage("a --natural folder gave no images, or not all of them (above): nothing was made");
    if (p.natural_files.empty()) return usage("no images found in the --natural folders");

    TrainProgressPrinter printer;
    p.progress = [&](const JobProgress& j) { printer.show(j); };
    InterruptGuard interrupt;
    p.abort = [&] { return interrupt.interrupted(); };
    announce_device(p.train.device);
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
              << "held-out proxy AUC " << r->holdout_proxy_auc << ", threshold " << cal.threshold() << " nats/dim: "
              << "flags p <= " << cal.flag_level() << ", at most " << cal.fpr() * 100 << "% of natural images "
              << (cal.covers_delivered() ? "as they are and as delivered " : "")
              << (cal.bound_holds() ? "with " + std::to_string(int(std::lround(cal.confidence() * 100))) + "% confidence)\n"
                                    : "(too few held-out photos for that bound to be sure))\n");
    if (p.second_reading)
        std::cerr << "read twice: the second reading (" << r->info.second_reading->backbone.backbone_id << ", flow "
                  << r->second_model_id << ", held-out proxy AUC " << r->second_holdout_proxy_auc
                  << ") joined; the proxy AUC above is the first reading's\n";
    if (json_out) {
        nlohmann::json j{
            {"model", p.out_path},
            {"model_id", r->info.model_id},
            {"backbone", r->info.backbone_id},
            {"objective", r->info.objective},
            {"orientation", r->info.orientation},
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
            {"fpr", cal.fpr()},
            {"fpr_confidence", cal.confidence()},
            {"flag_level", cal.flag_level()},
            {"covers_delivered", cal.covers_delivered()},
            {"delivered_threshold", cal.covers_delivered() ? nlohmann::json(cal.delivered_threshold()) : nlohmann::json()}};
        if (p.second_reading)
            j["second_reading"] = {{"backbone", r->info.second_reading->backbone.backbone_id},
                                   {"model_id", r->second_model_id},
                                   {"holdout_proxy_auc", r->second_holdout_proxy_auc}};
        std::cout << j.dump() << "\n";
    }
    return 0;
}

} // namespace clipflow::cli
