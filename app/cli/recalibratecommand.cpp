#include "recalibratecommand.h"

#include "jsonfields.h"
#include "optiontable.h"

#include <clipflow/modelregistry.h>
#include <clipflow/recalibration.h>

#include <nlohmann/json.hpp>

#include <clipflow/supervisedmodel.h>

#include <iostream>

namespace clipflow::cli {

const char* const kRecalibrateAbout = R"(Recalibrates a CLIP-Flow detector so that its false-positive bound also holds
for photos as messengers deliver them (shrunk to a shorter side of at most
512, never enlarged; JPEG 85): the held-out photos that calibrated it, found by
SHA-256 among the given folders, are scored again as delivered. With `--scope
everywhere` (the default) the lower of the two thresholds then holds for every
image: fewer false alarms on delivered photos, fewer AI images flagged. With
`--scope copies` each kind of image is read against its own kind: delivered
copies (JPEG files whose shorter side is at most 640 px) get their percentile,
p-value and level from the delivered photos' scores, every other image keeps
the reading it had. The flow is not retrained, so the model ranks images
exactly as before. Models trained with `clipflow train --delivery-threshold`
are calibrated so already.

`--orientation either` makes a detector read each image in the orientation it
looks more natural in: the larger of the image's and its transpose's score
(CLIP-Flow's likelihood, the supervised detector's log(p_real / p_ai)), so a
photo saved turned a quarter (an editor that applied the EXIF rotation) reads
as the original did. A CLIP-Flow detector's held-out photos are then scored
again as they are too, so both bounds hold for that reading; scoring takes
twice as long. `--orientation stored` returns to the stored pixel grid.

`--second-reading OTHER` joins another CLIP-Flow detector's flow to the model
as a second reading: trained from the same folders (so both hold out the same
photos), calibrated in the same orientation, over a backbone that cuts the same
views (the shipped default reads forensic-v2 twice: as it is and with the chroma
halved, `clipflow train-backbone --halve-chroma`). Each view then reads as the
less natural of the two flows' log-likelihoods, each standardised by its own
held-out photos, and the held-out photos are scored again with both, as they
are and as delivered. OTHER's backbone weights are looked for beside it; keep
them beside the new file (or installed) to use it.

A supervised detector (`clipflow train-classifier`) is calibrated on natural
photos it never saw: every photo in the folders that it did not train or
validate on is scored as it is, and its log(p_real / p_ai) then bounds the
false-positive rate as CLIP-Flow's likelihood does (at most 5% with 95%
confidence; at least 59 such photos). Its level then comes from that p-value
instead of p_ai >= 0.5. Give it photos unlike its training photos: other
cameras, other subjects.)";

namespace {

int run_supervised(const RecalibrateParams& p, bool json_out)
{
    auto r = calibrate_supervised_detector(p);
    if (!r) {
        std::cerr << "clipflow recalibrate: " << r.status().message() << "\n";
        return 1;
    }
    const Calibration& cal = *r->info.calibration;
    std::cerr << "wrote " << p.out_path << " (" << r->info.model_id << ", was " << r->previous_model_id << "): read against "
              << r->scored << " natural photos it never saw (" << r->skipped_seen << " it trained or validated on left out"
              << (r->unreadable ? ", " + std::to_string(r->unreadable) + " unreadable" : std::string())
              << "); flags p <= " << cal.flag_level() << ", i.e. p_ai above " << r->info.flag_p_ai()
              << (r->info.orientation == "either" ? "; read in either orientation" : "") << "\n";
    if (json_out)
        std::cout << nlohmann::json{{"model", p.out_path},
                                    {"model_id", r->info.model_id},
                                    {"previous_model_id", r->previous_model_id},
                                    {"natural_images", r->scored},
                                    {"skipped_seen", r->skipped_seen},
                                    {"unreadable", r->unreadable},
                                    {"threshold_log_odds_real", cal.threshold()},
                                    {"threshold_p_ai", r->info.flag_p_ai()},
                                    {"orientation", r->info.orientation},
                                    {"flag_level", cal.flag_level()}}
                         .dump()
                  << "\n";
    return 0;
}

} // namespace

