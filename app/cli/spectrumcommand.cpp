#include "spectrumcommand.h"

#include "jsonfields.h"
#include "optiontable.h"

#include <clipflow/clipflow.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace clipflow::cli {

const char* const kSpectrumAbout =
    R"(Fourier analysis of each image's stored pixel grid: the luminance spectrum, the
noise-residual spectrum and the periodicity spectrum, their radial profiles,
and periodic peaks (up-sampling and compression grids). Folders recurse.)";

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
    bool json = false, per_channel = false;
    std::optional<std::string> out;
    std::string window = "hann", denoiser = "median3";
    SpectrumParams sp;
    IntakeParams ip;
    std::vector<std::string> inputs;
    OptionTable t("spectrum", "[options] IMAGE|FOLDER...", kSpectrumAbout);
    t.flag("--json", json, "one JSON object per line on stdout")
        .text("--out", "PNG", out,
              "write the spectra as a PNG sheet; with several inputs each sheet is PNG's name plus \"-N-<image name>\"")
        .flag("--per-channel", per_channel, "also analyse red, green and blue separately")
        .choice("--window", "W", window, {"hann", "tukey", "none"}, "tile window")
        .whole("--tile", "N", sp.tile_size, 32, 1 << 16, "Welch tile size for large images")
        .whole("--bins", "N", sp.radial_bins, 8, 4096, "radial profile bins (at least 64 advised)")
        .choice("--denoiser", "D", denoiser, {"median3", "gaussian"}, "for the residual")
        .whole("--max-pixels", "N", ip.max_pixels, 1, 1LL << 40, "refuse larger images before decoding")
        .positionals(inputs)
        .notes("Exit status: 0 all analysed, 1 some failed, 2 usage error.");
    if (auto code = t.parse(std::move(words))) return *code;
    if (inputs.empty()) return t.usage_error("no images given");
    sp.per_channel = per_channel;
    sp.window = window == "tukey" ? Window::Tukey : window == "none" ? Window::None : Window::Hann;
    sp.denoiser = denoiser == "gaussian" ? Denoiser::Gaussian : Denoiser::Median3;

    int failures = 0;
    const auto files = image_inputs(inputs, failures);
    if (files.empty()) return 1; // each folder that gave none is said
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
            if (const std::string n = name_format_note(ev->info); !n.empty()) std::printf("  %s\n", n.c_str());
            std::fflush(stdout);
        }
    }
    return failures ? 1 : 0;
}

} // namespace clipflow::cli
