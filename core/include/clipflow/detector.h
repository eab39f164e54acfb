#pragma once
// Any detector, one interface: the file says which kind it is, a Detector
// hides the difference, and a DetectorSet runs the ones the product uses
// (CLIP-Flow and supervised) and says when they disagree.
//
//   clipflow::DetectorSetParams p;                // empty paths: the shipped defaults
//   p.supervised_model = "-";                     // "-": switched off
//   auto set = clipflow::DetectorSet::load(p);
//   auto ev = clipflow::load_evidence("suspect.jpg");
//   auto s = set->score(ev->pixels, ev->info.sha256);
//   for (const auto& d : s->scores)               // CLIP-Flow first
//       std::cout << detector_kind_name(d.kind) << " " << d.ai_score << " " << verdict_code(d.verdict) << "\n";
//   verdict_code(s->verdict());                   // one answer, or "inconclusive" and why
//   std::cout << s->to_json() << "\n";            // the line `clipflow score --json` prints
//
// A new detector kind adds a DetectorKind, its details in DetectorScore and a
// branch in detector.cpp; nothing above core changes.
// Threads: one scoring thread at a time per Detector (and per DetectorSet),
// like the detectors they wrap; load one per worker for parallel scoring.

#include "clipflow/clipflowdetector.h"
#include "clipflow/detectormodel.h"
#include "clipflow/result.h"
#include "clipflow/superviseddetector.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clipflow {

enum class DetectorKind { ClipFlow, Supervised };
/// "clipflow" or "supervised": the names in detector files, JSON and the CLI.
const char* detector_kind_name(DetectorKind kind);
std::optional<DetectorKind> detector_kind_from_name(const std::string& name);
/// The shipped default's file name: clipflow-default.safetensors or clipflow-supervised.safetensors.
const char* default_detector_file(DetectorKind kind);

/// How strongly a detector calls the image AI-made. Every kind maps its own
/// scale onto the first four (CLIP-Flow by p-value; supervised by its p-value where
/// calibrated on natural photos, else by p_ai).
/// Inconclusive is what the analyst is told when that level does not hold up:
/// the score sits near the model's threshold, the verdict flips under an
/// everyday transform (robustness), or the detectors disagree.
enum class Verdict { Natural, Weak, Moderate, Strong, Inconclusive };
/// "natural", "weak", "moderate", "strong", "inconclusive"
const char* verdict_code(Verdict verdict);
std::optional<Verdict> verdict_from_code(const std::string& code);
/// English wording, e.g. "weak evidence of AI generation", "inconclusive".
const char* verdict_wording(Verdict verdict);

/// Everyday transforms an image meets before it reaches an analyst, applied in
/// memory: "jpeg90", "jpeg75" (JPEG round trips), "resize75", "resize50" (each side
/// to 75% or 50% by area averaging).
const std::vector<std::string>& robustness_transforms();
Result<Raster> apply_robustness_transform(const Raster& image, const std::string& transform);

/// One detector's answer for a transformed copy of the image.
struct RobustnessCheck {
    std::string transform; ///< one of robustness_transforms()
    double ai_score = 0.0;
    Verdict level = Verdict::Natural; ///< the model's calibrated level (never Inconclusive)
};
/// "JPEG quality 90", "resizing to 50%", ...
const char* robustness_transform_wording(const std::string& transform);
/// The transforms whose level falls on the other side of natural than `level`.
std::vector<std::string> flipped_transforms(Verdict level, const std::vector<RobustnessCheck>& checks);
/// The same in words ("JPEG quality 75, resizing to 50%"); empty when the verdict holds.
std::string verdict_flips(Verdict level, const std::vector<RobustnessCheck>& checks);

/// How an image is scored beyond the model's own answer.
struct ScoreParams {
    /// Also score each robustness transform (four more scores per detector);
    /// a verdict that changes side under any of them becomes Inconclusive. Each copy is
    /// read as a file of it would be: a JPEG round trip by its own size (a small one as a
    /// delivered copy), a resized copy as the original is read.
    bool robustness = false;
    /// A score this close to the model's threshold is Inconclusive: for CLIP-Flow
    /// a p-value within this factor of the calibrated false-positive rate (2:
    /// 0.025..0.10 around 0.05), as much for a calibrated supervised model; for an
    /// uncalibrated one p_ai within 0.5 +- 0.1 x (factor - 1) (2: 0.4..0.6). 1 switches the rule off.
    double inconclusive_band = 2.0;
    /// The image is a delivered copy (is_delivered_copy(): a small JPEG, as messengers and
    /// social networks pass photos on). A CLIP-Flow model that calibrates copies
    /// (Calibration::calibrates_copies()) then reads its score against its held-out
    /// photos as delivered, not as taken: their own percentile, p-value, level and bound.
    bool delivered_copy = false;
    /// The file's compression is one no shipped calibration covers (uncalibrated_format():
    /// "HEIF", "AVIF", "lossy WebP", "palette-colour", "CMYK"). A level above natural then becomes
    /// Inconclusive: the model's false-positive bound has not been shown to hold for such files
    /// (docs/method.md).
    std::string uncalibrated_format = {};
};

