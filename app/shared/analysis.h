#pragma once
// One image's intake, spectra and detector scores, computed off the GUI thread
// (analyse_file runs inside QtConcurrent; it touches no widgets).

#include "detectors.h"

#include <clipflow/evidence.h>
#include <clipflow/metadata.h>
#include <clipflow/provenance.h>
#include <clipflow/spectrum.h>
#include <clipflow/workerprocess.h>

#include <QDateTime>
#include <QImage>
#include <QString>

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
    QDateTime modified;                   // the file's last modification, as the file system reports it
    QDateTime analysed_at;                // when it was read and hashed (UTC)
    // Hashed again after the analysis: empty when the file still has the SHA-256
    // that was analysed, else why not (changed or unreadable meanwhile).
    QString changed_during_analysis;
};

// Intake, metadata, spectra (per channel too) and both default detectors.
// With `reader` (a `clipflow intake-worker`), the file's untrusted parsers run
// first in that process under its time limit: a file that hangs or crashes a
// decoder fails there, and only a file it read is decoded here, checked to be
// the same bytes by SHA-256. `provenance` carries the C2PA trust anchors.
Analysis analyse_file(const QString& file, Detectors* detectors, WorkerProcess* reader = nullptr,
                      const ProvenanceParams& provenance = {});

} // namespace clipflow::app
