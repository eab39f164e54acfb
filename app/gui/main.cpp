// clipflow-forensics: the desktop app. Kept thin: everything lives in MainWindow.

#include "appsettings.h"
#include "mainwindow.h"
#include "theme.h"
#include "translations.h"

#include <clipflow/allocator.h>
#include <clipflow/version.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QTabWidget>
#include <QTimer>

int main(int argc, char** argv)
{
    clipflow::tune_allocator(); // before any thread starts
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ClipFlow Forensics"));
    QApplication::setOrganizationName(QStringLiteral("ClipFlow"));
    QApplication::setApplicationVersion(QString::fromLatin1(clipflow::version()));
    QApplication::setDesktopFileName(QStringLiteral("clipflow-forensics"));
    // Before any window: the translation and theme the user chose (Tools › Preferences).
    const QString language = qEnvironmentVariable("CLIPFLOW_LANGUAGE", clipflow::app::AppSettings::language());
    clipflow::app::Translations::install(app, language);
    clipflow::app::Theme::apply(qEnvironmentVariable("CLIPFLOW_THEME", clipflow::app::AppSettings::theme()));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Decide whether an image was made by an AI generator."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("Image, folder or case file (.cfcase) to open."),
                                 QStringLiteral("[file...]"));
    // For tests and documentation: save the window once the image is analysed, then quit.
    const QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Save a screenshot to FILE and quit."),
                                        QStringLiteral("FILE"));
    parser.addOption(screenshot);
    const QCommandLineOption tab(QStringLiteral("tab"),
                                 QStringLiteral("With --screenshot: show the evidence pane's tab whose title starts with NAME."),
                                 QStringLiteral("NAME"));
    parser.addOption(tab);
    parser.process(app);

    clipflow::app::MainWindow window;
    window.show();
    const QString shot = parser.value(screenshot);
    if (!shot.isEmpty()) {
        const QString tab_name = parser.value(tab);
        auto save = [&window, shot, tab_name] {
            if (!tab_name.isEmpty())
                for (auto* tabs : window.findChildren<QTabWidget*>())
                    for (int i = 0; i < tabs->count(); ++i)
                        if (tabs->tabText(i).remove(QLatin1Char('&')).startsWith(tab_name, Qt::CaseInsensitive))
                            tabs->setCurrentIndex(i);
            QTimer::singleShot(300, &window, [&window, shot] { QApplication::exit(window.grab().save(shot) ? 0 : 1); });
        };
        QObject::connect(&window, &clipflow::app::MainWindow::analysisFinished, &window, save);
        QTimer::singleShot(60000, &app, [] { QApplication::exit(3); }); // never hang a test
        if (parser.positionalArguments().isEmpty()) save();
    }
    // The desktop file passes %F: images, folders and case files, as a file manager hands them over.
    // A case replaces the evidence list, so cases open first and files join them.
    const auto is_case = [](const QString& f) { return f.endsWith(QLatin1String(".cfcase"), Qt::CaseInsensitive); };
    for (const QString& file : parser.positionalArguments())
        if (is_case(file)) window.openCase(file);
    for (const QString& file : parser.positionalArguments())
        if (!is_case(file)) window.openFile(file);
    return app.exec();
}
