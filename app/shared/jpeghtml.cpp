#include "jpeghtml.h"

namespace clipflow::app {

namespace {
QString esc(const std::string& s)
{
    return QString::fromStdString(s).toHtmlEscaped();
}
} // namespace

QString JpegHtml::errorLevelsCaption()
{
    return tr("<b>Error level analysis</b> (re-saved at JPEG quality 90, differences ×20): "
              "regions saved fewer times than the rest (pasted in) may stand out; edges and texture "
              "always do. A pointer for the eye, never a finding.");
}

QString JpegHtml::ghostsCaption(QPoint grid)
{
    if (!grid.isNull())
        return tr("<b>JPEG ghosts</b> on another 8 × 8 grid, %1 column(s) and %2 row(s) past the image's (the "
                  "image re-saved at each quality; dark: changed least): a region pasted from another JPEG on "
                  "that grid may be darker than the rest in the map of the quality it was saved at first, while "
                  "the image's own blocks, cut anew, change least at the highest quality. A pointer for the eye, "
                  "never a finding.")
            .arg(grid.x())
            .arg(grid.y());
    return tr("<b>JPEG ghosts</b> (the image re-saved at each quality; dark: changed least): a region "
              "darker than the rest in one quality's map was probably saved at that quality before "
              "the rest. Needs the region on the rest's 8 × 8 grid. A pointer for the eye, never a "
              "finding.");
}

bool JpegHtml::notable(const JpegForensics& j)
{
    return j.double_compression.indicated || (j.thumbnail.present && !j.thumbnail.matches);
}

QString JpegHtml::blockGrid(const JpegGrid& g, bool links)
{
    if (!g.found) return tr("none stands out: never saved as JPEG, saved at a very high quality, or resized since");
    if (g.grid_x == 0 && g.grid_y == 0) return tr("from the image's corner, as a JPEG save of this picture leaves");
    QString html = tr("offset by (%1, %2) from the image's corner: the picture was cut at a position that is no multiple "
                      "of 8 (cropped) or padded after a JPEG save, and that save's blocks outlast the later ones")
                       .arg(g.grid_x)
                       .arg(g.grid_y);
    if (links)
        html += QStringLiteral(" <a href='grid:%1,%2'>%3</a>")
                    .arg(g.grid_x)
                    .arg(g.grid_y)
                    .arg(tr("Make the JPEG ghosts on this grid"));
    return html;
}

QString JpegHtml::render(const JpegForensics* j, const QString& format, const QString& error, const JpegGrid* grid, bool links)
{
    if (!j) {
        if (!error.isEmpty())
            return QStringLiteral("<p><i>%1</i> %2</p>").arg(tr("The JPEG structure could not be read:"), error.toHtmlEscaped());
        QString html = QStringLiteral("<p><i>%1</i></p>")
                           .arg(tr("Not a JPEG file (%1): no quantization tables to read.").arg(format.toHtmlEscaped()));
        // A PNG or TIFF may still carry the blocks of an earlier JPEG save in its pixels.
        if (grid) {
            const QString where = grid->grid_x == 0 && grid->grid_y == 0
                                      ? tr("from the image's corner")
                                      : tr("offset by (%1, %2) from the image's corner").arg(grid->grid_x).arg(grid->grid_y);
            html += QStringLiteral("<p><b>%1</b> %2</p>")
                        .arg(tr("8 \u00d7 8 block grid:"),
                             grid->found ? tr("the pixels carry one, %1: this picture was saved as JPEG before, or made by a "
                                              "generator whose decoder enlarges an 8\u00d7 smaller latent, which leaves traces "
                                              "on the same grid.")
                                               .arg(where)
                                         : blockGrid(*grid, false));
        }
        return html;
    }
    QString html = QStringLiteral("<table cellpadding='2'>");
    auto row = [&](const QString& k, const QString& v) {
        html += QStringLiteral("<tr><td valign='top'><b>%1</b></td><td>%2</td></tr>").arg(k, v);
    };
    row(tr("Quality"),
        (j->standard_tables
             ? tr("luminance %1, chrominance %2: libjpeg's standard tables (most software, web services and generators' savers)")
             : tr("luminance \u2248 %1, chrominance \u2248 %2: the file's own tables (cameras, phones, some editors)"))
            .arg(j->luma_quality)
            .arg(j->chroma_quality));
    row(tr("Structure"), tr("%1 \u00d7 %2, %3, %4")
                             .arg(j->width)
                             .arg(j->height)
                             .arg(QString::fromStdString(j->subsampling), j->progressive ? tr("progressive") : tr("baseline")));
    const auto& d = j->double_compression;
    QString dc;
    if (!d.tested)
        dc = tr("not tested (%1)").arg(esc(d.note));
    else if (d.indicated)
        dc = QStringLiteral("<b style='color:#b06000'>%1</b>").arg(tr("indicated")) +
             QStringLiteral(" (%1 %2): ").arg(tr("score")).arg(d.score, 0, 'f', 3) +
             tr("the DCT histograms show the periodic gaps or peaks of a second save with other tables. The image was saved "
                "as JPEG at least twice: re-saved by an editor, a messenger or a web service. Ordinary for files that travelled; "
                "not expected of a camera original.");
    else
        dc = tr("not indicated (score %1): the DCT histograms fall off smoothly, as after one save (a second save at a "
                "higher quality than the first, or with the same tables, leaves no such trace)")
                 .arg(d.score, 0, 'f', 3);
    row(tr("Double compression"), dc);
    const auto& t = j->thumbnail;
    QString th;
    if (!t.present)
        th = tr("none (many programs drop it; its absence means nothing)");
    else if (t.width == 0)
        th = tr("present but unreadable");
    else if (t.matches)
        th = tr("%1 \u00d7 %2, shows the same picture (mean difference %3 grey levels)")
                 .arg(t.width)
                 .arg(t.height)
                 .arg(t.difference, 0, 'f', 1);
    else
        th = QStringLiteral("<b style='color:#b06000'>%1</b> ").arg(tr("does not match")) +
             tr("%1 \u00d7 %2: %3. The camera wrote the thumbnail with the picture; a picture cropped, retouched or replaced "
                "afterwards by software that kept the old thumbnail no longer matches it.")
                 .arg(t.width)
                 .arg(t.height)
                 .arg(esc(t.note));
    row(tr("EXIF thumbnail"), th);
    if (grid) row(tr("8 × 8 block grid"), blockGrid(*grid, links));
    for (const auto& w : j->warnings) row(tr("Warning"), esc(w));
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p><small>%1</small></p>")
                .arg(tr("These are properties of the file, not of the scene: they say how it was saved, not whether an AI made "
                        "it. A generator's output saved by an editor looks like any other edited JPEG."));
    return html;
}

} // namespace clipflow::app
