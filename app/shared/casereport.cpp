#include "casereport.h"

#include "jpeghtml.h"
#include "modelcard.h"
#include "provenancehtml.h"
#include "reportfigures.h"
#include "verdicthtml.h"
#include "wording.h"

#include <clipflow/atomicfile.h>
#include <clipflow/evidence.h>
#include <clipflow/version.h>
#include <clipflow/widgets/likelihoodhistogram.h>

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QUrl>

#include <cmath>
#include <map>

namespace clipflow::app {
namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString esc(const std::string& s)
{
    return QString::fromStdString(s).toHtmlEscaped();
}

QString row(const QString& key, const QString& value)
{
    return QStringLiteral("<tr><td width='20%' style='color:#444'>%1</td><td>%2</td></tr>").arg(key, value);
}

QString when(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QStringLiteral("\u2014");
}

// The metadata an analyst looks at first; everything else is counted.
QString metadata_summary(const Analysis& a)
{
    if (!a.metadata_error.isEmpty()) return QStringLiteral("<i>%1</i>").arg(esc(a.metadata_error));
    static const std::vector<std::pair<const char*, const char*>> keys{
        {"Exif.Image.Make", "Make"},
        {"Exif.Image.Model", "Model"},
        {"Exif.Photo.LensModel", "Lens"},
        {"Exif.Photo.DateTimeOriginal", "Taken"},
        {"Exif.Image.DateTime", "Modified (EXIF)"},
        {"Exif.Image.Software", "Software"},
        {"Xmp.xmp.CreatorTool", "Creator tool"},
        {"Exif.Image.Artist", "Artist"},
        {"Iptc.Application2.Byline", "By-line"},
        {"Exif.Image.Copyright", "Copyright"},
        {"Iptc.Application2.Credit", "Credit"},
    };
    QStringList lines;
    std::map<std::string, int> families;
    bool gps = false;
    for (const auto& m : a.metadata) {
        ++families[m.family];
        gps = gps || m.key.rfind("Exif.GPSInfo.", 0) == 0;
    }
    for (const auto& [key, label] : keys)
        for (const auto& m : a.metadata)
            if (m.key == key) {
                lines << QStringLiteral("%1: %2").arg(QLatin1String(label), esc(m.value.substr(0, 120)));
                break;
            }
    if (gps) lines << QStringLiteral("GPS position recorded");
    QStringList counts;
    for (const auto& [family, n] : families) counts << QStringLiteral("%1 %2").arg(n).arg(esc(family));
    if (counts.isEmpty())
        return CaseReport::tr("none (no EXIF, IPTC or XMP; common after re-saving, and not evidence either way)");
    lines << CaseReport::tr("%1 entries").arg(counts.join(QStringLiteral(", ")));
    return lines.join(QStringLiteral("<br>"));
}

} // namespace

CaseReport::CaseReport(ReportParams params, ModelCards models) : params_(std::move(params)), models_(std::move(models)) {}
CaseReport::~CaseReport() = default;

void CaseReport::add(const Analysis& analysis, const QString& notes, const ScoreMap* map, const QImage& ghosts,
                     QPoint ghosts_grid)
{
    const bool own = ghosts.isNull();
    items_.push_back({analysis, notes, map ? std::optional<ScoreMap>(*map) : analysis.heat_map, own ? analysis.ghosts : ghosts,
                      own ? analysis.ghosts_grid : ghosts_grid});
}