int run_recalibrate(std::vector<std::string> words)
{
    std::optional<std::string> model, out, clip, second;
    std::vector<std::string> dirs;
    bool json_out = false;
    std::string scope;       // empty: not given (everywhere for CLIP-Flow; supervised detectors have no scope)
    std::string orientation; // empty: the model's own
    OptionTable t("recalibrate", "--model MODEL --out NEW --natural DIR...", kRecalibrateAbout);
    t.text("--model", "MODEL", model, "the CLIP-Flow or supervised detector to recalibrate")
        .required()
        .text("--out", "NEW", out, "where to write it (may be MODEL itself; written atomically)")
        .required()
        .texts("--natural", "DIR", dirs,
               "CLIP-Flow: the photos it was trained from; supervised: natural photos it never saw (folders recurse; "
               "repeatable; plain arguments count too)")
        .choice("--scope", "WHERE", scope, {"everywhere", "copies"},
                "CLIP-Flow: where the delivered bound applies: every image, or delivered copies only")
        .default_text("everywhere")
        .choice("--orientation", "HOW", orientation, {"stored", "either"},
                "read images as stored, or in either orientation (the more natural of the image and its transpose)")
        .default_text("the model's")
        .text("--second-reading", "OTHER", second, "CLIP-Flow: join OTHER's flow as a second reading (see above)")
        .text("--clip", "CHECKPOINT", clip, "the CLIP model, for CLIP-backbone detectors")
        .flag("--json", json_out, "print a JSON summary on standard output")
        .positionals(dirs)
        .notes("Exit status: 0 written, 1 failed, 2 usage error.");
    if (auto code = t.parse(std::move(words))) return *code;
    auto usage = [&t](const std::string& why) { return t.usage_error(why); };
    if (dirs.empty()) return usage("--natural DIR is required");
    RecalibrateParams p;
    if (clip) {
        auto resolved = ModelRegistry().resolve(*clip);
        if (!resolved) return usage(resolved.status().message());
        p.load.clip_model = *resolved;
    }
    p.scope = scope == "copies" ? DeliveredScope::Copies : DeliveredScope::Everywhere;
    p.orientation = orientation;
    if (second) p.second_reading = *second;
    p.model_path = *model;
    p.out_path = *out;
    int problems = 0;
    p.natural_files = image_inputs(dirs, problems);
    if (problems) return usage("a --natural folder gave no images, or not all of them (above): nothing was made");
    if (p.natural_files.empty()) return usage("no images found in the --natural folders");
    auto kind = detector_kind(*model);
    if (!kind) {
        std::cerr << "clipflow recalibrate: " << kind.status().message() << "\n";
        return 1;
    }
    if (*kind == "supervised") {
        if (!scope.empty()) return usage("--scope applies to CLIP-Flow detectors only");
        if (second) return usage("--second-reading applies to CLIP-Flow detectors only");
        return run_supervised(p, json_out);
    }
    auto r = recalibrate_clipflow_detector(p);
    if (!r) {
        std::cerr << "clipflow recalibrate: " << r.status().message() << "\n";
        return 1;
    }
    const auto& cal = r->info.calibration;
    std::cerr << "wrote " << *out << " (" << r->info.model_id << ", was " << r->previous_model_id << "): " << r->matched << " of "
              << r->holdout_images << " held-out photos scored as delivered; threshold " << cal.threshold() << " nats/dim (was "
              << r->previous_threshold << "), flags p <= " << cal.flag_level()
              << (cal.delivered_scope() == DeliveredScope::Copies
                      ? "; delivered copies at p <= " + std::to_string(cal.copy_flag_level()) + " (threshold " +
                            std::to_string(cal.copy_threshold()) + ")"
                      : std::string())
              << (r->info.second_reading ? "; second reading " + r->info.second_reading->model_id + " joined" : std::string())
              << (r->rescored
                      ? "; read in orientation \"" + r->info.orientation + "\", its held-out photos scored again as they are"
                      : std::string())
              << "\n";
    if (json_out)
        std::cout << nlohmann::json{{"model", *out},
                                    {"model_id", r->info.model_id},
                                    {"previous_model_id", r->previous_model_id},
                                    {"holdout_images", r->holdout_images},
                                    {"matched", r->matched},
                                    {"unreadable", r->unreadable},
                                    {"threshold", cal.threshold()},
                                    {"previous_threshold", r->previous_threshold},
                                    {"delivered_threshold", cal.delivered_threshold()},
                                    {"delivered_binds", cal.delivered_binds()},
                                    {"scope", delivered_scope_name(cal.delivered_scope())},
                                    {"orientation", r->info.orientation},
                                    {"rescored", r->rescored},
                                    {"copy_flag_level", cal.copy_flag_level()},
                                    {"flag_level", cal.flag_level()}}
                         .dump()
                  << "\n";
    return 0;
}

} // namespace clipflow::cli
