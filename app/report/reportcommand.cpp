#include "reportcommand.h"

#include "detectorsetup.h"
#include "jpegcommand.h"
#include "optiontable.h"

#include <analysis.h>
#include <casereport.h>
#include <detectors.h>

#include <clipflow/c2pa.h>
#include <clipflow/casefile.h>
#include <clipflow/imagepaths.h>

#include <QApplication>
#include <QFileInfo>

#include <cstdlib>
#include <iostream>
#include <tuple>

namespace clipflow::cli {

const char* const kReportAbout = R"(Analyses each image (intake with SHA-256, metadata, spectra, both detectors)
and writes the PDF case report: case and analyst, a summary, one section per
file (hash, size, times, metadata summary, thumbnail, spectrum, radial
profile, calibration histogram, scores, verdicts, disagreement, provenance
with Content Credentials verified, a JPEG's structure and error levels; with
--heat-map the tile heat map, with --ghosts a JPEG's JPEG ghosts), the model
cards, the method and its limitations. Heat maps a case keeps (made in the
window by the same CLIP-Flow model, of the same bytes) are printed without
--heat-map and not made again; JPEG ghosts the analyst made are made again,
without --ghosts, on the grid the case kept. Runs without a display.)";

const char* const kReportNotes = R"(Exit status: 0 written (1 if some images could not be analysed), 2 usage error,
4 the PDF could not be written.)";

