// clipflow-bench-analysis: the window's analysis of each file (analyse_file:
// isolated read, intake, metadata, JPEG forensics and ELA, spectra per
// channel, both default detectors, the re-hash), one file after another as
// the window does, timed as a whole. bench/compare_score.py runs it beside
// the decode floor; never used by the app itself.
//
//   clipflow-bench-analysis [--in-process] [--robustness] FILE...
//       prints {"seconds": S, "files": N, "failed": F, "steps": {...}}
// --robustness: with the robustness checks, as the window runs by default.

#include "analysis.h"

#include <clipflow/allocator.h>
#include <clipflow/isolatedintake.h>

#include <QCoreApplication>

#include <chrono>
#include <iostream>

using namespace clipflow;
using namespace clipflow::app;

int main(int argc, char** argv)
{
    tune_allocator(); // as clipflow-forensics does
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::cerr << "usage: clipflow-bench-analysis FILE...\n";
        return 2;
    }
    const QString dir = QCoreApplication::applicationDirPath();
    Detectors detectors(dir);
    WorkerProcessParams params;
    params.argv = {(dir + QStringLiteral("/clipflow-intake")).toStdString()};
    params.timeout_s = 120;
    // --in-process: intake without the isolated reader, to show what isolation costs.
    bool in_process = false;
    int first = 1;
    for (; first < argc; ++first) {
        const std::string a = argv[first];
        if (a == "--in-process") {
            in_process = true;
        } else if (a == "--robustness") {
            ScoreParams scoring;
            scoring.robustness = true;
            detectors.setScoring(scoring);
        } else {
            break;
        }
    }
    auto reader = in_process ? nullptr : std::make_shared<IsolatedReader>(params);
    int failed = 0;
    AnalysisTimings sum;
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = first; i < argc; ++i) {
        // As the window does: the next file of the queue is read ahead by the isolated reader.
        const QString next = i + 1 < argc ? QString::fromLocal8Bit(argv[i + 1]) : QString();
        AnalyseOptions options;
        options.reader = reader;
        options.read_ahead = next;
        const Analysis a = analyse_file(QString::fromLocal8Bit(argv[i]), &detectors, options);
        sum.intake += a.timings.intake;
        sum.ela += a.timings.ela;
        sum.block_grid += a.timings.block_grid;
        sum.spectrum += a.timings.spectrum;
        sum.detectors += a.timings.detectors;
        sum.rehash += a.timings.rehash;
        if (!a.error.isEmpty()) {
            std::cerr << argv[i] << ": " << a.error.toStdString() << "\n";
            ++failed;
        }
    }
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << "{\"seconds\": " << s << ", \"files\": " << argc - first << ", \"failed\": " << failed
              << ", \"steps\": {\"intake\": " << sum.intake << ", \"ela\": " << sum.ela << ", \"block_grid\": " << sum.block_grid
              << ", \"spectrum\": " << sum.spectrum << ", \"detectors\": " << sum.detectors << ", \"rehash\": " << sum.rehash
              << "}}\n";
    return failed ? 1 : 0;
}
