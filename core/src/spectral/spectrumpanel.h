#pragma once
// One spectrum as a viridis panel with its peaks circled (internal to core;
// shared by the spectrum sheet and the proxy previews).

#include "clipflow/spectrum.h"

#include <opencv2/core.hpp>

namespace clipflow::detail {

constexpr int kPanel = 512;
// kPanel wide, kPanel + 28 high (a title bar on top), BGR.
cv::Mat colour_panel(const Spectrum& s, const std::vector<SpectralPeak>& peaks);

} // namespace clipflow::detail
