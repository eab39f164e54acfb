#include "reportfigures.h"

#include <clipflow/widgets/colormap.h>
#include <clipflow/widgets/likelihoodhistogram.h>
#include <clipflow/widgets/radialprofileplot.h>
#include <clipflow/widgets/spectrumimage.h>

#include <QFileInfo>
#include <QPainter>

namespace clipflow::app {
QImage ReportFigures::thumbnail(const Analysis& a, int size)
{
    if (a.preview.isNull()) return {};
    return a.preview.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

namespace {
const widgets::ColorMap& heatColors()
{
    static const widgets::ColorMap magma(widgets::ColorMap::Palette::Magma);
    return magma;
}
} // namespace

QImage ReportFigures::heatMap(const ScoreMap& map, int size)
{
    const Raster r = map.render(size);
    if (r.empty()) return {};
    return heatColors().render(r.data.data(), r.width, r.height, 0.0f, 1.0f); // ai_score 0..1, fixed: maps compare
}

QImage ReportFigures::heatMapOverlay(const Analysis& a, const ScoreMap& map, int size)
{
    QImage out = thumbnail(a, size).convertToFormat(QImage::Format_RGB32);
    const QImage heat = heatMap(map);
    if (out.isNull() || heat.isNull()) return {};
    QPainter p(&out);
    p.setOpacity(0.55); // as the window draws it
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    p.drawImage(out.rect(), heat);
    return out;
}

QImage ReportFigures::heatRamp(QSize size)
{
    QImage ramp(size, QImage::Format_RGB32);
    for (int x = 0; x < ramp.width(); ++x)
        for (int y = 0; y < ramp.height(); ++y)
            ramp.setPixel(x, y, heatColors().color(x / double(std::max(1, ramp.width() - 1))));
    return ramp;
}

QImage ReportFigures::spectrum(const Analysis& a, QSize size)
{
    if (!a.spectrum) return {};
    const auto& s = *a.spectrum;
    widgets::SpectrumImage view;
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(size);
    view.setSpectrum(s.image.log_power_db, s.image.width, s.image.height, QStringLiteral("luminance"));
    std::vector<widgets::SpectrumImage::Peak> peaks;
    for (const auto& p : s.peaks)
        if (p.source == s.image.name) peaks.push_back({p.fx, p.fy});
    view.setPeaks(peaks);
    return view.grab().toImage();
}

QImage ReportFigures::radialProfile(const Analysis& a, QSize size)
{
    if (!a.spectrum) return {};
    const auto& s = *a.spectrum;
    widgets::RadialProfilePlot plot;
    plot.setAttribute(Qt::WA_DontShowOnScreen);
    plot.resize(size);
    plot.addSeries(QStringLiteral("luminance"), s.radial_frequency, s.image.radial_profile_db, QColor(31, 119, 180));
    plot.addSeries(QStringLiteral("residual"), s.radial_frequency, s.residual.radial_profile_db, QColor(214, 39, 40));
    plot.addSeries(QStringLiteral("periodicity"), s.radial_frequency, s.periodicity.radial_profile_db, QColor(44, 160, 44));
    return plot.toImage(size.width(), size.height());
}

void ReportFigures::showCalibration(widgets::LikelihoodHistogram& h, const Analysis& a)
{
    const auto& d = a.detectors;
    h.setMarkers({});
    if (!d.calibration) return;
    const auto& cal = *d.calibration;
    const auto& nat = cal.natural_histogram();
    const DetectorScore* s = d.score(DetectorKind::ClipFlow);
    if (s && s->delivered_copy && cal.calibrates_copies()) {
        // A delivered copy was read against the held-out photos as delivered: show those, on the same bins.
        const auto& del = cal.delivered_histogram();
        h.setNatural({del.lo, del.hi, del.counts, true});
        h.setNaturalLabel(tr("natural images as delivered (held out)"));
        h.setThreshold(cal.copy_threshold(), cal.fpr(), cal.confidence());
    } else {
        h.setNatural({nat.lo, nat.hi, nat.counts, true});
        h.setNaturalLabel({});
        h.setThreshold(cal.threshold(), cal.fpr(), cal.bound_holds() ? cal.confidence() : 0.0);
    }
    h.setProxy({cal.proxy_histogram().lo, cal.proxy_histogram().hi, cal.proxy_histogram().counts, true});
    if (d.clipflow())
        h.setMarkers(
            {{QFileInfo(a.file).fileName(), d.clipflow()->calibrated.log_likelihood, d.clipflow()->calibrated.percentile}});
}

QImage ReportFigures::histogram(const Analysis& a, QSize size)
{
    if (!a.detectors.calibration || !a.detectors.clipflow()) return {};
    widgets::LikelihoodHistogram h;
    h.setAttribute(Qt::WA_DontShowOnScreen);
    h.resize(size);
    showCalibration(h, a);
    return h.toImage(size.width(), size.height());
}

} // namespace clipflow::app
