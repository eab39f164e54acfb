#include "evalcommand.h"

#include "args.h"
#include "detectorsetup.h"
#include "jsonfields.h"

#include <clipflow/evaluation.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace clipflow::cli {

const char* const kEvalHelp = R"(Usage: clipflow eval --real DIR --fake DIR [--model MODEL] [--condition C]... [--json]

Measures a detector on labelled folders: ROC-AUC, average precision and the
true-positive rate at 5% false positives, overall and for each sub-folder of
--fake (e.g. one per generator, each against all real images). Each image is
measured under every chosen condition:
  asis       the file as it is
  laundered  shorter side resized to --launder-side, then JPEG --launder-quality
  crop       the 256 x 256 centre crop (--crop-size), kept lossless: image size
             and file format no longer tell real from fake
  cropjpg    that crop as JPEG quality 85
Default: asis and laundered. A detector that only works on pristine files, or
on the size and format of a data set, is of little use. Real images the
detector was trained or calibrated on are left out, and so are AI images a
supervised model trained on (models record their SHA-256).

Two shortcut baselines are reported beside the detector: the AUC that file
format alone (JPEG or not) and pixel count alone would reach. When they are
high, the data set itself separates the classes, and so may any detector.

Options:
  --real DIR           natural photos (repeatable)
  --fake DIR           AI-generated images; first-level sub-folders are groups
  --detector D         clipflow (default) or supervised: which default detector
  --model MODEL        a detector file of either kind (scores: -log-likelihood
                       for CLIP-Flow, p_ai for supervised)
  --clip CHECKPOINT    CLIP model for CLIP-backbone detectors
  --bf16               bfloat16 CLIP compute (CPUs with AVX-512 BF16, or CUDA)
  --condition C        asis, laundered, crop or cropjpg (repeatable, or
                       comma-separated)
  --launder-side N     shorter side after laundering (default 512)
  --launder-quality Q  JPEG quality of laundering (default 85)
  --crop-size N        side of the centre crop (default 256)
  --no-launder         only the as-is condition (same as --condition asis)
  --include-training   keep real images the model was trained on
  --threads N          parallel workers (default: all cores, 1 for CLIP)
  --json               one JSON object on standard output

Exit status: 0 measured, 1 some inputs failed, 2 usage error or unusable model.
)";

namespace {

// The table's column suffix per condition, in EvalCondition order.
constexpr int kConditions = 4;
constexpr const char* kConditionColumn[kConditions] = {"", "-L", "-C", "-CJ"};

} // namespace

