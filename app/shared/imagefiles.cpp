#include "imagefiles.h"

#include <QDirIterator>
#include <QFileInfo>

namespace clipflow::app {

QStringList image_files(const QString& path)
{
    if (!QFileInfo(path).isDir()) return {path};
    static const QStringList patterns{QStringLiteral("*.jpg"),  QStringLiteral("*.jpeg"), QStringLiteral("*.jpe"),
                                      QStringLiteral("*.png"),  QStringLiteral("*.tif"),  QStringLiteral("*.tiff"),
                                      QStringLiteral("*.webp"), QStringLiteral("*.bmp"),  QStringLiteral("*.gif")};
    QStringList files;
    QDirIterator it(path, patterns, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) files << it.next();
    files.sort();
    return files;
}

} // namespace clipflow::app
