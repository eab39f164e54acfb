#include "analysis.h"

#include <clipflow/jpegforensics.h>

#include <clipflow/sha256.h>

#include <nlohmann/json.hpp>

#include <QFileInfo>

#include <algorithm>

namespace clipflow::app {
namespace {

QImage preview_of(const Raster& r)
{
    QImage image(r.width, r.height, r.channels == 3 ? QImage::Format_RGB888 : QImage::Format_Grayscale8);
    for (int y = 0; y < r.height; ++y) {
        uchar* line = image.scanLine(y);
        const float* src = r.data.data() +
                           static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) * static_cast<std::size_t>(r.channels);
        for (int i = 0; i < r.width * r.channels; ++i)
            line[i] = static_cast<uchar>(std::clamp(src[i] * 255.0f + 0.5f, 0.0f, 255.0f));
    }
    if (std::max(r.width, r.height) > 1024) return image.scaled(1024, 1024, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

} // namespace

Analysis analyse_file(const QString& file, Detectors* detectors, WorkerProcess* reader, const ProvenanceParams& provenance)
{
    Analysis a;
    a.file = file;
    a.analysed_at = QDateTime::currentDateTimeUtc();
    a.modified = QFileInfo(file).lastModified().toUTC();
    std::string checked_sha;
    if (reader) {
        auto reply = reader->request(encode_worker_path(file.toStdString()));
        if (!reply) {
            const Status& st = reply.status();
            const std::string why = st.code() == ErrorCode::TimedOut ? "reading the file " + st.message()
                                    : st.code() == ErrorCode::WorkerCrashed
                                        ? "reading the file crashed its isolated reader: " + st.message()
                                        : "the isolated reader failed: " + st.message();
            a.error = QString::fromStdString(why);
            return a;
        }
        const auto line = nlohmann::json::parse(*reply, nullptr, false);
        if (!line.is_object() || !line.contains("file")) {
            a.error = QStringLiteral("the isolated reader's answer was unreadable");
            return a;
        }
        if (line.contains("error")) {
            a.error = QString::fromStdString(line["error"].is_string() ? line["error"].get<std::string>() : "unreadable");
            return a;
        }
        if (line.contains("sha256") && line["sha256"].is_string()) checked_sha = line["sha256"].get<std::string>();
    }
    IntakeParams intake;
    intake.read_provenance = true;
    intake.read_jpeg_forensics = true;
    intake.provenance = provenance;
    auto ev = load_evidence(file.toStdString(), intake);
    if (!ev) {
        a.error = QString::fromStdString(ev.status().message());
        return a;
    }
    if (reader && ev->info.sha256 != checked_sha) {
        a.error = QStringLiteral("the file changed while it was being read (SHA-256 %1, then %2)")
                      .arg(QString::fromStdString(checked_sha), QString::fromStdString(ev->info.sha256));
        return a;
    }
    a.info = ev->info;
    a.provenance = std::move(ev->provenance);
    a.jpeg = std::move(ev->jpeg);
    a.jpeg_error = QString::fromStdString(ev->jpeg_error);
    a.preview = preview_of(ev->pixels);
    // Error level analysis for JPEGs only: for other formats there is no earlier save to compare with.
    if (a.jpeg)
        if (auto ela = error_level_analysis(ev->pixels)) a.ela = preview_of(*ela);
    a.metadata = std::move(ev->metadata); // read from the intake buffer: no second read or parse
    a.metadata_error = QString::fromStdString(ev->metadata_error);
    SpectrumParams sp;
    sp.per_channel = ev->pixels.channels == 3;
    auto spec = analyze_spectrum(ev->pixels, sp);
    if (!spec) {
        a.error = QString::fromStdString(spec.status().message());
        return a;
    }
    a.spectrum = std::move(spec.value());
    if (detectors) a.detectors = detectors->score(ev->pixels, ev->info.sha256);
    // The bytes analysed were hashed at intake; hashing the file again shows
    // whether what is on disk is still what the results describe.
    auto after = Sha256::file_hex(file.toStdString());
    if (!after)
        a.changed_during_analysis = QString::fromStdString(after.status().message());
    else if (*after != ev->info.sha256)
        a.changed_during_analysis = QStringLiteral("SHA-256 is now %1").arg(QString::fromStdString(*after));
    return a;
}

} // namespace clipflow::app