int run_eval(std::vector<std::string> words)
{
    Args args(std::move(words));
    if (args.flag("--help") || args.flag("-h")) {
        std::cout << kEvalHelp;
        return 0;
    }
    const bool json = args.flag("--json");
    const bool no_launder = args.flag("--no-launder");
    const bool include_training = args.flag("--include-training");
    const auto reals = options(args, "--real");
    const auto fake_dir = args.option("--fake");
    const auto model = args.option("--model");
    const auto which = args.option("--detector");
    const auto clip = args.option("--clip");
    const bool bf16 = args.flag("--bf16");
    const auto side_text = args.option("--launder-side");
    const auto quality_text = args.option("--launder-quality");
    const auto threads_text = args.option("--threads");
    const auto crop_text = args.option("--crop-size");
    const auto condition_words = options(args, "--condition");
    const auto rest = args.positional();
    auto usage = [](const std::string& why) { return usage_error("eval", why); };
    if (!args.error().empty()) return usage(args.error());
    if (!rest.empty()) return usage("unexpected argument " + rest.front());
    if (reals.empty() || !fake_dir) return usage("--real DIR and --fake DIR are required");
    bool ok = true, ok2 = true, ok3 = true;
    const int side = side_text ? to_int(*side_text, 512, ok) : 512;
    const int quality = quality_text ? to_int(*quality_text, 85, ok2) : 85;
    int threads = threads_text ? to_int(*threads_text, 0, ok3) : 0;
    if (!ok || side < 16 || side > 8192) return usage("--launder-side must be 16..8192");
    if (!ok2 || quality < 1 || quality > 100) return usage("--launder-quality must be 1..100");
    if (!ok3 || threads < 0) return usage("--threads needs a whole number");
    bool ok4 = true;
    const int crop_size = crop_text ? to_int(*crop_text, 256, ok4) : 256;
    if (!ok4 || crop_size < 16 || crop_size > 8192) return usage("--crop-size must be 16..8192");
    std::array<bool, kConditions> on{};
    for (const auto& words_ : condition_words) {
        std::size_t from = 0;
        while (from <= words_.size()) {
            const auto comma = std::min(words_.find(',', from), words_.size());
            const auto word = words_.substr(from, comma - from);
            const auto c = eval_condition_from_word(word);
            if (!c) return usage("--condition must be asis, laundered, crop or cropjpg, not '" + word + "'");
            on[static_cast<std::size_t>(*c)] = true;
            from = comma + 1;
        }
    }
    if (no_launder && !condition_words.empty()) return usage("--no-launder and --condition do not go together");
    if (condition_words.empty()) on = {true, !no_launder, false, false};

    if (which && *which != "clipflow" && *which != "supervised") return usage("--detector must be clipflow or supervised");
    const auto path = detector_path("eval", model, which == "supervised" ? DetectorKind::Supervised : DetectorKind::ClipFlow);
    if (!path) return 2;
    if (eval_images(reals, *fake_dir).empty()) return usage("no images found");

    EvalParams p;
    p.model = *path;
    p.load = load_params(clip, bf16);
    p.real = reals;
    p.fake_dir = *fake_dir;
    p.conditions.clear();
    for (int c = 0; c < kConditions; ++c)
        if (on[static_cast<std::size_t>(c)]) p.conditions.push_back(EvalCondition(c));
    p.launder_side = side;
    p.launder_quality = quality;
    p.crop_size = crop_size;
    p.include_training = include_training;
    p.threads = threads;
    const bool tty = isatty(2);
    if (tty) p.progress = [](double f) { std::cerr << "\rscoring " << int(f * 100) << "%" << std::flush; };
    const auto r = evaluate_detector(p);
    if (tty) std::cerr << "\r\033[K";
    if (!r) {
        std::cerr << "clipflow eval: " << r.status().message() << "\n";
        return 2;
    }
    for (const auto& f : r->failures) std::cerr << f.file << ": " << f.status.message() << "\n";
    const int failures = static_cast<int>(r->failures.size());
    if (json) {
        std::cout << r->to_json() << "\n";
        return failures ? 1 : 0;
    }
    std::cout << detector_kind_name(r->kind) << " detector " << r->model_id << " (" << r->backbone_id << "), " << r->real_images
              << " real images (" << r->excluded_training_images << " training images left out)\n";
    // AUC and TPR at 5% FPR per condition (in EvalCondition order); AP for the first one.
    std::printf("%-28s %6s %6s", "group", "n", "AP");
    for (const auto& c : r->conditions) {
        const char* column = kConditionColumn[static_cast<int>(c.condition)];
        std::printf(" %8s %8s", (std::string("AUC") + column).c_str(), (std::string("TPR5") + column).c_str());
    }
    std::printf("\n");
    auto row = [&](const std::string& name, const std::string& group) {
        auto at = [&](const EvalConditionResult& c) -> const EvalMetrics& {
            return group.empty() ? c.overall : c.groups.at(group);
        };
        const auto& first = at(r->conditions.front());
        std::printf("%-28s %6ld %6.3f", name.c_str(), first.fake, first.ap);
        for (const auto& c : r->conditions) std::printf(" %8.3f %8.3f", at(c).auc, at(c).tpr_at_5pct_fpr);
        std::printf("\n");
    };
    row("overall", "");
    for (const auto& [g, m] : r->conditions.front().groups) row(g, g);
    std::cout << "(-L laundered, -C " << crop_size
              << " px centre crop, -CJ that crop as JPEG 85)  shortcut baselines: format AUC "
              << nlohmann::json(rounded(r->format_auc, 1e-4)) << ", pixel-count AUC "
              << nlohmann::json(rounded(r->pixel_count_auc, 1e-4)) << "\n";
    return failures ? 1 : 0;
}

} // namespace clipflow::cli
