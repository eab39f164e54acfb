#include "wording.h"

namespace clipflow::app {

QString Wording::verdict(const std::string& code, const std::string& english)
{
    if (code == "strong") return tr("strong evidence of AI generation");
    if (code == "moderate") return tr("moderate evidence of AI generation");
    if (code == "weak") return tr("weak evidence of AI generation");
    if (code == "natural") return tr("consistent with natural images");
    return QString::fromStdString(english);
}

QString Wording::verdictShort(const std::string& code)
{
    if (code == "strong") return tr("strong");
    if (code == "moderate") return tr("moderate");
    if (code == "weak") return tr("weak");
    if (code == "natural") return tr("natural");
    return QString::fromStdString(code);
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

} // namespace clipflow::app
