#include "clipflow/widgets/imageview.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace clipflow::widgets {

ImageView::ImageView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Image"));
    setAccessibleDescription(tr("Wheel to zoom, drag to pan, F to fit, 1 for actual size"));
}

void ImageView::setImage(const QImage& image)
{
    image_ = image;
    overlay_ = QImage();
    fitToView();
}

void ImageView::replaceImage(const QImage& image)
{
    if (image.isNull() || image.size() != image_.size()) {
        setImage(image);
        return;
    }
    image_ = image;
    overlay_ = QImage();
    update();
}

void ImageView::setOverlay(const QImage& overlay, double opacity)
{
    overlay_ = overlay;
    overlay_opacity_ = std::clamp(opacity, 0.0, 1.0);
    update();
}

void ImageView::clearOverlay()
{
    overlay_ = QImage();
    update();
}

double ImageView::fitZoom() const
{
    if (image_.isNull() || width() < 1 || height() < 1) return 1.0;
    return std::min({double(width()) / image_.width(), double(height()) / image_.height(), kMaxZoom});
}

void ImageView::fitToView()
{
    fit_ = true;
    zoom_ = fitZoom();
    offset_ = QPointF((width() - image_.width() * zoom_) / 2, (height() - image_.height() * zoom_) / 2);
    Q_EMIT zoomChanged(zoom_);
    Q_EMIT viewChanged();
    update();
}

void ImageView::setView(double zoom, QPointF centre)
{
    if (image_.isNull()) return;
    zoom_ = std::clamp(zoom, std::min(1.0, fitZoom()), kMaxZoom);
    fit_ = false;
    offset_ = QPointF(width() / 2.0, height() / 2.0) - centre * zoom_;
    clampOffset();
    Q_EMIT zoomChanged(zoom_);
    Q_EMIT viewChanged();
    update();
}

void ImageView::actualSize()
{
    setZoom(1.0, QPointF(width() / 2.0, height() / 2.0));
}

void ImageView::setZoom(double zoom, QPointF anchor)
{
    if (image_.isNull()) return;
    const double lowest = std::min(1.0, fitZoom());
    zoom = std::clamp(zoom, lowest, kMaxZoom);
    const QPointF at = viewToImage(anchor);
    zoom_ = zoom;
    fit_ = false;
    offset_ = anchor - at * zoom_;
    clampOffset();
    Q_EMIT zoomChanged(zoom_);
    Q_EMIT viewChanged();
    update();
}

// Keep some of the image in view; centre it along any axis where it fits.
void ImageView::clampOffset()
{
    const double w = image_.width() * zoom_, h = image_.height() * zoom_;
    if (w <= width())
        offset_.setX((width() - w) / 2);
    else
        offset_.setX(std::clamp(offset_.x(), width() - w, 0.0));
    if (h <= height())
        offset_.setY((height() - h) / 2);
    else
        offset_.setY(std::clamp(offset_.y(), height() - h, 0.0));
}

QPointF ImageView::viewToImage(QPointF view) const
{
    return (view - offset_) / zoom_;
}

QPointF ImageView::imageToView(QPointF image) const
{
    return image * zoom_ + offset_;
}

void ImageView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Dark));
    if (image_.isNull()) return;
    // Nearest neighbour when enlarging: the analyst must see the real pixels.
    p.setRenderHint(QPainter::SmoothPixmapTransform, zoom_ < 1.0);
    const QRectF target(offset_, QSizeF(image_.width() * zoom_, image_.height() * zoom_));
    p.drawImage(target, image_);
    if (!overlay_.isNull()) {
        p.setOpacity(overlay_opacity_);
        // A coarse grid (a heat map's tiles) is smoothed; a picture of the image's pixels is not.
        p.setRenderHint(QPainter::SmoothPixmapTransform, overlay_.size() != image_.size() || zoom_ < 1.0);
        p.drawImage(target, overlay_);
    }
}

void ImageView::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0) return;
    setZoom(zoom_ * std::pow(1.25, steps), event->position());
    event->accept();
}

void ImageView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        dragging_ = true;
        drag_from_ = event->position();
        setCursor(Qt::ClosedHandCursor);
    }
}

void ImageView::mouseMoveEvent(QMouseEvent* event)
{
    if (dragging_) {
        offset_ += event->position() - drag_from_;
        drag_from_ = event->position();
        fit_ = false;
        clampOffset();
        Q_EMIT viewChanged();
        update();
    }
    const QPointF at = viewToImage(event->position());
    const int x = int(std::floor(at.x())), y = int(std::floor(at.y()));
    if (image_.valid(x, y))
        Q_EMIT pixelHovered(x, y, image_.pixelColor(x, y));
    else
        Q_EMIT pixelHovered(-1, -1, QColor());
}

void ImageView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        dragging_ = false;
        unsetCursor();
    }
}

void ImageView::keyPressEvent(QKeyEvent* event)
{
    const QPointF centre(width() / 2.0, height() / 2.0);
    switch (event->key()) {
    case Qt::Key_F: fitToView(); break;
    case Qt::Key_1: actualSize(); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: setZoom(zoom_ * 2, centre); break;
    case Qt::Key_Minus: setZoom(zoom_ / 2, centre); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void ImageView::resizeEvent(QResizeEvent*)
{
    if (fit_)
        fitToView();
    else
        clampOffset();
}

} // namespace clipflow::widgets
