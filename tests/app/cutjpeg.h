#pragma once
// A JPEG saved twice: a busy picture saved at quality 70, then (cut: 3 columns and 5 rows
// in, 384 x 256, past its 8 x 8 grid) saved again at 100, so that the first save's blocks
// outlast the second's — cut, its block grid reads (5, 3); whole, (0, 0). For the block
// grid and the ghosts made on it.

#include <QImage>
#include <QRandomGenerator>
#include <QString>
#include <QTemporaryDir>

// The busy picture: noise on sharp colour ramps, 392 x 264, the same every time.
inline QImage busy_scene()
{
    QImage scene(392, 264, QImage::Format_RGB32);
    QRandomGenerator rng(4);
    for (int y = 0; y < scene.height(); ++y)
        for (int x = 0; x < scene.width(); ++x) {
            const int v = int(rng.bounded(64)) + (x * 3 + y * 2) % 160;
            scene.setPixel(x, y, qRgb(v, (v + x) % 256, (v + y) % 256));
        }
    return scene;
}

inline bool write_jpeg_saved_twice(const QString& path, bool cut = true)
{
    const QImage scene = busy_scene();
    QTemporaryDir dir;
    const QString first = dir.filePath(QStringLiteral("first.jpg"));
    if (!dir.isValid() || !scene.save(first, "JPEG", 70)) return false;
    const QImage saved(first);
    return (cut ? saved.copy(3, 5, 384, 256) : saved).save(path, "JPEG", 100);
}
