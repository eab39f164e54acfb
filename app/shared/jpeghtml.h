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
    static QString render(const JpegForensics* j, const QString& format, const QString& error = {});
    /// Something worth a look: double compression indicated or a thumbnail that does not match.
    static bool notable(const JpegForensics& j);
    /// What the error level picture and the JPEG ghosts are, and are not (HTML, one sentence each):
    /// the captions under them in the JPEG tab and in the report.
    static QString errorLevelsCaption();
    /// grid: the re-saves' grid past the image's (JpegGhostParams::grid_x, grid_y), which the caption names.
    static QString ghostsCaption(QPoint grid = {});
};

} // namespace clipflow::app
