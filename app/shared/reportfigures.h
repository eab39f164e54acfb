#pragma once
// The pictures a case report prints for one piece of evidence, drawn by the
// same widgets the window shows (rendered off screen, never shown). GUI thread only.

#include "analysis.h"

#include <QCoreApplication>
#include <QImage>

namespace clipflow::widgets {
class LikelihoodHistogram;
}

namespace clipflow::app {

class ReportFigures {
    Q_DECLARE_TR_FUNCTIONS(ReportFigures)
public:
    static QImage thumbnail(const Analysis& a, int size = 480);
    // The heat map's colours (magma: dark = natural, bright = less natural), long side `size`.
    static QImage heatMap(const ScoreMap& map, int size = 512);
    // The thumbnail with the heat map drawn over it (the window's overlay, for the report).
    static QImage heatMapOverlay(const Analysis& a, const ScoreMap& map, int size = 480);
    // The legend's colour ramp, dark to bright.
    static QImage heatRamp(QSize size = {96, 10});
    // Luminance power spectrum with detected peaks circled.
    static QImage spectrum(const Analysis& a, QSize size = {520, 480});
    // Radial profiles of the luminance, residual and periodicity spectra.
    static QImage radialProfile(const Analysis& a, QSize size = {540, 330});
    // The CLIP-Flow calibration histogram with this image marked; null without a CLIP-Flow score.
    static QImage histogram(const Analysis& a, QSize size = {540, 330});
    // Puts the CLIP-Flow calibration and this image's marker on a histogram (the window's and the report's).
    static void showCalibration(widgets::LikelihoodHistogram& h, const Analysis& a);
};

} // namespace clipflow::app
