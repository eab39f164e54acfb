#pragma once
// ImageView: an image to peep at. The wheel zooms about the cursor (up to 32x,
// nearest-neighbour above 1:1 so pixels stay pixels), dragging pans, F fits,
// 1 shows 1:1, + and - step the zoom. An optional overlay (a spectrum, a heat
// map, an error level picture) is drawn on top with its own opacity; one on the
// image's own pixel grid is drawn like the image. Moving the mouse reports the
// pixel under it. Drawn in device pixels, so it stays sharp on high-DPI screens.
// GUI thread only.

#include <QImage>
#include <QPointF>
#include <QWidget>

namespace clipflow::widgets {

class ImageView : public QWidget {
    Q_OBJECT
public:
    static constexpr double kMaxZoom = 32.0;

    explicit ImageView(QWidget* parent = nullptr);

    void setImage(const QImage& image); // fits it to the view
    // Another picture of the same size keeps the zoom and place (stepping through maps of one
    // image); of another size, as setImage. The overlay goes either way.
    void replaceImage(const QImage& image);
    const QImage& image() const { return image_; }
    // Stretched over the whole image; opacity 0..1. An overlay of the image's size
    // is a picture of its pixels: nearest-neighbour above 1:1, as the image.
    void setOverlay(const QImage& overlay, double opacity = 0.5);
    void clearOverlay();
    const QImage& overlay() const { return overlay_; }
    double overlayOpacity() const { return overlay_opacity_; }

    double zoom() const { return zoom_; } // view pixels per image pixel
    bool fitting() const { return fit_; }
    void setZoom(double zoom, QPointF anchor); // keeps the image point under `anchor` (view coordinates) in place
    void fitToView();
    void actualSize();
    // Shows image point `centre` in the middle of the view at `zoom` (for linked views).
    void setView(double zoom, QPointF centre);
    QPointF viewCentre() const { return viewToImage(QPointF(width() / 2.0, height() / 2.0)); }

    QPointF viewToImage(QPointF view) const;
    QPointF imageToView(QPointF image) const;

    QSize sizeHint() const override { return {480, 360}; }

Q_SIGNALS:
    void pixelHovered(int x, int y, QColor color); // x = y = -1 off the image
    void zoomChanged(double zoom);
    void viewChanged(); // zoom or pan

protected:
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    double fitZoom() const;
    void clampOffset();

    QImage image_, overlay_;
    double overlay_opacity_ = 0.5;
    double zoom_ = 1.0;
    QPointF offset_; // view position of the image's top-left corner
    bool fit_ = true;
    bool dragging_ = false;
    QPointF drag_from_;
};

} // namespace clipflow::widgets
