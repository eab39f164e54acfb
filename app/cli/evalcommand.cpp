#include "evalcommand.h"

#include "args.h"
#include "detectorsetup.h"
#include "jsonfields.h"

#include <clipflow/evidence.h>
#include <clipflow/imagepaths.h>
#include <clipflow/laundering.h>
#include <clipflow/metrics.h>

#include <array>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <thread>
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

// The conditions in a fixed order; JSON keys keep the names of earlier releases.
enum Condition { AsIs, Laundered, Crop, CropJpeg, kConditions };
constexpr const char* kConditionWord[kConditions] = {"asis", "laundered", "crop", "cropjpg"};
constexpr const char* kConditionKey[kConditions] = {"as_is", "laundered", "crop", "crop_jpeg"};
constexpr const char* kConditionColumn[kConditions] = {"", "-L", "-C", "-CJ"};

struct Sample {
    std::string file, group, format;
    bool fake = false;
    bool excluded = false;
    double pixels = 0;
    std::array<double, kConditions> score{}; // evidence: higher = more AI-like
    Status status;
};

nlohmann::json metrics(const std::vector<double>& neg, const std::vector<double>& pos, double threshold)
{
    auto num = [](double v) { return std::isfinite(v) ? nlohmann::json(rounded(v, 1e-4)) : nlohmann::json(nullptr); };
    return {{"real", neg.size()},
            {"fake", pos.size()},
            {"auc", num(roc_auc(neg, pos))},
            {"ap", num(average_precision(neg, pos))},
            {"tpr_at_5pct_fpr", num(tpr_at_fpr(neg, pos, 0.05))},
            {"calibrated_tpr", num(rate_above(pos, threshold))},
            {"calibrated_fpr", num(rate_above(neg, threshold))}};
}

double symmetric_auc(const std::vector<double>& neg, const std::vector<double>& pos)
{
    const double a = roc_auc(neg, pos);
    return std::isfinite(a) ? std::max(a, 1.0 - a) : a;
}

} // namespace

