#pragma once
// SpectrumView: an image's spectra for the analyst. A SpectrumImage of the
// chosen spectrum (luminance, a colour channel, or the noise residual, picked
// with toggle buttons) with its peaks, beside the radial profiles on a
// RadialProfilePlot, where an optional grey band shows the range natural
// images span. Plain data in; no core types. GUI thread only.

#include "clipflow/widgets/spectrumimage.h"

#include <QWidget>

#include <map>
#include <vector>

class QButtonGroup;
class QHBoxLayout;

namespace clipflow::widgets {

class RadialProfilePlot;

class SpectrumView : public QWidget {
    Q_OBJECT
public:
    struct Spectrum {
        QString name; // "luminance", "red", "green", "blue", "residual", ...
        int width = 0, height = 0;
        std::vector<float> log_power_db; // centred, row-major
        std::vector<float> radial_db;    // one value per radial bin
    };
    struct Peak {
        QString source; // the spectrum it was found in
        double fx = 0.0, fy = 0.0;
    };

    explicit SpectrumView(QWidget* parent = nullptr);

    void setSpectra(const std::vector<Spectrum>& spectra, const std::vector<float>& frequencies, const std::vector<Peak>& peaks);
    // Lower and upper dB per radial bin for natural images; empty hides the band.
    void setNaturalBand(const std::vector<float>& lower_db, const std::vector<float>& upper_db);
    void setCurrent(const QString& name); // ignored when unknown
    QString current() const { return current_; }
    QStringList names() const;

    SpectrumImage* image() const { return image_; }
    RadialProfilePlot* profile() const { return profile_; }

Q_SIGNALS:
    void currentChanged(const QString& name);

private:
    void showCurrent();
    void rebuildProfiles();

    SpectrumImage* image_;
    RadialProfilePlot* profile_;
    QHBoxLayout* toggles_;
    QButtonGroup* group_;
    std::vector<Spectrum> spectra_;
    std::vector<float> frequencies_, band_lo_, band_hi_;
    std::vector<Peak> peaks_;
    QString current_;
};

} // namespace clipflow::widgets
