// Proxy images: each operation leaves the spectral footprint it is named for,
// is reproducible from its seed, and keeps size, channels and range.

#include "syntheticimages.h"

#include <clipflow/proxy.h>
#include <clipflow/spectrum.h>

#include <nlohmann/json.hpp>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <utility>

using clipflow::ProxyOp;
using clipflow::Raster;

Q_DECLARE_METATYPE(clipflow::ProxyOp)

namespace {

// Mean residual power (dB) over radial bins in [f0, f1) cycles/pixel.
double band_db(const clipflow::SpectrumResult& s, const clipflow::Spectrum& which, double f0, double f1)
{
    double sum = 0;
    int n = 0;
    for (std::size_t i = 0; i < s.radial_frequency.size(); ++i)
        if (s.radial_frequency[i] >= f0 && s.radial_frequency[i] < f1) {
            sum += which.radial_profile_db[i];
            ++n;
        }
    return sum / std::max(1, n);
}

clipflow::SpectrumResult spectrum(const Raster& r)
{
    auto s = clipflow::analyze_spectrum(r);
    if (!s) qFatal("spectrum failed: %s", s.status().message().c_str());
    return std::move(*s);
}

// A peak at half the sampling rate (0.5 cycles/pixel) along either axis.
bool has_half_rate_peak(const clipflow::SpectrumResult& s)
{
    for (const auto& p : s.peaks)
        if (std::abs(std::abs(p.fx) - 0.5) < 0.02 || std::abs(std::abs(p.fy) - 0.5) < 0.02) return true;
    return false;
}

// A peak at a non-zero multiple of 1/8 cycle/pixel along either axis: the grid
// of an f=8 latent decoder (and of any 2x, 4x or 8x up-sampling stage).
bool has_eighth_rate_peak(const clipflow::SpectrumResult& s)
{
    auto on_grid = [](double f) {
        const double k = std::abs(f) * 8.0;
        return std::abs(f) > 0.1 && std::abs(k - std::round(k)) < 0.08;
    };
    for (const auto& p : s.peaks)
        if (on_grid(p.fx) || on_grid(p.fy)) return true;
    return false;
}

double mean_abs_diff(const Raster& a, const Raster& b)
{
    double d = 0;
    for (std::size_t i = 0; i < a.data.size(); ++i) d += std::abs(a.data[i] - b.data[i]);
    return d / double(a.data.size());
}

} // namespace

