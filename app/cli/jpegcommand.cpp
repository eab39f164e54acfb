#include "jpegcommand.h"

#include "jsonfields.h"
#include "optiontable.h"

#include <clipflow/atomicfile.h>
#include <clipflow/evidence.h>
#include <clipflow/jpegforensics.h>
#include <clipflow/laundering.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <tuple>

namespace clipflow::cli {

const char* const kJpegAbout = R"(What a JPEG file's structure says about its history: its quantization tables
(the IJG quality they correspond to, and whether they are libjpeg's standard
tables, as most software writes, or a camera's or editor's own), chroma
subsampling, whether the DCT coefficients show the periodic gaps or peaks of a
second compression with other tables, and whether the EXIF thumbnail still
shows the same picture (a thumbnail of other content is a classic sign of an
edit the camera did not make). For every image, JPEG or not, where the 8x8
blocks of a JPEG save lie in the pixels (the block grid: off the corner when
the picture was cropped after a save and saved again more finely, the grid to
give --ghost-grid; none where it was never a JPEG). Files are read, never
written.)";

const char* const kJpegNotes = R"(JSON fields: file, sha256, format; for JPEG files width, height, components,
progressive, subsampling, luma_quality, chroma_quality, standard_tables,
tables (each {id, precision_bits, ijg_quality, ijg_standard, fit_error, q in
row-major order}), thumbnail {present, width, height, difference,
worst_block, matches, note}, double_compression {tested, score, indicated,
modes_used, note}, hints, warnings; block_grid (any format: found, grid
[x, y] where the 8x8 blocks start, z [across, down] how clearly that offset
beats the next, in standard errors, note); ela (the PNG written, with --ela);
ghosts {sheet (the PNG written), qualities, mean_difference (per quality, the
mean squared difference in 8-bit units), grid (the re-saves' grid offset, x
and y)}, with --ghosts.

Every result is an indication, not proof: re-saving a photo once (a
messenger, a web upload) is ordinary, a missing thumbnail means nothing, and
content with an 8-pixel period (text, fabric, tiles) shows a grid of its own.

Exit status: 0 all read, 1 some files could not be read, 2 usage error.)";

namespace {

void print_text(const nlohmann::json& line)
{
    std::cout << line["file"].get<std::string>() << "\n";
    if (!line.contains("jpeg")) {
        std::cout << "  not a JPEG (" << line["format"].get<std::string>() << ")\n";
    } else {
        const auto& j = line["jpeg"];
        std::cout << "  " << j["width"].get<int>() << "x" << j["height"].get<int>() << ", " << j["subsampling"].get<std::string>()
                  << (j["progressive"].get<bool>() ? ", progressive" : ", baseline") << "\n";
        std::cout << "  quality      luminance " << j["luma_quality"].get<int>() << ", chrominance "
                  << j["chroma_quality"].get<int>()
                  << (j["standard_tables"].get<bool>() ? " (standard IJG tables)" : " (non-standard tables: nearest IJG quality)")
                  << "\n";
        for (const auto& h : j["hints"]) std::cout << "               " << h.get<std::string>() << "\n";
        const auto& d = j["double_compression"];
        char score[32];
        std::snprintf(score, sizeof score, "%.3f", d["score"].get<double>());
        // Where nothing was tested or found, the note says so itself ("not tested: ...").
        std::cout << "  double compression  "
                  << (!d["tested"].get<bool>() ? std::string()
                                               : (d["indicated"].get<bool>() ? "indicated" : "not indicated") +
                                                     std::string(" (score ") + score + "): ")
                  << d["note"].get<std::string>() << "\n";
        const auto& t = j["thumbnail"];
        std::cout << "  EXIF thumbnail      "
                  << (!t["present"].get<bool>()
                          ? std::string()
                          : std::to_string(t["width"].get<int>()) + "x" + std::to_string(t["height"].get<int>()) +
                                (t["matches"].get<bool>() ? ", matches: " : ", DOES NOT MATCH: "))
                  << t["note"].get<std::string>() << "\n";
        for (const auto& w : j["warnings"]) std::cout << "  warning: " << w.get<std::string>() << "\n";
    }
    if (line.contains("block_grid")) {
        const auto& g = line["block_grid"];
        std::cout << "  block grid          " << g["note"].get<std::string>();
        if (g["found"].get<bool>() && (g["grid"][0] != 0 || g["grid"][1] != 0))
            std::cout << " (its ghosts: --ghosts DIR --ghost-grid " << g["grid"][0] << "," << g["grid"][1] << ")";
        std::cout << "\n";
    }
    if (line.contains("ela")) std::cout << "  error levels: " << line["ela"].get<std::string>() << "\n";
    if (line.contains("ghosts")) {
        const auto& g = line["ghosts"];
        std::cout << "  JPEG ghosts:  " << g["sheet"].get<std::string>();
        if (g["grid"][0] != 0 || g["grid"][1] != 0)
            std::cout << " (re-saved on the grid " << g["grid"][0] << "," << g["grid"][1] << ")";
        std::cout << "\n";
    }
}

} // namespace

std::optional<std::pair<int, int>> parse_ghost_grid(const std::string& g)
{
    const bool ok = g.size() == 3 && g[1] == ',' && g[0] >= '0' && g[0] <= '7' && g[2] >= '0' && g[2] <= '7';
    if (!ok) return std::nullopt;
    return std::pair{g[0] - '0', g[2] - '0'};
}

