#pragma once
// A file that is slow to read: 100 megapixels of grey (at the intake limit),
// seconds to decode but only 100 KB on disk. For per-file time limit tests.

#include <QImage>
#include <QString>

inline bool write_slow_png(const QString& path)
{
    QImage big(10000, 10000, QImage::Format_Grayscale8);
    big.fill(0);
    return big.save(path);
}
