// clipflow-forensics: the desktop app. Kept thin: everything lives in MainWindow.

#include "appsettings.h"
#include "mainwindow.h"
#include "theme.h"
#include "translations.h"

#include <clipflow/allocator.h>
#include <clipflow/version.h>

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QRadioButton>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>
#include <string_view>

namespace {

void name_application()
{
    QCoreApplication::setApplicationName(QStringLiteral("ClipFlow Forensics"));
    QCoreApplication::setOrganizationName(QStringLiteral("ClipFlow"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(clipflow::version()));
}

// --help and --version need no window: they must answer over ssh, where a
// QApplication would abort for want of a display before parsing anything.
bool answers_without_window(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        if (arg == "--") break;
        if (arg == "-h" || arg == "-?" || arg == "--help" || arg == "--help-all" || arg == "-v" || arg == "--version")
            return true;
    }
    return false;
}

// On X11/Wayland systems a missing display otherwise ends in Qt's message about
// the "xcb" plugin, which tells a user nothing about what to do instead.
bool display_missing(int argc, char** argv)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    for (int i = 1; i < argc; ++i) // Qt's own -platform NAME chooses a platform that may need no display
        if (std::string_view(argv[i]) == "-platform" || std::string_view(argv[i]) == "--platform") return false;
    return !qEnvironmentVariableIsSet("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
           qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#else
    (void)argc;
    (void)argv;
    return false;
#endif
}

} // namespace

int main(int argc, char** argv)
{
    clipflow::tune_allocator(); // before any thread starts
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
    const QCommandLineOption show(QStringLiteral("show"),
                                  QStringLiteral("With --screenshot: tick the image's switch whose name starts with NAME "
                                                 "(Heat map, Error levels) or choose the JPEG tab's JPEG ghosts before "
                                                 "saving."),
                                  QStringLiteral("NAME"));
    parser.addOption(show);

    if (answers_without_window(argc, argv)) {
        QCoreApplication app(argc, argv);
        name_application();
        parser.process(app); // prints and exits (or reports a bad option)
        return 0;
    }
    if (display_missing(argc, argv)) {
        std::fputs("clipflow-forensics: no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                   "Without a display, use the command-line tool: clipflow score IMAGE... (see clipflow --help).\n"
                   "To render the window without a display (--screenshot), run it under xvfb-run or with "
                   "QT_QPA_PLATFORM=offscreen.\n",
                   stderr);
        return 1;
    }

    QApplication app(argc, argv);
    name_application();
    QApplication::setDesktopFileName(QStringLiteral("clipflow-forensics"));
    // Before any window: the translation and theme the user chose (Tools › Preferences).
    const QString language = qEnvironmentVariable("CLIPFLOW_LANGUAGE", clipflow::app::AppSettings::language());
    clipflow::app::Translations::install(app, language);
    clipflow::app::Theme::apply(qEnvironmentVariable("CLIPFLOW_THEME", clipflow::app::AppSettings::theme()));

    parser.process(app);

    clipflow::app::MainWindow window;
    window.show();
    const QString shot = parser.value(screenshot);
    if (!shot.isEmpty()) {
        const QString tab_name = parser.value(tab);
        const QString show_name = parser.value(show);
        auto named = [&show_name](const QAbstractButton* b) {
            return !show_name.isEmpty() && b->text().startsWith(show_name, Qt::CaseInsensitive);
        };
        const bool heat_map = named(window.heatMapToggle()), ghosts = named(window.jpegGhostsChoice());
        auto grab = [&window, shot] {
            QTimer::singleShot(300, &window, [&window, shot] { QApplication::exit(window.grab().save(shot) ? 0 : 1); });
        };
        auto save = [&window, grab, tab_name, named, heat_map, ghosts] {
            if (!tab_name.isEmpty())
                for (auto* tabs : window.findChildren<QTabWidget*>())
                    for (int i = 0; i < tabs->count(); ++i)
                        if (tabs->tabText(i).remove(QLatin1Char('&')).startsWith(tab_name, Qt::CaseInsensitive))
                            tabs->setCurrentIndex(i);
            for (QAbstractButton* b : std::initializer_list<QAbstractButton*>{window.heatMapToggle(), window.errorLevelsToggle(),
                                                                              window.jpegGhostsChoice()})
                if (named(b)) b->setChecked(true);
            if (!heat_map && !ghosts) grab(); // those are computed in the background first
        };
        QObject::connect(&window, &clipflow::app::MainWindow::analysisFinished, &window, save);
        if (heat_map) QObject::connect(&window, &clipflow::app::MainWindow::heatMapReady, &window, grab);
        if (ghosts) QObject::connect(&window, &clipflow::app::MainWindow::jpegGhostsReady, &window, grab);
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
