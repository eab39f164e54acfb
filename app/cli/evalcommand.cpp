#include "evalcommand.h"

#include "detectorsetup.h"
#include "jsonfields.h"
#include "optiontable.h"

#include <clipflow/evaluation.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace clipflow::cli {

const char* const kEvalAbout = R"(Measures a detector on labelled folders: ROC-AUC, average precision and the
true-positive rate at 5% false positives, overall and for each sub-folder of
--fake (e.g. one per generator, each against all real images). Each image is
measured under every chosen condition:
  asis       the file as it is
  laundered  shorter side resized to --launder-side, then JPEG --launder-quality
  crop       the 256 x 256 centre crop (--crop-size), kept lossless: image size
             and file format no longer tell real from fake
  cropjpg    that crop as JPEG quality 85
  delivered  as a messenger passes a photo on: shrunk so that its shorter side
             is at most --launder-side (never enlarged), then JPEG
             --launder-quality. laundered enlarges smaller images to that
             side, which no delivery does, and flags more small photos
Default: asis and laundered. A detector that only works on pristine files, or
on the size and format of a data set, is of little use. Real images the
detector was trained on are left out, and so are AI images a supervised model
trained on (models record their SHA-256). Photos it was only calibrated on
stay in: a ranking does not depend on the calibration, but the calibrated
false-positive rate is then partly measured on the photos that set it.

False positives are also counted per source folder of the real images (each
--real folder's first-level sub-folders; "--real a --real b" names them
a/..., b/...): the share the model flags at its own level, and the chance a
true rate of 5% would flag that many or more (marked "!" below 0.05): a
calibrated model bounds its false positives at 5%, and a folder of photos
unlike its calibration photos may break that bound. Every image is read as
`clipflow score` reads a file: a JPEG whose shorter side is at most 640 px
(the file itself, a laundered or delivered copy, a crop as JPEG) as a
delivered copy when the model is calibrated for copies; how many were is
reported.

Two shortcut baselines are reported beside the detector: the AUC that file
format alone (JPEG or not) and pixel count alone would reach. When they are
high, the data set itself separates the classes, and so may any detector.)";

namespace {

// The table's column suffix: "" for as-is, "-CJ" for a crop as JPEG.
std::string column(EvalCondition c)
{
    const std::string tag = eval_condition_info(c).tag;
    return tag.empty() ? tag : "-" + tag;
}

} // namespace

