// clipflow: the headless command line of ClipFlow Forensics.

#include "addgeneratorcommand.h"
#include "detectorsetup.h"
#include "embedcommand.h"
#include "evalcommand.h"
#include "jpegcommand.h"
#include "modelscommand.h"
#include "provenancecommand.h"
#include "proxycommand.h"
#include "recalibratecommand.h"
#include "scorecommand.h"
#include "spectrumcommand.h"
#include "trainbackbonecommand.h"
#include "trainclassifiercommand.h"
#include "traincommand.h"

#include <clipflow/allocator.h>
#include <clipflow/version.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

const char* const kHelp = R"(Usage: clipflow COMMAND [options]

ClipFlow Forensics on the command line: evidence intake and analysis for
deciding whether an image was made by an AI generator.

Commands:
  score IMAGE...       is it AI-generated? CLIP-Flow scores calibrated against
                       natural photos, and/or the supervised detector's p_ai
                       and generator (--detector clipflow|supervised|all)
  provenance IMAGE...  what the file says of its origin: C2PA Content
                       Credentials verified, generator settings, IPTC source
                       type (--trust FILE.pem for your trust anchors)
  jpeg IMAGE...        JPEG forensics: quantization tables and quality,
                       double compression, EXIF thumbnail; error level
                       analysis images (--ela DIR)
  train --natural DIR --out MODEL
                       train a CLIP-Flow detector from natural photos only
  recalibrate --model M --out NEW --natural DIR
                       make a CLIP-Flow threshold hold for delivered photos,
                       or read a supervised model against unseen photos
  train-backbone --natural DIR --out WEIGHTS
                       train the forensic-v2 backbone from natural photos only
  train-classifier --data DIR --out MODEL
                       train the supervised detector (real + generators)
  add-generator --model M --name NAME --out NEW IMAGE...
                       teach it a new generator from a few examples
  eval --real DIR --fake DIR
                       ROC-AUC, AP and TPR@5%FPR, as-is and laundered
  proxy IMAGE... --out DIR
                       the spectral proxy images training uses
  spectrum IMAGE...    Fourier spectra, radial profiles and periodic peaks
  embed --clip MODEL IMAGE...
                       CLIP image embeddings
  models list|install  the CLIP checkpoints installed for this user
  report IMAGE... --out REPORT.pdf
                       the PDF case report (needs a build with Qt)

Options:
  --version            print the version and exit
  --help               this text; `clipflow COMMAND --help` for a command

Exit status: 0 success, 1 some inputs failed, 2 usage error.
)";

// The report draws with Qt, which this program must not link: hand over to
// clipflow-report beside it (built with the GUI).
int run_report_program(const std::vector<std::string>& words)
{
    const std::string program = clipflow::cli::executable_dir() + "/clipflow-report";
    if (::access(program.c_str(), X_OK) != 0) {
        std::cerr << "clipflow report: " << program << " is missing; reports need the build with Qt (CLIPFLOW_BUILD_GUI=ON)\n";
        return 2;
    }
    std::vector<char*> argv{const_cast<char*>(program.c_str())};
    for (const auto& w : words) argv.push_back(const_cast<char*>(w.c_str()));
    argv.push_back(nullptr);
    ::execv(program.c_str(), argv.data());
    std::cerr << "clipflow report: cannot run " << program << ": " << std::strerror(errno) << "\n";
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    clipflow::tune_allocator();
    std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty()) {
        std::cerr << kHelp;
        return 2;
    }
    const std::string command = words.front();
    words.erase(words.begin());
    if (command == "--version" || command == "-V" || command == "version") {
        std::cout << "clipflow " << clipflow::version() << "\n";
        return 0;
    }
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << kHelp;
        return 0;
    }
    try {
        if (command == "spectrum") return clipflow::cli::run_spectrum(std::move(words));
        if (command == "embed") return clipflow::cli::run_embed(std::move(words));
        if (command == "score") return clipflow::cli::run_score(std::move(words));
        if (command == "train") return clipflow::cli::run_train(std::move(words));
        if (command == "recalibrate") return clipflow::cli::run_recalibrate(std::move(words));
        if (command == "train-backbone") return clipflow::cli::run_train_backbone(std::move(words));
        if (command == "train-classifier") return clipflow::cli::run_train_classifier(std::move(words));
        if (command == "add-generator") return clipflow::cli::run_add_generator(std::move(words));
        if (command == "eval") return clipflow::cli::run_eval(std::move(words));
        if (command == "provenance") return clipflow::cli::run_provenance(std::move(words));
        if (command == "jpeg") return clipflow::cli::run_jpeg(std::move(words));
        if (command == "proxy") return clipflow::cli::run_proxy(std::move(words));
        if (command == "models") return clipflow::cli::run_models(std::move(words));
        if (command == "report") return run_report_program(words);
    } catch (const std::exception& e) {
        std::cerr << "clipflow: internal error: " << e.what() << "\n";
        return 3;
    }
    std::cerr << "clipflow: unknown command '" << command << "'\n\n" << kHelp;
    return 2;
}