QString CaseReport::summaryHtml() const
{
    QString html =
        QStringLiteral("<h1>%1</h1>").arg(esc(params_.title.isEmpty() ? tr("Image forensics case report") : params_.title));
    html += QStringLiteral("<table width='100%' cellpadding='2'>");
    html += row(tr("Analyst"), esc(params_.analyst.isEmpty() ? tr("(not named)") : params_.analyst));
    html += row(tr("Report created"), when(QDateTime::currentDateTimeUtc()));
    html += row(tr("Tool"), tr("ClipFlow Forensics %1").arg(QString::fromLatin1(clipflow::version())));
    if (!params_.case_file.isEmpty()) html += row(tr("Case file"), esc(params_.case_file));
    html += row(tr("Evidence"), tr("%n file(s)", nullptr, size()));
    html += QStringLiteral("</table>");
    QStringList bad;
    for (const auto& c : params_.integrity)
        if (!c.ok) bad << QStringLiteral("%1 \u2014 %2").arg(esc(c.file), esc(c.error));
    if (!bad.isEmpty())
        html += QStringLiteral("<p style='background:#b03030; color:white; padding:4px'><b>%1</b><br>%2</p>")
                    .arg(tr("Evidence integrity: %n file(s) differ from the case record.", nullptr, int(bad.size())),
                         bad.join(QStringLiteral("<br>")));
    else if (!params_.integrity.empty())
        html +=
            QStringLiteral("<p>%1</p>")
                .arg(
                    tr("Evidence integrity: all %1 files match the SHA-256 recorded in the case.").arg(params_.integrity.size()));
    if (!params_.notes.isEmpty())
        html += QStringLiteral("<h3>%1</h3><p>%2</p>")
                    .arg(tr("Case notes"), esc(params_.notes).replace(u'\n', QStringLiteral("<br>")));

    html += QStringLiteral("<h2>%1</h2>").arg(tr("Summary"));
    html += QStringLiteral("<table width='100%' cellspacing='0' cellpadding='3' border='1' style='border-color:#999; "
                           "border-style:solid'><tr style='background:#e8e8e8'><th>#</th><th>%1</th><th>SHA-256</th>"
                           "<th>%2</th><th>%3</th></tr>")
                .arg(tr("File"), tr("CLIP-Flow"), tr("Supervised"));
    for (int i = 0; i < size(); ++i) {
        const Analysis& a = items_[std::size_t(i)].analysis;
        const auto& d = a.detectors;
        QString cf = QStringLiteral("\u2014"), sv = QStringLiteral("\u2014");
        if (!a.error.isEmpty()) cf = sv = tr("not analysed");
        if (const auto* c = d.score(DetectorKind::ClipFlow))
            cf = QStringLiteral("<span style='color:%1'>%2</span>")
                     .arg(VerdictHtml::colour(c->verdict), Wording::verdictShort(verdict_code(c->verdict)));
        if (const auto* s = d.score(DetectorKind::Supervised); s && s->supervised)
            sv = QStringLiteral("<span style='color:%1'>%2</span> (%3)")
                     .arg(VerdictHtml::colour(s->verdict), Wording::verdictShort(verdict_code(s->verdict)),
                          esc(VerdictHtml::supervisedNumbers(*s->supervised)));
        if (d.disagree()) sv += QStringLiteral(" <b style='color:#b03030'>%1</b>").arg(tr("disagree"));
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td><tt>%3\u2026</tt></td><td>%4</td><td>%5</td></tr>")
                    .arg(i + 1)
                    .arg(esc(QFileInfo(a.file).fileName()), QString::fromStdString(a.info.sha256.substr(0, 16)), cf, sv);
    }
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p><small>%1</small></p>")
                .arg(tr("Verdicts are statements of statistical evidence, not of fact. Absence of detection is not "
                        "proof of authenticity; resizing and recompression weaken every detector. See \u201cMethod and "
                        "limitations\u201d."));
    // A place to sign: the report is the analyst's statement.
    html += QStringLiteral("<br><table width='100%' cellpadding='6'><tr><td width='50%'>%1: %2</td><td>%3: "
                           "____________________</td></tr><tr><td>%4: ____________________</td><td></td></tr></table>")
                .arg(tr("Analyst"), esc(params_.analyst.isEmpty() ? QStringLiteral("____________________") : params_.analyst),
                     tr("Signature"), tr("Date"));
    return html;
}