struct EvidenceInfo;

/// The storage's name when scores of images stored so cannot be read against any shipped
/// calibration, else empty: "HEIF", "AVIF" (HEVC, AV1), "lossy WebP" (VP8; a lossless WebP
/// holds the exact pixels, as a PNG does) and "palette-colour" (GIF and other images stored
/// with a colour palette: quantised, often dithered), "CMYK" (print colour: CMYK or YCCK JPEG,
/// CMYK TIFF). Grey images are calibrated (they held the bound). Measured on held-out photos:
/// docs/method.md.
std::string uncalibrated_format(const EvidenceInfo& info);

/// One detector's answer for one image.
struct DetectorScore {
    DetectorKind kind = DetectorKind::ClipFlow;
    std::string model_id, backbone_id;
    double ai_score = 0.0;              ///< 0..1, higher = more AI-like
    Verdict level = Verdict::Natural;   ///< the model's calibrated level (never Inconclusive)
    Verdict verdict = Verdict::Natural; ///< what to tell the analyst: level, or Inconclusive
    std::string verdict_text;           ///< English wording of verdict
    std::string inconclusive_reason;    ///< why verdict is Inconclusive, in English (empty otherwise)
    /// The same reasons as data, for interfaces that word them in another language.
    bool near_threshold = false;            ///< the score is within ScoreParams::inconclusive_band of the threshold
    double threshold = 0.0;                 ///< that threshold: the calibrated flag level (p) or 0.5 (p_ai, uncalibrated)
    double thresholded_score = 0.0;         ///< the score compared with it: p_value or p_ai
    std::vector<std::string> flipped_under; ///< robustness transforms that change the verdict's side
    /// Read as a delivered copy: percentile, p-value, ai_score, level and threshold come from the
    /// model's delivered photos (ScoreParams::delivered_copy and a model that calibrates copies).
    bool delivered_copy = false;
    std::string uncalibrated_format;         ///< as ScoreParams::uncalibrated_format (kept also when the level is natural)
    std::vector<RobustnessCheck> robustness; ///< with ScoreParams::robustness
    /// The image (by SHA-256) was among those the model trained or calibrated on: its score says little.
    bool seen = false;
    std::optional<ClipFlowScore> clipflow;     ///< with kind ClipFlow: likelihood, p-value, views
    std::optional<SupervisedScore> supervised; ///< with kind Supervised: p_ai, generator

    /// One number on the model's own scale, higher = more AI-like (for ROC curves):
    /// minus the log-likelihood (nats/dim) for CLIP-Flow, p_ai for supervised.
    double evidence() const;
    /// {"detector","model_id","backbone","ai_score","verdict","verdict_code","level_code",
    /// kind's fields, "inconclusive_reason" and "robustness" when present}: the object
    /// `clipflow score --json` prints per detector.
    std::string to_json() const;
};

/// One image of a batch (Detector::score_batch).
struct ScoreInput {
    const Raster* image = nullptr;
    std::string sha256;                   ///< optional: fills DetectorScore::seen
    bool delivered_copy = false;          ///< as ScoreParams::delivered_copy, for this image
    std::string uncalibrated_format = {}; ///< as ScoreParams::uncalibrated_format, for this image
};

class Detector {
public:
    /// Any detector file; its kind is read from its header. clip_model in params may
    /// name an installed CLIP model (id, SHA-256 prefix or name) as well as a file.
    static Result<Detector> load(const std::string& path, const DetectorLoadParams& params = {});

    Detector(Detector&&) noexcept;
    Detector& operator=(Detector&&) noexcept;
    ~Detector();

    DetectorKind kind() const;
    const std::string& path() const;
    const DetectorModelHeader& info() const;
    bool clip_backbone() const; ///< a CLIP backbone uses every core already: one copy is enough
    /// In the training or calibration set of this model (by SHA-256).
    bool seen(const std::string& sha256) const;
    /// In the training set only (evaluation leaves these out; calibration images are fair game there).
    bool trained_on(const std::string& sha256) const;
    /// The model's own decision threshold on evidence().
    double evidence_threshold() const;

    /// The kind-specific detector (model card, calibration); null for other kinds.
    const ClipFlowDetector* clipflow() const;
    const SupervisedDetector* supervised() const;

