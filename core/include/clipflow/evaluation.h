#pragma once
// Measuring a detector on labelled folders, under the conditions images meet
// on their way to an analyst.
//
//   clipflow::EvalParams p;
//   p.model = "clipflow-default.safetensors";
//   p.real = {"photos/"};
//   p.fake_dir = "ai/";                          // ai/<generator>/... are the groups
//   p.conditions = {clipflow::EvalCondition::Crop, clipflow::EvalCondition::CropJpeg};
//   auto r = clipflow::evaluate_detector(p);
//   r->conditions[0].overall.auc;                 // and .groups["flux"].auc
//   r->conditions[0].real_groups["polyu"].calibrated_fpr; // photos/polyu/ flagged
//   std::cout << r->to_json() << "\n";            // what `clipflow eval --json` prints
//
// Real images the model trained on are left out (by SHA-256), as are AI images a
// supervised model trained on. Beside the detector, two shortcut baselines say
// how far file format alone and pixel count alone would separate the classes.
// Threads: evaluate_detector runs its own workers (one detector copy each) and
// calls progress and abort from the calling thread.

#include "clipflow/callbacks.h"
#include "clipflow/dataset.h"
#include "clipflow/detector.h"
#include "clipflow/status.h"

#include <cstddef>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clipflow {

/// How each image is presented to the detector.
enum class EvalCondition {
    AsIs,      ///< the file as it is
    Laundered, ///< shorter side resized, then JPEG (EvalParams::launder_side, launder_quality)
    Crop,      ///< the exact centre crop, lossless: size and format no longer carry the label
    CropJpeg,  ///< that crop as JPEG (EvalParams::crop_jpeg_quality)
    /// As a messenger passes a photo on: shrunk to a shorter side of at most launder_side,
    /// never enlarged (deliver_copy()), then JPEG launder_quality. Laundered enlarges small
    /// images too, which no delivery does, and so flags small natural photos no one receives.
    Delivered,
};
/// Every condition's names and the file its copy is, in EvalCondition order: a new condition
/// is one enum value and one row here (the CLI's words, usage, columns and legend, and how
/// its copies are read, follow from it).
struct EvalConditionInfo {
    EvalCondition condition;
    const char* word;   ///< the CLI's: --condition cropjpg
    const char* key;    ///< the JSON key: "crop_jpeg"
    const char* tag;    ///< short column tag, "CJ" (empty for as-is, the plain columns)
    const char* legend; ///< a few words for the table's legend
    /// The format a file of the copy would have ("JPEG", "PNG" for lossless pixels), read by
    /// is_delivered_copy() as `clipflow score` reads such a file; empty: the file itself.
    const char* format;
};
inline constexpr EvalConditionInfo kEvalConditions[] = {
    {EvalCondition::AsIs, "asis", "as_is", "", "as is", ""},
    {EvalCondition::Laundered, "laundered", "laundered", "L", "laundered", "JPEG"},
    {EvalCondition::Crop, "crop", "crop", "C", "centre crop", "PNG"},
    {EvalCondition::CropJpeg, "cropjpg", "crop_jpeg", "CJ", "that crop as JPEG", "JPEG"},
    {EvalCondition::Delivered, "delivered", "delivered", "D", "delivered", "JPEG"},
};
inline constexpr std::size_t kEvalConditionCount = std::size(kEvalConditions);
const EvalConditionInfo& eval_condition_info(EvalCondition c);
/// "asis", "laundered", "crop", "cropjpg", "delivered": the CLI's words.
const char* eval_condition_word(EvalCondition c);
std::optional<EvalCondition> eval_condition_from_word(const std::string& word);
/// "asis, laundered, crop, cropjpg or delivered", for usage texts.
std::string eval_condition_word_list();
/// "as_is", "laundered", "crop", "crop_jpeg", "delivered": the JSON keys.
const char* eval_condition_key(EvalCondition c);

struct EvalParams {
    std::string model;             ///< a detector file of either kind
    DetectorLoadParams load;       ///< CLIP checkpoint, bf16
    std::vector<std::string> real; ///< natural photos: folders or files
    std::string fake_dir;          ///< AI images; first-level sub-folders are groups
    std::vector<EvalCondition> conditions = {EvalCondition::AsIs, EvalCondition::Laundered};
    int launder_side = 512;        ///< 16..8192 (laundered; delivered: at most this)
    int launder_quality = 85;      ///< 1..100 (laundered and delivered)
    int crop_size = 256;           ///< 16..8192
    int crop_jpeg_quality = 85;    ///< 1..100
    bool include_training = false; ///< keep images the model trained on
    int threads = 0;               ///< 0: all cores; a CLIP backbone uses one copy
    ProgressCallback progress;     ///< fraction of images scored
    AbortCallback abort;
};

/// Detection metrics of one set of fakes against the reals; NaN where undefined
/// (no images on one side).
struct EvalMetrics {
    long real = 0, fake = 0;
    double auc = 0, ap = 0, tpr_at_5pct_fpr = 0;
    /// Shares at the model's own level (above natural), each image read as `clipflow score`
    /// reads a file: a JPEG with a short side <= 640 (the file as it is, a laundered or
    /// delivered copy, a crop as JPEG) as a delivered copy when the model calibrates copies.
    double calibrated_tpr = 0, calibrated_fpr = 0;
};

/// False positives of one source folder of real photos at the model's own level.
struct EvalRealGroup {
    long real = 0, flagged = 0;
    double calibrated_fpr = 0; ///< flagged / real
    /// P(Binomial(real, 0.05) >= flagged): below 0.05, evidence that this folder's
    /// rate exceeds the 5% a calibrated model bounds (issue 15's per-folder check).
    double binomial_tail_5pct = 1;
};

struct EvalConditionResult {
    EvalCondition condition = EvalCondition::AsIs;
    EvalMetrics overall;
    std::map<std::string, EvalMetrics> groups;        ///< each group against all reals
    std::map<std::string, EvalRealGroup> real_groups; ///< by source folder (EvalImage::group)
    long real_copies = 0, fake_copies = 0;            ///< images read as delivered copies
};

struct EvalFailure {
    std::string file;
    Status status;
};

struct EvalResult {
    std::string model, model_id, backbone_id;
    DetectorKind kind = DetectorKind::ClipFlow;
    EvalParams params; ///< as run (callbacks cleared)
    long real_images = 0, excluded_training_images = 0;
    std::vector<EvalFailure> failures;           ///< unreadable or unscorable files, in input order
    std::vector<EvalConditionResult> conditions; ///< in EvalCondition order
    double format_auc = 0, pixel_count_auc = 0;  ///< what JPEG-or-not and pixel count alone separate (0.5..1)

    /// The object `clipflow eval --json` prints.
    std::string to_json() const;
};

/// Loads the model (one copy per worker), scores every image under every condition.
/// Fails on bad parameters, an unusable model, no images, or an abort; single files
/// that fail are listed in EvalResult::failures.
Result<EvalResult> evaluate_detector(const EvalParams& params);

} // namespace clipflow
