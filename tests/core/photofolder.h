#pragma once
// A folder of synthetic "photos" (pink-noise PNGs, 160 x 160) for the
// training-job tests: photoNNN.png with seeds first_seed, first_seed + 1, ...;
// and a small CLIP-Flow training recipe for them.

#include "syntheticimages.h"

#include <clipflow/atomicfile.h>
#include <clipflow/clipflowtraining.h>
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

// A CLIP-Flow training small enough for a unit test (seconds on forensic-v1).
inline clipflow::ClipFlowTrainParams small_training(const std::vector<std::string>& files, const QString& out,
                                                    const QString& cache)
{
    clipflow::ClipFlowTrainParams p;
    p.natural_files = files;
    p.out_path = out.toStdString();
    p.cache_dir = cache.toStdString();
    p.views_per_image = 2;
    p.holdout_fraction = 0.3;
    p.train.epochs = 6;
    p.train.flow.steps = 2;
    p.train.flow.hidden = 64;
    p.train.batch_size = 32;
    p.train.device = "cpu";
    p.seed = 3;
    return p;
}

} // namespace testimages
