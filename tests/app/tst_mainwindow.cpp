// MainWindow offscreen: opening and dropping files runs a background
// analysis whose results (hash, spectra, profiles) reach the window.

#include "appsettings.h"
#include "cutjpeg.h"
#include "mainwindow.h"

#include "../core/c2pawriter.h"
#include "../core/deeptree.h"
#include "../core/modelcopy.h"
#include "slowimage.h"

#include "../../widgets/src/qcustomplotinclude.h"

#include <clipflow/widgets/imageview.h>
#include <clipflow/widgets/likelihoodhistogram.h>
#include <clipflow/widgets/spectrumview.h>

#include <QBuffer>
#include <QCheckBox>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QProgressDialog>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <clipflow/casefile.h>
#include <clipflow/workerprocess.h>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>

using clipflow::app::MainWindow;

namespace {

// Opens a folder and waits for its listing (off the GUI thread): its rows are there, its files queued.
void open_listed(MainWindow& w, const QString& folder)
{
    w.openFile(folder);
    QTRY_VERIFY_WITH_TIMEOUT(!w.isListing(), 30000);
}

QLabel* label_named(MainWindow& w, const QString& name)
{
    for (QLabel* l : w.findChildren<QLabel*>())
        if (l->accessibleName() == name) return l;
    return nullptr;
}

QString fixture(const char* name)
{
    return QStringLiteral(CLIPFLOW_TEST_DATA "/formats/") + QLatin1String(name);
}

// A noisy synthetic picture saved losslessly (its heat map has several tiles, its SHA-256 its own).
bool save_noise(const QString& path, int width, int height, quint32 seed)
{
    QImage img(width, height, QImage::Format_RGB32);
    QRandomGenerator rng(seed);
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) img.setPixel(x, y, qRgb(x % 256, y % 256, int(rng.bounded(256))));
    return img.save(path);
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings (recent files, models) stay out of the user's
        QCoreApplication::setOrganizationName(QStringLiteral("ClipFlowTest"));
        QSettings().clear();
    }

    // Notes and case properties survive save and open: the reopened case saves back identically.
    void notesAndPropertiesRoundTrip()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.png"));
        QVERIFY(QFile::copy(fixture("rgb.png"), a));
        const QString path = dir.filePath(QStringLiteral("c.cfcase")), again = dir.filePath(QStringLiteral("again.cfcase"));
        {
            MainWindow w;
            QSignalSpy spy(&w, &MainWindow::analysisFinished);
            w.openFile(a);
            QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 60000);
            QVERIFY(w.notesEditor()->isEnabled());
            w.notesEditor()->setPlainText(QStringLiteral("Received by e-mail on 3 May.\nAsked for the original."));
            w.setCaseProperties(QStringLiteral("Harbour fire"), QStringLiteral("C. Analyst"), QStringLiteral("Urgent."));
            QVERIFY(w.windowTitle().contains(QLatin1String("Harbour fire")));
            QVERIFY(w.saveCase(path));
        }
        auto saved = clipflow::CaseFile::load(path.toStdString());
        QVERIFY(saved.ok());
        QCOMPARE(saved->title, std::string("Harbour fire"));
        QCOMPARE(saved->analyst, std::string("C. Analyst"));
        QCOMPARE(saved->notes, std::string("Urgent."));
        QCOMPARE(saved->evidence.at(0).notes, std::string("Received by e-mail on 3 May.\nAsked for the original."));
        MainWindow w;
        QVERIFY(w.openCase(path));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy(), 60000);
        QTRY_VERIFY(w.notesEditor()->toPlainText().startsWith(QLatin1String("Received by e-mail")));
        QVERIFY(w.saveCase(again));
        auto back = clipflow::CaseFile::load(again.toStdString());
        QVERIFY(back.ok());
        QCOMPARE(back->title, saved->title);
        QCOMPARE(back->analyst, saved->analyst);
        QCOMPARE(back->notes, saved->notes);
        QVERIFY(back->evidence == saved->evidence);
        // The reopened case is listed among the recent ones.
        QVERIFY(clipflow::app::AppSettings::recentCases().contains(QFileInfo(path).absoluteFilePath()));
    }

    void exportReport_data()
    {
        QTest::addColumn<int>("page");
        QTest::addColumn<QString>("pageName");
        QTest::newRow("A4") << int(QPageSize::A4) << QStringLiteral("(A4)");
        QTest::newRow("Letter") << int(QPageSize::Letter) << QStringLiteral("(letter)");
    }
    void exportReport()
    {
        QFETCH(int, page);
        QFETCH(QString, pageName);
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) QSKIP("pdftotext is not installed");
        clipflow::app::AppSettings::setPageSize(QPageSize::PageSizeId(page));
        QTemporaryDir dir;
        QVERIFY(QFile::copy(fixture("rgb.png"), dir.filePath(QStringLiteral("a.png"))));
        QVERIFY(QFile::copy(fixture("exif6.jpg"), dir.filePath(QStringLiteral("b.jpg"))));
        MainWindow w;
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY(!w.exportReport(pdf)); // nothing analysed yet
        QSignalSpy spy(&w, &MainWindow::analysisFinished);
        open_listed(w, dir.path());
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, 60000);
        w.notesEditor()->setPlainText(QStringLiteral("checked the sky"));
        w.setCaseProperties(QStringLiteral("Storm"), QStringLiteral("D. Analyst"), QString());
        QVERIFY(w.exportReport(pdf));
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(60000));
        const QString t = QString::fromUtf8(text.readAllStandardOutput());
        for (const auto& e : w.currentCase().evidence) QVERIFY(t.contains(QString::fromStdString(e.sha256)));
        QVERIFY(t.contains(QLatin1String("checked the sky")));
        QVERIFY(t.contains(QLatin1String("D. Analyst")));
        QProcess info;
        info.start(QStringLiteral("pdfinfo"), {pdf});
        QVERIFY(info.waitForFinished(60000));
        QVERIFY(QString::fromUtf8(info.readAllStandardOutput()).contains(pageName));
        QCOMPARE(w.currentCase().audit.back().action, std::string("export report"));
    }

    void modelCardsAndRecentFiles()
    {
        MainWindow w;
        w.show();
        QSignalSpy spy(&w, &MainWindow::analysisFinished);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(fixture("grey.png"))});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 30000);
        QVERIFY(w.evidence()->rowCount() == 1);
        const QString cards = w.modelCardsHtml();
        QVERIFY(cards.contains(QLatin1String("cf-")));
        QVERIFY(cards.contains(QLatin1String("sv-")));
        QVERIFY(cards.contains(QLatin1String("False-positive rate")));
        QCOMPARE(clipflow::app::AppSettings::recentFiles().value(0), fixture("grey.png"));
        QVERIFY(w.recentFilesMenu()->isEnabled());
        QCOMPARE(w.recentFilesMenu()->actions().value(0)->toolTip(), fixture("grey.png"));
    }

    void openShowsResults_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("mentions");
        QTest::addColumn<bool>("isolated");        // read first by `clipflow-intake`
        QTest::addColumn<bool>("copy");            // a small JPEG: the shipped detector reads it against delivered photos
        QTest::addColumn<QString>("uncalibrated"); // HEIF, lossy WebP, palette: no calibration covers the storage
        for (bool isolated : {false, true}) {
            const char* how = isolated ? " (isolated reader)" : "";
            QTest::addRow("png%s", how) << fixture("rgb.png") << true << QStringLiteral("SHA-256") << isolated << false << "";
            QTest::addRow("small jpeg%s", how)
                << fixture("exif6.jpg") << true << QStringLiteral("JPEG") << isolated << true << "";
            QTest::addRow("heif%s", how) << fixture("rgb.heic") << true << QStringLiteral("HEIF") << isolated << false << "HEIF";
            QTest::addRow("lossy webp%s", how)
                << fixture("lossy_alpha.webp") << true << QStringLiteral("WebP (lossy)") << isolated << false << "lossy WebP";
            QTest::addRow("lossless webp%s", how)
                << fixture("rgba.webp") << true << QStringLiteral("WebP (lossless)") << isolated << false << "";
            QTest::addRow("gif%s", how) << fixture("palette.gif") << true << QStringLiteral("GIF") << isolated << false
                                        << "palette-colour";
            QTest::addRow("cmyk tiff%s", how)
                << fixture("cmyk.tif") << true << QStringLiteral("TIFF") << isolated << false << "CMYK";
            QTest::addRow("16-bit tiff%s", how)
                << fixture("grey16.tif") << true << QStringLiteral("16-bit") << isolated << false << "";
            QTest::addRow("truncated jpeg%s", how)
                << fixture("truncated_scan.jpg") << false << QStringLiteral("end-of-image") << isolated << false << "";
            QTest::addRow("bomb%s", how) << fixture("huge.png") << false << QStringLiteral("decompression bomb") << isolated
                                         << false << "";
        }
    }
    void openShowsResults()
    {
        QFETCH(QString, file);
        QFETCH(bool, ok);
        QFETCH(QString, mentions);
        QFETCH(bool, isolated);
        QFETCH(bool, copy);
        QFETCH(QString, uncalibrated);
        MainWindow w;
        w.setReaderProgram(isolated ? QStringLiteral(CLIPFLOW_BIN_DIR "/clipflow-intake")
                                    : QStringLiteral("/nonexistent/clipflow-intake"));
        w.show();
        QSignalSpy spy(&w, &MainWindow::analysisFinished);
        w.openFile(file);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 30000);
        QCOMPARE(spy.at(0).at(0).toString(), file);
        QCOMPARE(spy.at(0).at(1).toBool(), ok);
        QLabel* info = label_named(w, QStringLiteral("Evidence details"));
        QVERIFY(info);
        QVERIFY2(info->text().contains(mentions), qPrintable(info->text()));
        auto* spectra = w.findChild<clipflow::widgets::SpectrumView*>();
        QVERIFY(spectra);
        QCOMPARE(spectra->names().contains(QStringLiteral("residual")), ok);
        QCOMPARE(spectra->names().contains(QStringLiteral("periodicity")), ok);
        auto* image = w.findChild<clipflow::widgets::ImageView*>();
        QVERIFY(image);
        QCOMPARE(!image->image().isNull(), ok);
        // Both default detectors scored it; the histogram marks it.
        QLabel* results = label_named(w, QStringLiteral("Detector results"));
        QVERIFY(results);
        QCOMPARE(results->text().contains(QStringLiteral("CLIP-Flow")), ok);
        QCOMPARE(results->text().contains(QStringLiteral("p_ai")), ok);
        // The one verdict on top, and each detector's robustness checks (on by default).
        QCOMPARE(results->text().contains(QStringLiteral("Verdict:")), ok);
        QCOMPARE(results->text().count(QStringLiteral("Robustness")), ok ? 2 : 0);
        auto* histogram = w.findChild<clipflow::widgets::LikelihoodHistogram*>();
        QVERIFY(histogram);
        QCOMPARE(histogram->markerCount(), ok ? 1 : 0);
        // A delivered copy says so, and the plot shows the photos it was read against.
        QCOMPARE(results->text().contains(QStringLiteral("Read as a small JPEG copy")), copy);
        if (ok) QCOMPARE(histogram->plot()->plottable(0)->name().contains(QStringLiteral("as delivered")), copy);
        // A HEIF, lossy WebP or palette file says no calibration covers it, and no detector calls it AI
        // on its score alone.
        QCOMPARE(results->text().contains(QStringLiteral("Not calibrated for")), !uncalibrated.isEmpty());
        if (!uncalibrated.isEmpty()) {
            QVERIFY(results->text().contains(QStringLiteral("Not calibrated for %1 files").arg(uncalibrated)));
            for (const QString& flagged :
                 {QStringLiteral("weak evidence"), QStringLiteral("moderate evidence"), QStringLiteral("strong evidence")})
                QVERIFY2(!results->text().contains(flagged), qPrintable(results->text()));
        }
    }

    void folderFillsTheEvidenceTable_data()
    {
        QTest::addColumn<QString>("filterText");
        QTest::addColumn<int>("visible");
        QTest::newRow("no filter") << QString() << 3;
        QTest::newRow("by name") << QStringLiteral("grey") << 1;
        QTest::newRow("by verdict") << QStringLiteral("cannot analyse") << 1;
    }

    void folderFillsTheEvidenceTable()
    {
        QFETCH(QString, filterText);
        QFETCH(int, visible);
        QTemporaryDir dir;
        for (const char* f : {"rgb.png", "grey.jpg", "truncated.jpg"})
            QVERIFY(QFile::copy(fixture(f), dir.filePath(QString::fromLatin1(f))));
        MainWindow w;
        w.show();
        QSignalSpy spy(&w, &MainWindow::analysisFinished);
        // The batch's progress as each file finishes: count, time left, hidden at the end.
        QList<int> done;
        QList<bool> shown;
        QStringList left;
        connect(&w, &MainWindow::analysisFinished, &w, [&] {
            done << w.batchProgress()->value();
            shown << w.batchProgress()->isVisible();
            left << w.batchTimeLeft()->text();
        });
        open_listed(w, dir.path());
        QCOMPARE(w.evidence()->rowCount(), 3);
        QVERIFY(w.batchProgress()->isVisible());
        QCOMPARE(w.batchProgress()->maximum(), 3);
        QCOMPARE(w.batchProgress()->value(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 3, 60000);
        QVERIFY(!w.isBusy());
        QCOMPARE(shown, (QList<bool>{true, true, false}));
        QCOMPARE(done.mid(0, 2), (QList<int>{1, 2}));
        QVERIFY2(left.value(0).contains(QStringLiteral("left")) && left.value(0).contains(QStringLiteral("about")),
                 qPrintable(left.value(0)));
        int analysed = 0;
        for (int r = 0; r < 3; ++r) {
            const bool ok = !w.evidence()->file(r).endsWith(QStringLiteral("truncated.jpg"));
            const QString sha = w.evidence()->index(r, clipflow::app::EvidenceModel::Sha).data().toString();
            QCOMPARE(sha.size(), ok ? 12 : 0);
            analysed += ok && !w.evidence()->index(r, clipflow::app::EvidenceModel::Supervised).data().toString().isEmpty();
        }
        QCOMPARE(analysed, 2);
        // Opening the same folder again adds nothing and analyses nothing again.
        open_listed(w, dir.path());
        QCOMPARE(w.evidence()->rowCount(), 3);
        QVERIFY(!w.isBusy());

        w.filter()->setText(filterText);
        QCOMPARE(w.table()->model()->rowCount(), visible);

        // Selecting a row shows that file's details.
        w.filter()->clear();
        for (int r = 0; r < w.table()->model()->rowCount(); ++r) {
            const QModelIndex i = w.table()->model()->index(r, clipflow::app::EvidenceModel::Name);
            if (i.data().toString() != QStringLiteral("grey.jpg")) continue;
            w.table()->selectionModel()->setCurrentIndex(i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
        QVERIFY(label_named(w, QStringLiteral("Evidence details"))->text().contains(QStringLiteral("grey.jpg")));
    }

    // A folder is listed off the GUI thread: openFile returns at once (a large tree on a slow share
    // takes seconds, during which the window must paint), and the rows come when the listing is
    // done. A window closed during a listing waits for it and nothing runs on after it (a smoke
    // check: this tree lists in milliseconds; that the walk stops is tst_imagepaths::abortStopsTheWalk).
    void listsFoldersOffTheGuiThread()
    {
        QTemporaryDir dir;
        for (const char* f : {"rgb.png", "grey.jpg"}) QVERIFY(QFile::copy(fixture(f), dir.filePath(QString::fromLatin1(f))));
        {
            MainWindow w;
            w.openFile(dir.path());
            QCOMPARE(w.evidence()->rowCount(), 0); // the rows are added on the GUI thread once listed
            QVERIFY(w.isListing());
            QVERIFY(w.isBusy());
            QVERIFY2(w.statusBar()->currentMessage().startsWith(QStringLiteral("Listing ")),
                     qPrintable(w.statusBar()->currentMessage()));
            QTRY_COMPARE_WITH_TIMEOUT(w.evidence()->rowCount(), 2, 30000);
            QVERIFY(!w.isListing());
            QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy(), 60000);
            // A file is added at once: there is nothing to walk.
            w.openFile(fixture("rgb.webp"));
            QCOMPARE(w.evidence()->rowCount(), 3);
            QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy(), 60000);
        }
        for (int i = 0; i < 2000; ++i) QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("tree/%1/%2").arg(i % 40).arg(i))));
        auto* w = new MainWindow;
        w->openFile(dir.filePath(QStringLiteral("tree")));
        QVERIFY(w->isListing());
        QElapsedTimer timer;
        timer.start();
        delete w;
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QStringLiteral("closing took %1 ms").arg(timer.elapsed())));
    }

    // A dropped folder that gives no images says so, by name: a drop that does nothing looks broken.
    void folderWithoutImagesSaysSo_data()
    {
        QTest::addColumn<QStringList>("files"); // made in the folder
        QTest::newRow("empty") << QStringList();
        QTest::newRow("only other files") << QStringList{QStringLiteral("notes.txt"), QStringLiteral("sub/readme.md")};
    }
    void folderWithoutImagesSaysSo()
    {
        QFETCH(QStringList, files);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const QString& f : files) {
            QVERIFY(QDir().mkpath(QFileInfo(dir.filePath(f)).absolutePath()));
            QFile file(dir.filePath(f));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        MainWindow w;
        w.show();
        open_listed(w, dir.path());
        QCOMPARE(w.evidence()->rowCount(), 0);
        QVERIFY(!w.isBusy());
        const QString said = w.statusBar()->currentMessage();
        QVERIFY2(said.startsWith(QStringLiteral("No images in ") + QDir::toNativeSeparators(dir.path())), qPrintable(said));
        // A folder with an image in it says nothing of the kind.
        QVERIFY(QFile::copy(fixture("rgb.png"), dir.filePath(QStringLiteral("rgb.png"))));
        w.statusBar()->clearMessage();
        open_listed(w, dir.path());
        QCOMPARE(w.evidence()->rowCount(), 1);
        QVERIFY2(!w.statusBar()->currentMessage().contains(QStringLiteral("No images")),
                 qPrintable(w.statusBar()->currentMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy(), 60000);
    }

    // A folder inside the dropped one that cannot be read (here: past PATH_MAX; permissions, for a
    // user who is not root) leaves images out of the case: a warning says so and stays, while the
    // images beside it are analysed.
    void folderNotReadWholeWarns()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QFile::copy(fixture("rgb.png"), dir.filePath(QStringLiteral("rgb.png"))));
        MainWindow w;
        w.show();
        {
            const DeepTree deep(dir.path(), "deep.png");
            QVERIFY(deep.ok());
            open_listed(w, dir.path());
        }
        QCOMPARE(w.evidence()->rowCount(), 1);
        auto* box = w.findChild<QMessageBox*>(QStringLiteral("folderNotReadWhole"));
        QVERIFY(box);
        QVERIFY(box->isVisible());
        QVERIFY(!box->isModal()); // the analyses go on beside it
        QVERIFY2(box->informativeText().contains(QStringLiteral("could not be read whole")), qPrintable(box->informativeText()));
        QVERIFY2(box->informativeText().contains(QString::fromLocal8Bit(std::strerror(ENAMETOOLONG))),
                 qPrintable(box->informativeText()));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy(), 60000);
        QVERIFY(box->isVisible()); // still there once the status line has moved on
        box->close();
        // An empty folder is said in the status line only.
        QTemporaryDir empty;
        open_listed(w, empty.path());
        QVERIFY(!w.findChild<QMessageBox*>(QStringLiteral("folderNotReadWhole")) ||
                !w.findChild<QMessageBox*>(QStringLiteral("folderNotReadWhole"))->isVisible());
    }

    // The heat map: off until asked for, computed in the background, drawn over the image
    // with the image's aspect ratio; a file that changed since its analysis gets none.
    void heatMap_data()
    {
        QTest::addColumn<bool>("changeFile");
        QTest::newRow("as analysed") << false;
        QTest::newRow("changed on disk meanwhile") << true;
    }
    void heatMap()
    {
        QFETCH(bool, changeFile);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("noise.png"));
        QVERIFY(save_noise(file, 600, 400, 7));
        MainWindow w;
        QSignalSpy analysed(&w, &MainWindow::analysisFinished);
        QSignalSpy ready(&w, &MainWindow::heatMapReady);
        w.openFile(file);
        QTRY_COMPARE_WITH_TIMEOUT(analysed.count(), 1, 30000);
        QVERIFY(w.imageView()->overlay().isNull()); // nothing computed unasked
        QCOMPARE(ready.count(), 0);
        if (changeFile) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::Append));
            f.write("x");
        }
        w.heatMapToggle()->setChecked(true);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
        QCOMPARE(ready.first().at(1).toBool(), !changeFile);
        const std::string sha = w.currentCase().evidence.at(0).sha256;
        if (changeFile) {
            QVERIFY(w.imageView()->overlay().isNull());
            QVERIFY(!w.heatMap(sha));
            QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("changed")));
            return;
        }
        const QImage overlay = w.imageView()->overlay();
        QVERIFY(!overlay.isNull());
        QVERIFY(std::abs(overlay.width() * 400 / 600 - overlay.height()) <= 1); // the image's aspect ratio
        const clipflow::ScoreMap* map = w.heatMap(sha);
        QVERIFY(map);
        QCOMPARE(map->cols() * map->rows(), 4 * 3);
        QCOMPARE(map->image_width, 600);
        w.heatMapToggle()->setChecked(false);
        QVERIFY(w.imageView()->overlay().isNull());
        w.heatMapToggle()->setChecked(true); // from the cache: at once, no second computation
        QVERIFY(!w.imageView()->overlay().isNull());
        QCOMPARE(ready.count(), 1);
    }

    // Preferences › In the report: the export makes the heat maps and JPEG ghosts the analyst
    // did not open (the JPEG's only for ghosts), says why where one cannot be made, and writes
    // nothing when cancelled.
    void reportFiguresForEveryFile_data()
    {
        QTest::addColumn<bool>("maps");
        QTest::addColumn<bool>("ghosts");
        QTest::addColumn<bool>("changeFile"); // the PNG changes on disk after its analysis
        QTest::addColumn<int>("printedMaps");
        QTest::addColumn<int>("printedGhosts");
        QTest::addColumn<bool>("cut"); // also a JPEG cut 3 and 5 pixels past its grid, saved again at 100
        QTest::newRow("heat maps") << true << false << false << 2 << 0 << false;
        QTest::newRow("both (ghosts: the JPEG's), a file changed since") << true << true << true << 1 << 1 << false;
        // Nobody chose its grid: its ghosts are made where its blocks lie, (5, 3), and the case keeps that.
        QTest::newRow("ghosts, a JPEG cut past its grid") << false << true << false << 0 << 1 << true;
    }
    void reportFiguresForEveryFile()
    {
        QFETCH(bool, maps);
        QFETCH(bool, ghosts);
        QFETCH(bool, changeFile);
        QFETCH(int, printedMaps);
        QFETCH(int, printedGhosts);
        QFETCH(bool, cut);
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) QSKIP("pdftotext is not installed");
        clipflow::app::AppSettings::setReportHeatMaps(maps);
        clipflow::app::AppSettings::setReportGhosts(ghosts);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("a.png"));
        QVERIFY(QFile::copy(fixture("rgb.png"), png));
        QVERIFY(QFile::copy(fixture("exif6.jpg"), dir.filePath(QStringLiteral("b.jpg"))));
        if (cut) QVERIFY(write_jpeg_saved_twice(dir.filePath(QStringLiteral("c.jpg"))));
        MainWindow w;
        QSignalSpy analysed(&w, &MainWindow::analysisFinished);
        open_listed(w, dir.path());
        QTRY_COMPARE_WITH_TIMEOUT(analysed.count(), cut ? 3 : 2, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy(), 60000);
        if (changeFile) {
            QFile f(png);
            QVERIFY(f.open(QIODevice::Append));
            f.write("x");
        }
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY(w.exportReport(pdf));
        clipflow::app::AppSettings::setReportHeatMaps(false);
        clipflow::app::AppSettings::setReportGhosts(false);
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(60000));
        const QString t = QString::fromUtf8(text.readAllStandardOutput()).simplified();
        QCOMPARE(t.count(QLatin1String("Heat map: natural")), printedMaps);
        QCOMPARE(t.count(QLatin1String("JPEG ghosts (the")), printedGhosts);
        QCOMPARE(t.count(QLatin1String("5 column(s) and 3 row(s) past the image")), cut ? 1 : 0);
        int cut_kept = 0;
        for (const auto& e : w.currentCase().evidence)
            if (QFileInfo(QString::fromStdString(e.file)).fileName() == QLatin1String("c.jpg")) {
                QCOMPARE(clipflow::kept_jpeg_ghosts(e), std::optional(clipflow::KeptJpegGhosts{5, 3}));
                ++cut_kept;
            }
        QCOMPARE(cut_kept, cut ? 1 : 0);
        QCOMPARE(t.count(QLatin1String("No heat map: the file changed on disk")), changeFile ? 1 : 0);
        // What was made stays for the window, and the heat maps for the case.
        int kept = 0;
        for (const auto& e : w.currentCase().evidence) {
            QCOMPARE(bool(w.heatMap(e.sha256)), maps && !(changeFile && e.format == "PNG"));
            if (w.heatMap(e.sha256)) kept += bool(clipflow::kept_heat_map(e, w.heatMap(e.sha256)->model_id));
        }
        QCOMPARE(kept, printedMaps);
    }

    void reportFiguresCancelled()
    {
        clipflow::app::AppSettings::setReportHeatMaps(true);
        QTemporaryDir dir;
        QVERIFY(save_noise(dir.filePath(QStringLiteral("big.png")), 800, 600, 3)); // seconds of figures: time to cancel
        MainWindow w;
        QSignalSpy analysed(&w, &MainWindow::analysisFinished);
        open_listed(w, dir.path());
        QTRY_COMPARE_WITH_TIMEOUT(analysed.count(), 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy(), 60000);
        bool shown = false;
        QTimer::singleShot(300, &w, [&] {
            for (auto* d : w.findChildren<QProgressDialog*>())
                if (d->isVisible()) shown = true, d->cancel();
        });
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY(!w.exportReport(pdf));
        clipflow::app::AppSettings::setReportHeatMaps(false);
        QVERIFY(shown);
        QVERIFY(!QFileInfo::exists(pdf));
        QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("cancelled")));
        QVERIFY(w.exportReport(pdf)); // and nothing is left half done: the next export makes them
        QVERIFY(QFileInfo::exists(pdf));
    }

    // Other detectors chosen after a file was analysed: its heat map, asked for then, is made
    // once by the model now loaded (and kept with that model's name), never again and again.
    void heatMapAfterTheModelsChanged()
    {
        QTemporaryDir dir;
        const QString models = QStringLiteral(CLIPFLOW_BIN_DIR "/../share/clipflow/models/");
        const QString other = dir.filePath(QStringLiteral("other.safetensors"));
        write_model_copy((models + QStringLiteral("clipflow-default.safetensors")).toStdString(), other.toStdString(),
                         [](std::map<std::string, std::string>& md) {
                             auto meta = nlohmann::json::parse(md.at("clipflow.model"));
                             meta["model_id"] = "cf-another";
                             md["clipflow.model"] = meta.dump();
                         });
        QVERIFY(QFile::copy(models + QStringLiteral("forensic-v2.safetensors"),
                            dir.filePath(QStringLiteral("forensic-v2.safetensors"))));
        const QString file = dir.filePath(QStringLiteral("noise.png"));
        QVERIFY(save_noise(file, 400, 300, 5));
        MainWindow w;
        QSignalSpy analysed(&w, &MainWindow::analysisFinished);
        QSignalSpy ready(&w, &MainWindow::heatMapReady);
        w.openFile(file);
        QTRY_COMPARE_WITH_TIMEOUT(analysed.count(), 1, 30000);
        w.useModels(other, QString());
        w.heatMapToggle()->setChecked(true);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
        QTest::qWait(1500); // time for a second map, were one started
        QCOMPARE(ready.count(), 1);
        const std::string sha = w.currentCase().evidence.at(0).sha256;
        QVERIFY(w.heatMap(sha));
        QCOMPARE(w.heatMap(sha)->model_id, std::string("cf-another"));
        QVERIFY(clipflow::kept_heat_map(w.currentCase().evidence.at(0), "cf-another"));
        w.useModels(QString(), QString()); // the settings back to the shipped models
    }

    // A heat map made in the window is kept in the saved case: reopened, it is there without
    // being computed again (and in the report), unless another model or other bytes are analysed.
    void heatMapKeptInTheCase_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("reopened") << QString();
        QTest::newRow("kept by another model") << QStringLiteral("model");
        QTest::newRow("file changed since") << QStringLiteral("file");
    }
    void heatMapKeptInTheCase()
    {
        QFETCH(QString, change);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("noise.png"));
        QVERIFY(save_noise(file, 600, 400, 11));
        const QString path = dir.filePath(QStringLiteral("case.cfcase"));
        std::string sha, made;
        {
            MainWindow w;
            QSignalSpy analysed(&w, &MainWindow::analysisFinished);
            QSignalSpy ready(&w, &MainWindow::heatMapReady);
            w.openFile(file);
            QTRY_COMPARE_WITH_TIMEOUT(analysed.count(), 1, 30000);
            w.heatMapToggle()->setChecked(true);
            QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
            sha = w.currentCase().evidence.at(0).sha256;
            QVERIFY(w.heatMap(sha));
            made = w.heatMap(sha)->to_json();
            QVERIFY(w.saveCase(path));
        }
        auto saved = clipflow::CaseFile::load(path.toStdString());
        QVERIFY(saved.ok());
        const auto first = clipflow::ScoreMap::from_json(made);
        QVERIFY(first.ok());
        const auto kept = clipflow::kept_heat_map(saved->evidence.at(0), first->model_id);
        QVERIFY(kept);
        QCOMPARE(kept->to_json(), made);
        if (change == QStringLiteral("model")) {
            auto j = nlohmann::json::parse(saved->evidence[0].results_json);
            j["heat_map"]["model_id"] = "cf-another";
            saved->evidence[0].results_json = j.dump();
            QVERIFY(saved->save(path.toStdString()).ok());
        } else if (change == QStringLiteral("file")) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::Append));
            f.write("x");
        }

        MainWindow w;
        QSignalSpy analysed(&w, &MainWindow::analysisFinished);
        QSignalSpy ready(&w, &MainWindow::heatMapReady);
        QVERIFY(w.openCase(path));
        QTRY_COMPARE_WITH_TIMEOUT(analysed.count(), 1, 30000);
        const std::string now = w.currentCase().evidence.back().sha256;
        QCOMPARE(now == sha, change != QStringLiteral("file"));
        if (!change.isEmpty()) {
            QVERIFY(!w.heatMap(now)); // made again when asked, by the model loaded now
            QVERIFY(!clipflow::kept_heat_map(w.currentCase().evidence.back(), first->model_id));
            return;
        }
        const clipflow::ScoreMap* map = w.heatMap(sha);
        QVERIFY(map);
        QCOMPARE(map->to_json(), made);
        w.heatMapToggle()->setChecked(true); // at once: nothing computed
        QVERIFY(!w.imageView()->overlay().isNull());
        QCOMPARE(ready.count(), 0);
        QVERIFY(clipflow::kept_heat_map(w.currentCase().evidence.at(0), first->model_id)); // still kept after the analysis
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) return;
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY(w.exportReport(pdf));
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(60000));
        QCOMPARE(QString::fromUtf8(text.readAllStandardOutput()).count(QLatin1String("Heat map: natural")), 1);
    }

    // Error levels in place of the image (JPEGs only): the picture itself at full opacity,
    // one overlay at a time with the heat map (also once a heat map computed meanwhile
    // arrives), E switches it where no text field takes the key.
    void errorLevelsOverTheImage_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("jpeg");
        QTest::newRow("a JPEG") << "a.jpg" << true;
        QTest::newRow("a PNG") << "a.png" << false;
    }
    void errorLevelsOverTheImage()
    {
        QFETCH(QString, name);
        QFETCH(bool, jpeg);
        QTemporaryDir dir;
        QImage img(480, 360, QImage::Format_RGB32);
        QRandomGenerator rng(5);
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x) img.setPixel(x, y, qRgb((x * 3 + y) % 256, y % 256, int(rng.bounded(256))));
        const QString file = dir.filePath(name);
        QVERIFY(img.save(file, nullptr, 90));
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QSignalSpy analysed(&w, &MainWindow::analysisFinished);
        QSignalSpy ready(&w, &MainWindow::heatMapReady);
        w.openFile(file);
        QTRY_COMPARE_WITH_TIMEOUT(analysed.count(), 1, 30000);
        QCheckBox* errors = w.errorLevelsToggle();
        QCOMPARE(errors->isEnabled(), jpeg);
        if (!jpeg) {
            errors->setChecked(true); // as left ticked from an earlier JPEG
            QVERIFY(w.imageView()->overlay().isNull());
            return;
        }
        w.heatMapToggle()->setChecked(true); // starts the heat map in the background
        errors->setChecked(true);
        QVERIFY(!w.heatMapToggle()->isChecked());
        QVERIFY(!w.imageView()->overlay().isNull());
        QCOMPARE(w.imageView()->overlay(), w.elaView()->image());
        QCOMPARE(w.imageView()->overlay().size(), w.imageView()->image().size()); // on the image's own grid
        QCOMPARE(w.imageView()->overlayOpacity(), 1.0);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
        QCOMPARE(w.imageView()->overlay(), w.elaView()->image()); // the late heat map did not replace it
        // A text field keeps its E; elsewhere E switches back to the image.
        QTest::keyClick(w.filter(), Qt::Key_E);
        QCOMPARE(w.filter()->text(), QStringLiteral("e"));
        QVERIFY(errors->isChecked());
        w.filter()->clear();
        w.imageView()->setFocus();
        QTest::keyClick(w.imageView(), Qt::Key_E);
        QTRY_VERIFY(!errors->isChecked());
        QVERIFY(w.imageView()->overlay().isNull());
        w.heatMapToggle()->setChecked(true); // the heat map now, from the cache
        QVERIFY(!w.imageView()->overlay().isNull());
        QVERIFY(w.imageView()->overlay() != w.elaView()->image());
        QCOMPARE(w.imageView()->overlayOpacity(), 0.55);
    }

    // The JPEG tab's ghosts: computed when chosen, off the GUI thread, from the file read again;
    // the error levels over the main image stay the error levels; back to the error levels at
    // once; a file changed on disk meanwhile gets none, with the reason.
    // The JPEG tab's block grid row: a JPEG cut 3 and 5 pixels past its grid and saved again
    // more finely carries the first save's grid at (5,3), and its link makes the ghosts there;
    // a PNG whose pixels carry a JPEG's grid says so; one never saved as JPEG, nothing.
    void blockGrid_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("says");
        QTest::newRow("JPEG cropped, saved again at 100") << "cropped"
                                                          << "offset by (5, 3)";
        QTest::newRow("PNG of a JPEG") << "png of jpeg"
                                       << "saved as JPEG before";
        QTest::newRow("PNG never saved as JPEG") << "png"
                                                 << "none stands out";
    }
    void blockGrid()
    {
        QFETCH(QString, kind);
        QFETCH(QString, says);
        QTemporaryDir dir;
        const QImage scene = busy_scene();
        const QString first = dir.filePath(QStringLiteral("first.jpg"));
        QVERIFY(scene.save(first, "JPEG", 70));
        const QImage saved = QImage(first).convertToFormat(QImage::Format_RGB32);
        QString file =
            dir.filePath(kind == QLatin1String("cropped") ? QStringLiteral("cropped.jpg") : QStringLiteral("picture.png"));
        if (kind == QLatin1String("cropped"))
            QVERIFY(saved.copy(3, 5, 384, 256).save(file, "JPEG", 100));
        else
            QVERIFY((kind == QLatin1String("png") ? scene : saved).save(file, "PNG"));
        MainWindow w;
        QSignalSpy analysed(&w, &MainWindow::analysisFinished);
        QSignalSpy ready(&w, &MainWindow::jpegGhostsReady);
        w.openFile(file);
        QTRY_COMPARE_WITH_TIMEOUT(analysed.count(), 1, 30000);
        QVERIFY2(w.jpegView()->toPlainText().contains(says), qPrintable(w.jpegView()->toPlainText()));
        QCOMPARE(w.jpegView()->toHtml().contains(QStringLiteral("grid:5,3")), kind == QLatin1String("cropped"));
        if (kind != QLatin1String("cropped")) return;
        // The link: the grid boxes and the ghosts on that grid, made once.
        QVERIFY(!w.jpegGhostsChoice()->isChecked());
        Q_EMIT w.jpegView()->anchorClicked(QUrl(QStringLiteral("grid:5,3")));
        QVERIFY(w.jpegGhostsChoice()->isChecked());
        QCOMPARE(w.jpegGhostGridX()->value(), 5);
        QCOMPARE(w.jpegGhostGridY()->value(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
        QVERIFY(ready.first().at(1).toBool());
        auto* title = label_named(w, QStringLiteral("JPEG picture caption"));
        QVERIFY(title);
        QVERIFY2(title->text().contains(QStringLiteral("5 column(s) and 3 row(s)")), qPrintable(title->text()));
        QTest::qWait(300);
        QCOMPARE(ready.count(), 1);
    }

    void jpegGhosts_data()
    {
        QTest::addColumn<bool>("changeFile");
        QTest::newRow("as analysed") << false;
        QTest::newRow("changed on disk meanwhile") << true;
    }
    void jpegGhosts()
    {
        QFETCH(bool, changeFile);
        QTemporaryDir dir;
        QImage img(400, 300, QImage::Format_RGB32);
        QRandomGenerator rng(9);
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x) img.setPixel(x, y, qRgb((x + y) % 256, (2 * x) % 256, int(rng.bounded(256))));
        const QString file = dir.filePath(QStringLiteral("a.jpg"));
        QVERIFY(img.save(file, "JPEG", 85));
        MainWindow w;
        QSignalSpy analysed(&w, &MainWindow::analysisFinished);
        QSignalSpy ready(&w, &MainWindow::jpegGhostsReady);
        w.openFile(file);
        QTRY_COMPARE_WITH_TIMEOUT(analysed.count(), 1, 30000);
        QVERIFY(w.jpegGhostsChoice()->isVisibleTo(w.jpegPage()));
        const QImage ela = w.elaView()->image();
        QCOMPARE(ela.size(), QSize(400, 300));
        QCOMPARE(ready.count(), 0); // nothing computed unasked
        if (changeFile) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::Append));
            f.write("x");
        }
        w.errorLevelsToggle()->setChecked(true);
        w.jpegGhostsChoice()->setChecked(true);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
        QCOMPARE(ready.first().at(1).toBool(), !changeFile);
        QCOMPARE(w.imageView()->overlay(), ela); // the main view keeps the error levels
        auto* title = label_named(w, QStringLiteral("JPEG picture caption"));
        QVERIFY(title);
        // The report prints the ghosts the analyst made, and none where none could be made.
        auto reportHasGhosts = [&](QLatin1String caption = QLatin1String("JPEG ghosts (the")) {
            const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
            if (!w.exportReport(pdf)) return -1;
            QProcess text;
            text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
            if (!text.waitForFinished(60000)) return -1;
            return int(QString::fromUtf8(text.readAllStandardOutput()).simplified().contains(caption));
        };
        const bool pdftotext = !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty();
        if (changeFile) {
            QVERIFY(w.elaView()->image().isNull());
            QVERIFY2(title->text().contains(QStringLiteral("changed")), qPrintable(title->text()));
            if (pdftotext) QCOMPARE(reportHasGhosts(), 0);
            return;
        }
        if (pdftotext) QCOMPARE(reportHasGhosts(), 1);
        // Ten grey maps of the full image (under 512 px), one at a time on the slider, which
        // starts at the map with the most contrast; stepping keeps the zoom and place.
        QVERIFY2(title->text().contains(QStringLiteral("ghosts")), qPrintable(title->text()));
        QSlider* quality = w.jpegGhostQuality();
        QVERIFY(quality->isVisibleTo(w.jpegPage()));
        QCOMPARE(quality->minimum(), 0);
        QCOMPARE(quality->maximum(), 9);
        const QImage first = w.elaView()->image();
        QCOMPARE(first.size(), QSize(400, 300));
        QVERIFY(first.isGrayscale());
        auto spread = [](const QImage& m) {
            double sum = 0, squares = 0;
            for (int y = 0; y < m.height(); ++y)
                for (int x = 0; x < m.width(); ++x) {
                    const int v = qGray(m.pixel(x, y));
                    sum += v, squares += double(v) * v;
                }
            const double n = double(m.width()) * m.height();
            return squares / n - (sum / n) * (sum / n);
        };
        const int start = quality->value();
        for (int k = 0; k <= 9; ++k) {
            quality->setValue(k);
            const QString shown = QStringLiteral("JPEG %1").arg(50 + 5 * k);
            const auto labels = w.jpegPage()->findChildren<QLabel*>();
            QVERIFY(std::any_of(labels.begin(), labels.end(), [&](const QLabel* l) { return l->text() == shown; }));
            QVERIFY(spread(w.elaView()->image()) <= spread(first) + 1e-9);
        }
        quality->setValue(0);
        QVERIFY(w.elaView()->image() != first || start == 0);
        w.elaView()->setView(4.0, QPointF(100, 80));
        quality->setValue(1);
        QCOMPARE(w.elaView()->zoom(), 4.0);
        w.errorLevelsChoice()->setChecked(true); // back to the error levels, then the ghosts from the cache
        QCOMPARE(w.elaView()->image(), ela);
        QVERIFY(!quality->isVisibleTo(w.jpegPage()));
        w.jpegGhostsChoice()->setChecked(true);
        QCOMPARE(w.elaView()->image().size(), QSize(400, 300));
        QCOMPARE(quality->value(), 1); // where the analyst left it for this file
        QCOMPARE(ready.count(), 1);
        // On another block grid: made again (the quality where it was), other maps; back on the
        // image's grid, the first maps again.
        QSpinBox* gridX = w.jpegGhostGridX();
        QVERIFY(gridX->isVisibleTo(w.jpegPage()) && w.jpegGhostGridY()->isVisibleTo(w.jpegPage()));
        const QImage onImageGrid = w.elaView()->image();
        gridX->setValue(3);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 60000);
        QCOMPARE(quality->value(), 1);
        QCOMPARE(w.elaView()->image().size(), QSize(400, 300));
        QVERIFY(w.elaView()->image() != onImageGrid);
        QVERIFY2(title->text().contains(QStringLiteral("3 column(s) and 0 row(s) past the image")), qPrintable(title->text()));
        if (pdftotext) QCOMPARE(reportHasGhosts(QLatin1String("3 column(s) and 0 row(s) past the image")), 1); // as left
        QVERIFY((clipflow::kept_jpeg_ghosts(w.currentCase().evidence.at(0)) == clipflow::KeptJpegGhosts{3, 0}));
        {
            // Reopened another day: the case kept the grid (through the analysis that rewrites the
            // results), and the report makes the ghosts again on it, the preference off.
            const QString path = dir.filePath(QStringLiteral("case.cfcase"));
            QVERIFY(w.saveCase(path));
            MainWindow again;
            QSignalSpy reanalysed(&again, &MainWindow::analysisFinished);
            QVERIFY(again.openCase(path));
            QTRY_COMPARE_WITH_TIMEOUT(reanalysed.count(), 1, 30000);
            QVERIFY((clipflow::kept_jpeg_ghosts(again.currentCase().evidence.at(0)) == clipflow::KeptJpegGhosts{3, 0}));
            QCOMPARE(again.jpegGhostGridX()->value(), 3); // the file's grid, ready for its ghosts
            QCOMPARE(again.jpegGhostGridY()->value(), 0);
            if (pdftotext) {
                const QString pdf = dir.filePath(QStringLiteral("again.pdf"));
                QVERIFY(again.exportReport(pdf));
                QProcess text;
                text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
                QVERIFY(text.waitForFinished(60000));
                QVERIFY(QString::fromUtf8(text.readAllStandardOutput())
                            .simplified()
                            .contains(QLatin1String("3 column(s) and 0 row(s) past the image")));
            }
        }
        {
            // Each file keeps its grid: another JPEG shows the image's, and coming back shows this
            // file's ghosts on its grid again, nothing made anew.
            const QString other = dir.filePath(QStringLiteral("b.jpg"));
            QVERIFY(img.mirrored().save(other, "JPEG", 90));
            w.openFile(other);
            QTRY_COMPARE_WITH_TIMEOUT(analysed.count(), 2, 30000);
            auto show = [&](const QString& name) {
                QAbstractItemModel* m = w.table()->model();
                for (int r = 0; r < m->rowCount(); ++r) {
                    const QModelIndex i = m->index(r, clipflow::app::EvidenceModel::Name);
                    if (i.data().toString() == name)
                        w.table()->selectionModel()->setCurrentIndex(i, QItemSelectionModel::ClearAndSelect |
                                                                            QItemSelectionModel::Rows);
                }
            };
            show(QStringLiteral("b.jpg"));
            QCOMPARE(gridX->value(), 0);
            QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 3, 60000); // its ghosts, on its image's grid
            const int otherStart = quality->value();
            quality->setValue(otherStart == 0 ? 1 : 0);
            show(QStringLiteral("a.jpg"));
            QCOMPARE(gridX->value(), 3);
            QCOMPARE(quality->value(), 1); // where the analyst left it for this file
            QCOMPARE(ready.count(), 3);
            show(QStringLiteral("b.jpg"));
            QCOMPARE(quality->value(), otherStart == 0 ? 1 : 0); // and for that one
            show(QStringLiteral("a.jpg"));
            QVERIFY2(title->text().contains(QStringLiteral("3 column(s) and 0 row(s) past the image")),
                     qPrintable(title->text()));
        }
        gridX->setValue(0);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 4, 60000);
        QCOMPARE(w.elaView()->image(), onImageGrid);
        QVERIFY2(!title->text().contains(QStringLiteral("another 8")), qPrintable(title->text()));
        QVERIFY((clipflow::kept_jpeg_ghosts(w.currentCase().evidence.at(0)) == clipflow::KeptJpegGhosts{0, 0})); // the last made
        w.errorLevelsChoice()->setChecked(true);
        QVERIFY(!gridX->isVisibleTo(w.jpegPage()));
    }

    // The JPEG tab: tables and quality for a JPEG, a mark when it was saved twice, a plain word otherwise.
    void jpegTab_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("a JPEG saved once") << "once"
                                           << "JPEG"
                                           << "not indicated";
        QTest::newRow("saved twice") << "twice" << QStringLiteral("JPEG \u26a0") << "indicated";
        QTest::newRow("a PNG") << "png"
                               << "JPEG"
                               << "Not a JPEG file (PNG)";
    }
    void jpegTab()
    {
        QFETCH(QString, kind);
        QFETCH(QString, title);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        QImage img(480, 360, QImage::Format_RGB32);
        QRandomGenerator rng(3);
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x) {
                const int v = (x * 3 + y * 2) % 200 + int(rng.bounded(40));
                img.setPixel(x, y, qRgb(v, (v + 40) % 256, 255 - v));
            }
        QString file = dir.filePath(kind == QLatin1String("png") ? QStringLiteral("a.png") : QStringLiteral("a.jpg"));
        if (kind == QLatin1String("twice")) {
            const QString first = dir.filePath(QStringLiteral("first.jpg"));
            QVERIFY(img.save(first, "JPEG", 50));
            img = QImage(first);
        }
        QVERIFY(img.save(file, nullptr, kind == QLatin1String("png") ? -1 : 90));
        MainWindow w;
        QSignalSpy spy(&w, &MainWindow::analysisFinished);
        w.openFile(file);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 30000);
        auto* tabs = w.detailTabs();
        QCOMPARE(tabs->tabText(tabs->indexOf(w.jpegPage())), title);
        // The error level analysis image, for JPEGs only, with the image's aspect ratio.
        const bool jpeg = kind != QLatin1String("png");
        QCOMPARE(w.elaView()->isVisibleTo(w.jpegPage()), jpeg);
        QCOMPARE(!w.elaView()->image().isNull(), jpeg);
        if (jpeg) QVERIFY(std::abs(w.elaView()->image().width() * 360 / 480 - w.elaView()->image().height()) <= 1);
        QVERIFY2(w.jpegView()->toPlainText().contains(mentions), qPrintable(w.jpegView()->toPlainText()));
        if (kind != QLatin1String("png")) QVERIFY(w.jpegView()->toPlainText().contains(QStringLiteral("luminance 90")));
    }

    void metadataTab()
    {
        MainWindow w;
        QSignalSpy spy(&w, &MainWindow::analysisFinished);
        w.openFile(fixture("exif6.jpg"));
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 30000);
        QTableWidget* table = nullptr;
        for (QTableWidget* t : w.findChildren<QTableWidget*>())
            if (t->accessibleName() == QStringLiteral("Metadata")) table = t;
        QVERIFY(table);
        bool orientation = false;
        for (int r = 0; r < table->rowCount(); ++r)
            orientation |= table->item(r, 1)->text() == QStringLiteral("Exif.Image.Orientation") &&
                           table->item(r, 2)->text() == QStringLiteral("right, top");
        QVERIFY(orientation);
        auto* tabs = w.detailTabs();
        QVERIFY(tabs->tabText(tabs->indexOf(table)).startsWith(QStringLiteral("Metadata (")));
    }

    void provenanceTab_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("trust");
        QTest::addColumn<QString>("column");     // start of the evidence table's cell
        QTest::addColumn<QString>("tab");        // the tab's title
        QTest::addColumn<QString>("in_pane");    // text the Provenance tab must show
        QTest::addColumn<QString>("trust_json"); // what the case file records
        QTest::newRow("signed") << "signed" << false << QStringLiteral("C2PA \u2713 ClipFlow Test Lab")
                                << QStringLiteral("Provenance \u2713") << "not on your trust list"
                                << "untrusted";
        QTest::newRow("signed, signer trusted in Preferences")
            << "signed" << true << QStringLiteral("C2PA \u2713 ClipFlow Test Lab") << QStringLiteral("Provenance \u2713")
            << "chains to a trust anchor you added"
            << "trusted";
        QTest::newRow("a chunk added after signing")
            << "tampered" << false << QStringLiteral("C2PA \u2717 ClipFlow Test Lab (binding invalid)")
            << QStringLiteral("Provenance \u2717") << "changed after signing"
            << "untrusted";
        QTest::newRow("no credentials") << "plain" << false << QStringLiteral("\u2014") << QStringLiteral("Provenance")
                                        << "None in this file"
                                        << "";
    }

    // Content Credentials reach the table's column, the Provenance tab and the case file.
    void provenanceTab()
    {
        QFETCH(QString, kind);
        QFETCH(bool, trust);
        QFETCH(QString, column);
        QFETCH(QString, tab);
        QFETCH(QString, in_pane);
        QFETCH(QString, trust_json);
        QTemporaryDir dir;
        QImage img(64, 48, QImage::Format_RGB888);
        img.fill(QColor(90, 140, 200));
        QByteArray encoded;
        QBuffer buf(&encoded);
        buf.open(QIODevice::WriteOnly);
        img.save(&buf, "PNG");
        const auto signer = c2patest::Signer::make("ClipFlow Test Lab");
        c2patest::Bytes file(encoded.begin(), encoded.end());
        if (kind != QLatin1String("plain")) file = c2patest::sign_png(file, signer);
        if (kind == QLatin1String("tampered")) { // a comment added after signing: still decodes, no longer matches
            const auto text = c2patest::png_chunk("tEXt", c2patest::str(std::string("Comment") + '\0' + "edited"));
            file.insert(file.end() - 12, text.begin(), text.end());
        }
        const QString path = dir.filePath(QStringLiteral("credentials.png"));
        QVERIFY(c2patest::write_file(path.toStdString(), file));
        const QString pem = dir.filePath(QStringLiteral("anchors.pem"));
        QVERIFY(c2patest::write_file(pem.toStdString(), signer.cert_pem));
        clipflow::app::AppSettings::setTrustAnchors(trust ? pem : QString());

        MainWindow w;
        QSignalSpy spy(&w, &MainWindow::analysisFinished);
        w.openFile(path);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 30000);
        clipflow::app::AppSettings::setTrustAnchors(QString());
        QVERIFY(spy.front().at(1).toBool());
        const QString cell = w.evidence()->index(0, clipflow::app::EvidenceModel::Provenance).data().toString();
        QVERIFY2(cell.startsWith(column), qPrintable(cell));
        auto* tabs = w.detailTabs();
        QCOMPARE(tabs->tabText(tabs->indexOf(w.provenanceView())), tab);
        const QString pane = w.provenanceView()->toPlainText();
        QVERIFY2(pane.contains(in_pane), qPrintable(pane));
        const auto results = nlohmann::json::parse(w.currentCase().evidence.at(0).results_json);
        QVERIFY(results.contains("provenance"));
        const auto& c2pa = results["provenance"]["c2pa"];
        QCOMPARE(c2pa["present"].get<bool>(), kind != QLatin1String("plain"));
        if (!trust_json.isEmpty()) QCOMPARE(QString::fromStdString(c2pa["trust"].get<std::string>()), trust_json);
    }

    void caseSavesOpensAndVerifies_data()
    {
        QTest::addColumn<bool>("tamper");
        QTest::newRow("intact") << false;
        QTest::newRow("evidence changed") << true;
    }

    void caseSavesOpensAndVerifies()
    {
        QFETCH(bool, tamper);
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.png")), b = dir.filePath(QStringLiteral("b.jpg"));
        QVERIFY(QFile::copy(fixture("rgb.png"), a));
        QVERIFY(QFile::copy(fixture("grey.jpg"), b));
        const QString path = dir.filePath(QStringLiteral("case.cfcase"));
        {
            MainWindow w;
            QSignalSpy spy(&w, &MainWindow::analysisFinished);
            open_listed(w, dir.path());
            QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, 60000);
            QCOMPARE(w.currentCase().evidence.size(), std::size_t(2));
            QVERIFY(w.currentCase().evidence[0].results_json.find("p_value") != std::string::npos);
            QVERIFY(w.saveCase(path));
        }
        auto saved = clipflow::CaseFile::load(path.toStdString());
        QVERIFY(saved.ok());
        QCOMPARE(saved->evidence.size(), std::size_t(2));
        QCOMPARE(saved->audit.back().action, std::string("save case"));
        if (tamper) {
            QFile f(b);
            QVERIFY(f.open(QIODevice::Append));
            f.write("tampered");
        }
        MainWindow w;
        QSignalSpy verified(&w, &MainWindow::caseVerified);
        QVERIFY(w.openCase(path));
        QCOMPARE(w.evidence()->rowCount(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(verified.count(), 1, 30000);
        QCOMPARE(verified.at(0).at(0).toInt(), tamper ? 1 : 0);
        QCOMPARE(w.banner().contains(QStringLiteral("b.jpg")), tamper);
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy(), 60000);
        const auto& audit = w.currentCase().audit;
        QVERIFY(std::any_of(audit.begin(), audit.end(), [](const auto& e) { return e.action == "verify evidence"; }));
        // A changed file is re-analysed and recorded beside the original entry, never in its place.
        QCOMPARE(w.currentCase().evidence.size(), std::size_t(tamper ? 3 : 2));
        QVERIFY(!w.openCase(dir.filePath(QStringLiteral("missing.cfcase"))));
    }

    void cancelDropsTheQueue()
    {
        QTemporaryDir dir;
        for (int i = 0; i < 6; ++i) QVERIFY(QFile::copy(fixture("rgb.png"), dir.filePath(QStringLiteral("copy%1.png").arg(i))));
        MainWindow w;
        QSignalSpy spy(&w, &MainWindow::analysisFinished);
        open_listed(w, dir.path());
        w.cancelQueued();
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 30000);
        QVERIFY(!w.isBusy());
        int cancelled = 0;
        for (int r = 0; r < w.evidence()->rowCount(); ++r)
            cancelled += w.evidence()->state(r) == clipflow::app::EvidenceModel::State::Cancelled;
        QCOMPARE(cancelled, 5); // the first one had started and finished
        QCOMPARE(spy.count(), 1);
    }

    // Every file in the queue has a time limit: one that takes longer to read is
    // reported and skipped, and the queue goes on.
    void fileTimeLimit_data()
    {
        // The limit, as a multiple of a photo's first read by a fresh reader: that read is
        // 0.02 s in a Release build and 0.6 s under TSan; the 100-megapixel file takes
        // 40-150 times as long. (Without a limit the window reads in-process: openShowsResults.)
        QTest::addColumn<double>("factor");
        QTest::newRow("5x a photo's read") << 5.0;
        QTest::newRow("10x a photo's read") << 10.0;
    }
    void fileTimeLimit()
    {
        QFETCH(double, factor);
        QTemporaryDir dir;
        const QString slow = dir.filePath(QStringLiteral("a-slow.png"));
        QVERIFY(write_slow_png(slow));
        const QString quick = dir.filePath(QStringLiteral("b-quick.png"));
        QVERIFY(QFile::copy(fixture("rgb.png"), quick));
        clipflow::WorkerProcessParams probe_params;
        probe_params.argv = {CLIPFLOW_BIN_DIR "/clipflow-intake"};
        clipflow::WorkerProcess probe(probe_params);
        QVERIFY(probe.start());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(probe.request(clipflow::encode_intake_request(quick.toStdString(), {})));
        const double limit = std::max(0.1, factor * double(timer.elapsed()) / 1000.0);
        const QString mentions = QStringLiteral("longer than the limit of ");
        clipflow::app::AppSettings::setFileTimeLimit(limit);
        MainWindow w;
        w.setReaderProgram(QStringLiteral(CLIPFLOW_BIN_DIR "/clipflow-intake"));
        w.show();
        QSignalSpy spy(&w, &MainWindow::analysisFinished);
        w.openFile(slow);
        w.openFile(quick);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, 120000);
        clipflow::app::AppSettings::setFileTimeLimit(120);
        QCOMPARE(spy.at(0).at(0).toString(), slow);
        QVERIFY(!spy.at(0).at(1).toBool());
        QCOMPARE(spy.at(1).at(0).toString(), quick);
        const clipflow::app::Analysis* next = w.evidence()->analysis(w.evidence()->find(quick));
        QVERIFY2(spy.at(1).at(1).toBool(), next ? qPrintable(next->error) : "no analysis");
        const int row = w.evidence()->find(slow);
        QCOMPARE(w.evidence()->state(row), clipflow::app::EvidenceModel::State::Failed);
        const clipflow::app::Analysis* a = w.evidence()->analysis(row);
        QVERIFY(a);
        QVERIFY2(a->error.contains(mentions), qPrintable(a->error));
        QVERIFY(a->error.startsWith(QStringLiteral("reading the file took longer")));
    }

    // Closing the window while a file is being read stops the reader instead of
    // waiting out the file (100 megapixels: seconds to read, much longer to analyse).
    void closingStopsTheReader()
    {
        QTemporaryDir dir;
        const QString slow = dir.filePath(QStringLiteral("slow.png"));
        QVERIFY(write_slow_png(slow));
        clipflow::app::AppSettings::setFileTimeLimit(120);
        auto* w = new MainWindow;
        w->setReaderProgram(QStringLiteral(CLIPFLOW_BIN_DIR "/clipflow-intake"));
        w->openFile(slow);
        QVERIFY(w->isBusy());
        QTest::qWait(300);
        QElapsedTimer timer;
        timer.start();
        delete w;
        QVERIFY2(timer.elapsed() < 1500, qPrintable(QStringLiteral("closing took %1 ms").arg(timer.elapsed())));
    }

    // Every tab within reach: a button beside the tabs lists them all by name (in a narrow
    // column the last ones sit behind the scroll arrows) and picks the one chosen.
    void everyTabWithinReach_data()
    {
        QTest::addColumn<int>("pick");
        QTest::newRow("Notes") << 4;
        QTest::newRow("Models") << 5;
        QTest::newRow("Detectors") << 0;
    }
    void everyTabWithinReach()
    {
        QFETCH(int, pick);
        MainWindow w;
        QTabWidget* tabs = w.detailTabs();
        QCOMPARE(tabs->count(), 6);
        auto* button = qobject_cast<QToolButton*>(tabs->cornerWidget(Qt::TopRightCorner));
        QVERIFY(button && button->menu());
        tabs->setCurrentIndex(pick == 0 ? 1 : 0);
        Q_EMIT button->menu()->aboutToShow();
        const auto actions = button->menu()->actions();
        QCOMPARE(actions.size(), tabs->count());
        for (int i = 0; i < tabs->count(); ++i) {
            QCOMPARE(actions[i]->text(), tabs->tabText(i));
            QCOMPARE(actions[i]->isChecked(), i == tabs->currentIndex());
        }
        actions[pick]->trigger();
        QCOMPARE(tabs->currentIndex(), pick);
    }

    // The window opens no larger than the screen leaves room for (the offscreen screen is
    // smaller than the 1500 x 880 the window takes where there is room).
    void fitsTheScreen()
    {
        MainWindow w;
        QVERIFY(w.screen());
        const QSize room = w.screen()->availableGeometry().size();
        QVERIFY2(w.width() <= std::max(room.width(), w.minimumSizeHint().width()),
                 qPrintable(QStringLiteral("%1 wide on a screen of %2").arg(w.width()).arg(room.width())));
        QVERIFY(w.height() <= std::max(room.height(), w.minimumSizeHint().height()));
        if (room.width() < 1500) QVERIFY(w.width() < 1500);
    }

    void dropStartsAnalysis()
    {
        MainWindow w;
        w.show();
        QSignalSpy spy(&w, &MainWindow::analysisFinished);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(fixture("rgb.webp"))});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 30000);
        QCOMPARE(spy.at(0).at(0).toString(), fixture("rgb.webp"));
        QVERIFY(spy.at(0).at(1).toBool());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
