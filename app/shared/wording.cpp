#include "wording.h"

#include <QDir>

namespace clipflow::app {

QString Wording::verdict(const std::string& code, const std::string& english)
{
    if (code == "strong") return tr("strong evidence of AI generation");
    if (code == "moderate") return tr("moderate evidence of AI generation");
    if (code == "weak") return tr("weak evidence of AI generation");
    if (code == "natural") return tr("consistent with natural images");
    if (code == "inconclusive") return tr("inconclusive");
    return QString::fromStdString(english);
}

QString Wording::verdictShort(const std::string& code)
{
    if (code == "strong") return tr("strong");
    if (code == "moderate") return tr("moderate");
    if (code == "weak") return tr("weak");
    if (code == "natural") return tr("natural");
    if (code == "inconclusive") return tr("inconclusive");
    return QString::fromStdString(code);
}

QString Wording::pValue(double p, bool extrapolated)
{
    // Tail p-values far beyond the calibration sample mean "smaller than anything measurable".
    if (p < 1e-6) return tr("p < 10\u207b\u2076 (extrapolated)");
    return QStringLiteral("p = %1%2").arg(extrapolated ? QStringLiteral("~") : QString()).arg(p, 0, 'g', 3);
}

QString Wording::maker(const std::string& generator)
{
    if (generator.empty()) return QStringLiteral("\u2014");
    if (generator == "unknown") return tr("no known generator");
    return tr("resembles %1").arg(QString::fromStdString(generator));
}

QString Wording::transform(const std::string& name)
{
    if (name == "jpeg90") return tr("JPEG 90");
    if (name == "jpeg75") return tr("JPEG 75");
    if (name == "resize75") return tr("75% size");
    if (name == "resize50") return tr("50% size");
    return QString::fromStdString(name);
}

QString Wording::format(const std::string& format, bool lossy)
{
    if (format == "WebP") return lossy ? tr("WebP (lossy)") : tr("WebP (lossless)");
    return QString::fromStdString(format);
}

QString Wording::compression(const std::string& name)
{
    if (name == "lossy WebP") return tr("lossy WebP");
    if (name == "palette-colour") return tr("palette-colour");
    return QString::fromStdString(name);
}

QString Wording::spectrum(const std::string& name)
{
    if (name == "luminance" || name == "grey") return tr("luminance");
    if (name == "red") return tr("red");
    if (name == "green") return tr("green");
    if (name == "blue") return tr("blue");
    if (name == "residual") return tr("residual");
    if (name == "periodicity") return tr("periodicity");
    return QString::fromStdString(name);
}

QString Wording::folderProblem(const FolderProblem& problem)
{
    QString folder = QDir::toNativeSeparators(QString::fromStdString(problem.path));
    // A hostile path may run to thousands of characters (one past PATH_MAX is one of the problems):
    // its two ends say where it is.
    if (folder.size() > 160) folder = folder.left(70) + QStringLiteral(" \u2026 ") + folder.right(70);
    if (problem.kind == FolderProblem::Kind::NoImages)
        return tr("No images in %1 (images are found by their names' endings, such as .jpg, .png, .tif, .webp, .heic)")
            .arg(folder);
    return tr("%1 could not be read whole; the images in it are not listed (%2)")
        .arg(folder, QString::fromStdString(problem.message));
}

} // namespace clipflow::app
