// Test helper for tst_crashsafety: saves a large case file over and over
// (generation 1, 2, ...) until killed, printing each finished generation.

#include <clipflow/casefile.h>

#include <cstdio>
#include <string>

int main(int argc, char** argv)
{
    if (argc != 3) return 2;
    const std::string path = argv[1];
    const int entries = std::stoi(argv[2]);
    clipflow::CaseFile c;
    c.analyst = "crash test";
    for (int i = 0; i < entries; ++i) {
        clipflow::CaseEvidence e;
        e.file = "/evidence/" + std::to_string(i) + ".jpg";
        e.sha256 = std::string(64, "0123456789abcdef"[i % 16]);
        e.notes = std::string(2000, 'n');
        c.evidence.push_back(e);
    }
    for (long generation = 1;; ++generation) {
        c.title = "generation " + std::to_string(generation);
        if (!c.save(path).ok()) return 1;
        std::printf("saved %ld\n", generation);
        std::fflush(stdout);
    }
}