QString CaseReport::evidenceHtml(QTextDocument& doc, int index, const Item& item) const
{
    const Analysis& a = item.analysis;
    QString html = QStringLiteral("<h2 style='page-break-before:always'>%1</h2>")
                       .arg(tr("Evidence %1: %2").arg(index + 1).arg(esc(QFileInfo(a.file).fileName())));
    html += QStringLiteral("<table width='100%' cellpadding='2'>");
    html += row(tr("Path"), esc(QFileInfo(a.file).absoluteFilePath()));
    html += row(QStringLiteral("SHA-256"),
                QStringLiteral("<tt style='font-size:8.5pt'>%1</tt>").arg(QString::fromStdString(a.info.sha256)));
    if (!a.error.isEmpty()) {
        html += row(tr("Analysis"), QStringLiteral("<b>%1</b> %2").arg(tr("failed:"), esc(a.error)));
        return html + QStringLiteral("</table>");
    }
    html += row(tr("Size"), tr("%1 bytes; %2 \u00d7 %3 px %4, %5-bit %6")
                                .arg(QLocale::c().toString(qulonglong(a.info.file_size)))
                                .arg(a.info.width)
                                .arg(a.info.height)
                                .arg(esc(Wording::format(a.info.format, a.info.lossy)))
                                .arg(a.info.bit_depth)
                                .arg(esc(a.info.colour_model)));
    html += row(tr("Times (UTC)"), tr("file modified %1; read and hashed %2").arg(when(a.modified), when(a.analysed_at)));
    html += row(tr("Provenance"), esc(ProvenanceHtml::column(a.provenance ? &*a.provenance : nullptr)) +
                                      QStringLiteral(" <small>(%1)</small>").arg(tr("see the provenance section")));
    html += row(tr("Metadata"), metadata_summary(a));
    html += row(tr("Pixel grid"), esc(pixel_grid_note(a.info)));
    if (const std::string n = name_format_note(a.info); !n.empty()) html += row(tr("Name and format"), esc(n));
    html += row(tr("Integrity"), a.changed_during_analysis.isEmpty()
                                     ? tr("hashed again after the analysis: unchanged")
                                     : QStringLiteral("<b style='color:#b03030'>%1</b>")
                                           .arg(tr("changed during the analysis (%1); the results describe the bytes "
                                                   "read at intake")
                                                    .arg(esc(a.changed_during_analysis))));
    html += QStringLiteral("</table>");

    // Scores and verdicts.
    const auto& d = a.detectors;
    html += QStringLiteral("<h3>%1</h3><table width='100%' cellpadding='3'>").arg(tr("Detectors"));
    if (!d.scores.scores.empty()) html += row(QString(), VerdictHtml::overall(d.scores));
    if (d.clipflow()) {
        const auto& c = d.clipflow()->calibrated;
        const auto& score = *d.score(DetectorKind::ClipFlow);
        QString text = QStringLiteral("%1<br>log-likelihood %2 \u00b7 %3 \u00b7 %4 \u00b7 ai_score %5")
                           .arg(VerdictHtml::verdict(score))
                           .arg(c.log_likelihood, 0, 'g', 4)
                           .arg(Wording::pValue(c.p_value, c.p_extrapolated).toHtmlEscaped())
                           .arg(tr("%1 among natural photos").arg(widgets::LikelihoodHistogram::percentileText(c.percentile)))
                           .arg(c.ai_score, 0, 'f', 2);
        if (const QString n = VerdictHtml::calibrationNote(score); !n.isEmpty()) text += QStringLiteral("<br>") + n;
        if (const QString r = VerdictHtml::robustness(score); !r.isEmpty()) text += QStringLiteral("<br>") + r;
        if (d.seen(DetectorKind::ClipFlow))
            text += QStringLiteral("<br><i>%1</i>").arg(tr("This image was in the model's training or calibration set."));
        html += row(tr("CLIP-Flow (%1)").arg(esc(d.model_id(DetectorKind::ClipFlow))), text);
    }
    if (d.supervised()) {
        const auto& v = *d.supervised();
        QStringList gens;
        for (std::size_t i = 0; i < v.generator_probs.size() && i < 3; ++i)
            gens << QStringLiteral("%1 %2").arg(esc(v.generator_probs[i].first)).arg(v.generator_probs[i].second, 0, 'f', 2);
        const auto& score = *d.score(DetectorKind::Supervised);
        QString text =
            QStringLiteral("%1<br>%2 \u00b7 %3")
                .arg(VerdictHtml::verdict(score), esc(VerdictHtml::supervisedNumbers(v)), esc(Wording::maker(v.generator)));
        if (!gens.isEmpty())
            text += QStringLiteral("<br><small>%1: %2</small>").arg(tr("if AI"), gens.join(QStringLiteral(", ")));
        if (const QString r = VerdictHtml::robustness(score); !r.isEmpty()) text += QStringLiteral("<br>") + r;
        if (d.seen(DetectorKind::Supervised))
            text += QStringLiteral("<br><i>%1</i>").arg(tr("This image was in the model's training set."));
        html += row(tr("Supervised (%1)").arg(esc(d.model_id(DetectorKind::Supervised))), text);
    }
    if (d.disagree())
        html += row(QString(), QStringLiteral("<b style='color:#b03030'>%1</b>")
                                   .arg(tr("The detectors disagree: weigh the spectra and the provenance.")));
    if (!d.error.isEmpty()) html += row(tr("Not available"), QStringLiteral("<i>%1</i>").arg(esc(d.error)));
    html += QStringLiteral("</table>");
    // Provenance: the same account the window's Provenance tab gives.
    html += ProvenanceHtml::render(a.provenance ? &*a.provenance : nullptr);
    // Other formats too where their pixels carry an earlier JPEG save's blocks.
    if (a.jpeg || !a.jpeg_error.isEmpty() || (a.block_grid && a.block_grid->found))
        html += QStringLiteral("<h3>%1</h3>").arg(tr("JPEG structure")) +
                JpegHtml::render(a.jpeg ? &*a.jpeg : nullptr, QString::fromStdString(a.info.format), a.jpeg_error,
                                 a.block_grid ? &*a.block_grid : nullptr);

    // Figures, printed from the same widgets the window shows.
    auto image = [&doc, index](const char* name, const QImage& img, int width) {
        if (img.isNull()) return QString();
        const QUrl url(QStringLiteral("report://%1/%2").arg(index).arg(QLatin1String(name)));
        doc.addResource(QTextDocument::ImageResource, url, img);
        return QStringLiteral("<img src='%1' width='%2'>").arg(url.toString()).arg(width);
    };
    html += QStringLiteral("<table width='100%' cellpadding='4'><tr><td align='center'>%1<br><small>%2</small></td>"
                           "<td align='center'>%3<br><small>%4</small></td></tr>")
                .arg(image("thumb", ReportFigures::thumbnail(a), 270), tr("Stored pixels"),
                     image("spectrum", ReportFigures::spectrum(a), 270),
                     tr("Luminance power spectrum; circles mark periodic peaks (%1 found)")
                         .arg(a.spectrum ? a.spectrum->peaks.size() : 0));
    html += QStringLiteral(
                "<tr><td align='center'>%1<br><small>%2</small></td><td align='center'>%3<br><small>%4</small></td></tr></table>")
                .arg(image("profile", ReportFigures::radialProfile(a), 320), tr("Radial profiles"),
                     image("histogram", ReportFigures::histogram(a), 320), tr("CLIP-Flow score among held-out natural photos"));
    if (item.map)
        html += QStringLiteral("<p align='center'>%1<br><small>%2 %3 %4. %5</small></p>")
                    .arg(image("heatmap", ReportFigures::heatMapOverlay(a, *item.map), 320), tr("Heat map: natural"),
                         image("heatramp", ReportFigures::heatRamp(), 72), tr("less natural"),
                         tr("The CLIP-Flow detector's score of each 256-pixel tile of the stored pixels (%1 × %2 "
                            "tiles, overlapping); a tile's score is noisier than the image's, so weigh regions, not "
                            "single tiles.")
                             .arg(item.map->cols())
                             .arg(item.map->rows()));
    else if (!a.heat_map_error.isEmpty())
        html += QStringLiteral("<p><small>%1</small></p>").arg(tr("No heat map: %1").arg(esc(a.heat_map_error)));
    if (!a.ela.isNull())
        html += QStringLiteral("<p align='center'>%1<br><small>%2</small></p>")
                    .arg(image("ela", a.ela, 320), JpegHtml::errorLevelsCaption());
    if (!item.ghosts.isNull())
        html += QStringLiteral("<p align='center'>%1<br><small>%2</small></p>")
                    .arg(image("ghosts", item.ghosts, 600), JpegHtml::ghostsCaption(item.ghosts_grid));
    else if (!a.ghosts_error.isEmpty())
        html += QStringLiteral("<p><small>%1</small></p>").arg(tr("No JPEG ghosts: %1").arg(esc(a.ghosts_error)));
    if (!item.notes.isEmpty())
        html += QStringLiteral("<h3>%1</h3><p>%2</p>")
                    .arg(tr("Analyst notes"), esc(item.notes).replace(u'\n', QStringLiteral("<br>")));
    return html;
}