int run_report(std::vector<std::string> words)
{
    std::optional<std::string> out, case_path, title, analyst, notes, clipflow_model, supervised_model, trust, ghost_grid;
    std::string page = "a4";
    ScoreParams scoring;
    app::AnalyseOptions asked;
    std::vector<std::string> inputs;
    OptionTable t("report", "[IMAGE|FOLDER...] --out REPORT.pdf [options]", kReportAbout);
    t.text(
         "--out", "FILE", out,
         "the PDF to write (a file is replaced whole, never half written; a device or pipe such as /dev/stdout is written into)")
        .required()
        .text("--case", "FILE.cfcase", case_path,
              "report on a case: its title, analyst, notes, evidence (re-hashed; mismatches are flagged) and audit log")
        .text("--title", "TEXT", title, "case title (overrides the case's)")
        .text("--analyst", "NAME", analyst, "who signs the report (overrides the case's)")
        .text("--notes", "TEXT", notes, "case notes")
        .choice("--page", "SIZE", page, {"a4", "letter"}, "page size")
        .text("--clipflow-model", "M", clipflow_model, "CLIP-Flow detector file, or - for none (default: shipped)")
        .text("--supervised-model", "M", supervised_model, "supervised detector file, or - for none (default: shipped)")
        .text("--trust", "FILE.pem", trust,
              "C2PA trust anchors: signers chaining to these are reported as trusted (default: none; no list ships)")
        .flag("--robustness", scoring.robustness,
              "score each image again after JPEG 90/75 and resizing to 75%/50%, and print those scores; a verdict "
              "that changes under them is reported as inconclusive")
        .flag("--heat-map", asked.heat_map,
              "add each image's heat map: the CLIP-Flow detector's score of each 256-pixel tile, over the image "
              "(seconds for a large image)")
        .flag("--ghosts", asked.jpeg_ghosts,
              "add each JPEG's JPEG ghosts (the image re-saved at qualities 50 to 95, one map each; about a second "
              "for a 12 MP photo)")
        .text("--ghost-grid", "X,Y", ghost_grid,
              "re-save the ghosts on another 8x8 grid: columns X and rows Y past the image's (0..7 each; default: "
              "where each picture's blocks are found to lie, as `clipflow jpeg` reports it, else 0,0), where a region "
              "pasted off the image's grid keeps its own (see `clipflow jpeg --ghost-grid`)")
        .positionals(inputs)
        .notes(kReportNotes);
    if (auto code = t.parse(std::move(words))) return *code;
    auto usage = [&t](const std::string& why) { return t.usage_error(why); };
    if (inputs.empty() && !case_path) return usage("give images, folders or --case FILE");
    if (ghost_grid) {
        if (!asked.jpeg_ghosts) return usage("--ghost-grid needs --ghosts");
        const auto grid = parse_ghost_grid(*ghost_grid);
        if (!grid) return usage("--ghost-grid must be X,Y with X and Y in 0..7, not '" + *ghost_grid + "'");
        std::tie(asked.ghost_params.grid_x, asked.ghost_params.grid_y) = *grid;
    } else {
        asked.ghosts_on_found_grid = true; // nobody chose a grid: where each picture's blocks lie
    }

    if (trust) {
        auto pem = read_trust_anchors(*trust);
        if (!pem) return usage(pem.status().message());
        asked.provenance.c2pa.trust_anchors_pem = std::move(*pem);
    }
    CaseFile c;
    app::ReportParams params;
    if (case_path) {
        auto loaded = CaseFile::load(*case_path);
        if (!loaded) {
            std::cerr << "clipflow report: " << loaded.status().to_string() << "\n";
            return 1;
        }
        c = std::move(*loaded);
        params.case_file = QString::fromStdString(*case_path);
        params.integrity = verify_evidence(c);
    }
    params.title = QString::fromStdString(title.value_or(c.title));
    params.analyst = QString::fromStdString(analyst.value_or(c.analyst));
    params.notes = QString::fromStdString(notes.value_or(c.notes));
    params.page = page == "letter" ? QPageSize::Letter : QPageSize::A4;
    params.audit = c.audit;

    // Qt draws the report; without a display it draws off screen.
    if (std::getenv("DISPLAY") == nullptr && std::getenv("WAYLAND_DISPLAY") == nullptr &&
        std::getenv("QT_QPA_PLATFORM") == nullptr)
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int argc = 1;
    char name[] = "clipflow";
    char* argv[] = {name, nullptr};
    QApplication qt(argc, argv);
    QApplication::setApplicationName(QStringLiteral("clipflow-report"));

    app::Detectors detectors(QString::fromStdString(executable_dir()));
    detectors.select(QString::fromStdString(clipflow_model.value_or("")), QString::fromStdString(supervised_model.value_or("")));
    detectors.setScoring(scoring);
    const app::ModelCards cards = detectors.cards();
    const std::string clipflow_id = cards.clipflow ? cards.clipflow->model_id : std::string();
    app::CaseReport report(params, cards);
    struct File {
        std::string path, notes;
        const CaseEvidence* evidence = nullptr; // from the case
    };
    std::vector<File> files;
    for (const auto& e : c.evidence) files.push_back({e.file, e.notes, &e});
    const auto found = find_image_paths(inputs);
    for (const auto& f : found.files) files.push_back({f, {}, nullptr});
    // A folder that gave no images is said, and fails the run as a file would; the report is still written.
    for (const auto& p : found.problems) std::cerr << "clipflow report: " << p.path << ": " << p.message << "\n";
    int failed = 0;
    for (const auto& [file, note, evidence] : files) {
        // A heat map the analyst made and the case kept (by this CLIP-Flow model, of these bytes) is
        // printed as the window prints it, without making it again.
        std::optional<ScoreMap> kept = evidence ? kept_heat_map(*evidence, clipflow_id) : std::nullopt;
        app::AnalyseOptions options = asked;
        if (kept) options.heat_map = false;
        // Ghosts the analyst made are made again on the grid the case kept, without --ghosts.
        const auto ghosts = evidence ? kept_jpeg_ghosts(*evidence) : std::nullopt;
        if (ghosts) {
            options.jpeg_ghosts = true;
            options.ghost_params.grid_x = ghosts->grid_x;
            options.ghost_params.grid_y = ghosts->grid_y;
            options.ghosts_on_found_grid = false;
        }
        app::Analysis a = app::analyse_file(QString::fromStdString(file), &detectors, options);
        if ((kept || ghosts) && a.error.isEmpty() && a.info.sha256 != evidence->sha256) {
            // The file changed since: what the case kept was of another picture. Only what was asked is
            // printed; the file is analysed again only where that must be made anew.
            const bool map_again = kept && asked.heat_map;
            const bool on_found = asked.ghosts_on_found_grid && a.block_grid && a.block_grid->found;
            const QPoint asked_grid = on_found ? QPoint(a.block_grid->grid_x, a.block_grid->grid_y)
                                               : QPoint(asked.ghost_params.grid_x, asked.ghost_params.grid_y);
            const bool ghosts_again = ghosts && asked.jpeg_ghosts && !a.ghosts.isNull() && a.ghosts_grid != asked_grid;
            kept.reset();
            if (map_again || ghosts_again)
                a = app::analyse_file(QString::fromStdString(file), &detectors, asked);
            else if (ghosts && !asked.jpeg_ghosts) {
                a.ghosts = QImage();
                a.ghosts_grid = QPoint();
                a.ghosts_error.clear();
            }
        }
        if (!a.error.isEmpty()) {
            ++failed;
            std::cerr << "clipflow report: " << file << ": " << a.error.toStdString() << "\n";
        } else if (!a.detectors.error.isEmpty()) {
            std::cerr << "clipflow report: " << a.detectors.error.toStdString() << "\n";
        }
        report.add(a, QString::fromStdString(note), kept ? &*kept : nullptr);
    }
    if (const Status s = report.write(QString::fromStdString(*out)); !s.ok()) {
        std::cerr << "clipflow report: " << s.message() << "\n";
        return 4;
    }
    std::cout << "wrote " << *out << " (" << files.size() << " file(s), " << failed << " failed";
    if (!found.problems.empty()) std::cout << "; " << found.problems.size() << " folder(s) gave no images";
    std::cout << ")\n";
    return failed || !found.problems.empty() ? 1 : 0;
}

} // namespace clipflow::cli
