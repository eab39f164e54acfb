// Replays a fuzz corpus through a fuzz target without libFuzzer (any
// compiler): every file, and every prefix-truncated copy of small files, must
// come back without a crash. CTest runs this on tests/fuzz/corpus/<target>.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv)
{
    namespace fs = std::filesystem;
    long files = 0, runs = 0;
    for (int i = 1; i < argc; ++i) {
        if (!fs::is_directory(argv[i])) {
            std::cerr << "not a corpus folder: " << argv[i] << "\n";
            return 2;
        }
        for (const auto& e : fs::recursive_directory_iterator(argv[i])) {
            if (!e.is_regular_file()) continue;
            std::ifstream in(e.path(), std::ios::binary);
            const std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), {}};
            LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
            ++files;
            ++runs;
            // Truncations are the commonest damage in the wild.
            if (bytes.size() <= 4096)
                for (std::size_t n = 0; n < bytes.size(); n += 1 + bytes.size() / 64, ++runs)
                    LLVMFuzzerTestOneInput(bytes.data(), n);
        }
    }
    std::cout << "replayed " << files << " corpus files (" << runs << " inputs) without a crash\n";
    return files > 0 ? 0 : 1;
}
