#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace clipflow::app {

QString Translations::directory()
{
    return QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/clipflow/translations"));
}

void Translations::uninstall(QCoreApplication& app)
{
    QLocale::setDefault(QLocale::system());
    qDeleteAll(app.findChildren<QTranslator*>(QString(), Qt::FindDirectChildrenOnly)); // each removes itself
}

QString Translations::install(QCoreApplication& app, const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) return QStringLiteral("en");
    auto* ours = new QTranslator(&app);
    if (!ours->load(locale, QStringLiteral("clipflow"), QStringLiteral("_"), directory())) {
        delete ours;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(ours);
    QLocale::setDefault(locale); // numbers, dates and data sizes ("743 octets") follow the language
    // Qt's own strings (standard buttons, file dialogs): ours ship a copy, else the system's.
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), directory()) ||
        qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return locale.name();
}

} // namespace clipflow::app