    /// sha256 (optional) fills DetectorScore::seen.
    Result<DetectorScore> score(const Raster& image, const std::string& sha256 = {}, const ScoreParams& params = {}) const;
    /// score() for each image, with every image's views through the backbone in one
    /// call: a CLIP encoder then runs full batches (its batched throughput, not batch
    /// 1's). The same scores as score() one by one; a batch the backbone refuses is
    /// scored image by image, so one bad image fails alone.
    std::vector<Result<DetectorScore>> score_batch(const std::vector<ScoreInput>& images, const ScoreParams& params = {}) const;
    /// Per-tile scores (scoremap.h); CLIP-Flow detectors only (UnsupportedFormat otherwise).
    Result<ScoreMap> score_map(const Raster& image, const ScoreMapParams& params = {}) const;

private:
    friend class DetectorSet;
    struct ViewFeatures;   // every image's views through the backbone, and where each image's begin
    struct RobustnessCopy; // one robustness copy of an image as one kind of features reads it
    using RobustnessCopies = std::map<std::pair<std::string, std::string>, RobustnessCopy>; // by (feature key, transform)
    Detector();
    /// What the features of this detector's views depend on (backbone, its parameters, the
    /// orientations read): detectors with equal keys read the same features from an image.
    const std::string& feature_key() const;
    /// For a CLIP-Flow detector with a second reading: the key of its first backbone's features
    /// alone (a detector with that key reads the first half of its rows); else empty.
    const std::string& first_feature_key() const;
    /// first_part: another detector's features of the same images with first_feature_key() as key;
    /// only the second reading's features are then computed.
    ViewFeatures view_features(const std::vector<ScoreInput>& images, const ViewFeatures* first_part = nullptr) const;
    /// copies: one map per image, shared by the detectors of a set (null: made here, alone).
    std::vector<Result<DetectorScore>> score_features(const std::vector<ScoreInput>& images, const ViewFeatures& features,
                                                      const ScoreParams& params,
                                                      std::vector<RobustnessCopies>* copies = nullptr) const;
    Result<DetectorScore> raw_score(const Raster& view) const;
    Result<DetectorScore> finish_score(Result<DetectorScore> scored, const Raster& image, const std::string& sha256,
                                       const ScoreParams& params, RobustnessCopies* copies = nullptr) const;
    const RobustnessCopy& robustness_copy(const Raster& image, const std::string& transform, RobustnessCopies& copies) const;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Same as Detector::load.
Result<Detector> load_detector(const std::string& path, const DetectorLoadParams& params = {});

/// The detectors of one analysis and where they come from.
struct DetectorSetParams {
    std::string clipflow_model;   ///< a detector file; empty: the shipped default; "-": none
    std::string supervised_model; ///< likewise
    std::string exe_dir;          ///< where shipped defaults are looked for; empty: running_program_dir()
    /// Load what loads and say why the others did not (errors()), and score with what scores
    /// (DetectorSetScore::error); otherwise the first failure fails load() or score().
    bool keep_going = false;
    DetectorLoadParams load;
};

/// Every detector's answer for one image.
struct DetectorSetScore {
    std::vector<DetectorScore> scores; ///< in the set's order: CLIP-Flow, then supervised
    /// Why a detector has no score for this image, one line each (empty: all scored).
    std::string error;

    const DetectorScore* find(DetectorKind kind) const;
    /// One detector's level is natural and another's is not.
    bool disagree() const;
    /// The one verdict for the analyst: Inconclusive when the detectors disagree or
    /// any is inconclusive; otherwise the weakest level among them (both must say AI
    /// for an AI verdict, and it is no stronger than the weaker of them).
    Verdict verdict() const;
    /// Why verdict() is Inconclusive (empty otherwise).
    std::string inconclusive_reason() const;
    /// One detector: its fields (DetectorScore::to_json). Several:
    /// {"detector":"all","results":[...],"disagreement":bool,"verdict","verdict_code","inconclusive_reason"}.
    std::string to_json() const;
};

class DetectorSet {
public:
    static Result<DetectorSet> load(const DetectorSetParams& params = {});
    /// An empty set: scores nothing (every detector switched off).
    DetectorSet();

    DetectorSet(DetectorSet&&) noexcept;
    DetectorSet& operator=(DetectorSet&&) noexcept;
    ~DetectorSet();

    const std::vector<Detector>& detectors() const;
    const Detector* find(DetectorKind kind) const;
    /// One of its detectors has a CLIP backbone, which uses every core already: run one set, not one per core.
    bool clip_backbone() const;
    /// Backbone passes one image costs: detectors that read the same features from an image
    /// (the same backbone and weights, the same views and orientations, as the shipped pair)
    /// share one pass, in score() and score_batch() alike; a CLIP-Flow detector's second
    /// reading is one pass more (its first reading shared the same way), two where unshared.
    std::size_t backbone_passes() const;
    /// Why a chosen detector did not load (with keep_going), one line each.
    const std::string& errors() const;
    /// With keep_going a detector that fails is named in DetectorSetScore::error and the
    /// others still score; without it, its failure is the call's.
    Result<DetectorSetScore> score(const Raster& image, const std::string& sha256 = {}, const ScoreParams& params = {}) const;
    /// score() for each image, each detector scoring the batch at once (Detector::score_batch).
    std::vector<Result<DetectorSetScore>> score_batch(const std::vector<ScoreInput>& images,
                                                      const ScoreParams& params = {}) const;

private:
    std::vector<Detector> detectors_;
    std::string errors_;
    bool keep_going_ = false;
};

} // namespace clipflow
