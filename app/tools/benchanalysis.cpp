// clipflow-bench-analysis: the window's analysis of each file (analyse_file:
// isolated read, intake, metadata, JPEG forensics and ELA, spectra per
// channel, both default detectors, the re-hash), one file after another as
// the window does, timed as a whole. bench/compare_score.py runs it beside
// the decode floor; never used by the app itself.
//
//   clipflow-bench-analysis FILE...     prints {"seconds": S, "files": N, "failed": F}

#include "analysis.h"

#include <clipflow/allocator.h>
#include <clipflow/workerprocess.h>

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
    params.argv = {(dir + QStringLiteral("/clipflow")).toStdString(), "intake-worker"};
    params.timeout_s = 120;
    WorkerProcess reader(params);
    int failed = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 1; i < argc; ++i) {
        const Analysis a = analyse_file(QString::fromLocal8Bit(argv[i]), &detectors, &reader);
        if (!a.error.isEmpty()) {
            std::cerr << argv[i] << ": " << a.error.toStdString() << "\n";
            ++failed;
        }
    }
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << "{\"seconds\": " << s << ", \"files\": " << argc - 1 << ", \"failed\": " << failed << "}\n";
    return failed ? 1 : 0;
}
