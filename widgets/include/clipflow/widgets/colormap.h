#pragma once
// Perceptually uniform colour maps (viridis, magma) for rendering scalar
// fields such as log spectra. Plain data in, QImage out; no core types.

#include <QColor>
#include <QImage>

#include <array>

namespace clipflow::widgets {

class ColorMap {
public:
    enum class Palette { Viridis, Magma };

    explicit ColorMap(Palette palette = Palette::Viridis);

    QRgb color(double t) const; // t in [0, 1], clamped
    // Row-major values, mapped linearly from [lo, hi]; hi <= lo picks the 1st..99.9th percentiles.
    QImage render(const float* values, int width, int height, float lo = 0.0f, float hi = 0.0f) const;
    Palette palette() const { return palette_; }

private:
    Palette palette_;
    std::array<QRgb, 256> lut_{};
};

} // namespace clipflow::widgets
