#pragma once
// The everyday degradations an image meets on its way to an analyst: resizing
// and JPEG recompression. Used to launder evaluation sets (a detector that
// only works on pristine PNGs is not much use) and to augment training.

#include "clipflow/raster.h"
#include "clipflow/result.h"

#include <cstdint>
#include <vector>

namespace clipflow {

/// Area filter when shrinking, bicubic when enlarging; the shorter side becomes `side`.
Result<Raster> resize_shorter_side(const Raster& image, int side);
/// Encodes as baseline JPEG (4:2:0, libjpeg via OpenCV) and decodes again.
Result<Raster> jpeg_roundtrip(const Raster& image, int quality);
/// Shorter side to `side`, then JPEG at `quality`: the evaluation's laundering.
Result<Raster> launder(const Raster& image, int side = 512, int quality = 85);
/// The centred size x size window (smaller images keep their short sides), at the
/// exact centre: no alignment to JPEG's 8x8 grid, as an analyst's crop would be.
/// Evaluation crops images so that size and file format carry no label.
Result<Raster> center_crop(const Raster& image, int size = 256);
/// 8-bit PNG or JPEG bytes of a raster (for docs, tests and proxy previews).
Result<std::vector<std::uint8_t>> encode_image(const Raster& image, const std::string& extension, int jpeg_quality = 95);

} // namespace clipflow
