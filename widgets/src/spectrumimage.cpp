#include "clipflow/widgets/spectrumimage.h"

#include <QKeyEvent>
#include <QPainter>

#include <algorithm>

namespace clipflow::widgets {

namespace {
constexpr int kBar = 14;    // scale bar width
constexpr int kLabels = 46; // room for its labels
constexpr int kTitle = 18;
} // namespace

SpectrumImage::SpectrumImage(QWidget* parent) : QWidget(parent)
{
    setAccessibleName(tr("Spectrum"));
    setMinimumSize(160, 140);
    setFocusPolicy(Qt::StrongFocus);
}

void SpectrumImage::keyPressEvent(QKeyEvent* event)
{
    if (event->key() != Qt::Key_P) {
        QWidget::keyPressEvent(event);
        return;
    }
    setPalette(map_.palette() == ColorMap::Palette::Viridis ? ColorMap::Palette::Magma : ColorMap::Palette::Viridis);
    event->accept();
}

void SpectrumImage::setSpectrum(const std::vector<float>& db, int width, int height, const QString& title)
{
    db_ = db;
    w_ = width;
    h_ = height;
    title_ = title;
    setAccessibleName(title.isEmpty() ? tr("Spectrum") : title);
    render();
}

void SpectrumImage::setPeaks(const std::vector<Peak>& peaks)
{
    peaks_ = peaks;
    update();
}

void SpectrumImage::setPalette(ColorMap::Palette palette)
{
    map_ = ColorMap(palette);
    render();
}

void SpectrumImage::render()
{
    image_ = QImage();
    if (w_ < 1 || h_ < 1 || db_.size() != std::size_t(w_) * std::size_t(h_)) {
        update();
        return;
    }
    // The colour map's robust range (1st to 99.9th percentile), also shown on the bar.
    std::vector<float> sorted(db_);
    const auto lo_i = sorted.size() / 100, hi_i = sorted.size() - 1 - sorted.size() / 1000;
    std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(lo_i), sorted.end());
    lo_ = sorted[lo_i];
    std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(hi_i), sorted.end());
    hi_ = std::max(sorted[hi_i], lo_ + 1e-3f);
    image_ = map_.render(db_.data(), w_, h_, lo_, hi_);
    update();
}

QRectF SpectrumImage::imageRect() const
{
    const double availW = width() - kBar - kLabels - 8, availH = height() - kTitle - 4;
    if (w_ < 1 || h_ < 1 || availW < 1 || availH < 1) return {};
    const double s = std::min(availW / w_, availH / h_);
    return {(availW - w_ * s) / 2, kTitle + (availH - h_ * s) / 2, w_ * s, h_ * s};
}

QPointF SpectrumImage::frequencyToWidget(double fx, double fy) const
{
    const QRectF r = imageRect();
    return {r.left() + (0.5 + fx) * r.width(), r.top() + (0.5 + fy) * r.height()};
}

void SpectrumImage::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window));
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRectF(0, 0, width(), kTitle), Qt::AlignLeft | Qt::AlignVCenter, title_);
    if (image_.isNull()) return;
    const QRectF r = imageRect();
    p.setRenderHint(QPainter::SmoothPixmapTransform, r.width() < w_);
    p.drawImage(r, image_);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(255, 60, 60), 2));
    for (const auto& pk : peaks_)
        for (int sign : {1, -1}) p.drawEllipse(frequencyToWidget(sign * pk.fx, sign * pk.fy), 7, 7);
    // Scale bar: the colour map top to bottom, labelled in dB.
    const QRectF bar(width() - kBar - kLabels, r.top(), kBar, r.height());
    for (int y = 0; y < int(bar.height()); ++y)
        p.fillRect(QRectF(bar.left(), bar.top() + y, kBar, 1), QColor(map_.color(1.0 - y / std::max(1.0, bar.height() - 1))));
    p.setPen(palette().color(QPalette::WindowText));
    p.drawRect(bar);
    const QRectF labels(bar.right() + 3, bar.top() - 6, kLabels, bar.height() + 12);
    p.drawText(labels, Qt::AlignTop | Qt::AlignLeft, tr("%1 dB").arg(hi_, 0, 'f', 0));
    p.drawText(labels, Qt::AlignBottom | Qt::AlignLeft, tr("%1 dB").arg(lo_, 0, 'f', 0));
}

} // namespace clipflow::widgets
