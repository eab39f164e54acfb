#pragma once
// One image's intake and spectra, computed off the GUI thread
// (analyse_file runs inside QtConcurrent; it touches no widgets).

#include <clipflow/evidence.h>
#include <clipflow/spectrum.h>

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
};

Analysis analyse_file(const QString& file);

} // namespace clipflow::app
