#pragma once
// The threshold a calibration with delivered photos must have (calibration.h):
// the lower of the as-is and delivered thresholds, a delivered one moved down
// to the natural score below it, if any.

#include <algorithm>
#include <vector>

namespace testimages {

inline double expected_threshold(const std::vector<double>& natural_sorted, double as_is, double delivered)
{
    if (!(delivered < as_is)) return as_is;
    const auto j = std::lower_bound(natural_sorted.begin(), natural_sorted.end(), delivered) - natural_sorted.begin();
    return j > 0 ? natural_sorted[static_cast<std::size_t>(j - 1)] : delivered;
}

} // namespace testimages
