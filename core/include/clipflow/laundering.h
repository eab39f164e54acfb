#pragma once
// The everyday degradations an image meets on its way to an analyst: resizing,
// JPEG or WebP recompression, a colour palette. Used to launder evaluation sets
// (a detector that only works on pristine PNGs is not much use) and to augment
// training.

#include "clipflow/raster.h"
#include "clipflow/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace clipflow {

/// Area filter when shrinking, bicubic when enlarging; the shorter side becomes `side`.
Result<Raster> resize_shorter_side(const Raster& image, int side);
/// The size resize_shorter_side(image, side) gives a width x height image.
PixelRect resized_size(int width, int height, int side);
/// Encodes as baseline JPEG (4:2:0, libjpeg via OpenCV) and decodes again.
Result<Raster> jpeg_roundtrip(const Raster& image, int quality);

/// What resize_shorter_side(image, side) and jpeg_roundtrip(image, quality) hold in each of
/// `rects` (rectangles of the result), the same pixels bit for bit, made from the rectangles'
/// neighbourhoods where that is exact and reads less than the whole image: a JPEG block
/// depends on its own pixels and its neighbours' chroma alone, an area-filtered pixel on its
/// own source cell. A 12 MP photo read through four 256 px views then costs four small round
/// trips, not a 12 MP one (the detectors' robustness checks).
Result<std::vector<Raster>> resize_shorter_side_regions(const Raster& image, int side, const std::vector<PixelRect>& rects);
Result<std::vector<Raster>> jpeg_roundtrip_regions(const Raster& image, int quality, const std::vector<PixelRect>& rects);
/// Encodes as lossy WebP (libwebp via OpenCV, quality 1-100) and decodes again.
Result<Raster> webp_roundtrip(const Raster& image, int quality);
/// At most `colours` colours (2-256) chosen by median cut over the 8-bit pixels, as a
/// GIF or an "optimised" PNG-8 stores them; `dither` diffuses the error (Floyd-Steinberg).
/// Grey images keep one channel.
Result<Raster> palette_quantize(const Raster& image, int colours = 256, bool dither = false);

/// One lossy re-save as delivery makes them. Training draws these for every class
/// alike, so that no codec's traces carry a label.
struct Recompression {
    enum class Codec { None, Jpeg, WebP, Palette };
    Codec codec = Codec::None;
    int quality = 0;     ///< JPEG and WebP
    bool dither = false; ///< Palette (256 colours)
    static Recompression jpeg(int q) { return {q > 0 ? Codec::Jpeg : Codec::None, q, false}; }
};
/// The image after that re-save (a copy for Codec::None).
Result<Raster> recompress(const Raster& image, const Recompression& r);

/// Shorter side to `side`, then JPEG at `quality`: the evaluation's laundering.
/// It enlarges images smaller than `side` (bicubic) as well.
Result<Raster> launder(const Raster& image, int side = 512, int quality = 85);
/// A photo as a messenger delivers it: shrunk so that its shorter side is at most
/// `max_side` (never enlarged: messengers do not), then JPEG at `quality`. What
/// delivered calibration scores; launder()'s enlarging of small photos flags
/// natural photos that no delivery makes (docs/method.md).
Result<Raster> deliver_copy(const Raster& image, int max_side = 512, int quality = 85);
/// Whether a file is a delivered copy: a JPEG whose shorter side is at most
/// kDeliveredCopyMaxSide pixels, as messengers and social networks pass photos on
/// (launder() makes such copies). A CLIP-Flow model calibrated on its held-out
/// photos' copies holds its false-positive bound for these files with that bound
/// (calibration.h, DeliveredScope::Copies). From the container's format and stored
/// size alone: nothing in the pixels can say how a file was made.
inline constexpr int kDeliveredCopyMaxSide = 640;
bool is_delivered_copy(const std::string& format, int width, int height);

/// The centred size x size window (smaller images keep their short sides), at the
/// exact centre: no alignment to JPEG's 8x8 grid, as an analyst's crop would be.
/// Evaluation crops images so that size and file format carry no label.
Result<Raster> center_crop(const Raster& image, int size = 256);
/// 8-bit PNG, JPEG or lossy WebP bytes of a raster (for docs, tests, proxy previews and
/// the round trips above); `quality` (1-100) for JPEG and WebP.
Result<std::vector<std::uint8_t>> encode_image(const Raster& image, const std::string& extension, int quality = 95);

} // namespace clipflow
