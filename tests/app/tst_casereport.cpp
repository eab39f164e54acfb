// The PDF case report: what an analyst signs must carry every hash, verdict,
// flag and caveat, on the page size asked for. Read back with pdftotext/pdfinfo.

#include "../core/pipereader.h"

#include <analysis.h>
#include <casereport.h>
#include <detectors.h>

#include <clipflow/widgets/likelihoodhistogram.h>

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

#include <algorithm>
#include <cmath>
#include <optional>
#include <sys/stat.h>
#include <sys/sysmacros.h>

using namespace clipflow;
using namespace clipflow::app;
using clipflow::widgets::LikelihoodHistogram;

namespace {

QString fixture(const char* name)
{
    return QStringLiteral(CLIPFLOW_TEST_DATA "/formats/") + QLatin1String(name);
}

// pdftotext/pdfinfo output, or a null string when the tool is missing.
QString poppler(const char* tool, const QStringList& args)
{
    if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty()) return {};
    QProcess p;
    p.start(QLatin1String(tool), args);
    if (!p.waitForFinished(60000)) return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString pdf_text(const QString& pdf)
{
    return poppler("pdftotext", {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
}

Detectors& shipped()
{
    static Detectors d(QStringLiteral(CLIPFLOW_BIN_DIR));
    return d;
}

} // namespace

class TestCaseReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed; ./run.sh installs it");
    }

