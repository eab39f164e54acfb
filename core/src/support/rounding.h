#pragma once
// Compact, stable JSON numbers: rounded to a power-of-ten step (the same figures
// `clipflow score` and `eval` have always printed); non-finite values become 0.

#include <cmath>

namespace clipflow::detail {

inline double rounded(double value, double step)
{
    if (!std::isfinite(value)) return 0.0;
    const double inverse = std::round(1.0 / step); // divide by an exact power of ten
    return std::round(value * inverse) / inverse;
}

} // namespace clipflow::detail
