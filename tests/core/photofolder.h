#pragma once
// A folder of synthetic "photos" (pink-noise PNGs, 160 x 160) for the
// training-job tests: photoNNN.png with seeds first_seed, first_seed + 1, ...

#include "syntheticimages.h"

#include <clipflow/atomicfile.h>
#include <clipflow/laundering.h>

#include <QString>
#include <QtGlobal>

#include <string>
#include <vector>

namespace testimages {

inline std::vector<std::string> write_photos(const QString& dir, int n, unsigned first_seed)
{
    std::vector<std::string> files;
    for (int i = 0; i < n; ++i) {
        const auto png = clipflow::encode_image(pink_noise(160, 160, first_seed + unsigned(i)), ".png");
        const std::string f = (dir + QStringLiteral("/photo%1.png").arg(i, 3, 10, QLatin1Char('0'))).toStdString();
        if (!png || !clipflow::write_file_atomic(f, *png).ok()) qFatal("cannot write %s", f.c_str());
        files.push_back(f);
    }
    return files;
}

} // namespace testimages
