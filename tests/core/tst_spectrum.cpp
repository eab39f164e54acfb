// Spectral analysis on signals whose spectra are known in closed form.

#include <clipflow/spectrum.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

using clipflow::Raster;

namespace {

Raster make_raster(int w, int h, int channels = 1)
{
    Raster r;
    r.width = w;
    r.height = h;
    r.channels = channels;
    r.data.assign(static_cast<std::size_t>(w) * h * channels, 0.0f);
    return r;
}

Raster white_noise(int w, int h, float sigma, unsigned seed)
{
    Raster r = make_raster(w, h);
    std::mt19937 rng(seed);
    std::normal_distribution<float> n(0.5f, sigma);
    for (float& v : r.data) v = n(rng);
    return r;
}

Raster sinusoid(int w, int h, double fx, double fy, unsigned seed)
{
    Raster r = white_noise(w, h, 0.01f, seed);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            r.data[static_cast<std::size_t>(y) * w + x] += 0.3f * float(std::sin(2 * std::numbers::pi * (fx * x + fy * y)));
    return r;
}

Raster upsample(const Raster& src, int factor, int interpolation)
{
    const cv::Mat in(src.height, src.width, CV_32F, const_cast<float*>(src.data.data()));
    cv::Mat out;
    cv::resize(in, out, cv::Size(src.width * factor, src.height * factor), 0, 0, interpolation);
    Raster r = make_raster(out.cols, out.rows);
    std::memcpy(r.data.data(), out.data, r.data.size() * sizeof(float));
    return r;
}

bool has_peak(const clipflow::SpectrumResult& s, const std::string& source, double fx, double fy, double tol, double min_db)
{
    for (const auto& p : s.peaks) {
        if (p.source != source || p.strength_db < min_db) continue;
        // A peak and its conjugate are the same frequency.
        if ((std::abs(p.fx - fx) <= tol && std::abs(p.fy - fy) <= tol) ||
            (std::abs(p.fx + fx) <= tol && std::abs(p.fy + fy) <= tol))
            return true;
    }
    return false;
}

} // namespace

Q_DECLARE_METATYPE(clipflow::Window)

