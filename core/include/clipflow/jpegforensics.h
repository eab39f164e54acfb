#pragma once
// JPEG forensics: what a JPEG file's own structure says about its history,
// the checks tools such as Sherloq, Forensically and JPEGsnoop offer.
//
//   clipflow::IntakeParams in;
//   in.read_jpeg_forensics = true;                               // from the bytes intake reads
//   auto ev = clipflow::load_evidence("photo.jpg", in);
//   const clipflow::JpegForensics& j = *ev->jpeg;               // or analyse_jpeg(bytes, &pixels)
//   j.luma_quality;             // IJG-equivalent quality of the luminance table
//   j.double_compression.indicated;
//   auto ela = clipflow::error_level_analysis(ev->pixels);        // an image to look at
//   auto ghosts = clipflow::jpeg_ghosts(clipflow::to_picture(ev->pixels)); // maps per quality
//   auto grid = clipflow::jpeg_block_grid(clipflow::to_picture(ev->pixels));  // where the ghosts belong
//
// Everything is read from the bytes given, bounded (markers, TIFF entries and
// decoded coefficients) and never written. Every answer is an indication with
// its reason, never proof: re-saving a photo once is ordinary.

#include "clipflow/callbacks.h"
#include "clipflow/raster.h"
#include "clipflow/result.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace clipflow {

/// One quantization table (DQT) as stored, with its best IJG (libjpeg) quality.
struct JpegQuantTable {
    int id = 0;                        ///< Tq, 0..3 (0 is luminance by convention)
    int precision_bits = 8;            ///< 8 or 16
    std::array<std::uint16_t, 64> q{}; ///< natural (row-major) order
    int ijg_quality = 0;               ///< 1..100: the IJG scaling closest to this table
    bool ijg_standard = false;         ///< exactly IJG's table at that quality (libjpeg, most software)
    double fit_error = 0.0;            ///< mean |q - IJG(q)| at that quality
};

struct JpegThumbnailCheck {
    bool present = false; ///< an EXIF (IFD1) JPEG thumbnail
    int width = 0, height = 0;
    double difference = 0.0;  ///< mean absolute grey difference, 0..255, after matching brightness and contrast
    double worst_block = 0.0; ///< the largest difference of any 8 x 8 block of the thumbnail, 0..255
    bool matches = true;      ///< false: the thumbnail shows other content than the image
    std::string note;         ///< why (or why it could not be compared)
};

struct JpegDoubleCompression {
    bool tested = false; ///< false: progressive or arithmetic-coded files too large, or no usable coefficients
    double score = 0.0;  ///< periodic irregularity of the DCT histograms (0: smooth, as after one compression)
    bool indicated = false;
    int modes_used = 0; ///< low-frequency DCT modes with enough coefficients
    std::string note;
};

struct JpegForensicsParams {
    long max_pixels = 50'000'000;               ///< above this no coefficients are decoded (double_compression.tested = false)
    double double_compression_threshold = 0.06; ///< score above which double compression is indicated
};

struct JpegForensics {
    int width = 0, height = 0, components = 0;
    bool progressive = false, arithmetic = false;
    std::string subsampling; ///< "4:4:4", "4:2:2", "4:2:0", "4:4:0", "4:1:1", "grey" or "other"
    std::vector<JpegQuantTable> tables;
    int luma_quality = 0;         ///< of table 0; 0 when absent
    int chroma_quality = 0;       ///< of table 1; 0 when absent
    bool standard_tables = false; ///< every table is an exact IJG table
    std::vector<std::string>
        software_hints; ///< what the tables suggest ("libjpeg/IJG quality 92", "non-standard tables (camera or editor)")
    JpegThumbnailCheck thumbnail;
    JpegDoubleCompression double_compression;
    std::vector<std::string> warnings; ///< structural oddities (data after EOI, redefined tables, ...)

    /// {"width","height","components","progressive","subsampling","luma_quality","chroma_quality",
    ///  "standard_tables","tables":[{"id","precision_bits","ijg_quality","ijg_standard","fit_error","q"}],
    ///  "thumbnail":{...},"double_compression":{...},"hints","warnings"}.
    std::string to_json() const;
};

/// The luminance (id 0) or chrominance (other ids) table libjpeg writes at `quality` (1..100), natural order.
std::array<std::uint16_t, 64> ijg_table(int quality, bool chroma);

/// Reads a JPEG's markers, tables, EXIF thumbnail and (within max_pixels) its luminance
/// DCT coefficients. `image` (the decoded stored grid, optional) is what the thumbnail is
/// compared with. Not a JPEG, or corrupt before its frame header: UnsupportedFormat /
/// CorruptData. Corrupt entropy data only skips the double-compression test.
Result<JpegForensics> analyse_jpeg(std::span<const std::uint8_t> bytes, const Raster* image = nullptr,
                                   const JpegForensicsParams& params = {});
/// The same, the decoded grid given as 8-bit samples (Evidence::picture).
Result<JpegForensics> analyse_jpeg(std::span<const std::uint8_t> bytes, const Picture* image,
                                   const JpegForensicsParams& params = {});

