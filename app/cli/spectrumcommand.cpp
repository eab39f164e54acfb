#include "spectrumcommand.h"

#include "args.h"
#include "jsonfields.h"

#include <clipflow/clipflow.h>
#include <clipflow/imagepaths.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace clipflow::cli {

const char* const kSpectrumHelp = R"(Usage: clipflow spectrum [options] IMAGE|FOLDER...

Fourier analysis of each image's stored pixel grid: the luminance spectrum, the
noise-residual spectrum and the periodicity spectrum, their radial profiles,
and periodic peaks (up-sampling and compression grids). Folders recurse.

Options:
  --json               one JSON object per line on stdout
  --out PNG            write the spectra as a PNG sheet; with several inputs
                       each sheet is PNG's name plus "-N-<image name>"
  --per-channel        also analyse red, green and blue separately
  --window W           hann (default), tukey or none
  --tile N             Welch tile size for large images (default 1024)
  --bins N             radial profile bins (default 128, at least 64 advised)
  --denoiser D         median3 (default) or gaussian, for the residual
  --max-pixels N       refuse larger images before decoding (default 100000000)

Exit status: 0 all analysed, 1 some failed, 2 usage error.
)";

namespace {

std::string sheet_path(const std::string& out, std::size_t index, std::size_t total, const std::string& input)
{
    if (total == 1) return out;
    const std::filesystem::path p(out);
    const std::string stem = std::filesystem::path(input).stem().string();
    return (p.parent_path() / (p.stem().string() + "-" + std::to_string(index + 1) + "-" + stem + p.extension().string()))
        .string();
}

nlohmann::json peak_json(const SpectralPeak& p)
{
    return {{"source", p.source},
            {"fx", rounded(p.fx)},
            {"fy", rounded(p.fy)},
            {"frequency", rounded(p.frequency)},
            {"period_px", rounded(p.period_px, 1e-3)},
            {"angle_deg", rounded(p.angle_deg, 0.01)},
            {"strength_db", rounded(p.strength_db, 0.01)}};
}

} // namespace

int run_spectrum(std::vector<std::string> words)
{
    Args args(std::move(words));
    if (args.flag("--help") || args.flag("-h")) {
        std::cout << kSpectrumHelp;
        return 0;
    }
    const bool json = args.flag("--json");
    const bool per_channel = args.flag("--per-channel");
    const auto out = args.option("--out");
    const auto window = args.option("--window");
    const auto tile = args.option("--tile");
    const auto bins = args.option("--bins");
    const auto denoiser = args.option("--denoiser");
    const auto max_pixels = args.option("--max-pixels");
    const auto inputs = args.positional();

    auto usage = [](const std::string& why) { return usage_error("spectrum", why); };
    if (!args.error().empty()) return usage(args.error());
    if (inputs.empty()) return usage("no images given");

    SpectrumParams sp;
    sp.per_channel = per_channel;
    IntakeParams ip;
    if (window) {
        if (*window == "hann")
            sp.window = Window::Hann;
        else if (*window == "tukey")
            sp.window = Window::Tukey;
        else if (*window == "none")
            sp.window = Window::None;
        else
            return usage("unknown window '" + *window + "'");
    }
    if (denoiser) {
        if (*denoiser == "median3")
            sp.denoiser = Denoiser::Median3;
        else if (*denoiser == "gaussian")
            sp.denoiser = Denoiser::Gaussian;
        else
            return usage("unknown denoiser '" + *denoiser + "'");
    }
    bool ok = true;
    if (tile) {
        sp.tile_size = to_int(*tile, 0, ok);
        if (!ok || sp.tile_size < 32) return usage("--tile needs a whole number of at least 32");
    }
    if (bins) {
        sp.radial_bins = to_int(*bins, 0, ok);
        if (!ok || sp.radial_bins < 8 || sp.radial_bins > 4096) return usage("--bins needs a whole number from 8 to 4096");
    }
    if (max_pixels) {
        try {
            ip.max_pixels = std::stoull(*max_pixels);
        } catch (...) {
            return usage("--max-pixels needs a whole number");
        }
    }

    const auto files = expand_image_paths(inputs);
    if (files.empty()) {
        std::cerr << "clipflow spectrum: no image files found in the given folders\n";
        return 1;
    }
    int failures = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string& file = files[i];
        auto fail = [&](const Status& s) {
            ++failures;
            if (json)
                std::cout << error_line(file, s).dump() << std::endl;
            else
                std::cerr << file << ": " << s.message() << " [" << error_code_name(s.code()) << "]\n";
        };
        auto ev = load_evidence(file, ip);
        if (!ev) {
            fail(ev.status());
            continue;
        }
        auto spec = analyze_spectrum(ev->pixels, sp);
        if (!spec) {
            fail(spec.status());
            continue;
        }
        std::string written;
        if (out) {
            written = sheet_path(*out, i, files.size(), file);
            auto png = render_spectrum_png(*spec);
            if (!png) {
                fail(png.status());
                continue;
            }
            if (Status s = write_file_atomic(written, *png); !s.ok()) {
                fail(s);
                continue;
            }
        }
        if (json) {
            nlohmann::json line = evidence_fields(ev->info);
            line["analysis"] = {{"window", window_name(spec->window)},
                                {"tiles", spec->tiles},
                                {"fft_width", spec->image.width},
                                {"fft_height", spec->image.height},
                                {"denoiser", denoiser_name(spec->denoiser)},
                                {"frequency_unit", "cycles/pixel"},
                                {"power_unit", "dB (10 log10 PSD)"}};
            line["radial_frequency"] = rounded_array(spec->radial_frequency, 1e-5);
            line["radial_profile"] = rounded_array(spec->image.radial_profile_db);
            line["radial_profile_residual"] = rounded_array(spec->residual.radial_profile_db);
            line["radial_profile_periodicity"] = rounded_array(spec->periodicity.radial_profile_db);
            if (!spec->channels.empty()) {
                nlohmann::json ch;
                for (const auto& c : spec->channels) ch[c.name] = rounded_array(c.radial_profile_db);
                line["radial_profile_channels"] = ch;
            }
            line["peaks"] = nlohmann::json::array();
            for (const auto& p : spec->peaks) line["peaks"].push_back(peak_json(p));
            if (!written.empty()) line["spectrum_png"] = written;
            std::cout << line.dump() << std::endl;
        } else {
            std::printf("%s\n  %dx%d %s, %d-bit %s, sha256 %s\n  %d tile(s) of %dx%d, %zu peak(s)\n", file.c_str(),
                        ev->info.width, ev->info.height, ev->info.format.c_str(), ev->info.bit_depth,
                        ev->info.colour_model.c_str(), ev->info.sha256.c_str(), spec->tiles, spec->image.width,
                        spec->image.height, spec->peaks.size());
            for (std::size_t k = 0; k < spec->peaks.size() && k < 8; ++k) {
                const auto& p = spec->peaks[k];
                std::printf("    %-11s f=(%.4f, %.4f) period %.2f px  %+.1f dB\n", p.source.c_str(), p.fx, p.fy, p.period_px,
                            p.strength_db);
            }
            if (!written.empty()) std::printf("  spectra written to %s\n", written.c_str());
            std::printf("  %s\n", pixel_grid_note(ev->info).c_str());
            std::fflush(stdout);
        }
    }
    return failures ? 1 : 0;
}

} // namespace clipflow::cli
