#include "intakeworker.h"

#include "jsonfields.h"

#include <clipflow/evidence.h>
#include <clipflow/workerprocess.h>

#include <iostream>

namespace clipflow::cli {

int run_intake_worker(std::vector<std::string> words)
{
    if (!words.empty()) {
        std::cerr << "clipflow intake-worker: takes no arguments; it answers file paths on stdin\n";
        return 2;
    }
    std::FILE* replies = take_worker_replies();
    return serve_worker_requests(replies, dump_line({{"ready", true}}), [](const std::string& request) {
        return answer_file_request(request, [](const std::string& file) {
            // Every parser of untrusted bytes the window will run: decoders, Exiv2, text chunks, C2PA (CBOR,
            // COSE, certificates), JPEG forensics. The window analyses only what came back from here.
            IntakeParams intake;
            intake.read_provenance = true;
            intake.read_jpeg_forensics = true;
            auto ev = load_evidence(file, intake);
            if (!ev) return error_line(file, ev.status());
            nlohmann::json line = evidence_fields(ev->info);
            // A metadata failure is not fatal to the analysis; that the parser returned at all is the point.
            line["metadata_ok"] = ev->metadata_error.empty();
            return line;
        });
    });
}

} // namespace clipflow::cli
