// clipflow-forensics: the desktop app. Kept thin: everything lives in MainWindow.

#include "mainwindow.h"

#include <clipflow/version.h>

#include <QApplication>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ClipFlow Forensics"));
    QApplication::setOrganizationName(QStringLiteral("ClipFlow"));
    QApplication::setApplicationVersion(QString::fromLatin1(clipflow::version()));
    clipflow::app::MainWindow window;
    window.show();
    const QStringList args = QApplication::arguments();
    if (args.size() > 1) window.openFile(args.at(1));
    return app.exec();
}