int run_jpeg(std::vector<std::string> words)
{
    bool json = false;
    std::optional<std::string> ela_dir, ghosts_dir, ghost_grid;
    std::vector<std::string> inputs;
    OptionTable t("jpeg", "[options] IMAGE|FOLDER...", kJpegAbout);
    t.flag("--json", json, "one JSON line per file (default: readable text)")
        .text("--ela", "DIR", ela_dir,
              "also write an error level analysis image per file (any format): DIR/NAME-SHA8-ela.png, the difference "
              "to the image re-saved at JPEG quality 90, amplified 20x. Regions that stand out from similar texture "
              "may have been saved fewer times than the rest; edges and fine texture always do.")
        .text("--ghosts", "DIR", ghosts_dir,
              "also write a sheet of JPEG ghosts per file (any format): DIR/NAME-SHA8-ghosts.png, the image re-saved "
              "at qualities 50, 55, ... 95, each map dark where re-saving at that quality changes the image least. A "
              "region first saved at a lower quality than the rest, on the same 8x8 grid, is dark in that quality's map "
              "while the rest is light (Farid 2009).")
        .text("--ghost-grid", "X,Y", ghost_grid,
              "where the ghosts' re-saves put their 8x8 grid: columns X and rows Y past the image's (0..7 each; "
              "default 0,0). A region pasted from another JPEG at a position that is no multiple of 8 keeps its own "
              "grid, and its ghost shows only on that grid (a JPEG's own blocks then look cut anew: every window changes "
              "least at the highest quality, and the pasted region stands out as a dip at its first quality).")
        .positionals(inputs)
        .notes(kJpegNotes);
    if (auto code = t.parse(std::move(words))) return *code;
    auto usage = [&t](const std::string& why) { return t.usage_error(why); };
    if (inputs.empty()) return usage("no images given");
    JpegGhostParams ghost_params;
    if (ghost_grid) {
        if (!ghosts_dir) return usage("--ghost-grid needs --ghosts DIR");
        const auto grid = parse_ghost_grid(*ghost_grid);
        if (!grid) return usage("--ghost-grid must be X,Y with X and Y in 0..7, not '" + *ghost_grid + "'");
        std::tie(ghost_params.grid_x, ghost_params.grid_y) = *grid;
    }
    for (const auto& [option, dir] : {std::pair{"--ela", &ela_dir}, std::pair{"--ghosts", &ghosts_dir}}) {
        if (!*dir) continue;
        std::error_code ec;
        std::filesystem::create_directories(**dir, ec);
        if (!std::filesystem::is_directory(**dir, ec)) return usage(std::string(option) + ": cannot create the folder " + **dir);
    }
    IntakeParams intake;
    intake.read_jpeg_forensics = true; // from the bytes intake reads: one read, one hash
    intake.keep_picture = true;        // the block grid and the ghosts read the decoder's own bytes
    int failures = 0;
    for (const auto& file : image_inputs(inputs, failures)) {
        auto ev = load_evidence(file, intake);
        nlohmann::json line;
        if (!ev) {
            line = error_line(file, ev.status());
        } else if (ev->info.format == "JPEG" && !ev->jpeg) {
            line = error_line(file, Status(ErrorCode::CorruptData, ev->jpeg_error));
        } else {
            line = {{"file", ev->info.path}, {"sha256", ev->info.sha256}, {"format", ev->info.format}};
            if (ev->jpeg) line["jpeg"] = nlohmann::json::parse(ev->jpeg->to_json());
            // At 8 bits, as the decoder wrote them (to_picture where the file has deeper samples).
            const Picture picture = !ev->picture.empty() ? Picture() : to_picture(ev->pixels);
            const Picture& eight = !ev->picture.empty() ? ev->picture : picture;
            if (auto grid = jpeg_block_grid(eight))
                line["block_grid"] = nlohmann::json::parse(grid->to_json());
            else
                line = error_line(file, grid.status());
            auto out_path = [&](const std::string& dir, const char* suffix) {
                return (std::filesystem::path(dir) /
                        (std::filesystem::path(file).stem().string() + "-" + ev->info.sha256.substr(0, 8) + suffix))
                    .string();
            };
            if (ela_dir && !line.contains("error")) {
                auto ela = error_level_analysis(ev->pixels);
                auto png = ela ? encode_image(*ela, ".png") : Result<std::vector<std::uint8_t>>(ela.status());
                const std::string path = out_path(*ela_dir, "-ela.png");
                const Status s = png ? write_file_atomic(path, *png) : png.status();
                if (s.ok())
                    line["ela"] = path;
                else
                    line = error_line(file, s);
            }
            if (ghosts_dir && !line.contains("error")) {
                // At 8 bits, as a re-save sees them: the decoder's own bytes where the file has 8-bit samples.
                auto ghosts = jpeg_ghosts(eight, ghost_params);
                auto png = ghosts ? encode_image(to_raster(jpeg_ghost_sheet(*ghosts)), ".png")
                                  : Result<std::vector<std::uint8_t>>(ghosts.status());
                const std::string path = out_path(*ghosts_dir, "-ghosts.png");
                const Status s = png ? write_file_atomic(path, *png) : png.status();
                if (s.ok())
                    line["ghosts"] = {{"sheet", path},
                                      {"qualities", ghosts->qualities},
                                      {"mean_difference", ghosts->mean_difference},
                                      {"grid", {ghost_params.grid_x, ghost_params.grid_y}}};
                else
                    line = error_line(file, s);
            }
        }
        if (!print_line(line, file, json, print_text)) ++failures;
    }
    return failures ? 1 : 0;
}

} // namespace clipflow::cli
