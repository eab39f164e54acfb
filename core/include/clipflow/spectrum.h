#pragma once
// Spectral analysis of the stored pixel grid (FFTW3, single precision).
//
// Three power spectra are averaged over Hann/Tukey-windowed tiles (Welch):
//   image       - luminance or one channel
//   residual    - image minus its 3x3 median (or Gaussian) denoised version:
//                 scene content is suppressed, resampling traces remain
//   periodicity - spectrum of the local residual energy |dx|+|dy|+|d2x|+|d2y|:
//                 a resampled grid makes this map periodic, so it peaks at the
//                 resampling frequency even when the linear spectrum does not
// Frequencies are in cycles per pixel: 0.5 is the Nyquist frequency.

#include "clipflow/callbacks.h"
#include "clipflow/raster.h"
#include "clipflow/result.h"

#include <string>
#include <vector>

namespace clipflow {

enum class Window { None, Hann, Tukey };
enum class Denoiser { Median3, Gaussian };

const char* window_name(Window window);
const char* denoiser_name(Denoiser denoiser);

struct SpectrumParams {
    Window window = Window::Hann;
    float tukey_alpha = 0.25f; ///< taper fraction for Window::Tukey
    int tile_size = 1024;      ///< images larger than this in either side are tiled
    float tile_overlap = 0.5f; ///< Welch overlap between neighbouring tiles
    int radial_bins = 128;     ///< radial profile from 0 to 0.5 cycles/pixel
    bool per_channel = false;  ///< also analyse R, G and B separately
    Denoiser denoiser = Denoiser::Median3;
    float gaussian_sigma = 1.0f;      ///< for Denoiser::Gaussian
    double min_peak_frequency = 0.03; ///< ignore the DC neighbourhood
    double peak_false_alarm = 1e-3;   ///< expected false peaks per spectrum on pure noise
    double min_peak_db = 6.0;         ///< and never report anything weaker than this
    int max_peaks = 16;               ///< per spectrum, strongest first
    int fft_threads = 0;              ///< 0: all hardware threads
    ProgressCallback progress;
    AbortCallback abort;
};

struct Spectrum {
    std::string name; ///< "luminance", "red", "residual", "periodicity", ...
    int width = 0;    ///< FFT size (tile or whole image)
    int height = 0;
    std::vector<float> log_power_db;      ///< centred (DC in the middle), row-major, 10*log10(PSD)
    std::vector<float> radial_profile_db; ///< azimuthal mean PSD per radial bin, dB
    double mean_db = 0.0;                 ///< overall PSD level, dB

    float at_frequency(double fx, double fy) const; ///< nearest bin, for tests and markers
};

struct SpectralPeak {
    std::string source;       ///< which spectrum it was found in
    double fx = 0.0;          ///< cycles/pixel, horizontal
    double fy = 0.0;          ///< cycles/pixel, vertical (positive down)
    double frequency = 0.0;   ///< radius, cycles/pixel
    double period_px = 0.0;   ///< 1 / frequency
    double angle_deg = 0.0;   ///< atan2(fy, fx)
    double strength_db = 0.0; ///< above the local spectral background
};

struct SpectrumResult {
    int image_width = 0;
    int image_height = 0;
    int tiles = 0; ///< 1 for a whole-image FFT
    Window window = Window::Hann;
    Denoiser denoiser = Denoiser::Median3;
    std::vector<float> radial_frequency; ///< bin centres, cycles/pixel
    Spectrum image;                      ///< luminance (or the single grey channel)
    std::vector<Spectrum> channels;      ///< red, green, blue when per_channel
    Spectrum residual;
    Spectrum periodicity;
    std::vector<SpectralPeak> peaks; ///< all sources, strongest first
};

/// Thread-safe; FFT plans are cached and shared between calls.
Result<SpectrumResult> analyze_spectrum(const Raster& image, const SpectrumParams& params = {});
/// The same for 8-bit samples, read as value / 255: equal to analysing the
/// raster those values make (to float rounding), with a quarter of the memory
/// traffic — the way for pictures decoded from 8-bit files.
Result<SpectrumResult> analyze_spectrum(const Picture& image, const SpectrumParams& params = {});

/// One Welch-averaged power spectrum of a single-channel raster: the building
/// block of analyze_spectrum, exposed for benchmarks and custom analyses.
Result<Spectrum> power_spectrum(const Raster& grey, const SpectrumParams& params = {}, const std::string& name = "grey");

/// Viridis rendering of the image, residual and periodicity spectra side by side,
/// with the detected peaks circled. Encoded PNG bytes.
Result<std::vector<unsigned char>> render_spectrum_png(const SpectrumResult& result);

} // namespace clipflow
