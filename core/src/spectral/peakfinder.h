#pragma once
// Periodic-peak detection on a centred power spectrum (internal).

#include "clipflow/spectrum.h"

#include <vector>

namespace clipflow::detail {

struct PeakSearch {
    double min_frequency = 0.03;
    double false_alarm = 1e-3;
    double min_db = 6.0;
    int max_peaks = 16;
    int averages = 1; // Welch tiles: more averages, tighter noise, lower threshold
};

// power: centred linear PSD, height x width. Returns peaks in the upper
// half-plane (each conjugate pair once), strongest first.
std::vector<SpectralPeak> find_peaks(const std::vector<float>& power, int width, int height, const std::string& source,
                                     const PeakSearch& search);

// Ratio above the local background that pure noise exceeds with probability
// false_alarm over `bins` independent bins, given `averages` Welch averages.
double noise_ratio_threshold(int averages, double bins, double false_alarm);

} // namespace clipflow::detail
