#include "appsettings.h"

#include <QFileInfo>
#include <QSettings>

#include <algorithm>

namespace clipflow::app {
namespace {

QStringList push_recent(const QString& key, const QString& path)
{
    QSettings s;
    QStringList list = s.value(key).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > AppSettings::kMaxRecent) list.removeLast();
    s.setValue(key, list);
    return list;
}

} // namespace

QString AppSettings::theme()
{
    return QSettings().value(QStringLiteral("ui/theme"), QStringLiteral("system")).toString();
}

void AppSettings::setTheme(const QString& theme)
{
    QSettings().setValue(QStringLiteral("ui/theme"), theme);
}

QString AppSettings::language()
{
    return QSettings().value(QStringLiteral("ui/language")).toString();
}

void AppSettings::setLanguage(const QString& language)
{
    QSettings().setValue(QStringLiteral("ui/language"), language);
}

QPageSize::PageSizeId AppSettings::pageSize()
{
    return QSettings().value(QStringLiteral("report/page")).toString() == QLatin1String("Letter") ? QPageSize::Letter
                                                                                                  : QPageSize::A4;
}

void AppSettings::setPageSize(QPageSize::PageSizeId page)
{
    QSettings().setValue(QStringLiteral("report/page"),
                         page == QPageSize::Letter ? QStringLiteral("Letter") : QStringLiteral("A4"));
}

double AppSettings::fileTimeLimit()
{
    bool ok = false;
    const double s = QSettings().value(QStringLiteral("analysis/fileTimeLimit"), 120.0).toDouble(&ok);
    return ok && s >= 0 && s <= 86400 ? s : 120.0;
}

void AppSettings::setFileTimeLimit(double seconds)
{
    QSettings().setValue(QStringLiteral("analysis/fileTimeLimit"), std::clamp(seconds, 0.0, 86400.0));
}

bool AppSettings::reportHeatMaps()
{
    return QSettings().value(QStringLiteral("report/heat_maps"), false).toBool();
}

void AppSettings::setReportHeatMaps(bool on)
{
    QSettings().setValue(QStringLiteral("report/heat_maps"), on);
}

bool AppSettings::reportGhosts()
{
    return QSettings().value(QStringLiteral("report/ghosts"), false).toBool();
}

void AppSettings::setReportGhosts(bool on)
{
    QSettings().setValue(QStringLiteral("report/ghosts"), on);
}

bool AppSettings::robustnessChecks()
{
    return QSettings().value(QStringLiteral("analysis/robustness"), true).toBool();
}

void AppSettings::setRobustnessChecks(bool on)
{
    QSettings().setValue(QStringLiteral("analysis/robustness"), on);
}

QString AppSettings::trustAnchors()
{
    return QSettings().value(QStringLiteral("provenance/trustAnchors")).toString();
}

void AppSettings::setTrustAnchors(const QString& path)
{
    QSettings().setValue(QStringLiteral("provenance/trustAnchors"), path);
}

QString AppSettings::analyst()
{
    return QSettings().value(QStringLiteral("case/analyst")).toString();
}

void AppSettings::setAnalyst(const QString& name)
{
    QSettings().setValue(QStringLiteral("case/analyst"), name);
}

QString AppSettings::clipflowModel()
{
    return QSettings().value(QStringLiteral("models/clipflow")).toString();
}

QString AppSettings::supervisedModel()
{
    return QSettings().value(QStringLiteral("models/supervised")).toString();
}

void AppSettings::setModels(const QString& clipflow, const QString& supervised)
{
    QSettings s;
    s.setValue(QStringLiteral("models/clipflow"), clipflow);
    s.setValue(QStringLiteral("models/supervised"), supervised);
}

QStringList AppSettings::recentFiles()
{
    return QSettings().value(QStringLiteral("recent/files")).toStringList();
}

QStringList AppSettings::recentCases()
{
    return QSettings().value(QStringLiteral("recent/cases")).toStringList();
}

void AppSettings::addRecentFile(const QString& path)
{
    push_recent(QStringLiteral("recent/files"), path);
}

void AppSettings::addRecentCase(const QString& path)
{
    push_recent(QStringLiteral("recent/cases"), path);
}

} // namespace clipflow::app
