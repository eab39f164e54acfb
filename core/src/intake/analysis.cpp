#include "clipflow/analysis.h"

#include "clipflow/isolatedintake.h"
#include "clipflow/jpegforensics.h"
#include "clipflow/laundering.h"
#include "clipflow/sha256.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace clipflow {

AnalysisParams::AnalysisParams()
{
    intake.read_provenance = true;
    intake.read_jpeg_forensics = true;
    intake.keep_picture = true; // preview, ELA and spectra read 8-bit files' bytes
}

Result<EvidenceAnalysis> analyse_evidence(const std::string& path, const AnalysisParams& params)
{
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    auto since = [](Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); };
    auto aborted = [&] { return params.abort && params.abort(); };

    auto t = Clock::now();
    auto ev = params.reader ? params.reader->read(path, params.intake, params.read_ahead) : load_evidence(path, params.intake);
    if (!ev) return Result<EvidenceAnalysis>(ev.status().code(), ev.status().message());
    EvidenceAnalysis a;
    a.timings.intake = since(t);
    a.info = ev->info;
    a.metadata = std::move(ev->metadata);
    a.metadata_error = std::move(ev->metadata_error);
    a.provenance = std::move(ev->provenance);
    a.jpeg = std::move(ev->jpeg);
    a.jpeg_error = std::move(ev->jpeg_error);
    const Raster& pixels = ev->pixels;
    if (aborted()) return Result<EvidenceAnalysis>(ErrorCode::Aborted, "stopped");

    // One step after another: run beside the spectra (which use a second thread
    // for the colour channels), the ELA image took four times as long on 2 cores.
    // One 8-bit copy at full size serves the preview and the ELA's re-save.
    const Picture eight = !ev->picture.empty() ? std::move(ev->picture) : to_picture(pixels);
    a.preview = scale_picture(eight, params.preview_max_side);
    if (params.error_level_analysis && a.jpeg && !pixels.empty()) {
        t = Clock::now();
        if (auto ela = error_level_picture(eight, params.preview_max_side)) a.ela = std::move(*ela);
        a.timings.ela = since(t);
    }
    if (params.block_grid && !eight.empty()) {
        t = Clock::now();
        JpegGridParams gp = params.grid_params;
        gp.abort = params.abort;
        if (auto g = jpeg_block_grid(eight, gp))
            a.block_grid = std::move(*g);
        else if (g.status().code() == ErrorCode::Aborted)
            return Result<EvidenceAnalysis>(ErrorCode::Aborted, "stopped");
        else
            a.block_grid_error = g.status().message();
        a.timings.block_grid = since(t);
    }
    if (params.jpeg_ghosts && a.jpeg && !eight.empty()) {
        t = Clock::now();
        JpegGhostParams gp = params.ghost_params;
        gp.abort = params.abort;
        if (params.ghosts_on_found_grid && a.block_grid && a.block_grid->found) {
            gp.grid_x = a.block_grid->grid_x;
            gp.grid_y = a.block_grid->grid_y;
        }
        if (auto g = jpeg_ghosts(eight, gp))
            a.ghosts = std::move(*g);
        else if (g.status().code() == ErrorCode::Aborted)
            return Result<EvidenceAnalysis>(ErrorCode::Aborted, "stopped");
        else
            a.ghosts_error = g.status().message();
        a.timings.ghosts = since(t);
    }
    if (params.spectrum && !pixels.empty()) {
        t = Clock::now();
        SpectrumParams sp = params.spectrum_params;
        sp.per_channel = sp.per_channel || pixels.channels == 3;
        if (!sp.abort) sp.abort = params.abort;
        // 8-bit files: their picture holds exactly the raster's values in a quarter of the bytes.
        const bool exact = !eight.empty() && eight.width == pixels.width && eight.height == pixels.height &&
                           eight.channels == pixels.channels && a.info.bit_depth <= 8;
        auto spec = exact ? analyze_spectrum(eight, sp) : analyze_spectrum(pixels, sp);
        if (!spec) return Result<EvidenceAnalysis>(spec.status().code(), spec.status().message());
        a.spectrum = std::move(*spec);
        a.timings.spectrum = since(t);
    }
    if (aborted()) return Result<EvidenceAnalysis>(ErrorCode::Aborted, "stopped");
    if ((params.score || params.detectors) && !pixels.empty()) {
        t = Clock::now();
        // A small JPEG is judged against the bound for delivered copies where the model has one;
        // a HEIF, AVIF, lossy WebP or palette file against none (uncalibrated_format()).
        ScoreParams scoring = params.scoring;
        scoring.delivered_copy = is_delivered_copy(a.info.format, a.info.width, a.info.height);
        scoring.uncalibrated_format = uncalibrated_format(a.info);
        auto scored =
            params.score ? params.score(pixels, a.info.sha256, scoring) : params.detectors->score(pixels, a.info.sha256, scoring);
        if (scored)
            a.scores = std::move(*scored);
        else
            a.score_error = scored.status().message();
        a.timings.detectors = since(t);
    }
    if (params.rehash) {
        // The bytes analysed were hashed at intake; hashing the file again shows
        // whether what is on disk is still what the results describe.
        t = Clock::now();
        auto after = Sha256::file_hex(path);
        if (!after)
            a.changed_during_analysis = after.status().message();
        else if (*after != a.info.sha256)
            a.changed_during_analysis = "SHA-256 is now " + *after;
        a.timings.rehash = since(t);
    }
    a.timings.total = since(start);
    return a;
}

} // namespace clipflow
