#pragma once
// A JPEG file's structure as the window's JPEG tab and the PDF report show it:
// quality and tables, double compression, the EXIF thumbnail, each with what it
// can and cannot mean, and the captions of its pictures. One wording for both places.

#include <clipflow/jpegforensics.h>

#include <QCoreApplication>
#include <QPoint>
#include <QString>

namespace clipflow::app {

class JpegHtml {
    Q_DECLARE_TR_FUNCTIONS(JpegHtml)
public:
    /// The full account (HTML). `j` null: not a JPEG (format given) or unreadable (error given).
    /// `grid` (any format): where a JPEG save's 8 x 8 blocks lie; with `links`, a grid off the
    /// corner offers "grid:X,Y" to make the ghosts on it (JPEG files: the window only).
    static QString render(const JpegForensics* j, const QString& format, const QString& error = {},
                          const JpegGrid* grid = nullptr, bool links = false);
    /// The block grid alone, as render() words it (HTML, no table).
    static QString blockGrid(const JpegGrid& grid, bool links = false);
    /// Something worth a look: double compression indicated or a thumbnail that does not match.
    static bool notable(const JpegForensics& j);
    /// What the error level picture and the JPEG ghosts are, and are not (HTML, one sentence each):
    /// the captions under them in the JPEG tab and in the report.
    static QString errorLevelsCaption();
    /// grid: the re-saves' grid past the image's (JpegGhostParams::grid_x, grid_y), which the caption names.
    static QString ghostsCaption(QPoint grid = {});
};

} // namespace clipflow::app