/// Error level analysis: |image - image re-saved as JPEG `quality`| x gain, per channel,
/// clamped to [0, 1]. Regions saved fewer times than the rest (pasted in) tend to stand out;
/// edges and texture always do. Fails for an empty image or a quality outside 1..100.
Result<Raster> error_level_analysis(const Raster& image, int quality = 90, double gain = 20.0);
/// The same for display, from the image in 8 bits (to_picture) with no float planes,
/// area-averaged so that its longer side is at most `max_side` (0: full size).
/// Large images are re-saved in horizontal strips on up to `threads` threads (0: one per
/// hardware thread, at most 4; 1: none): every strip is cut on the 16-row MCU grid with one
/// MCU row of context on each inner side, so the result is the whole image's, byte for byte.
Result<Picture> error_level_picture(const Picture& image, int max_side, int quality = 90, double gain = 20.0, int threads = 0);

/// JPEG ghosts (Farid, "Exposing digital forgeries from JPEG ghosts", 2009): the image
/// re-saved at a range of qualities. A region first saved at a lower quality q0 than the
/// rest changes least when re-saved at q0 — its coefficients already lie on q0's grid —
/// so in the map for q0 it is darker than the rest. Needs the region on the rest's 8 x 8
/// grid (pasted at a multiple of 8 pixels) and a last save above q0; a pointer for the eye.
struct JpegGhostParams {
    int quality_min = 50, quality_max = 95, quality_step = 5; ///< the qualities tried, 1..100
    int window = 16;    ///< side of the square the squared differences are averaged over (pixels)
    int max_side = 512; ///< each map area-averaged so that its longer side is at most this (0: full size)
    /// Where the differences vary less than this across the qualities (mean squared difference,
    /// 8-bit units: flat or saturated regions), the maps say nothing: white in every map.
    double flat_spread = 0.5;
    /// Qualities re-saved at once (0: one per hardware thread, at most 4; 1: on the calling
    /// thread only). The maps are the same whatever the number.
    int threads = 0;
    /// Where the re-saves put their 8 × 8 block grid: columns x ≡ grid_x and rows y ≡ grid_y
    /// (mod 8), 0..7. A region pasted from another JPEG keeps its own grid, which is the
    /// image's only where it was pasted at a multiple of 8 pixels; its ghost shows only when
    /// the re-saves' grid is its grid (Farid 2009, section 3). The maps cover the whole image
    /// whatever the offset (the image is padded at the top and left by repeating its edge).
    int grid_x = 0, grid_y = 0;
    /// Each worker holds about 14 bytes a pixel while it works (170 MB for 12 MP); workers
    /// beyond the first are added only while all of them fit in this many bytes, so that a
    /// 100 MP image is not re-saved four times at once.
    std::size_t memory_budget = std::size_t(1) << 30;
    AbortCallback abort; ///< asked before each quality, from the working threads
};

struct JpegGhosts {
    std::vector<int> qualities;
    /// One grey map per quality, the image's aspect ratio: each window's mean squared
    /// difference to the image re-saved at that quality, scaled over the qualities tried
    /// (0, black: the least of them; 255, white: the most).
    std::vector<Picture> maps;
    std::vector<double> mean_difference; ///< per quality, over the whole image (8-bit units squared)
    int grid_x = 0, grid_y = 0;          ///< the grid the re-saves were made on (JpegGhostParams)
};

/// Fails for an empty image, qualities outside 1..100 or not increasing, a window below 1
/// or over 256, a grid offset outside 0..7; ErrorCode::Aborted when `abort` says so.
Result<JpegGhosts> jpeg_ghosts(const Picture& image, const JpegGhostParams& params = {});
/// The maps side by side (up to five a row), each with its quality written above it (and the
/// grid, "JPEG 60 (3,5)", where the re-saves were not made on the image's).
Picture jpeg_ghost_sheet(const JpegGhosts& ghosts);

/// The 8 x 8 block grid a JPEG save leaves in the pixels: each block's DCT is quantized on
/// its own, and its highest frequencies mostly to zero, so the pixels' 8-point DCTs are
/// sparse at the top on the grid the picture was saved on and on no other. It answers where
/// the ghosts' re-saves should put their grid (JpegGhostParams::grid_x/y): a picture cut
/// after a JPEG save at a position that is no multiple of 8 and saved again more finely
/// carries the first save's grid off the corner, and a PNG or TIFF with a grid was a JPEG
/// before. A save at quality 95 or above, or a resize since, can leave no grid to find;
/// content with an 8-pixel period (text, fabric, tiles) can show one. An indication, never
/// proof. Two passes over a float copy of the luma (4 bytes a pixel).
struct JpegGridParams {
    double min_z = 5.0;  ///< how far the sparsest of the eight offsets must lie below the next (standard errors)
    AbortCallback abort; ///< asked every 64 rows
};

struct JpegGrid {
    bool found = false;          ///< the picture carries an 8 x 8 block grid, across and down
    int grid_x = 0, grid_y = 0;  ///< where its blocks start: columns x = grid_x, rows y = grid_y (mod 8)
    double z_x = 0.0, z_y = 0.0; ///< how far the sparsest offset lies below the next, across and down
    std::string note;            ///< what it says, in words

    /// {"found","grid":[x,y],"z":[x,y],"note"}.
    std::string to_json() const;
};

/// Fails for an empty picture; ErrorCode::Aborted when `abort` says so. A picture under 8
/// pixels either way (or with too few segments) answers with nothing found.
Result<JpegGrid> jpeg_block_grid(const Picture& image, const JpegGridParams& params = {});

} // namespace clipflow