int run_eval(std::vector<std::string> words)
{
    bool json = false, no_launder = false, include_training = false, bf16 = false;
    std::vector<std::string> reals, condition_words;
    std::optional<std::string> fake_dir, model, clip;
    std::string which = "clipflow";
    int side = 512, quality = 85, threads = 0, crop_size = 256;
    OptionTable t("eval", "--real DIR --fake DIR [options]", kEvalAbout);
    t.texts("--real", "DIR", reals, "natural photos (repeatable)")
        .text("--fake", "DIR", fake_dir, "AI-generated images; first-level sub-folders are groups")
        .required()
        .choice("--detector", "D", which, {"clipflow", "supervised"}, "which default detector")
        .text("--model", "MODEL", model,
              "a detector file of either kind (scores: -log-likelihood for CLIP-Flow, p_ai for supervised)")
        .text("--clip", "CHECKPOINT", clip, "CLIP model for CLIP-backbone detectors")
        .flag("--bf16", bf16, "bfloat16 CLIP compute (CPUs with AVX-512 BF16, or CUDA)")
        .texts("--condition", "C", condition_words, eval_condition_word_list() + " (repeatable, or comma-separated)")
        .whole("--launder-side", "N", side, 16, 8192, "shorter side after laundering (delivered: at most)")
        .whole("--launder-quality", "Q", quality, 1, 100, "JPEG quality of laundering and delivery")
        .whole("--crop-size", "N", crop_size, 16, 8192, "side of the centre crop")
        .flag("--no-launder", no_launder, "only the as-is condition (same as --condition asis)")
        .flag("--include-training", include_training, "keep real images the model was trained on")
        .whole("--threads", "N", threads, 0, 1024, "parallel workers")
        .default_text("all cores, 1 for CLIP")
        .flag("--json", json, "one JSON object on standard output")
        .notes("Exit status: 0 measured, 1 some inputs failed, 2 usage error or unusable model.");
    if (auto code = t.parse(std::move(words))) return *code;
    auto usage = [&t](const std::string& why) { return t.usage_error(why); };
    if (reals.empty()) return usage("--real DIR is required");
    std::array<bool, kEvalConditionCount> on{};
    for (const auto& words_ : condition_words) {
        std::size_t from = 0;
        while (from <= words_.size()) {
            const auto comma = std::min(words_.find(',', from), words_.size());
            const auto word = words_.substr(from, comma - from);
            const auto c = eval_condition_from_word(word);
            if (!c) return usage("--condition must be " + eval_condition_word_list() + ", not '" + word + "'");
            on[static_cast<std::size_t>(*c)] = true;
            from = comma + 1;
        }
    }
    if (no_launder && !condition_words.empty()) return usage("--no-launder and --condition do not go together");
    if (condition_words.empty()) {
        on[static_cast<std::size_t>(EvalCondition::AsIs)] = true;
        on[static_cast<std::size_t>(EvalCondition::Laundered)] = !no_launder;
    }

    const auto path = detector_path("eval", model, which == "supervised" ? DetectorKind::Supervised : DetectorKind::ClipFlow);
    if (!path) return 2;
    std::vector<FolderProblem> problems;
    const bool none = eval_images(reals, *fake_dir, &problems).empty();
    if (say_folder_problems(problems))
        return usage("a folder gave no images, or not all of them (above): figures are of the whole set asked for, or none");
    if (none) return usage("no images found");

    EvalParams p;
    p.model = *path;
    p.load = load_params(clip, bf16);
    p.real = reals;
    p.fake_dir = *fake_dir;
    p.conditions.clear();
    for (const auto& names : kEvalConditions)
        if (on[static_cast<std::size_t>(names.condition)]) p.conditions.push_back(names.condition);
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
        std::printf(" %8s %8s", ("AUC" + column(c.condition)).c_str(), ("TPR5" + column(c.condition)).c_str());
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
    // False positives per source folder of the real images, at the model's level.
    std::printf("\n%-28s %6s", "real images, flagged", "n");
    for (const auto& c : r->conditions) std::printf(" %13s", ("FP" + column(c.condition)).c_str());
    std::printf("\n");
    for (const auto& [g, first] : r->conditions.front().real_groups) {
        std::printf("%-28s %6ld", g.c_str(), first.real);
        for (const auto& c : r->conditions) {
            const EvalRealGroup& m = c.real_groups.at(g);
            char cell[32];
            std::snprintf(cell, sizeof cell, "%ld (%.1f%%)%s", m.flagged, 100.0 * m.calibrated_fpr,
                          m.binomial_tail_5pct < 0.05 ? "!" : "");
            std::printf(" %13s", cell);
        }
        std::printf("\n");
    }
    std::string copies;
    for (const auto& c : r->conditions)
        if (c.real_copies + c.fake_copies > 0)
            copies += std::string(copies.empty() ? "" : ", ") +
                      (c.condition == EvalCondition::AsIs ? std::string("as is") : column(c.condition)) + " " +
                      std::to_string(c.real_copies) + " real / " + std::to_string(c.fake_copies) + " AI";
    if (!copies.empty())
        std::cout << "read as delivered copies (small JPEGs, against the model's delivered photos): " << copies << "\n";
    // The legend names the conditions shown, with the sizes and qualities they used.
    std::string legend;
    for (const auto& c : r->conditions) {
        if (c.condition == EvalCondition::AsIs) continue;
        legend += column(c.condition) + " " + eval_condition_info(c.condition).legend;
        switch (c.condition) {
        case EvalCondition::Crop: legend += " " + std::to_string(p.crop_size) + " px"; break;
        case EvalCondition::CropJpeg: legend += " " + std::to_string(p.crop_jpeg_quality); break;
        case EvalCondition::Laundered: legend += " to " + std::to_string(p.launder_side) + " px"; break;
        case EvalCondition::Delivered: legend += " at most " + std::to_string(p.launder_side) + " px"; break;
        case EvalCondition::AsIs: break;
        }
        legend += ", ";
    }
    std::cout << "(" << legend << "! more flagged than a 5% rate explains)  shortcut baselines: format AUC "
              << nlohmann::json(rounded(r->format_auc, 1e-4)) << ", pixel-count AUC "
              << nlohmann::json(rounded(r->pixel_count_auc, 1e-4)) << "\n";
    return failures ? 1 : 0;
}

} // namespace clipflow::cli
