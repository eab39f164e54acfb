#pragma once
// ProxyPreview: a natural image beside one of its proxies, each above its
// spectrum, so the analyst sees what a spectral modification does. The two
// image views zoom and pan together. Plain data in; GUI thread only.

#include <QImage>
#include <QWidget>

#include <vector>

class QLabel;

namespace clipflow::widgets {

class ImageView;
class SpectrumImage;

class ProxyPreview : public QWidget {
    Q_OBJECT
public:
    explicit ProxyPreview(QWidget* parent = nullptr);

    // spectra: centred dB values, width x height each.
    void setPair(const QImage& natural, const QImage& proxy, const QString& operation, const std::vector<float>& natural_db,
                 const std::vector<float>& proxy_db, int width, int height);
    QString operation() const;

    ImageView* naturalView() const { return natural_; }
    ImageView* proxyView() const { return proxy_; }
    SpectrumImage* naturalSpectrum() const { return natural_spectrum_; }
    SpectrumImage* proxySpectrum() const { return proxy_spectrum_; }

private:
    void follow(ImageView* from, ImageView* to);

    QLabel* title_;
    ImageView *natural_, *proxy_;
    SpectrumImage *natural_spectrum_, *proxy_spectrum_;
    bool syncing_ = false;
};

} // namespace clipflow::widgets
