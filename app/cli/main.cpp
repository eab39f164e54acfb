// clipflow: the headless command line of ClipFlow Forensics.
//
// One source, three programs (app/CMakeLists.txt), because a process that links
// LibTorch spends 0.6-0.8 s loading it before main(), and one that links
// OpenCV's image codecs about 0.2 s:
//   clipflow          (CLIPFLOW_CLI_DISPATCH) links neither: it answers --help,
//                     --version and usage errors, and starts the program that
//                     runs the command in its place (same process, arguments,
//                     streams and environment);
//   clipflow-inspect  (CLIPFLOW_CLI_INSPECT) the commands that need no
//                     detector: spectrum, provenance, jpeg, proxy;
//   clipflow-engine   every command (the detectors: score, train, eval, ...).

#if !defined(CLIPFLOW_CLI_DISPATCH)
#include "jpegcommand.h"
#include "jsonfields.h"
#include "provenancecommand.h"
#include "proxycommand.h"
#include "spectrumcommand.h"
#include <clipflow/allocator.h>
#endif
#if !defined(CLIPFLOW_CLI_DISPATCH) && !defined(CLIPFLOW_CLI_INSPECT)
#include "addgeneratorcommand.h"
#include "embedcommand.h"
#include "evalcommand.h"
#include "modelscommand.h"
#include "recalibratecommand.h"
#include "scorecommand.h"
#include "trainbackbonecommand.h"
#include "trainclassifiercommand.h"
#include "traincommand.h"
#endif

#include "checkedexit.h"

#include <clipflow/programdir.h>
#include <clipflow/version.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <iterator>
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

Exit status: 0 success, 1 some inputs failed or the output could not be written
(a full disk), 2 usage error.
)";

// Replaces this process with `name` from the same folder, given `words` (the
// PID, the streams and the environment stay: a caller waiting on or signalling
// `clipflow` reaches the program that does the work). Returns only on failure.
int run_companion(const char* name, const std::string& command, const std::vector<std::string>& words, const char* missing_why)
{
    const std::string program = clipflow::running_program_dir() + "/" + name; // companions lie beside it
    if (::access(program.c_str(), X_OK) != 0) {
        std::cerr << "clipflow " << command << ": " << program << " is missing; " << missing_why << "\n";
        return 2;
    }
    std::vector<char*> argv{const_cast<char*>(program.c_str())};
    for (const auto& w : words) argv.push_back(const_cast<char*>(w.c_str()));
    argv.push_back(nullptr);
    ::execv(program.c_str(), argv.data());
    std::cerr << "clipflow " << command << ": cannot run " << program << ": " << std::strerror(errno) << "\n";
    return 2;
}

// Which program runs a command (the report draws with Qt, which none of the three links).
const char* const kInspectCommands[] = {"spectrum", "provenance", "jpeg", "proxy"};
const char* const kEngineCommands[] = {"score",         "train", "recalibrate", "train-backbone", "train-classifier",
                                       "add-generator", "eval",  "embed",       "models"};

template <std::size_t N> bool among(const std::string& command, const char* const (&names)[N])
{
    return std::find(std::begin(names), std::end(names), command) != std::end(names);
}

} // namespace

int main(int argc, char** argv)
{
#if !defined(CLIPFLOW_CLI_DISPATCH)
    clipflow::tune_allocator();
#endif
    std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty()) {
        std::cerr << kHelp;
        return 2;
    }
    const std::string command = words.front();
    words.erase(words.begin());
    if (command == "--version" || command == "-V" || command == "version") {
        std::cout << "clipflow " << clipflow::version() << "\n";
        return clipflow::cli::checked_exit("clipflow", 0);
    }
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << kHelp;
        return clipflow::cli::checked_exit("clipflow", 0);
    }
    if (command == "report")
        return run_companion("clipflow-report", command, words, "reports need the build with Qt (CLIPFLOW_BUILD_GUI=ON)");
#if defined(CLIPFLOW_CLI_DISPATCH) || defined(CLIPFLOW_CLI_INSPECT)
    const auto hand_to = [&](const char* program) {
        words.insert(words.begin(), command);
        return run_companion(program, command, words, "reinstall ClipFlow Forensics");
    };
#endif
#if defined(CLIPFLOW_CLI_DISPATCH)
    if (among(command, kInspectCommands)) return hand_to("clipflow-inspect");
#endif
#if defined(CLIPFLOW_CLI_DISPATCH) || defined(CLIPFLOW_CLI_INSPECT)
    if (among(command, kEngineCommands)) return hand_to("clipflow-engine");
#endif
#if !defined(CLIPFLOW_CLI_DISPATCH)
    int status = -1;
    try {
        if (command == "spectrum") status = clipflow::cli::run_spectrum(std::move(words));
        if (command == "provenance") status = clipflow::cli::run_provenance(std::move(words));
        if (command == "jpeg") status = clipflow::cli::run_jpeg(std::move(words));
        if (command == "proxy") status = clipflow::cli::run_proxy(std::move(words));
#if !defined(CLIPFLOW_CLI_INSPECT)
        if (command == "embed") status = clipflow::cli::run_embed(std::move(words));
        if (command == "score") status = clipflow::cli::run_score(std::move(words));
        if (command == "train") status = clipflow::cli::run_train(std::move(words));
        if (command == "recalibrate") status = clipflow::cli::run_recalibrate(std::move(words));
        if (command == "train-backbone") status = clipflow::cli::run_train_backbone(std::move(words));
        if (command == "train-classifier") status = clipflow::cli::run_train_classifier(std::move(words));
        if (command == "add-generator") status = clipflow::cli::run_add_generator(std::move(words));
        if (command == "eval") status = clipflow::cli::run_eval(std::move(words));
        if (command == "models") status = clipflow::cli::run_models(std::move(words));
#endif
    } catch (const std::exception& e) {
        std::cerr << "clipflow: internal error: " << e.what() << "\n";
        return 3;
    }
    if (status >= 0) return clipflow::cli::checked_exit("clipflow " + command, status);
#endif
    std::cerr << "clipflow: unknown command '" << command << "'\n\n" << kHelp;
    return 2;
}
