// clipflow-render-app: renders the user guide's screenshots of the desktop app
// from real runs (analysis, a case, the report, the model manager, a short
// training run, preferences), in light, dark and French. Called by
// scripts/render_doc_images.py under Xvfb; never used by the app itself.
//
//   clipflow-render-app OUTDIR EVIDENCE_DIR NATURAL_DIR SELECT_NAME [PROVENANCE_NAME]
//
// With PROVENANCE_NAME, that file is also shown with its Provenance tab open (app-provenance.png);
// the folder's JPEG file is shown with its JPEG tab open (app-jpeg.png), and again cut off
// its 8 x 8 grid and saved at 100 with the tab's block grid row (app-jpeg-grid.png); app-batch.png
// is the folder's batch after its first file.

#include "appsettings.h"
#include "casedialog.h"
#include "mainwindow.h"
#include "modelmanager.h"
#include "preferencesdialog.h"
#include "theme.h"
#include "trainingdialog.h"
#include "translations.h"

#include <clipflow/modelregistry.h>

#include <clipflow/widgets/imageview.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTimer>

#include <algorithm>
#include <iostream>

using namespace clipflow::app;

namespace {

// Runs the event loop until `done` holds (checked every 50 ms) or the time is up.
bool wait_for(const std::function<bool()>& done, int ms)
{
    QEventLoop loop;
    QTimer poll, limit;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done()) loop.quit();
    });
    QObject::connect(&limit, &QTimer::timeout, &loop, &QEventLoop::quit);
    poll.start(50);
    limit.start(ms);
    loop.exec();
    return done();
}

bool save(QWidget& w, const QString& dir, const char* name)
{
    wait_for([] { return false; }, 400); // let layouts and plots settle
    const bool ok = w.grab().save(dir + u'/' + QLatin1String(name));
    std::cout << (ok ? "wrote " : "FAILED ") << name << "\n";
    return ok;
}

