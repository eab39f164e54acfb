#include "clipflow/widgets/proxypreview.h"

#include "clipflow/widgets/imageview.h"
#include "clipflow/widgets/spectrumimage.h"

#include <QGridLayout>
#include <QLabel>

namespace clipflow::widgets {

ProxyPreview::ProxyPreview(QWidget* parent)
    : QWidget(parent), title_(new QLabel(this)), natural_(new ImageView(this)), proxy_(new ImageView(this)),
      natural_spectrum_(new SpectrumImage(this)), proxy_spectrum_(new SpectrumImage(this))
{
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(title_, 0, 0, 1, 2);
    grid->addWidget(natural_, 1, 0);
    grid->addWidget(proxy_, 1, 1);
    grid->addWidget(natural_spectrum_, 2, 0);
    grid->addWidget(proxy_spectrum_, 2, 1);
    grid->setRowStretch(1, 1);
    grid->setRowStretch(2, 1);
    natural_->setAccessibleName(tr("Natural image"));
    proxy_->setAccessibleName(tr("Proxy image"));
    // The views move together: the same place, the same zoom, for comparison.
    connect(natural_, &ImageView::viewChanged, this, [this] { follow(natural_, proxy_); });
    connect(proxy_, &ImageView::viewChanged, this, [this] { follow(proxy_, natural_); });
}

void ProxyPreview::follow(ImageView* from, ImageView* to)
{
    if (syncing_) return;
    syncing_ = true;
    if (from->fitting())
        to->fitToView();
    else
        to->setView(from->zoom(), from->viewCentre());
    syncing_ = false;
}

void ProxyPreview::setPair(const QImage& natural, const QImage& proxy, const QString& operation,
                           const std::vector<float>& natural_db, const std::vector<float>& proxy_db, int width, int height)
{
    title_->setText(tr("Natural image (left) and its proxy: %1 (right)").arg(operation));
    title_->setProperty("operation", operation);
    natural_->setImage(natural);
    proxy_->setImage(proxy);
    natural_spectrum_->setSpectrum(natural_db, width, height, tr("natural spectrum"));
    proxy_spectrum_->setSpectrum(proxy_db, width, height, tr("proxy spectrum"));
}

QString ProxyPreview::operation() const
{
    return title_->property("operation").toString();
}

} // namespace clipflow::widgets
