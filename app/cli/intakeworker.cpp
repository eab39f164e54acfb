#include "intakeworker.h"

#include "jsonfields.h"

#include <clipflow/isolatedintake.h>
#include <clipflow/workerprocess.h>

#include <iostream>

namespace clipflow::cli {

int run_intake_worker(std::vector<std::string> words)
{
    if (!words.empty()) {
        std::cerr << "clipflow intake-worker: takes no arguments; it answers intake requests on stdin\n";
        return 2;
    }
    std::FILE* replies = take_worker_replies();
    // Both ends of the protocol are core's (isolatedintake.h): this process runs every parser of untrusted bytes
    // the window needs (decoders, Exiv2, text chunks, C2PA, JPEG forensics) and sends back what it found.
    return serve_worker_requests(replies, dump_line({{"ready", true}}),
                                 [](const std::string& request) { return answer_intake_request(request); });
}

} // namespace clipflow::cli