// The window with every file of the folder analysed and `select` shown.
bool analysed_window(MainWindow& w, const QString& evidence, const QString& select)
{
    w.resize(1400, 860);
    w.show();
    w.openFile(evidence);
    if (!wait_for([&] { return !w.isBusy(); }, 120000)) return false;
    for (int r = 0; r < w.table()->model()->rowCount(); ++r) {
        const QModelIndex i = w.table()->model()->index(r, 0);
        if (w.evidence()->file(qobject_cast<QSortFilterProxyModel*>(w.table()->model())->mapToSource(i).row()).endsWith(select))
            w.table()->selectionModel()->setCurrentIndex(i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ClipFlowDocs"));
    if (argc != 5 && argc != 6) {
        std::cerr << "usage: clipflow-render-app OUTDIR EVIDENCE_DIR NATURAL_DIR SELECT_NAME [PROVENANCE_NAME]\n";
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]), evidence = QString::fromLocal8Bit(argv[2]),
                  natural = QString::fromLocal8Bit(argv[3]), select = QString::fromLocal8Bit(argv[4]);
    bool ok = true;
    Theme::apply(QStringLiteral("light"));
    {
        // A batch in progress: the status bar's bar and time left, after the first file.
        MainWindow b;
        b.resize(1400, 860);
        b.show();
        int finished = 0;
        QObject::connect(&b, &MainWindow::analysisFinished, &b, [&] { ++finished; });
        b.openFile(evidence);
        ok &= wait_for([&] { return finished >= 1; }, 120000);
        ok &= save(b, out, "app-batch.png");
        b.cancelQueued();
        wait_for([&] { return !b.isBusy(); }, 120000);
    }
    {
        MainWindow w;
        ok &= analysed_window(w, evidence, select);
        w.setCaseProperties(QStringLiteral("Flood photo, 12 May"), QStringLiteral("A. Analyst"),
                            QStringLiteral("Sent to the newsroom by a reader; original requested."));
        w.notesEditor()->setPlainText(QStringLiteral("Reader says: taken on a phone at 07:40."));
        ok &= save(w, out, "app-main-window.png");
        // The heat map over the selected image (computed in the background), then the report that prints it.
        w.heatMapToggle()->setChecked(true);
        ok &= wait_for([&] { return !w.imageView()->overlay().isNull(); }, 120000);
        ok &= save(w, out, "app-heat-map.png");
        ok &= w.exportReport(out + QStringLiteral("/report.pdf"));
        if (argc == 6) {
            MainWindow p;
            ok &= analysed_window(p, evidence, QString::fromLocal8Bit(argv[5]));
            p.detailTabs()->setCurrentWidget(p.provenanceView());
            ok &= save(p, out, "app-provenance.png");
        }
        {
            // The JPEG tab of the folder's JPEG.
            MainWindow jw;
            ok &= analysed_window(jw, evidence, QStringLiteral(".jpg"));
            jw.detailTabs()->setCurrentWidget(jw.jpegPage());
            ok &= save(jw, out, "app-jpeg.png");
        }
        {
            // That JPEG cut 3 and 5 pixels past its grid and saved again at 100: the tab's block
            // grid row at (5,3), with its link to the ghosts there (app-jpeg-grid.png).
            QDir(out).mkpath(QStringLiteral("grid"));
            const QFileInfo jpeg(QDir(evidence).entryInfoList({QStringLiteral("*.jpg")}).value(0));
            const QImage first(jpeg.filePath());
            const QString cropped = out + QStringLiteral("/grid/cropped-then-q100.jpg");
            ok &= !first.isNull() && first.copy(3, 5, first.width() - 3, first.height() - 5).save(cropped, "JPEG", 100);
            MainWindow gw;
            ok &= analysed_window(gw, out + QStringLiteral("/grid"), QStringLiteral(".jpg"));
            gw.detailTabs()->setCurrentWidget(gw.jpegPage());
            // The row's first line at the top of the view.
            QTextBrowser* text = gw.jpegView();
            text->find(QStringLiteral("offset by"));
            QTextCursor at = text->textCursor();
            at.clearSelection();
            text->setTextCursor(at);
            text->verticalScrollBar()->setValue(text->verticalScrollBar()->value() + text->cursorRect().top() - 4);
            ok &= save(gw, out, "app-jpeg-grid.png");
        }
        CaseDialog props(QStringLiteral("Flood photo, 12 May"), QStringLiteral("A. Analyst"),
                         QStringLiteral("Sent to the newsroom by a reader; original requested."));
        props.show();
        ok &= save(props, out, "app-case-properties.png");
        ModelManager models(QCoreApplication::applicationDirPath(),
                            QString::fromStdString(clipflow::ModelRegistry::default_dir()));
        models.resize(1100, 520);
        models.show();
        ok &= save(models, out, "app-model-manager.png");
        PreferencesDialog prefs;
        prefs.show();
        ok &= save(prefs, out, "app-preferences.png");
        TrainingDialog train;
        train.setOutputDir(out + QStringLiteral("/trained"));
        train.setCacheDir(QString());
        train.addFolder(natural);
        train.setEpochs(40);
        train.setModelName(QStringLiteral("newsroom-photos"));
        // On the shipped learned network, read twice as the shipped detector is.
        train.backboneChoice()->setCurrentIndex(
            std::max(0, train.backboneChoice()->findData(QStringLiteral("forensic-v2:"), Qt::UserRole, Qt::MatchStartsWith)));
        train.secondReading()->setChecked(true);
        train.boundChoice()->setCurrentIndex(2); // per kind, as the shipped detector reads
        train.resize(1150, 560);
        train.show();
        bool ready = false;
        QObject::connect(&train, &TrainingDialog::modelReady, [&] { ready = true; });
        train.startTraining();
        ok &= wait_for([&] { return ready; }, 300000);
        ok &= save(train, out, "app-training.png");
    }
    {
        // The backbone mode, trained further from the shipped weights.
        TrainingDialog backbone;
        backbone.setOutputDir(out + QStringLiteral("/trained"));
        backbone.addFolder(natural);
        backbone.setTrainBackbone(true);
        backbone.setModelName(QStringLiteral("newsroom-backbone"));
        backbone.startChoice()->setCurrentIndex(backbone.startChoice()->count() - 1);
        backbone.resize(1150, 560);
        backbone.show();
        ok &= save(backbone, out, "app-training-backbone.png");
    }
    Theme::apply(QStringLiteral("dark"));
    {
        MainWindow w;
        ok &= analysed_window(w, evidence, select);
        ok &= save(w, out, "app-main-window-dark.png");
    }
    Theme::apply(QStringLiteral("light"));
    Translations::install(app, QStringLiteral("fr"));
    {
        MainWindow w;
        ok &= analysed_window(w, evidence, select);
        ok &= save(w, out, "app-main-window-fr.png");
    }
    return ok ? 0 : 1;
}
