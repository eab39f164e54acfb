#pragma once
// Words core says in English (verdicts, channel names), in the interface
// language: core links no Qt, so its codes are translated here.

#include <clipflow/imagepaths.h>

#include <QCoreApplication>
#include <QString>

#include <string>

namespace clipflow::app {

class Wording {
    Q_DECLARE_TR_FUNCTIONS(Wording)
public:
    // "natural", "weak", "moderate", "strong", "inconclusive"; anything else comes back as given.
    static QString verdict(const std::string& code, const std::string& english);
    // Short form for tables and summaries.
    static QString verdictShort(const std::string& code);
    // "p = 0.034", "p = ~0.002" (tail extrapolated), "p < 10⁻⁶ (extrapolated)".
    static QString pValue(double p, bool extrapolated);
    // Robustness transforms: "jpeg90" -> "JPEG 90", "resize50" -> "50% size".
    static QString transform(const std::string& name);
    // "luminance", "red", "green", "blue", "residual", "periodicity".
    static QString spectrum(const std::string& name);
    // The supervised detector's generator as an analyst should read it: "resembles NAME"
    // (a name says which known generator's traces it shares, never who made it),
    // "no known generator" for "unknown", "—" when none is named (a natural level).
    static QString maker(const std::string& generator);
    // A container format as analysts need it: WebP says whether it is lossy (VP8) or lossless.
    static QString format(const std::string& format, bool lossy);
    // A storage no calibration covers (uncalibrated_format()): "HEIF", "AVIF", "lossy WebP",
    // "palette-colour".
    static QString compression(const std::string& name);
    // A folder that gave no images (find_image_paths): "No images in FOLDER …", or that it could
    // not be read whole, with the system's reason. A path of more than 160 characters keeps its ends.
    static QString folderProblem(const FolderProblem& problem);
};

} // namespace clipflow::app