    void reportCarriesHashesAndVerdicts_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<int>("page");
        QTest::addColumn<QString>("pageName");
        QTest::newRow("one png, A4") << QStringList{fixture("rgb.png")} << int(QPageSize::A4) << QStringLiteral("(A4)");
        QTest::newRow("three formats, Letter") << QStringList{fixture("rgb.jpg"), fixture("exif6.jpg"), fixture("grey.png")}
                                               << int(QPageSize::Letter) << QStringLiteral("(letter)");
    }
    void reportCarriesHashesAndVerdicts()
    {
        QFETCH(QStringList, files);
        QFETCH(int, page);
        QFETCH(QString, pageName);
        ReportParams params;
        params.title = QStringLiteral("Flood photo, 12 May");
        params.analyst = QStringLiteral("Ada Analyst");
        params.notes = QStringLiteral("Sender claims it was taken on a phone.");
        params.page = QPageSize::PageSizeId(page);
        CaseReport report(params, shipped().cards());
        QStringList hashes;
        for (const QString& f : files) {
            const Analysis a = analyse_file(f, &shipped());
            QVERIFY2(a.error.isEmpty(), qPrintable(a.error));
            QVERIFY(a.detectors.clipflow() && a.detectors.supervised());
            hashes << QString::fromStdString(a.info.sha256);
            report.add(a, QStringLiteral("note for %1").arg(f.section(u'/', -1)));
        }
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        const Status s = report.write(pdf);
        QVERIFY2(s.ok(), s.message().c_str());
        QVERIFY(QFile(pdf).open(QIODevice::ReadOnly));
        const QString text = pdf_text(pdf);
        for (const QString& h : hashes) QVERIFY2(text.contains(h), qPrintable(h));
        for (const QString& f : files) QVERIFY(text.contains(QStringLiteral("note for %1").arg(f.section(u'/', -1))));
        for (const char* must : {"Flood photo, 12 May", "Ada Analyst", "Sender claims", "Absence of detection is not",
                                 "proof of authenticity", "CLIP-Flow detector", "Supervised detector", "False-positive rate",
                                 "Method and limitations", "Signature", "probability alone"})
            QVERIFY2(text.contains(QLatin1String(must)), must);
        for (int i = 1; i <= files.size(); ++i) QVERIFY(text.contains(QStringLiteral("Evidence %1:").arg(i)));
        QVERIFY(!text.contains(QStringLiteral("Evidence %1:").arg(files.size() + 1)));
        // Every evidence section starts a page: summary + one or two per file + models/method (one or two).
        const QString info = poppler("pdfinfo", {pdf});
        QVERIFY2(info.contains(pageName), qPrintable(info));
        const int pages = info.section(QStringLiteral("Pages:"), 1).section(u'\n', 0, 0).trimmed().toInt();
        QVERIFY2(pages >= files.size() + 2 && pages <= 2 * files.size() + 3, qPrintable(info));
        QVERIFY(text.contains(QStringLiteral("Page 1 of %1").arg(pages)));
        QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(pages)));
    }

    // The heat map is printed beside the image only when the analyst made one, or the
    // analysis was asked for it (`clipflow report --heat-map`): then it is the map of the
    // pixels scored, tile for tile; without a CLIP-Flow model, the reason instead.
    void heatMapBesideTheImage_data()
    {
        QTest::addColumn<bool>("withMap");
        QTest::addColumn<bool>("byAnalysis");
        QTest::addColumn<bool>("clipflow"); // a CLIP-Flow detector loaded
        QTest::newRow("with a heat map") << true << false << true;
        QTest::newRow("without") << false << false << true;
        QTest::newRow("made by the analysis") << true << true << true;
        QTest::newRow("asked, no CLIP-Flow model") << false << true << false;
    }
    void heatMapBesideTheImage()
    {
        QFETCH(bool, withMap);
        QFETCH(bool, byAnalysis);
        QFETCH(bool, clipflow);
        Detectors supervised_only(QStringLiteral(CLIPFLOW_BIN_DIR));
        supervised_only.select(QStringLiteral("-"), QString());
        Detectors& detectors = clipflow ? shipped() : supervised_only;
        AnalyseOptions options;
        options.heat_map = byAnalysis;
        const Analysis a = analyse_file(fixture("exif6.jpg"), &detectors, options);
        QVERIFY2(a.error.isEmpty(), qPrintable(a.error));
        QCOMPARE(a.heat_map.has_value(), byAnalysis && clipflow);
        QCOMPARE(a.heat_map_error.isEmpty(), !(byAnalysis && !clipflow));
        std::optional<ScoreMap> map;
        if (withMap) {
            auto ev = load_evidence(fixture("exif6.jpg").toStdString());
            QVERIFY(ev.ok());
            auto m = shipped().scoreMap(ev->pixels);
            QVERIFY2(m.ok(), m.status().message().c_str());
            map = std::move(*m);
        }
        if (byAnalysis && clipflow) QCOMPARE(a.heat_map->log_likelihood, map->log_likelihood); // the same pixels
        CaseReport report({}, shipped().cards());
        report.add(a, {}, map && !byAnalysis ? &*map : nullptr);
        const auto doc = report.document();
        const QString text = doc->toPlainText();
        QCOMPARE(text.contains(QStringLiteral("Heat map: natural")), withMap);
        QCOMPARE(text.contains(QStringLiteral("No heat map: no CLIP-Flow detector is loaded")), byAnalysis && !clipflow);
        QVERIFY(text.contains(QStringLiteral("JPEG structure"))); // exif6.jpg is a JPEG: its tables are reported
        if (clipflow) // the percentile with its unit, as the window's pane and plot say it
            QVERIFY2(text.contains(LikelihoodHistogram::percentileText(a.detectors.clipflow()->calibrated.percentile) +
                                   QStringLiteral(" among natural photos")),
                     qPrintable(text.left(2000)));
        QVERIFY(text.contains(QStringLiteral("Double compression")));
        QVERIFY(text.contains(QStringLiteral("Error level analysis")));
        const QVariant ela = doc->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("report://0/ela")));
        QVERIFY(ela.isValid() && !ela.value<QImage>().isNull());
        const QVariant img = doc->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("report://0/heatmap")));
        QCOMPARE(img.isValid() && !img.value<QImage>().isNull(), withMap);
        if (withMap) QVERIFY(text.contains(QStringLiteral("(%1 \u00d7 %2 tiles").arg(map->cols()).arg(map->rows())));
    }

    // JPEG ghosts are printed where they were made: by the analysis when asked (JPEG files
    // only), or handed over by the window; a reason is printed where they could not be. The
    // caption names the grid they were re-saved on where it is not the image's.
    void jpegGhostsWhereMade_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("analysed");    // analyse_file(..., jpeg_ghosts = true)
        QTest::addColumn<QPoint>("grid");      // the analysis's ghost grid
        QTest::addColumn<bool>("handed");      // the window's own sheet given to add()
        QTest::addColumn<QPoint>("handedOn");  // the grid the window says it made that sheet on
        QTest::addColumn<QString>("failure");  // ghosts_error, as an analysis would set it
        QTest::addColumn<int>("printed");      // 0: none; 1: the analysis's sheet; 2: the handed one
        QTest::addColumn<QPoint>("captioned"); // the grid the caption names (null: the image's)
        const QPoint image;
        QTest::newRow("JPEG, not asked") << "exif6.jpg" << false << image << false << image << QString() << 0 << image;
        QTest::newRow("JPEG, made by the analysis") << "exif6.jpg" << true << image << false << image << QString() << 1 << image;
        QTest::newRow("JPEG, made in the window") << "exif6.jpg" << false << image << true << image << QString() << 2 << image;
        QTest::newRow("the window's sheet first") << "exif6.jpg" << true << image << true << image << QString() << 2 << image;
        QTest::newRow("PNG, asked: none") << "rgb.png" << true << image << false << image << QString() << 0 << image;
        QTest::newRow("could not be made") << "exif6.jpg" << false << image << false << image << "out of memory" << 0 << image;
        QTest::newRow("the analysis's, on another grid")
            << "exif6.jpg" << true << QPoint(3, 5) << false << image << QString() << 1 << QPoint(3, 5);
        QTest::newRow("the window's, on another grid")
            << "exif6.jpg" << false << image << true << QPoint(2, 0) << QString() << 2 << QPoint(2, 0);
        QTest::newRow("the window's grid, not the analysis's")
            << "exif6.jpg" << true << QPoint(3, 5) << true << image << QString() << 2 << image;
    }
    void jpegGhostsWhereMade()
    {
        QFETCH(QString, file);
        QFETCH(bool, analysed);
        QFETCH(QPoint, grid);
        QFETCH(bool, handed);
        QFETCH(QPoint, handedOn);
        QFETCH(QString, failure);
        QFETCH(int, printed);
        QFETCH(QPoint, captioned);
        AnalyseOptions options;
        options.jpeg_ghosts = analysed;
        options.ghost_params.grid_x = grid.x();
        options.ghost_params.grid_y = grid.y();
        Analysis a = analyse_file(fixture(file.toUtf8().constData()), nullptr, options);
        QVERIFY2(a.error.isEmpty(), qPrintable(a.error));
        QVERIFY(a.ghosts_error.isEmpty());
        QCOMPARE(!a.ghosts.isNull(), analysed && file.endsWith(QStringLiteral(".jpg")));
        if (!a.ghosts.isNull()) { // ten maps of the image's shape, five a row, labelled above
            const int w = int(std::lround(a.info.width * std::min(1.0, 512.0 / std::max(a.info.width, a.info.height))));
            QCOMPARE(a.ghosts.width(), 5 * (w + 8) + 8);
            QCOMPARE(a.ghosts_grid, grid);
        }
        a.ghosts_error = failure;
        QImage sheet;
        if (handed) {
            sheet = QImage(120, 40, QImage::Format_Grayscale8);
            sheet.fill(77);
        }
        CaseReport report({}, {});
        report.add(a, {}, nullptr, sheet, handedOn);
        const auto doc = report.document();
        const QString text = doc->toPlainText();
        const QString offGrid = QStringLiteral("JPEG ghosts on another 8 \u00d7 8 grid, %1 column(s) and %2 row(s) past");
        QCOMPARE(text.contains(QStringLiteral("JPEG ghosts (the image re-saved")), printed > 0 && captioned.isNull());
        QCOMPARE(text.contains(offGrid.arg(captioned.x()).arg(captioned.y())), printed > 0 && !captioned.isNull());
        QCOMPARE(text.contains(QStringLiteral("No JPEG ghosts: out of memory")), !failure.isEmpty());
        const QImage img = doc->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("report://0/ghosts"))).value<QImage>();
        QCOMPARE(!img.isNull(), printed > 0);
        if (printed == 1) QCOMPARE(img, a.ghosts);
        if (printed == 2) QCOMPARE(img, sheet);
    }

    void flagsDisagreementMismatchAndFailure_data()
    {
        QTest::addColumn<QString>("case_");
        QTest::addColumn<QString>("expected");
        QTest::newRow("detectors disagree") << QStringLiteral("disagree") << QStringLiteral("The detectors disagree");
        QTest::newRow("file changed since the case")
            << QStringLiteral("mismatch") << QStringLiteral("differ from the case record");
        QTest::newRow("unreadable file") << QStringLiteral("corrupt") << QStringLiteral("failed:");
        QTest::newRow("agreeing detectors") << QStringLiteral("agree") << QStringLiteral("consistent with");
    }
    void flagsDisagreementMismatchAndFailure()
    {
        QFETCH(QString, case_);
        QFETCH(QString, expected);
        ReportParams params;
        Analysis a = analyse_file(case_ == QLatin1String("corrupt") ? fixture("corrupt.png") : fixture("rgb.png"), nullptr);
        if (case_ == QLatin1String("disagree") || case_ == QLatin1String("agree")) {
            ClipFlowScore cf;
            cf.calibrated.verdict_code = "natural";
            cf.calibrated.verdict = "consistent with natural images";
            cf.calibrated.p_value = 0.4;
            SupervisedScore sv;
            sv.p_ai = case_ == QLatin1String("disagree") ? 0.97 : 0.1;
            sv.verdict_code = case_ == QLatin1String("disagree") ? "strong" : "natural";
            sv.verdict = case_ == QLatin1String("disagree") ? "strong evidence of AI generation" : "consistent with real photos";
            DetectorScore c;
            c.kind = DetectorKind::ClipFlow;
            c.level = c.verdict = Verdict::Natural;
            c.clipflow = cf;
            DetectorScore s;
            s.kind = DetectorKind::Supervised;
            s.level = s.verdict = case_ == QLatin1String("disagree") ? Verdict::Strong : Verdict::Natural;
            s.supervised = sv;
            a.detectors.scores.scores = {c, s};
        }
        if (case_ == QLatin1String("mismatch"))
            params.integrity.push_back(
                {"/evidence/photo.jpg", std::string(64, 'a'), std::string(64, 'b'), false, "SHA-256 differs"});
        CaseReport report(params, {});
        report.add(a);
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("r.pdf"));
        QVERIFY(report.write(pdf).ok());
        const QString text = pdf_text(pdf);
        QVERIFY2(text.contains(expected), qPrintable(text.left(2000)));
        if (case_ == QLatin1String("agree")) QVERIFY(!text.contains(QLatin1String("disagree")));
        // The one verdict above the detectors, with its reason in the interface's words.
        if (case_ == QLatin1String("disagree"))
            QVERIFY2(text.contains(QLatin1String("Verdict: inconclusive (the detectors disagree)")), qPrintable(text.left(3000)));
        if (case_ == QLatin1String("agree")) QVERIFY(text.contains(QLatin1String("Verdict: consistent with natural images")));
    }

    // A file named as another format gets a row saying so; a fitting name gets none.
    void namesAnotherFormat_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("said");
        QTest::newRow("PNG named .jpg") << QStringLiteral("renamed.jpg") << true;
        QTest::newRow("PNG named .png") << QStringLiteral("plain.png") << false;
    }
    void namesAnotherFormat()
    {
        QFETCH(QString, name);
        QFETCH(bool, said);
        QTemporaryDir dir;
        const QString file = dir.filePath(name);
        QVERIFY(QFile::copy(fixture("rgb.png"), file));
        CaseReport report({}, {});
        report.add(analyse_file(file, nullptr));
        const QString text = report.document()->toPlainText();
        QCOMPARE(text.contains(QLatin1String("Name and format")), said);
        QCOMPARE(text.contains(QLatin1String("The name ends in .jpg (a JPEG file's ending), but the file is PNG")), said);
    }

    // A figure that would run across a page break starts on the next page, caption and all;
    // one that fits and one taller than a page stay where they are.
    void keepsFiguresWhole_data()
    {
        QTest::addColumn<QString>("where");
        QTest::addColumn<int>("height"); // of the picture, pixels; the page is 300 high
        QTest::addColumn<bool>("moves");
        QTest::newRow("across a break") << "across" << 120 << true;
        QTest::newRow("within a page") << "within" << 120 << false;
        QTest::newRow("taller than a page") << "across" << 420 << false;
    }
    void keepsFiguresWhole()
    {
        QFETCH(QString, where);
        QFETCH(int, height);
        QFETCH(bool, moves);
        const double page = 300;
        // Lines of text before the figure, as many as put its top where the row wants it.
        auto make = [&](int lines) {
            auto doc = std::make_unique<QTextDocument>();
            doc->setPageSize(QSizeF(400, page));
            QImage picture(100, height, QImage::Format_RGB32);
            picture.fill(Qt::gray);
            doc->addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("report://fig")), picture);
            QString html;
            for (int i = 0; i < lines; ++i) html += QStringLiteral("<p>line %1</p>").arg(i);
            const QString figure =
                QStringLiteral("<img src='report://fig' height='%1'><br><small>its caption</small>").arg(height);
            html += QStringLiteral("<p align='center'>%1</p>").arg(figure);
            html += QStringLiteral("<p>after</p>");
            doc->setHtml(html);
            return doc;
        };
        auto figure_rect = [](QTextDocument& doc) {
            doc.documentLayout()->documentSize();
            for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
                for (auto it = b.begin(); !it.atEnd(); ++it)
                    if (it.fragment().charFormat().isImageFormat()) return doc.documentLayout()->blockBoundingRect(b);
            return QRectF();
        };
        auto across = [page](const QRectF& r) { return std::floor(r.top() / page) != std::floor((r.bottom() - 1) / page); };
        int lines = 0;
        for (; lines < 200; ++lines) {
            auto doc = make(lines);
            const QRectF r = figure_rect(*doc);
            if (where == QLatin1String("within") ? r.top() > 5 && !across(r) : across(r) && r.top() < page) break;
        }
        QVERIFY(lines < 200);
        auto doc = make(lines);
        const QRectF before = figure_rect(*doc);
        const QString text = doc->toPlainText();
        CaseReport::keepFiguresWhole(*doc);
        const QRectF after = figure_rect(*doc);
        QCOMPARE(doc->toPlainText(), text); // nothing lost
        if (moves) {
            QVERIFY2(after.top() >= page && !across(after),
                     qPrintable(QStringLiteral("%1 %2").arg(after.top()).arg(after.bottom())));
            QCOMPARE(doc->pageCount(), 2);
        } else {
            QCOMPARE(after.top(), before.top());
        }
    }

    // Every figure of a long document, the last ones too (Qt lays out lazily: measured before its
    // layout reached them, they read 0 high and were left across breaks, or drawn nowhere).
    void keepsEveryFigureWhole()
    {
        const double page = 300;
        QTextDocument doc;
        doc.setPageSize(QSizeF(400, page));
        QString html;
        for (int i = 0; i < 24; ++i) {
            QImage picture(100, 90 + 7 * i, QImage::Format_RGB32);
            picture.fill(Qt::gray);
            const QString url = QStringLiteral("report://fig%1").arg(i);
            doc.addResource(QTextDocument::ImageResource, QUrl(url), picture);
            html += QStringLiteral("<p>text %1</p><p align='center'><img src='%2' height='%3'><br><small>caption %1</small></p>")
                        .arg(i)
                        .arg(url)
                        .arg(picture.height());
        }
        doc.setHtml(html);
        CaseReport::keepFiguresWhole(doc);
        doc.documentLayout()->documentSize();
        int figures = 0;
        for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
            bool figure = false;
            for (auto it = b.begin(); !it.atEnd(); ++it) figure |= it.fragment().charFormat().isImageFormat();
            if (!figure) continue;
            ++figures;
            const QRectF r = doc.documentLayout()->blockBoundingRect(b);
            QVERIFY2(r.height() > 90, qPrintable(QString::number(r.height())));
            QVERIFY2(std::floor(r.top() / page) == std::floor((r.bottom() - 1) / page),
                     qPrintable(QStringLiteral("figure %1 at %2..%3").arg(figures).arg(r.top()).arg(r.bottom())));
        }
        QCOMPARE(figures, 24);
    }

    // A generator name is read as a resemblance, never as the maker.
    void namesWhatTheGeneratorResembles_data()
    {
        QTest::addColumn<QString>("generator");
        QTest::addColumn<QString>("expected");
        QTest::newRow("a known generator") << QStringLiteral("glid-3-xl") << QStringLiteral("resembles glid-3-xl");
        QTest::newRow("none fits") << QStringLiteral("unknown") << QStringLiteral("no known generator");
    }
    void namesWhatTheGeneratorResembles()
    {
        QFETCH(QString, generator);
        QFETCH(QString, expected);
        Analysis a = analyse_file(fixture("rgb.png"), nullptr);
        SupervisedScore sv;
        sv.p_ai = 0.99;
        sv.verdict_code = "strong";
        sv.verdict = "strong evidence of AI generation";
        sv.generator = generator.toStdString();
        DetectorScore s;
        s.kind = DetectorKind::Supervised;
        s.level = s.verdict = Verdict::Strong;
        s.supervised = sv;
        a.detectors.scores.scores = {s};
        CaseReport report(ReportParams{}, {});
        report.add(a);
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("r.pdf"));
        QVERIFY(report.write(pdf).ok());
        const QString text = pdf_text(pdf).simplified();
        QVERIFY2(text.contains(expected), qPrintable(text.left(3000)));
        QVERIFY(!text.contains(QStringLiteral("generator ") + generator));
    }

    void unwritablePathIsAnError_data()
    {
        QTest::addColumn<QString>("target");
        QTest::newRow("missing folder") << QStringLiteral("no/such/folder/r.pdf");
        QTest::newRow("a folder in the way") << QStringLiteral("taken");
    }
    void unwritablePathIsAnError()
    {
        QFETCH(QString, target);
        CaseReport report({}, {});
        report.add(analyse_file(fixture("rgb.png"), nullptr));
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("taken")));
        const Status s = report.write(dir.filePath(target));
        QVERIFY(!s.ok());
        QVERIFY2(s.message().find("cannot write") != std::string::npos, s.message().c_str());
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("taken"))).isDir());
    }

    // `--out /dev/stdout` and the like: the PDF is written into a pipe or device, which stays what it
    // was (replacing the node with a file would, as root, break it for every process); a full
    // device is an error, not a report silently lost.
    void writesIntoStreams_data()
    {
        QTest::addColumn<bool>("pipe");
        QTest::newRow("pipe") << true;
        QTest::newRow("full device") << false;
    }
    void writesIntoStreams()
    {
        QFETCH(bool, pipe);
        CaseReport report({}, {});
        report.add(analyse_file(fixture("rgb.png"), nullptr));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.pdf"));
        const QByteArray local = path.toLocal8Bit();
        if (pipe) {
            PipeReader reader(path);
            QVERIFY(reader.ok());
            const Status s = report.write(path);
            const QByteArray received = reader.take();
            QVERIFY2(s.ok(), s.message().c_str());
            QVERIFY(received.startsWith("%PDF-"));
            QVERIFY(received.trimmed().endsWith("%%EOF"));
        } else {
            if (::mknod(local.constData(), S_IFCHR | 0600, makedev(1, 7)) != 0) // /dev/full's numbers
                QSKIP("making a device node needs root here");
            const Status s = report.write(path);
            QVERIFY(!s.ok());
            QVERIFY2(s.message().find("cannot write") != std::string::npos, s.message().c_str());
        }
        struct stat st {};
        QCOMPARE(::lstat(local.constData(), &st), 0);
        QVERIFY(pipe ? S_ISFIFO(st.st_mode) : S_ISCHR(st.st_mode));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System).size(), 1); // no temporary left
    }
};

QTEST_MAIN(TestCaseReport)
#include "tst_casereport.moc"
