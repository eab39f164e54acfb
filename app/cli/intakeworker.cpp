#include "intakeworker.h"

#include "jsonfields.h"

#include <clipflow/evidence.h>
#include <clipflow/metadata.h>
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
            auto ev = load_evidence(file);
            if (!ev) return error_line(file, ev.status());
            nlohmann::json line = evidence_fields(ev->info);
            // A metadata failure is not fatal to the analysis; that the parser returned at all is the point.
            line["metadata_ok"] = read_metadata_file(file).ok();
            return line;
        });
    });
}

} // namespace clipflow::cli