int run_eval(std::vector<std::string> words)
{
    namespace fs = std::filesystem;
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
            const auto* it = std::find(std::begin(kConditionWord), std::end(kConditionWord), word);
            if (it == std::end(kConditionWord))
                return usage("--condition must be asis, laundered, crop or cropjpg, not '" + word + "'");
            on[static_cast<std::size_t>(it - std::begin(kConditionWord))] = true;
            from = comma + 1;
        }
    }
    if (no_launder && !condition_words.empty()) return usage("--no-launder and --condition do not go together");
    if (condition_words.empty()) on = {true, !no_launder, false, false};

    if (which && *which != "clipflow" && *which != "supervised") return usage("--detector must be clipflow or supervised");
    const auto path = detector_path("eval", model, which.value_or("clipflow"));
    if (!path) return 2;
    if (threads == 0) threads = int(std::max(1u, std::thread::hardware_concurrency()));
    auto detectors = load_detectors("eval", *path, clip, bf16, threads);
    if (detectors.empty()) return 2;
    const auto& first = detectors.front();

    std::vector<Sample> samples;
    for (const auto& f : expand_image_paths(reals)) {
        Sample s;
        s.file = f;
        s.group = "real";
        samples.push_back(std::move(s));
    }
    for (const auto& f : expand_image_paths({*fake_dir})) {
        const auto rel = fs::path(f).lexically_relative(*fake_dir);
        const std::string group = std::distance(rel.begin(), rel.end()) > 1 ? rel.begin()->string() : std::string(".");
        Sample s;
        s.file = f;
        s.group = group;
        s.fake = true;
        samples.push_back(std::move(s));
    }
    if (samples.empty()) return usage("no images found");

    std::atomic<std::size_t> next{0}, done{0};
    auto work = [&](const AnyDetector& det) {
        for (std::size_t i; (i = next++) < samples.size(); ++done) {
            Sample& s = samples[i];
            auto ev = load_evidence(s.file);
            if (!ev) {
                s.status = ev.status();
                continue;
            }
            s.format = ev->info.format;
            s.pixels = double(ev->info.width) * ev->info.height;
            if (!include_training && det.trained_on(ev->info.sha256)) {
                s.excluded = true;
                continue;
            }
            for (int c = 0; c < kConditions && s.status.ok(); ++c) {
                if (!on[static_cast<std::size_t>(c)]) continue;
                const auto make_view = [&]() -> Result<Raster> {
                    switch (c) {
                    case AsIs: return ev->pixels;
                    case Laundered: return launder(ev->pixels, side, quality);
                    case Crop: return center_crop(ev->pixels, crop_size);
                    default: break;
                    }
                    auto cropped = center_crop(ev->pixels, crop_size);
                    return cropped ? jpeg_roundtrip(*cropped, 85) : Result<Raster>(cropped.status());
                };
                const auto view = make_view();
                auto e = view ? det.evidence(*view) : Result<double>(view.status());
                if (!e)
                    s.status = e.status();
                else
                    s.score[static_cast<std::size_t>(c)] = *e;
            }
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t w = 0; w < detectors.size(); ++w) pool.emplace_back(work, std::cref(detectors[w]));
    const bool tty = isatty(2);
    while (done.load() < samples.size()) {
        if (tty) std::cerr << "\rscoring " << done.load() << "/" << samples.size() << std::flush;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    for (auto& t : pool) t.join();
    if (tty) std::cerr << "\r\033[K";

    int failures = 0;
    long excluded = 0;
    std::map<std::string, std::vector<const Sample*>> groups;
    std::vector<const Sample*> real;
    for (const auto& s : samples) {
        if (!s.status.ok()) {
            ++failures;
            std::cerr << s.file << ": " << s.status.message() << "\n";
            continue;
        }
        if (s.excluded) {
            ++excluded;
            continue;
        }
        (s.fake ? groups[s.group] : real).push_back(&s);
    }
    const double threshold = first.evidence_threshold();
    auto collect = [](const std::vector<const Sample*>& v, int c) {
        std::vector<double> out;
        for (const auto* s : v) out.push_back(s->score[static_cast<std::size_t>(c)]);
        return out;
    };
    std::vector<const Sample*> all_fake;
    for (const auto& [g, v] : groups) all_fake.insert(all_fake.end(), v.begin(), v.end());

    nlohmann::json result{{"model", *path},
                          {"detector", first.kind()},
                          {"model_id", first.model_id()},
                          {"backbone", first.backbone_id()},
                          {"excluded_training_images", excluded},
                          {"failed", failures},
                          {"laundering", !on[Laundered] ? nlohmann::json(nullptr)
                                                        : nlohmann::json{{"shorter_side", side}, {"jpeg_quality", quality}}}};
    nlohmann::json chosen = nlohmann::json::array();
    for (int c = 0; c < kConditions; ++c) {
        if (!on[static_cast<std::size_t>(c)]) continue;
        chosen.push_back(kConditionWord[c]);
        const auto neg = collect(real, c);
        nlohmann::json cond{{"overall", metrics(neg, collect(all_fake, c), threshold)}};
        for (const auto& [g, v] : groups) cond["groups"][g] = metrics(neg, collect(v, c), threshold);
        result[kConditionKey[c]] = cond;
    }
    result["conditions"] = chosen;
    if (on[Crop] || on[CropJpeg]) result["cropping"] = {{"size", crop_size}, {"jpeg_quality", 85}};
    // What the data alone would give away.
    std::vector<double> fmt_neg, fmt_pos, px_neg, px_pos;
    for (const auto* s : real) {
        fmt_neg.push_back(s->format == "JPEG" ? 0 : 1);
        px_neg.push_back(s->pixels);
    }
    for (const auto* s : all_fake) {
        fmt_pos.push_back(s->format == "JPEG" ? 0 : 1);
        px_pos.push_back(s->pixels);
    }
    result["shortcut_baselines"] = {{"format_auc", rounded(symmetric_auc(fmt_neg, fmt_pos), 1e-4)},
                                    {"pixel_count_auc", rounded(symmetric_auc(px_neg, px_pos), 1e-4)}};

    if (json) {
        std::cout << result.dump() << "\n";
    } else {
        std::cout << first.kind() << " detector " << first.model_id() << " (" << first.backbone_id() << "), " << real.size()
                  << " real images (" << excluded << " training images left out)\n";
        // AUC and TPR at 5% FPR per condition; AP for the first one.
        std::printf("%-28s %6s %6s", "group", "n", "AP");
        for (int c = 0; c < kConditions; ++c)
            if (on[static_cast<std::size_t>(c)])
                std::printf(" %8s %8s", (std::string("AUC") + kConditionColumn[c]).c_str(),
                            (std::string("TPR5") + kConditionColumn[c]).c_str());
        std::printf("\n");
        auto f = [](const nlohmann::json& v) { return v.is_number() ? v.get<double>() : std::nan(""); };
        int first_on = 0;
        while (!on[static_cast<std::size_t>(first_on)]) ++first_on;
        auto row = [&](const std::string& g, const std::string& part) {
            auto at = [&](int c) -> const nlohmann::json& {
                const auto& cond = result[kConditionKey[c]];
                return part.empty() ? cond["overall"] : cond["groups"][part];
            };
            std::printf("%-28s %6d %6.3f", g.c_str(), at(first_on)["fake"].get<int>(), f(at(first_on)["ap"]));
            for (int c = 0; c < kConditions; ++c)
                if (on[static_cast<std::size_t>(c)]) std::printf(" %8.3f %8.3f", f(at(c)["auc"]), f(at(c)["tpr_at_5pct_fpr"]));
            std::printf("\n");
        };
        row("overall", "");
        for (const auto& [g, v] : groups) row(g, g);
        std::cout << "(-L laundered, -C " << crop_size
                  << " px centre crop, -CJ that crop as JPEG 85)  shortcut baselines: format AUC "
                  << result["shortcut_baselines"]["format_auc"] << ", pixel-count AUC "
                  << result["shortcut_baselines"]["pixel_count_auc"] << "\n";
    }
    return failures ? 1 : 0;
}

} // namespace clipflow::cli
