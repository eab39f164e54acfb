#include "reportcommand.h"

#include "args.h"

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

namespace clipflow::cli {

const char* const kReportHelp = R"(Usage: clipflow report [IMAGE|FOLDER...] --out REPORT.pdf [options]

Analyses each image (intake with SHA-256, metadata, spectra, both detectors)
and writes the PDF case report: case and analyst, a summary, one section per
file (hash, size, times, metadata summary, thumbnail, spectrum, radial
profile, calibration histogram, scores, verdicts, disagreement, provenance
with Content Credentials verified), the model
cards, the method and its limitations. Runs without a display.

Options:
  --out FILE           the PDF to write (written atomically)
  --case FILE.cfcase   report on a case: its title, analyst, notes, evidence
                       (re-hashed; mismatches are flagged) and audit log
  --title TEXT         case title (overrides the case's)
  --analyst NAME       who signs the report (overrides the case's)
  --notes TEXT         case notes
  --page a4|letter     page size (default a4)
  --clipflow-model M   CLIP-Flow detector file, or - for none (default: shipped)
  --supervised-model M supervised detector file, or - for none (default: shipped)
  --trust FILE.pem     C2PA trust anchors: signers chaining to these are
                       reported as trusted (default: none; no list ships)
  --robustness         score each image again after JPEG 90/75 and resizing
                       to 75%/50%, and print those scores; a verdict that
                       changes under them is reported as inconclusive

Exit status: 0 written (1 if some images could not be analysed), 2 usage error,
4 the PDF could not be written.
)";

int run_report(std::vector<std::string> words)
{
    Args args(std::move(words));
    if (args.flag("--help") || args.flag("-h")) {
        std::cout << kReportHelp;
        return 0;
    }
    const auto out = args.option("--out");
    const auto case_path = args.option("--case");
    const auto title = args.option("--title");
    const auto analyst = args.option("--analyst");
    const auto notes = args.option("--notes");
    const auto page = args.option("--page");
    const auto clipflow_model = args.option("--clipflow-model");
    const auto supervised_model = args.option("--supervised-model");
    const auto trust = args.option("--trust");
    ScoreParams scoring;
    scoring.robustness = args.flag("--robustness");
    const auto inputs = args.positional();
    auto usage = [](const std::string& why) { return usage_error("report", why); };
    if (!args.error().empty()) return usage(args.error());
    for (const auto& p : inputs)
        if (p.rfind("--", 0) == 0) return usage("unknown option " + p);
    if (!out) return usage("--out REPORT.pdf is required");
    if (inputs.empty() && !case_path) return usage("give images, folders or --case FILE");
    if (page && *page != "a4" && *page != "letter") return usage("--page must be a4 or letter");

    ProvenanceParams provenance;
    if (trust) {
        auto pem = read_trust_anchors(*trust);
        if (!pem) return usage(pem.status().message());
        provenance.c2pa.trust_anchors_pem = std::move(*pem);
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
    params.page = page && *page == "letter" ? QPageSize::Letter : QPageSize::A4;
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
    app::CaseReport report(params, detectors.cards());
    std::vector<std::pair<std::string, std::string>> files; // path, notes
    for (const auto& e : c.evidence) files.emplace_back(e.file, e.notes);
    for (const auto& f : expand_image_paths(inputs)) files.emplace_back(f, std::string());
    int failed = 0;
    for (const auto& [file, note] : files) {
        const app::Analysis a = app::analyse_file(QString::fromStdString(file), &detectors, nullptr, provenance);
        if (!a.error.isEmpty()) {
            ++failed;
            std::cerr << "clipflow report: " << file << ": " << a.error.toStdString() << "\n";
        } else if (!a.detectors.error.isEmpty()) {
            std::cerr << "clipflow report: " << a.detectors.error.toStdString() << "\n";
        }
        report.add(a, QString::fromStdString(note));
    }
    if (const Status s = report.write(QString::fromStdString(*out)); !s.ok()) {
        std::cerr << "clipflow report: " << s.message() << "\n";
        return 4;
    }
    std::cout << "wrote " << *out << " (" << files.size() << " file(s), " << failed << " failed)\n";
    return failed ? 1 : 0;
}

} // namespace clipflow::cli
