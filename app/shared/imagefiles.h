#pragma once
// The image files a dropped or chosen path stands for: a file as given, a
// folder recursively (sorted, by extension).

#include <QStringList>

namespace clipflow::app {

QStringList image_files(const QString& path);

} // namespace clipflow::app
