#pragma once
// Where in an image a detector finds it least natural: the CLIP-Flow detector
// scores overlapping native-resolution tiles (never resized, like its views) and
// reads each tile's log-likelihood against its calibration.
//
//   auto det = clipflow::Detector::load("clipflow-default.safetensors");
//   auto map = det->score_map(ev->pixels);      // ScoreMap: tile grid and scores
//   auto png = clipflow::encode_image(map->render(512), ".png");
//
// A tile's score is noisier than the image's (one view, where the image score
// averages up to four), so single bright tiles mean little; a region that is
// bright over several overlapping tiles is what to look at. Calibration is the
// image-level one: per tile it is a reading aid, not a p-value.

#include "clipflow/callbacks.h"
#include "clipflow/raster.h"
#include "clipflow/result.h"

#include <string>
#include <vector>

namespace clipflow {

struct ScoreMapParams {
    int tile = 256;       ///< tile side, pixels (the detectors' view size); 32..4096
    int min_stride = 128; ///< neighbouring tiles overlap by tile - stride (at most)
    int max_tiles = 256;  ///< the stride widens in 8-pixel steps until the grid holds no more, up to one
                          ///< tile (tiles then abut: a 100-megapixel image gets ~1,600 of them)
    int batch = 16;       ///< tiles per backbone call (bounds memory on large images)
    AbortCallback abort;
};

struct ScoreMap {
    int image_width = 0, image_height = 0;
    int tile_width = 0, tile_height = 0; ///< the tile side, or the image's where it is smaller
    std::vector<int> xs, ys;             ///< left edge of each column, top edge of each row (8-aligned)
    std::vector<float> log_likelihood;   ///< per tile, row-major (rows() x cols()), nats/dim
    std::vector<float> ai_score;         ///< per tile: the model's calibration read as in a score (0..1)
    std::string model_id;                ///< the CLIP-Flow model that scored the tiles (a map is only as good as it)

    int cols() const { return static_cast<int>(xs.size()); }
    int rows() const { return static_cast<int>(ys.size()); }
    float at(int col, int row) const
    {
        return ai_score[static_cast<std::size_t>(row) * xs.size() + static_cast<std::size_t>(col)];
    }
    /// A grey image with the source's aspect ratio and `long_side` pixels on its long side
    /// (at most the source's): each pixel is the mean ai_score of the tiles covering it,
    /// so brighter = less natural (0 = black, 1 = white).
    Raster render(int long_side = 512) const;
    /// {"image_width","image_height","tile_width","tile_height","xs","ys","log_likelihood","ai_score",
    /// "model_id"}; scores rounded to 10^-3.
    std::string to_json() const;
    /// Reads to_json()'s object back, checking it as input from a stranger (it is kept in case
    /// files): sides, tiles inside the image, one finite score per tile, ai_score in 0..1.
    static Result<ScoreMap> from_json(const std::string& json);

    bool operator==(const ScoreMap&) const = default;
};

/// The tile grid alone (scores empty): tiles of min(tile, side) spread evenly from edge to
/// edge with starts on the 8-pixel grid; every pixel is covered. Fails for bad params.
Result<ScoreMap> score_map_layout(int width, int height, const ScoreMapParams& params = {});

} // namespace clipflow
