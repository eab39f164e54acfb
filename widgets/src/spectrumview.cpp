#include "clipflow/widgets/spectrumview.h"

#include "clipflow/widgets/radialprofileplot.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QToolButton>
#include <QVBoxLayout>

namespace clipflow::widgets {

namespace {

QColor colour_of(const QString& name)
{
    if (name == QLatin1String("red")) return {200, 40, 40};
    if (name == QLatin1String("green")) return {40, 150, 60};
    if (name == QLatin1String("blue")) return {50, 80, 200};
    if (name == QLatin1String("residual")) return {230, 120, 10};
    if (name == QLatin1String("periodicity")) return {120, 60, 170};
    return {30, 30, 30};
}

} // namespace

SpectrumView::SpectrumView(QWidget* parent)
    : QWidget(parent), image_(new SpectrumImage(this)), profile_(new RadialProfilePlot(this)), toggles_(new QHBoxLayout),
      group_(new QButtonGroup(this))
{
    group_->setExclusive(true);
    auto* top = new QVBoxLayout(this);
    top->setContentsMargins(0, 0, 0, 0);
    toggles_->addStretch(1);
    top->addLayout(toggles_);
    auto* row = new QHBoxLayout;
    row->addWidget(image_, 1);
    row->addWidget(profile_, 1);
    top->addLayout(row, 1);
    setAccessibleName(tr("Spectra"));
}

QStringList SpectrumView::names() const
{
    QStringList out;
    for (const auto& s : spectra_) out << s.name;
    return out;
}

void SpectrumView::setSpectra(const std::vector<Spectrum>& spectra, const std::vector<float>& frequencies,
                              const std::vector<Peak>& peaks)
{
    spectra_ = spectra;
    frequencies_ = frequencies;
    peaks_ = peaks;
    for (QAbstractButton* b : group_->buttons()) {
        group_->removeButton(b);
        delete b;
    }
    for (const auto& s : spectra_) {
        auto* b = new QToolButton(this);
        b->setText(s.name);
        b->setCheckable(true);
        b->setAccessibleName(tr("Show the %1 spectrum").arg(s.name));
        group_->addButton(b);
        toggles_->insertWidget(toggles_->count() - 1, b);
        connect(b, &QToolButton::clicked, this, [this, name = s.name] { setCurrent(name); });
    }
    const QStringList n = names();
    current_ = n.contains(current_) ? current_ : n.value(0);
    showCurrent();
}

void SpectrumView::setNaturalBand(const std::vector<float>& lower_db, const std::vector<float>& upper_db)
{
    band_lo_ = lower_db;
    band_hi_ = upper_db;
    rebuildProfiles();
}

void SpectrumView::setCurrent(const QString& name)
{
    if (!names().contains(name)) return;
    const bool changed = name != current_;
    current_ = name;
    showCurrent();
    if (changed) Q_EMIT currentChanged(name);
}

void SpectrumView::showCurrent()
{
    for (QAbstractButton* b : group_->buttons()) b->setChecked(b->text() == current_);
    for (const auto& s : spectra_)
        if (s.name == current_) {
            image_->setSpectrum(s.log_power_db, s.width, s.height, tr("%1 spectrum (log power)").arg(s.name));
            std::vector<SpectrumImage::Peak> mine;
            for (const auto& p : peaks_)
                if (p.source == s.name) mine.push_back({p.fx, p.fy});
            image_->setPeaks(mine);
        }
    rebuildProfiles();
}

void SpectrumView::rebuildProfiles()
{
    profile_->clear();
    if (!band_lo_.empty()) profile_->addBand(tr("natural images"), frequencies_, band_lo_, band_hi_, QColor(150, 150, 150));
    for (const auto& s : spectra_) {
        QColor c = colour_of(s.name);
        if (s.name != current_) c.setAlpha(70); // the chosen spectrum stands out
        profile_->addSeries(s.name, frequencies_, s.radial_db, c);
    }
}

} // namespace clipflow::widgets