class TestProxy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void footprint_data()
    {
        QTest::addColumn<ProxyOp>("op");
        QTest::addColumn<quint64>("seed");
        for (quint64 seed : {1ull, 2ull, 3ull}) {
            const QByteArray s = QByteArray::number(seed);
            QTest::newRow("hf_attenuation " + s) << ProxyOp::HighFreqAttenuation << seed;
            QTest::newRow("hf_boost " + s) << ProxyOp::HighFreqBoost << seed;
            QTest::newRow("zero_insertion " + s) << ProxyOp::ZeroInsertion << seed;
            QTest::newRow("transposed_conv " + s) << ProxyOp::TransposedConv << seed;
            QTest::newRow("resampling_chain " + s) << ProxyOp::ResamplingChain << seed;
            QTest::newRow("phase_perturbation " + s) << ProxyOp::PhasePerturbation << seed;
            QTest::newRow("lowpass_resharpen " + s) << ProxyOp::LowpassResharpen << seed;
            QTest::newRow("vae_decoder " + s) << ProxyOp::VaeDecoder << seed;
            QTest::newRow("upsampling_cascade " + s) << ProxyOp::UpsamplingCascade << seed;
            QTest::newRow("diffusion_denoiser " + s) << ProxyOp::DiffusionDenoiser << seed;
        }
    }

    void footprint()
    {
        QFETCH(ProxyOp, op);
        QFETCH(quint64, seed);
        const Raster natural = testimages::pink_noise(256, 256, 11);
        auto proxy = clipflow::make_proxy(natural, op, seed);
        QVERIFY2(proxy.ok(), proxy.status().message().c_str());
        QCOMPARE(proxy->op, op);
        QCOMPARE(proxy->image.width, natural.width);
        QCOMPARE(proxy->image.height, natural.height);
        QCOMPARE(proxy->image.channels, natural.channels);
        for (float v : proxy->image.data) QVERIFY(v >= 0.f && v <= 1.f);
        QVERIFY(proxy->description_json.find(clipflow::proxy_op_name(op)) != std::string::npos);
        QVERIFY2(mean_abs_diff(natural, proxy->image) > 1e-4, "the proxy must differ from its photo");

        const auto a = spectrum(natural), b = spectrum(proxy->image);
        const double hf_change = band_db(b, b.image, 0.3, 0.5) - band_db(a, a.image, 0.3, 0.5);
        const double lf_change = band_db(b, b.image, 0.02, 0.08) - band_db(a, a.image, 0.02, 0.08);
        QVERIFY2(!has_half_rate_peak(a), "the synthetic photo itself must be free of periodic traces");
        switch (op) {
        case ProxyOp::HighFreqAttenuation:
            QVERIFY2(hf_change < -3.0, qPrintable(QString::number(hf_change)));
            QVERIFY(std::abs(lf_change) < 0.5);
            break;
        case ProxyOp::HighFreqBoost:
            QVERIFY2(hf_change > 2.0, qPrintable(QString::number(hf_change)));
            QVERIFY(std::abs(lf_change) < 0.5);
            break;
        case ProxyOp::ZeroInsertion:
        case ProxyOp::TransposedConv: QVERIFY2(has_half_rate_peak(b), proxy->description_json.c_str()); break;
        case ProxyOp::PhasePerturbation:
            // Amplitudes are kept, only phases move: every 1/16 band within 0.5 dB
            // (without the mirror extension this measured +11 dB above 0.2 cycles/px).
            for (double f = 0.0; f < 0.5; f += 1.0 / 32)
                QVERIFY2(std::abs(band_db(a, a.image, f, f + 1.0 / 32) - band_db(b, b.image, f, f + 1.0 / 32)) < 0.5,
                         qPrintable(QString::number(f)));
            break;
        case ProxyOp::VaeDecoder:
            // Periodic traces on the 1/8 grid, while the picture itself stays: the
            // low band moves by under 1 dB.
            QVERIFY2(has_eighth_rate_peak(b), proxy->description_json.c_str());
            QVERIFY2(!has_eighth_rate_peak(a), "the synthetic photo itself must be free of periodic traces");
            QVERIFY2(std::abs(lf_change) < 1.0, qPrintable(QString::number(lf_change)));
            break;
        case ProxyOp::UpsamplingCascade: QVERIFY2(has_eighth_rate_peak(b), proxy->description_json.c_str()); break;
        case ProxyOp::DiffusionDenoiser:
            // No grid of its own (the sliding window leaves none), the picture's low band stays.
            QVERIFY2(!has_half_rate_peak(b) && !has_eighth_rate_peak(b), proxy->description_json.c_str());
            QVERIFY2(std::abs(lf_change) < 1.0, qPrintable(QString::number(lf_change)));
            break;
        case ProxyOp::LowpassResharpen:
        case ProxyOp::ResamplingChain:
            // Both resample: the residual's high band moves by a measurable amount.
            QVERIFY2(std::abs(band_db(b, b.residual, 0.3, 0.5) - band_db(a, a.residual, 0.3, 0.5)) > 1.0,
                     proxy->description_json.c_str());
            break;
        }
    }

    void denoiserKeepsStrongTextureOnly_data()
    {
        QTest::addColumn<quint64>("seed");
        for (quint64 seed : {1ull, 2ull, 3ull, 4ull, 5ull}) QTest::newRow(QByteArray::number(seed)) << seed;
    }

    void denoiserKeepsStrongTextureOnly()
    {
        // A pixel-space diffusion model's last step: texture standing above its
        // noise level survives, texture below it is flattened with the noise.
        // Grey photo: a strong wave (amplitude 0.2, 0.0625 cycles/px) and a weak
        // one (0.001, 0.3125 cycles/px, below any threshold the op draws).
        QFETCH(quint64, seed);
        constexpr int n = 256;
        constexpr double kStrong = 0.0625, kWeak = 0.3125;
        Raster photo;
        photo.width = photo.height = n;
        photo.channels = 3;
        photo.data.resize(std::size_t(n) * n * 3);
        for (int y = 0; y < n; ++y)
            for (int x = 0; x < n; ++x) {
                const double v = 0.5 + 0.2 * std::cos(2 * M_PI * kStrong * x) + 0.001 * std::cos(2 * M_PI * kWeak * (x + y));
                for (int c = 0; c < 3; ++c) photo.data[(std::size_t(y) * n + x) * 3 + c] = float(v);
            }
        // Amplitude of one wave in the grey level: its projection on cos(2 pi f (x [+ y])).
        auto amplitude = [](const Raster& r, double f, bool diagonal) {
            double re = 0, im = 0;
            for (int y = 0; y < r.height; ++y)
                for (int x = 0; x < r.width; ++x) {
                    const std::size_t i = (std::size_t(y) * r.width + x) * 3;
                    const double grey = (r.data[i] + r.data[i + 1] + r.data[i + 2]) / 3.0;
                    const double phase = 2 * M_PI * f * (diagonal ? x + y : x);
                    re += grey * std::cos(phase);
                    im += grey * std::sin(phase);
                }
            return 2.0 * std::hypot(re, im) / double(r.width * r.height);
        };
        auto proxy = clipflow::make_proxy(photo, ProxyOp::DiffusionDenoiser, seed);
        QVERIFY2(proxy.ok(), proxy.status().message().c_str());
        const double strong = amplitude(proxy->image, kStrong, false) / amplitude(photo, kStrong, false);
        const double weak = amplitude(proxy->image, kWeak, true) / amplitude(photo, kWeak, true);
        QVERIFY2(std::abs(strong - 1.0) < 0.05, qPrintable(QString::number(strong)));
        QVERIFY2(weak < 0.5,
                 qPrintable(QString::number(weak) + QLatin1Char(' ') + QString::fromStdString(proxy->description_json)));
    }

    void reproducibleFromSeed()
    {
        const Raster natural = testimages::pink_noise(128, 96, 5);
        for (ProxyOp op : clipflow::all_proxy_ops()) {
            auto a = clipflow::make_proxy(natural, op, 42), b = clipflow::make_proxy(natural, op, 42),
                 c = clipflow::make_proxy(natural, op, 43);
            QVERIFY(a.ok() && b.ok() && c.ok());
            QVERIFY(a->image.data == b->image.data);
            QCOMPARE(a->description_json, b->description_json);
            QVERIFY2(a->image.data != c->image.data || op == ProxyOp::TransposedConv, clipflow::proxy_op_name(op));
        }
    }

    void drawsOnlyAllowedOps()
    {
        const Raster natural = testimages::pink_noise(64, 64, 9);
        clipflow::ProxyParams p;
        p.ops = {ProxyOp::HighFreqBoost, ProxyOp::ZeroInsertion};
        int seen[2] = {0, 0};
        for (std::uint64_t s = 0; s < 40; ++s) {
            auto r = clipflow::make_proxy(natural, s, p);
            QVERIFY(r.ok());
            QVERIFY(r->op == ProxyOp::HighFreqBoost || r->op == ProxyOp::ZeroInsertion);
            ++seen[r->op == ProxyOp::ZeroInsertion];
        }
        QVERIFY(seen[0] > 5 && seen[1] > 5);
        p.ops.clear();
        QCOMPARE(clipflow::make_proxy(natural, 1, p).status().code(), clipflow::ErrorCode::InvalidArgument);
    }

    // Decoder proxies moved back toward the photo (ProxyParams::decoder_strength_*): at a fixed
    // strength s the proxy is photo + s * (whole proxy - photo) with the same drawn parameters;
    // other operations, and the default, are untouched.
    void decoderStrength_data()
    {
        QTest::addColumn<ProxyOp>("op");
        QTest::addColumn<double>("strength");
        QTest::newRow("vae_decoder 0.25") << ProxyOp::VaeDecoder << 0.25;
        QTest::newRow("vae_decoder 0.6") << ProxyOp::VaeDecoder << 0.6;
        QTest::newRow("upsampling_cascade 0.25") << ProxyOp::UpsamplingCascade << 0.25;
        QTest::newRow("hf_boost (not a decoder)") << ProxyOp::HighFreqBoost << 0.25;
    }

    void decoderStrength()
    {
        QFETCH(ProxyOp, op);
        QFETCH(double, strength);
        const Raster photo = testimages::pink_noise(96, 80, 3);
        clipflow::ProxyParams weak;
        weak.decoder_strength_min = weak.decoder_strength_max = static_cast<float>(strength);
        QVERIFY(clipflow::weakened_decoders(weak));
        auto whole = clipflow::make_proxy(photo, op, 11), w = clipflow::make_proxy(photo, op, 11, weak);
        QVERIFY(whole.ok() && w.ok());
        QVERIFY(whole->description_json.find("strength") == std::string::npos);
        const bool decoder = op == ProxyOp::VaeDecoder || op == ProxyOp::UpsamplingCascade;
        if (!decoder) {
            QVERIFY(w->image.data == whole->image.data);
            QCOMPARE(w->description_json, whole->description_json);
            return;
        }
        // Where the whole proxy was not clipped, the weak one is the blend exactly.
        double moved = 0, moved_whole = 0;
        int compared = 0;
        for (std::size_t i = 0; i < photo.data.size(); ++i) {
            const float x = photo.data[i], y = whole->image.data[i];
            moved += std::abs(w->image.data[i] - x);
            moved_whole += std::abs(y - x);
            if (y <= 0.f || y >= 1.f) continue;
            QVERIFY2(std::abs(w->image.data[i] - (x + strength * (y - x))) < 1e-5, qPrintable(QString::number(i)));
            ++compared;
        }
        QVERIFY(compared > int(photo.data.size()) * 9 / 10);
        QVERIFY(moved_whole > 0);
        QVERIFY(std::abs(moved / moved_whole - strength) < 0.02);
        // The same parameters were drawn, plus the strength.
        auto described = nlohmann::json::parse(w->description_json);
        QCOMPARE(described["strength"].get<double>(), double(static_cast<float>(strength)));
        described.erase("strength");
        QCOMPARE(described.dump(), nlohmann::json::parse(whole->description_json).dump());
    }

    void decoderStrengthRange()
    {
        const Raster photo = testimages::pink_noise(64, 64, 4);
        clipflow::ProxyParams p;
        QVERIFY(!clipflow::weakened_decoders(p));
        QVERIFY(clipflow::proxy_params_json(p).find("decoder_strength") == std::string::npos);
        p.decoder_strength_min = 0.25f;
        QVERIFY(clipflow::proxy_params_json(p).find("\"decoder_strength\":[0.25,1.0]") != std::string::npos);
        double lo = 1, hi = 0;
        for (std::uint64_t seed = 0; seed < 40; ++seed) {
            auto r = clipflow::make_proxy(photo, ProxyOp::VaeDecoder, seed, p);
            QVERIFY(r.ok());
            const double s = nlohmann::json::parse(r->description_json)["strength"].get<double>();
            lo = std::min(lo, s);
            hi = std::max(hi, s);
        }
        QVERIFY(lo >= 0.25 && hi <= 1.0);
        QVERIFY2(lo < 0.4 && hi > 0.7, "log-uniform over [0.25, 1] should reach both ends in 40 draws");
        for (auto [mn, mx] : {std::pair{0.f, 1.f}, std::pair{0.5f, 0.4f}, std::pair{0.5f, 1.5f}}) {
            p.decoder_strength_min = mn;
            p.decoder_strength_max = mx;
            QCOMPARE(clipflow::make_proxy(photo, ProxyOp::VaeDecoder, 1, p).status().code(),
                     clipflow::ErrorCode::InvalidArgument);
        }
    }

    void namesRoundTrip()
    {
        for (ProxyOp op : clipflow::all_proxy_ops()) QCOMPARE(clipflow::proxy_op_from_name(clipflow::proxy_op_name(op)), op);
        QVERIFY(!clipflow::proxy_op_from_name("jpeg").has_value());
    }

    void greyAndOddSizes_data()
    {
        QTest::addColumn<int>("w");
        QTest::addColumn<int>("h");
        QTest::addColumn<int>("channels");
        QTest::newRow("grey 97x61") << 97 << 61 << 1;
        QTest::newRow("rgb 9x300") << 9 << 300 << 3;
        QTest::newRow("rgb 8x8") << 8 << 8 << 3;
    }

    void greyAndOddSizes()
    {
        QFETCH(int, w);
        QFETCH(int, h);
        QFETCH(int, channels);
        const Raster natural = testimages::pink_noise(w, h, 3, channels);
        for (ProxyOp op : clipflow::all_proxy_ops()) {
            auto r = clipflow::make_proxy(natural, op, 7);
            QVERIFY2(r.ok(), r.status().message().c_str());
            QCOMPARE(r->image.width, w);
            QCOMPARE(r->image.height, h);
            QCOMPARE(r->image.data.size(), natural.data.size());
        }
    }

    void refusesBadRasters()
    {
        Raster tiny = testimages::pink_noise(7, 7, 1);
        QCOMPARE(clipflow::make_proxy(tiny, ProxyOp::HighFreqBoost, 1).status().code(), clipflow::ErrorCode::InvalidArgument);
        Raster lying = testimages::pink_noise(32, 32, 1);
        lying.data.resize(10);
        QCOMPARE(clipflow::make_proxy(lying, ProxyOp::HighFreqBoost, 1).status().code(), clipflow::ErrorCode::InvalidArgument);
        QCOMPARE(clipflow::make_proxy(Raster{}, ProxyOp::HighFreqBoost, 1).status().code(), clipflow::ErrorCode::InvalidArgument);
    }

    void previewSheetIsAPng()
    {
        const Raster natural = testimages::pink_noise(128, 128, 2);
        auto proxy = clipflow::make_proxy(natural, ProxyOp::TransposedConv, 1);
        QVERIFY(proxy.ok());
        auto png = clipflow::render_proxy_pair_png(natural, *proxy);
        QVERIFY2(png.ok(), png.status().message().c_str());
        QVERIFY(png->size() > 10000);
        QCOMPARE(int((*png)[1]), int('P'));
    }
};

QTEST_APPLESS_MAIN(TestProxy)
#include "tst_proxy.moc"
