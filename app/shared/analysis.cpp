#include "analysis.h"

#include <QFileInfo>

namespace clipflow::app {

QImage to_qimage(const Picture& p)
{
    if (p.empty() || (p.channels != 1 && p.channels != 3)) return {};
    const QImage view(p.data.data(), p.width, p.height, p.width * p.channels,
                      p.channels == 3 ? QImage::Format_RGB888 : QImage::Format_Grayscale8);
    return view.copy();
}

Analysis analyse_file(const QString& file, Detectors* detectors, const AnalyseOptions& options)
{
    Analysis a;
    a.file = file;
    a.analysed_at = QDateTime::currentDateTimeUtc();
    a.modified = QFileInfo(file).lastModified().toUTC();
    AnalysisParams params;
    params.reader = options.reader;
    params.read_ahead = options.read_ahead.toStdString();
    params.intake.provenance = options.provenance;
    params.jpeg_ghosts = options.jpeg_ghosts;
    params.ghost_params = options.ghost_params;
    params.ghosts_on_found_grid = options.ghosts_on_found_grid;
    params.abort = options.abort;
    if (detectors)
        params.score = [&](const Raster& image, const std::string& sha256, const ScoreParams& kind) -> Result<DetectorSetScore> {
            // Detectors keeps calibration and model cards beside the scores; they travel with the Analysis.
            a.detectors = detectors->score(image, sha256, kind);
            if (options.heat_map) { // from the pixels being scored: no second read
                ScoreMapParams map_params;
                map_params.abort = options.abort;
                auto map = detectors->scoreMap(image, map_params);
                if (map)
                    a.heat_map = std::move(*map);
                else
                    a.heat_map_error = QString::fromStdString(map.status().message());
            }
            return a.detectors.scores;
        };
    auto result = analyse_evidence(file.toStdString(), params);
    if (!result) {
        const Status& st = result.status();
        a.error = QString::fromStdString(!params.reader                     ? st.message()
                                         : st.code() == ErrorCode::TimedOut ? "reading the file " + st.message()
                                         : st.code() == ErrorCode::WorkerCrashed
                                             ? "reading the file crashed its isolated reader: " + st.message()
                                             : st.message());
        return a;
    }
    EvidenceAnalysis& e = *result;
    a.info = std::move(e.info);
    a.provenance = std::move(e.provenance);
    a.jpeg = std::move(e.jpeg);
    a.jpeg_error = QString::fromStdString(e.jpeg_error);
    a.preview = to_qimage(e.preview);
    a.ela = to_qimage(e.ela);
    if (e.ghosts) {
        a.ghosts = to_qimage(jpeg_ghost_sheet(*e.ghosts));
        a.ghosts_grid = QPoint(e.ghosts->grid_x, e.ghosts->grid_y);
    }
    a.ghosts_error = QString::fromStdString(e.ghosts_error);
    a.block_grid = std::move(e.block_grid);
    a.metadata = std::move(e.metadata);
    a.metadata_error = QString::fromStdString(e.metadata_error);
    a.spectrum = std::move(e.spectrum);
    a.changed_during_analysis = QString::fromStdString(e.changed_during_analysis);
    a.timings = e.timings;
    return a;
}

} // namespace clipflow::app
