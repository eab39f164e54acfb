// clipflow-render-widgets: renders each reusable widget with real data into
// docs/images/ (called by scripts/render_doc_images.py), so the documentation's
// screenshots are made by the code they show, never by hand.
//
//   clipflow-render-widgets OUT_DIR MODEL IMAGE

#include <clipflow/clipflowdetector.h>
#include <clipflow/evidence.h>
#include <clipflow/flowtrainer.h>
#include <clipflow/laundering.h>
#include <clipflow/proxy.h>
#include <clipflow/spectrum.h>

#include <clipflow/widgets/imageview.h>
#include <clipflow/widgets/likelihoodhistogram.h>
#include <clipflow/widgets/proxypreview.h>
#include <clipflow/widgets/spectrumview.h>
#include <clipflow/widgets/trainingmonitor.h>

#include <QApplication>
#include <QDir>
#include <QFileInfo>

#include <iostream>
#include <random>

namespace {

clipflow::Raster upsample2(const clipflow::Raster& in)
{
    clipflow::Raster r;
    r.width = in.width * 2;
    r.height = in.height * 2;
    r.channels = in.channels;
    for (int y = 0; y < r.height; ++y)
        for (int x = 0; x < r.width; ++x)
            for (int c = 0; c < r.channels; ++c) r.data.push_back(in.at(x / 2, y / 2, c));
    return r;
}

QImage to_qimage(const clipflow::Raster& r)
{
    auto png = clipflow::encode_image(r, ".png");
    return png ? QImage::fromData(png->data(), int(png->size()), "PNG") : QImage();
}

clipflow::widgets::SpectrumView::Spectrum view_spectrum(const clipflow::Spectrum& s)
{
    return {QString::fromStdString(s.name), s.width, s.height, s.log_power_db, s.radial_profile_db};
}

bool save(QWidget& w, const QString& path)
{
    w.show();
    QApplication::processEvents();
    const bool ok = w.grab().save(path);
    std::cout << (ok ? "wrote " : "FAILED ") << path.toStdString() << "\n";
    return ok;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    if (argc != 4) {
        std::cerr << "usage: clipflow-render-widgets OUT_DIR MODEL IMAGE\n";
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    QDir().mkpath(out);
    bool ok = true;

    // LikelihoodHistogram: the default model's calibration, a photo and its 2x up-sampled copy.
    auto det = clipflow::ClipFlowDetector::load(argv[2]);
    auto ev = clipflow::load_evidence(argv[3]);
    if (!det || !ev) {
        std::cerr << "cannot load the model or the image\n";
        return 1;
    }
    const auto& cal = det->info().calibration;
    clipflow::widgets::LikelihoodHistogram hist;
    hist.resize(900, 420);
    hist.setNatural({cal.natural_histogram().lo, cal.natural_histogram().hi, cal.natural_histogram().counts, true});
    hist.setProxy({cal.proxy_histogram().lo, cal.proxy_histogram().hi, cal.proxy_histogram().counts, true});
    hist.setThreshold(cal.threshold(), cal.fpr(), cal.bound_holds() ? cal.confidence() : 0.0);
    std::vector<clipflow::widgets::LikelihoodHistogram::Marker> markers;
    const QString name = QFileInfo(QString::fromLocal8Bit(argv[3])).fileName();
    for (const auto& [label, raster] :
         {std::pair{name, ev->pixels}, std::pair{name + QStringLiteral(" (2x up-sampled)"), upsample2(ev->pixels)}}) {
        auto s = det->score(raster);
        if (!s) return 1;
        markers.push_back({label, s->calibrated.log_likelihood, s->calibrated.percentile});
    }
    hist.setMarkers(markers);
    ok &= save(hist, out + QStringLiteral("/widget-likelihoodhistogram.png"));

    // ImageView: the image, zoomed 8x about its centre (pixel peeping, nearest neighbour).
    clipflow::widgets::ImageView view;
    view.resize(640, 400);
    view.setImage(QImage(QString::fromLocal8Bit(argv[3])));
    view.show();
    QApplication::processEvents();
    view.setZoom(8.0, QPointF(320, 200));
    ok &= save(view, out + QStringLiteral("/widget-imageview.png"));

    // SpectrumView: the image 2x up-sampled, against a band from the original's four quadrants.
    clipflow::SpectrumParams sp;
    sp.per_channel = true;
    const clipflow::Raster up = upsample2(clipflow::crop(ev->pixels, 0, 0, ev->pixels.width / 2, ev->pixels.height / 2));
    auto spec = clipflow::analyze_spectrum(up, sp);
    if (!spec) return 1;
    std::vector<float> band_lo(spec->radial_frequency.size(), 1e9f), band_hi(spec->radial_frequency.size(), -1e9f);
    const int hw = ev->pixels.width / 2, hh = ev->pixels.height / 2;
    for (int q = 0; q < 4; ++q) {
        auto qs = clipflow::analyze_spectrum(clipflow::crop(ev->pixels, (q % 2) * hw, (q / 2) * hh, hw, hh), sp);
        if (!qs) return 1;
        for (std::size_t i = 0; i < band_lo.size(); ++i) {
            band_lo[i] = std::min(band_lo[i], qs->image.radial_profile_db[i]);
            band_hi[i] = std::max(band_hi[i], qs->image.radial_profile_db[i]);
        }
    }
    std::vector<clipflow::widgets::SpectrumView::Spectrum> spectra{view_spectrum(spec->image)};
    spectra.front().name = QStringLiteral("luminance");
    for (const auto& c : spec->channels) spectra.push_back(view_spectrum(c));
    spectra.push_back(view_spectrum(spec->residual));
    std::vector<clipflow::widgets::SpectrumView::Peak> peaks;
    for (const auto& pk : spec->peaks)
        peaks.push_back(
            {QString::fromStdString(pk.source == spec->image.name ? std::string("luminance") : pk.source), pk.fx, pk.fy});
    clipflow::widgets::SpectrumView spectrum_view;
    spectrum_view.resize(900, 380);
    spectrum_view.setSpectra(spectra, spec->radial_frequency, peaks);
    spectrum_view.setNaturalBand(band_lo, band_hi);
    spectrum_view.setCurrent(QStringLiteral("residual"));
    ok &= save(spectrum_view, out + QStringLiteral("/widget-spectrumview.png"));

    // ProxyPreview: a transposed-convolution proxy of the image's central 256 px.
    const clipflow::Raster centre =
        clipflow::crop(ev->pixels, (ev->pixels.width - 256) / 2, (ev->pixels.height - 256) / 2, 256, 256);
    auto proxy = clipflow::make_proxy(centre, clipflow::ProxyOp::TransposedConv, 2);
    auto sa = clipflow::analyze_spectrum(centre), sb = proxy ? clipflow::analyze_spectrum(proxy->image) : sa;
    if (!proxy || !sa || !sb) return 1;
    clipflow::widgets::ProxyPreview preview;
    preview.resize(760, 720);
    preview.setPair(to_qimage(centre), to_qimage(proxy->image), QStringLiteral("transposed_conv"), sa->residual.log_power_db,
                    sb->residual.log_power_db, sa->residual.width, sa->residual.height);
    preview.show();
    QApplication::processEvents();
    preview.naturalView()->setZoom(4.0, QPointF(preview.naturalView()->width() / 2.0, preview.naturalView()->height() / 2.0));
    ok &= save(preview, out + QStringLiteral("/widget-proxypreview.png"));

    // TrainingMonitor: a real (small) flow training run, fed through the progress callback.
    clipflow::widgets::TrainingMonitor monitor;
    monitor.resize(700, 320);
    std::mt19937 rng(1);
    std::normal_distribution<float> g;
    const int n = 2048, d = 16;
    std::vector<float> nat(n * d), prox(n * d);
    for (int i = 0; i < n * d; ++i) {
        nat[std::size_t(i)] = g(rng);
        prox[std::size_t(i)] = g(rng) * ((i % d) < 4 ? 2.5f : 1.0f);
    }
    clipflow::FlowTrainParams tp;
    tp.flow.dim = d;
    tp.flow.steps = 3;
    tp.flow.hidden = 64;
    tp.epochs = 30;
    tp.batch_size = 128;
    tp.device = "cpu";
    tp.progress = [&](const clipflow::TrainProgress& t) {
        monitor.addPoint(double(t.step) / double(t.steps_per_epoch), t.natural_nll, t.proxy_nll);
        monitor.setStatus(t.epoch, t.epochs, t.samples_per_s, t.eta_s, QStringLiteral("CPU"));
    };
    if (!clipflow::train_flow(nat, n, prox, n, tp)) return 1;
    ok &= save(monitor, out + QStringLiteral("/widget-trainingmonitor.png"));
    return ok ? 0 : 1;
}
