#pragma once
// One evidence file analysed as the window shows it: intake (hash, decode,
// metadata, provenance, JPEG forensics), error level analysis, spectra and
// the detectors' scores, from one read and one decode of the file.
//
//   clipflow::AnalysisParams p;                    // intake reads provenance and JPEG structure
//   p.reader = reader;                             // optional: parsers in a child (isolatedintake.h)
//   p.detectors = &*set;                           // optional: a loaded DetectorSet
//   auto a = clipflow::analyse_evidence("photo.jpg", p);
//   if (!a) { /* a.status(): unreadable, timed out, ... */ }
//   a->info.sha256; a->spectrum->peaks; a->scores->verdict(); a->changed_during_analysis;
//   a->block_grid->grid_x;                     // where a JPEG save's 8 x 8 blocks start
//
// Thread-safe for separate calls; a DetectorSet scores on one thread at a time
// (use `score` to bring your own locking).

#include "clipflow/callbacks.h"
#include "clipflow/detector.h"
#include "clipflow/evidence.h"
#include "clipflow/jpegforensics.h"
#include "clipflow/spectrum.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clipflow {

class IsolatedReader;

struct AnalysisParams {
    AnalysisParams();
    /// Intake's limits; metadata, provenance and JPEG forensics are read by default.
    IntakeParams intake;
    /// When set, intake runs in that child (every parser of untrusted bytes), else in this process.
    std::shared_ptr<IsolatedReader> reader;
    /// With a reader: the file to be analysed next, which the child reads meanwhile.
    std::string read_ahead;
    bool spectrum = true;
    SpectrumParams spectrum_params;   ///< per_channel is set for colour images
    bool error_level_analysis = true; ///< JPEG files only: nothing to compare other formats with
    /// JPEG files: also their JPEG ghosts (jpegforensics.h; about a second for a 12 MP photo on
    /// two cores). Off by default: the window makes them when the analyst asks.
    bool jpeg_ghosts = false;
    JpegGhostParams ghost_params; ///< how they are made (grid, qualities, ...); the abort is the analysis's
    /// For ghosts nobody chose a grid for (a report's for every JPEG): where block_grid finds the
    /// picture's 8 x 8 grid off the corner — a JPEG cut after a save, then saved again — make them
    /// on that grid instead of ghost_params' (on the image's own, the first save shows nothing).
    bool ghosts_on_found_grid = false;
    /// Every file (a PNG may carry a JPEG's grid too): where the 8 x 8 blocks of a JPEG save
    /// lie (jpeg_block_grid; about 0.12 s for 12 MP).
    bool block_grid = true;
    JpegGridParams grid_params;  ///< the abort is the analysis's
    int preview_max_side = 1024; ///< Picture sizes for the preview and the ELA image
    /// Scores the decoded image; when unset, `detectors` (if any) is used with `scoring`.
    /// kind: what the file's container says about reading its scores (ScoreParams::delivered_copy
    /// from is_delivered_copy(), ScoreParams::uncalibrated_format); the callee adds its own settings.
    std::function<Result<DetectorSetScore>(const Raster& image, const std::string& sha256, const ScoreParams& kind)> score;
    const DetectorSet* detectors = nullptr;
    ScoreParams scoring;
    /// Hash the file again at the end: does the disk still hold the bytes analysed?
    bool rehash = true;
    AbortCallback abort; ///< polled between the steps
};

/// Seconds spent in each step.
struct AnalysisTimings {
    double intake = 0, ela = 0, ghosts = 0, block_grid = 0, spectrum = 0, detectors = 0, rehash = 0, total = 0;
};

struct EvidenceAnalysis {
    EvidenceInfo info;
    std::vector<MetadataEntry> metadata;
    std::string metadata_error;
    std::optional<Provenance> provenance;
    std::optional<JpegForensics> jpeg;
    std::string jpeg_error;
    Picture preview;                    ///< the stored grid, at most preview_max_side
    Picture ela;                        ///< JPEG files: error level analysis (quality 90, x20), same size as preview
    std::optional<JpegGhosts> ghosts;   ///< JPEG files, with AnalysisParams::jpeg_ghosts
    std::string ghosts_error;           ///< why they could not be made
    std::optional<JpegGrid> block_grid; ///< with AnalysisParams::block_grid
    std::string block_grid_error;       ///< why it could not be read
    std::optional<SpectrumResult> spectrum;
    std::optional<DetectorSetScore> scores; ///< when a scorer was given and it scored
    std::string score_error;                ///< why it did not
    /// Empty when the file still has the SHA-256 analysed at the end, else why not (changed or unreadable).
    std::string changed_during_analysis;
    AnalysisTimings timings;
};

/// Reads, hashes and decodes `path` once (in params.reader's child when given), then
/// runs the analyses on those pixels. Intake and spectrum failures fail the call; a
/// detector's failure is score_error.
Result<EvidenceAnalysis> analyse_evidence(const std::string& path, const AnalysisParams& params = {});

} // namespace clipflow
