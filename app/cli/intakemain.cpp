// clipflow-intake: the isolated reader's child (core/isolatedintake.h). It
// links core without LibTorch, so it starts in milliseconds rather than the
// 0.6-0.8 s of CPU a process spends loading LibTorch: readers are started per
// worker and again after each crash or time-out.

#include <clipflow/allocator.h>
#include <clipflow/isolatedintake.h>
#include <clipflow/workerprocess.h>

#include <nlohmann/json.hpp>

#include <iostream>
#include <string>

namespace {

const char* const kHelp = R"(Usage: clipflow-intake

The isolated reader of ClipFlow Forensics, started by clipflow and
clipflow-forensics, not by hand. It reads each file it is sent, computes its
SHA-256, decodes it and runs every parser of its bytes (image decoders, Exiv2,
PNG text chunks, C2PA Content Credentials, JPEG forensics), then sends back
what it found and the decoded pixels. A file that hangs or crashes a parser
costs this process, never the program that started it, which reports the file
("timed_out", "worker_crashed") and starts a fresh reader. Files are read,
never written.

Options:
  -h, --help           this text
)";

} // namespace

int main(int argc, char** argv)
{
    if (argc > 1) {
        const std::string a = argv[1];
        const bool help = a == "--help" || a == "-h";
        (help ? std::cout : std::cerr) << kHelp;
        return help ? 0 : 2;
    }
    clipflow::tune_allocator();
    std::FILE* replies = clipflow::take_worker_replies();
    return clipflow::serve_worker_requests(replies, nlohmann::json{{"ready", true}}.dump(),
                                           [](const std::string& request) { return clipflow::answer_intake_request(request); });
}