class TestSpectrum : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sinusoidPeaksAtItsFrequency_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<double>("fx");
        QTest::addColumn<double>("fy");
        QTest::addColumn<clipflow::Window>("window");
        QTest::newRow("256 horizontal hann") << 256 << 256 << 0.125 << 0.0 << clipflow::Window::Hann;
        QTest::newRow("256 diagonal hann") << 256 << 256 << 0.1875 << 0.0625 << clipflow::Window::Hann;
        QTest::newRow("256 anti-diagonal tukey") << 256 << 256 << 0.25 << -0.125 << clipflow::Window::Tukey;
        QTest::newRow("odd size, off-bin, hann") << 300 << 170 << 0.21 << 0.11 << clipflow::Window::Hann;
        QTest::newRow("no window, on-bin") << 128 << 128 << 0.3125 << 0.0 << clipflow::Window::None;
        QTest::newRow("tiled 2600x1500") << 2600 << 1500 << 0.125 << 0.25 << clipflow::Window::Hann;
    }
    void sinusoidPeaksAtItsFrequency()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(double, fx);
        QFETCH(double, fy);
        QFETCH(clipflow::Window, window);
        clipflow::SpectrumParams p;
        p.window = window;
        auto s = clipflow::analyze_spectrum(sinusoid(width, height, fx, fy, 7), p);
        QVERIFY2(s.ok(), s.status().to_string().c_str());
        QVERIFY(!s->peaks.empty());
        const auto& strongest = s->peaks.front();
        QCOMPARE(QString::fromStdString(strongest.source), QStringLiteral("grey"));
        const double tol = 1.0 / std::min(s->image.width, s->image.height) + 1e-9;
        QVERIFY2(has_peak(*s, "grey", fx, fy, tol, 20.0),
                 qPrintable(QStringLiteral("strongest at (%1, %2)").arg(strongest.fx).arg(strongest.fy)));
        QVERIFY(std::abs(strongest.frequency - std::hypot(fx, fy)) <= 1.5 * tol);
        QVERIFY(std::abs(strongest.period_px - 1.0 / std::hypot(fx, fy)) < 0.2 / std::hypot(fx, fy));
        // The spectrum itself is brightest there, far above the noise floor.
        QVERIFY(s->image.at_frequency(fx, fy) > s->image.mean_db + 20);
        if (width > 1024) QVERIFY(s->tiles > 1);
    }

    void upsamplingShowsPeriodicPeaks_data()
    {
        QTest::addColumn<int>("base");
        QTest::addColumn<int>("factor");
        QTest::addColumn<int>("interpolation");
        QTest::addColumn<bool>("quarter");
        // 2x: period 2, so a peak at 0.5 cycles/pixel (half the sampling rate,
        // the Nyquist frequency). 4x adds period 4: 0.25, half of Nyquist.
        QTest::newRow("nearest 2x 128") << 128 << 2 << int(cv::INTER_NEAREST) << false;
        QTest::newRow("nearest 2x 300") << 300 << 2 << int(cv::INTER_NEAREST) << false;
        QTest::newRow("bilinear 2x 128") << 128 << 2 << int(cv::INTER_LINEAR) << false;
        QTest::newRow("nearest 4x 96") << 96 << 4 << int(cv::INTER_NEAREST) << true;
    }
    void upsamplingShowsPeriodicPeaks()
    {
        QFETCH(int, base);
        QFETCH(int, factor);
        QFETCH(int, interpolation);
        QFETCH(bool, quarter);
        auto s = clipflow::analyze_spectrum(upsample(white_noise(base, base, 0.1f, 3), factor, interpolation));
        QVERIFY2(s.ok(), s.status().to_string().c_str());
        QVERIFY(has_peak(*s, "periodicity", 0.5, 0.0, 1e-9, 10.0));
        QVERIFY(has_peak(*s, "periodicity", 0.0, 0.5, 1e-9, 10.0));
        if (quarter) {
            QVERIFY(has_peak(*s, "periodicity", 0.25, 0.0, 1e-9, 10.0));
            QVERIFY(has_peak(*s, "periodicity", 0.0, 0.25, 1e-9, 10.0));
        }
        // The control: the same noise at full resolution has no periodic structure.
        auto control = clipflow::analyze_spectrum(white_noise(base * factor, base * factor, 0.1f, 3));
        QVERIFY(control.ok());
        QVERIFY(!has_peak(*control, "periodicity", 0.5, 0.0, 0.02, 0.0));
        QVERIFY(!has_peak(*control, "periodicity", 0.0, 0.5, 0.02, 0.0));
    }

    void whiteNoiseIsFlat_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<clipflow::Window>("window");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("256 hann") << 256 << 256 << clipflow::Window::Hann << 0.75;
        QTest::newRow("512x384 tukey") << 512 << 384 << clipflow::Window::Tukey << 0.5;
        QTest::newRow("500x333 none") << 500 << 333 << clipflow::Window::None << 0.5;
        QTest::newRow("tiled 2500x1800 hann") << 2500 << 1800 << clipflow::Window::Hann << 0.25;
    }
    void whiteNoiseIsFlat()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(clipflow::Window, window);
        QFETCH(double, tolerance);
        const float sigma = 0.1f; // PSD of white noise = variance = -20 dB
        clipflow::SpectrumParams p;
        p.window = window;
        auto s = clipflow::analyze_spectrum(white_noise(width, height, sigma, 11), p);
        QVERIFY2(s.ok(), s.status().to_string().c_str());
        const auto& prof = s->image.radial_profile_db;
        QVERIFY(prof.size() >= 64);
        const double expected = 10 * std::log10(double(sigma) * sigma);
        // Single bins scatter like chi-square variables; groups of 16 bins
        // must each sit on the expected level: flat, with no trend.
        std::vector<double> groups;
        double sum = 0;
        int n = 0;
        for (std::size_t i = 0; i < prof.size(); ++i) {
            if (s->radial_frequency[i] < 0.05) continue; // tile-mean removal notches DC
            sum += prof[i];
            if (++n == 16) {
                groups.push_back(sum / n);
                sum = 0;
                n = 0;
            }
        }
        QVERIFY(groups.size() >= 6);
        for (std::size_t g = 0; g < groups.size(); ++g)
            QVERIFY2(std::abs(groups[g] - expected) < tolerance,
                     qPrintable(QStringLiteral("group %1: %2 dB, expected %3").arg(g).arg(groups[g]).arg(expected)));
        QVERIFY(std::abs(s->image.mean_db - expected) < 0.5);
        // and no spurious periodic peaks
        for (const auto& peak : s->peaks) QVERIFY2(peak.strength_db < 15, qPrintable(QString::fromStdString(peak.source)));
    }

    void perChannelSeparatesColours()
    {
        Raster rgb = make_raster(256, 256, 3);
        const Raster tone = sinusoid(256, 256, 0.25, 0.0, 5), flat = white_noise(256, 256, 0.01f, 6);
        for (std::size_t i = 0; i < tone.data.size(); ++i) {
            rgb.data[i * 3] = tone.data[i];
            rgb.data[i * 3 + 1] = flat.data[i];
            rgb.data[i * 3 + 2] = flat.data[i];
        }
        clipflow::SpectrumParams p;
        p.per_channel = true;
        auto s = clipflow::analyze_spectrum(rgb, p);
        QVERIFY(s.ok());
        QCOMPARE(s->channels.size(), std::size_t(3));
        QCOMPARE(QString::fromStdString(s->channels[0].name), QStringLiteral("red"));
        QVERIFY(s->channels[0].at_frequency(0.25, 0) > s->channels[2].at_frequency(0.25, 0) + 30);
        QVERIFY(has_peak(*s, "luminance", 0.25, 0, 1e-9, 20));
    }

    // 8-bit pictures are analysed from their bytes (a quarter of the memory
    // traffic); the result must be the raster's they stand for.
    void pictureEqualsItsRaster_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("channels");
        QTest::addColumn<bool>("perChannel");
        QTest::addColumn<int>("tile");
        QTest::newRow("grey, one tile") << 200 << 150 << 1 << false << 1024;
        QTest::newRow("grey, tiled") << 700 << 500 << 1 << false << 256;
        QTest::newRow("colour, luminance only") << 300 << 260 << 3 << false << 1024;
        QTest::newRow("colour, channels, tiled") << 700 << 500 << 3 << true << 256;
        QTest::newRow("colour, channels, odd size") << 333 << 201 << 3 << true << 128;
    }
    void pictureEqualsItsRaster()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, channels);
        QFETCH(bool, perChannel);
        QFETCH(int, tile);
        // Noise plus a tone and an 8-pixel grid, so there are peaks to agree on.
        clipflow::Picture pic;
        pic.width = width;
        pic.height = height;
        pic.channels = channels;
        pic.data.resize(static_cast<std::size_t>(width) * height * channels);
        std::mt19937 rng(11);
        std::normal_distribution<float> n(0.0f, 12.0f);
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                for (int c = 0; c < channels; ++c) {
                    const float v =
                        120.0f + 10.0f * c + 40.0f * float(std::sin(0.9 * x + 0.3 * c)) + (x % 8 == 0 ? 15.0f : 0.0f) + n(rng);
                    pic.data[(static_cast<std::size_t>(y) * width + x) * channels + c] =
                        static_cast<std::uint8_t>(std::clamp(std::lround(v), 0L, 255L));
                }
        const Raster raster = clipflow::to_raster(pic); // value / 255 as intake makes it
        clipflow::SpectrumParams p;
        p.per_channel = perChannel;
        p.tile_size = tile;
        auto a = clipflow::analyze_spectrum(raster, p);
        auto b = clipflow::analyze_spectrum(pic, p);
        QVERIFY(a.ok());
        QVERIFY(b.ok());
        QCOMPARE(b->tiles, a->tiles);
        QCOMPARE(b->channels.size(), a->channels.size());
        QCOMPARE(b->channels.size(), std::size_t(perChannel && channels == 3 ? 3 : 0));
        auto same = [](const clipflow::Spectrum& x, const clipflow::Spectrum& y) {
            if (x.name != y.name || x.log_power_db.size() != y.log_power_db.size() || x.log_power_db.empty()) return false;
            for (std::size_t i = 0; i < x.log_power_db.size(); ++i)
                if (std::abs(x.log_power_db[i] - y.log_power_db[i]) > 1e-3f) return false;
            for (std::size_t i = 0; i < x.radial_profile_db.size(); ++i)
                if (std::abs(x.radial_profile_db[i] - y.radial_profile_db[i]) > 1e-3f) return false;
            return std::abs(x.mean_db - y.mean_db) < 1e-3;
        };
        QVERIFY(same(a->image, b->image));
        QVERIFY(same(a->residual, b->residual));
        QVERIFY(same(a->periodicity, b->periodicity));
        for (std::size_t c = 0; c < a->channels.size(); ++c) QVERIFY(same(a->channels[c], b->channels[c]));
        QVERIFY(!a->peaks.empty());
        QCOMPARE(b->peaks.size(), a->peaks.size());
        for (std::size_t i = 0; i < a->peaks.size(); ++i) {
            QCOMPARE(b->peaks[i].source, a->peaks[i].source);
            QCOMPARE(b->peaks[i].fx, a->peaks[i].fx);
            QCOMPARE(b->peaks[i].fy, a->peaks[i].fy);
        }
        // A picture whose bytes do not fill its size is refused, not read past.
        pic.data.resize(pic.data.size() - 1);
        auto bad = clipflow::analyze_spectrum(pic, p);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.status().code(), clipflow::ErrorCode::InvalidArgument);
    }

    // The byte path reads a sample v as float(v) * kEightBitScale: the intake's level for v, exactly.
    void byteLevelsAreIntakeLevels()
    {
        const auto& levels = clipflow::eight_bit_levels();
        for (int v = 0; v < 256; ++v) QCOMPARE(static_cast<float>(v) * clipflow::kEightBitScale, levels[std::size_t(v)]);
    }

    void progressAndAbort_data()
    {
        QTest::addColumn<int>("abortAfter");
        QTest::addColumn<bool>("colour");
        QTest::newRow("runs to the end") << -1 << false;
        QTest::newRow("aborts at once") << 1 << false;
        QTest::newRow("aborts midway") << 10 << false;
        // The channels' thread must stop too (and be joined) when the caller aborts.
        QTest::newRow("colour, runs to the end") << -1 << true;
        QTest::newRow("colour, aborts midway") << 10 << true;
    }
    void progressAndAbort()
    {
        QFETCH(int, abortAfter);
        QFETCH(bool, colour);
        std::vector<double> seen;
        clipflow::SpectrumParams p;
        p.tile_size = 256;
        p.per_channel = colour;
        p.progress = [&](double f) { seen.push_back(f); };
        p.abort = [&] { return abortAfter > 0 && int(seen.size()) >= abortAfter; };
        Raster image = white_noise(1000, 700, 0.1f, 1);
        if (colour) {
            Raster rgb = make_raster(1000, 700, 3);
            for (std::size_t i = 0; i < rgb.data.size(); ++i) rgb.data[i] = image.data[i / 3] + 0.01f * float(i % 3);
            image = std::move(rgb);
        }
        auto s = clipflow::analyze_spectrum(image, p);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        if (abortAfter < 0) {
            QVERIFY(s.ok());
            QCOMPARE(seen.back(), 1.0);
            QVERIFY(seen.size() > 10);
        } else {
            QCOMPARE(s.status().code(), clipflow::ErrorCode::Aborted);
            QCOMPARE(int(seen.size()), abortAfter);
        }
    }

    void rejectsBadInput_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("tile");
        QTest::addColumn<int>("bins");
        QTest::addColumn<bool>("shortData");
        QTest::newRow("empty") << 0 << 0 << 1024 << 128 << false;
        QTest::newRow("too small") << 8 << 64 << 1024 << 128 << false;
        QTest::newRow("tiny tiles") << 64 << 64 << 16 << 128 << false;
        QTest::newRow("few bins") << 64 << 64 << 1024 << 4 << false;
        QTest::newRow("data shorter than size") << 64 << 64 << 1024 << 128 << true;
    }
    void rejectsBadInput()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, tile);
        QFETCH(int, bins);
        QFETCH(bool, shortData);
        Raster r = make_raster(width, height);
        if (shortData) r.data.resize(r.data.size() / 2);
        clipflow::SpectrumParams p;
        p.tile_size = tile;
        p.radial_bins = bins;
        auto s = clipflow::analyze_spectrum(r, p);
        QVERIFY(!s.ok());
        QCOMPARE(s.status().code(), clipflow::ErrorCode::InvalidArgument);
    }

    void rendersSheet()
    {
        auto s = clipflow::analyze_spectrum(sinusoid(256, 256, 0.125, 0, 2));
        QVERIFY(s.ok());
        auto png = clipflow::render_spectrum_png(*s);
        QVERIFY(png.ok());
        const cv::Mat sheet = cv::imdecode(*png, cv::IMREAD_COLOR);
        QVERIFY(sheet.cols > 1000 && sheet.rows > 500);
        cv::Scalar mean, stddev;
        cv::meanStdDev(sheet, mean, stddev);
        QVERIFY(stddev[1] > 10); // not a blank image
    }
};

QTEST_GUILESS_MAIN(TestSpectrum)
#include "tst_spectrum.moc"