QString CaseReport::methodHtml() const
{
    QString html = QStringLiteral("<h2 style='page-break-before:always'>%1</h2>").arg(tr("Models"));
    if (models_.clipflow) html += ModelCard::html(*models_.clipflow, models_.clipflow_path);
    if (models_.supervised) html += ModelCard::html(*models_.supervised, models_.supervised_path);
    if (!models_.clipflow && !models_.supervised) html += QStringLiteral("<p>%1</p>").arg(tr("No detector model was loaded."));
    html += QStringLiteral("<h2>%1</h2>").arg(tr("Method and limitations"));
    html += tr("<p><b>CLIP-Flow</b> models the image features of natural photographs with a normalizing flow trained "
               "without any AI-generated image: it learns to give natural photos a high likelihood and <i>proxy</i> "
               "images (the same photos with their Fourier spectra altered the way generators alter them) a low one. "
               "An image's log-likelihood is compared with those of held-out natural photos: the p-value is the share "
               "of natural photos scoring as low or lower, and the verdict follows from it.</p>"
               "<p><b>The supervised detector</b> was trained on real photos and images from named generators; it "
               "gives the probability that the image is AI-generated and the most likely generator among those it knows.</p>"
               "<p><b>Spectra</b> show what the detectors react to: up-sampling in generators leaves periodic peaks and "
               "a raised or lowered high-frequency tail in the radial profile. The analyst can check them directly.</p>"
               "<p><b>Limitations.</b> Absence of detection is not proof of authenticity. Recompression, resizing, "
               "screenshots and filters weaken every detector and raise the false-positive rate on real photos. A "
               "generator unlike anything in training may go unnoticed. Scores are evidence to weigh with provenance, "
               "metadata and context, never a verdict on their own. The calibrated false-positive rate holds for "
               "photos like the calibration set; for others it is only indicative.</p>"
               "<p><b>Integrity.</b> Each file was hashed with SHA-256 when read; the analysis used exactly those "
               "bytes and the file was never modified.</p>");
    if (models_.supervised && models_.supervised->calibration)
        html += tr("<p>The supervised detector's level is read as CLIP-Flow's is: its log odds of a real photo are "
                   "compared with those of %1 natural photos it never saw, and the verdict follows from that p-value, "
                   "not from its probability alone.</p>")
                    .arg(models_.supervised->calibration->natural_count());
    if (!params_.audit.empty()) {
        html += QStringLiteral("<h2>%1</h2><table cellpadding='2'>").arg(tr("Audit log"));
        for (const auto& e : params_.audit)
            html += QStringLiteral("<tr><td><tt>%1</tt></td><td>%2</td><td>%3</td></tr>")
                        .arg(esc(e.time), esc(e.action), esc(e.detail));
        html += QStringLiteral("</table>");
    }
    return html;
}

