#pragma once
// One image's intake, spectra and detector scores, computed off the GUI thread
// (analyse_file runs inside QtConcurrent; it touches no widgets).

#include "detectors.h"

#include <clipflow/analysis.h>
#include <clipflow/evidence.h>
#include <clipflow/isolatedintake.h>
#include <clipflow/metadata.h>
#include <clipflow/provenance.h>
#include <clipflow/scoremap.h>
#include <clipflow/spectrum.h>

#include <QDateTime>
#include <QImage>
#include <QPoint>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace clipflow::app {

struct Analysis {
    QString file;
    QString error; // empty on success
    EvidenceInfo info;
    QImage preview; // stored grid, 8-bit, at most 1024 px
    std::optional<SpectrumResult> spectrum;
    DetectorResults detectors;
    std::vector<MetadataEntry> metadata; // EXIF, IPTC, XMP
    QString metadata_error;
    std::optional<Provenance> provenance; // what the file says of its origin (C2PA, text chunks, source type)
    std::optional<JpegForensics> jpeg;    // JPEG files: tables, quality, double compression, EXIF thumbnail
    QString jpeg_error;                   // why a JPEG's structure could not be read
    QImage ela;                           // JPEG files: error level analysis (quality 90, x20), at most 1024 px
    QImage ghosts;                        // JPEG files, when asked: the JPEG ghosts' sheet (jpeg_ghost_sheet)
    QPoint ghosts_grid;                   // the grid they were re-saved on, past the image's (JpegGhosts::grid_x, y)
    QString ghosts_error;                 // why they could not be made
    std::optional<JpegGrid> block_grid;   // any file: where a JPEG save's 8 x 8 blocks lie
    std::optional<ScoreMap> heat_map;     // when asked: the CLIP-Flow detector's tile map
    QString heat_map_error;               // why it could not be made
    QDateTime modified;                   // the file's last modification, as the file system reports it
    QDateTime analysed_at;                // when it was read and hashed (UTC)
    // Hashed again after the analysis: empty when the file still has the SHA-256
    // that was analysed, else why not (changed or unreadable meanwhile).
    QString changed_during_analysis;
    AnalysisTimings timings; // seconds per step
};

struct AnalyseOptions {
    // A `clipflow-intake`: every parser of untrusted bytes runs in that process under its
    // time limit and its findings come back whole, pixels included.
    std::shared_ptr<IsolatedReader> reader;
    ProvenanceParams provenance;       // the C2PA trust anchors
    QString read_ahead;                // with a reader: the file to be analysed next, which its child reads meanwhile
    bool jpeg_ghosts = false;          // JPEG files: their JPEG ghosts' sheet too (about a second for 12 MP)
    JpegGhostParams ghost_params;      // how they are made: the grid past the image's (0..7), ...
    bool ghosts_on_found_grid = false; // no grid chosen: on the block grid where one is found (AnalysisParams)
    bool heat_map = false;             // the CLIP-Flow detector's tile map too (seconds for a large image)
    // Polled between the steps and inside the long ones (block grid, spectra, ghosts): a window
    // closed after a 100-megapixel file was read must not wait out its analysis. Thread-safe.
    std::function<bool()> abort;
};

// core's analyse_evidence (intake, metadata, ELA, spectra per channel, both
// detectors, the re-hash) with Qt's types for the views. The file is read, hashed and
// decoded once, with or without a reader; what is asked on top (ghosts, heat map) is made
// from that one decode.
Analysis analyse_file(const QString& file, Detectors* detectors, const AnalyseOptions& options = {});

// An 8-bit core Picture as a QImage (deep copy).
QImage to_qimage(const Picture& picture);

} // namespace clipflow::app