std::unique_ptr<QTextDocument> CaseReport::document() const
{
    auto doc = std::make_unique<QTextDocument>();
    doc->setDefaultStyleSheet(QStringLiteral("h1 { font-size: 18pt; } h2 { font-size: 14pt; color: #1b3a5c; } "
                                             "h3 { font-size: 11pt; } td { vertical-align: top; }"));
    QFont font = doc->defaultFont();
    font.setPointSizeF(9.5);
    doc->setDefaultFont(font);
    QString html = summaryHtml();
    for (int i = 0; i < size(); ++i) html += evidenceHtml(*doc, i, items_[std::size_t(i)]);
    html += methodHtml();
    doc->setHtml(html);
    // Qt drops ligatures when letters are spaced: "differ" must stay searchable in the PDF, not "di\ufb00er".
    QTextCursor all(doc.get());
    all.select(QTextCursor::Document);
    QTextCharFormat spaced;
    spaced.setFontLetterSpacingType(QFont::AbsoluteSpacing);
    spaced.setFontLetterSpacing(0.1); // in device pixels (1/300 in); smaller rounds to zero
    all.mergeCharFormat(spaced);
    return doc;
}

void CaseReport::keepFiguresWhole(QTextDocument& doc)
{
    const double page = doc.pageSize().height();
    if (!(page > 0)) return;
    QAbstractTextDocumentLayout* layout = doc.documentLayout();
    // The whole document laid out before each measure: Qt lays out lazily, so a block it has not
    // reached reads 0 high, and after a change made while the rest was not laid out, later
    // figures were drawn nowhere (seen: the last file's two figures missing from the PDF).
    layout->documentSize();
    // Top to bottom: each move shifts what follows, which is measured after it.
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        bool figure = false;
        for (auto it = block.begin(); !it.atEnd() && !figure; ++it) figure = it.fragment().charFormat().isImageFormat();
        // (Figures side by side in a table are the table's to place.)
        if (!figure || QTextCursor(block).currentTable() ||
            block.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)
            continue;
        const QRectF r = layout->blockBoundingRect(block);
        if (r.height() >= page) continue;
        if (std::floor(r.top() / page) == std::floor((r.bottom() - 1) / page)) continue;
        QTextBlockFormat f = block.blockFormat();
        f.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        QTextCursor(block).setBlockFormat(f);
        layout->documentSize();
    }
}

Status CaseReport::write(const QString& pdf_path) const
{
    // A device or pipe (`--out /dev/stdout`) is written into; a file is replaced whole, never half
    // written. QSaveFile would put a file in a device's place.
    const bool stream = is_stream_path(pdf_path.toStdString());
    QSaveFile saved(pdf_path);
    QFile direct(pdf_path);
    QFileDevice& out = stream ? static_cast<QFileDevice&>(direct) : saved;
    if (!out.open(QIODevice::WriteOnly))
        return {ErrorCode::IoError, "cannot write " + pdf_path.toStdString() + ": " + out.errorString().toStdString()};
    {
        QPdfWriter writer(&out);
        writer.setTitle(params_.title.isEmpty() ? tr("Image forensics case report") : params_.title);
        writer.setCreator(QStringLiteral("ClipFlow Forensics %1").arg(QString::fromLatin1(clipflow::version())));
        writer.setPageSize(QPageSize(params_.page));
        writer.setPageMargins(QMarginsF(16, 14, 16, 14), QPageLayout::Millimeter);
        writer.setResolution(300);
        auto doc = document();
        doc->documentLayout()->setPaintDevice(&writer);
        const QSizeF body = writer.pageLayout().paintRectPixels(writer.resolution()).size();
        const double footer = writer.resolution() * 0.3; // about 7.5 mm
        doc->setPageSize(QSizeF(body.width(), body.height() - footer));
        keepFiguresWhole(*doc);
        QPainter painter(&writer);
        if (!painter.isActive()) return {ErrorCode::IoError, "cannot start the PDF on " + pdf_path.toStdString()};
        const int pages = doc->pageCount();
        const double h = body.height() - footer;
        QFont small = doc->defaultFont();
        small.setPointSizeF(7.5);
        small.setLetterSpacing(QFont::AbsoluteSpacing, 0.1); // no ligatures, as in the body
        const QString left =
            QStringLiteral("%1 \u2014 ClipFlow Forensics %2")
                .arg(params_.title.isEmpty() ? tr("Case report") : params_.title, QString::fromLatin1(clipflow::version()));
        for (int p = 0; p < pages; ++p) {
            if (p > 0) writer.newPage();
            painter.save();
            painter.translate(0, -p * h);
            doc->drawContents(&painter, QRectF(0, p * h, body.width(), h));
            painter.restore();
            painter.setFont(small);
            painter.setPen(QColor(90, 90, 90));
            const QRectF line(0, h + footer * 0.35, body.width(), footer * 0.65);
            painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, left);
            painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, tr("Page %1 of %2").arg(p + 1).arg(pages));
        }
    }
    if (stream ? !direct.flush() || direct.error() != QFileDevice::NoError : !saved.commit())
        return {ErrorCode::IoError, "cannot write " + pdf_path.toStdString() + ": " + out.errorString().toStdString()};
    return {};
}

} // namespace clipflow::app
