#include "clipflow/sharding.h"

#include "clipflow/imagepaths.h"
#include "clipflow/sha256.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace clipflow {

namespace {

std::optional<long> whole_number(const std::string& s)
{
    long v = 0;
    const char* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, v);
    if (ec != std::errc() || p != end || s.empty()) return std::nullopt;
    return v;
}

std::optional<std::string> env(const char* name)
{
    const char* v = std::getenv(name);
    if (!v || !*v) return std::nullopt;
    return std::string(v);
}

Result<ShardSpec> checked(long index, long count, const std::string& what)
{
    if (count < 1 || count > 1000000)
        return Status(ErrorCode::InvalidArgument, what + ": the shard count must be 1 to 1,000,000");
    if (index < 0 || index >= count)
        return Status(ErrorCode::InvalidArgument,
                      what + ": shard index " + std::to_string(index) + " is outside 0.." + std::to_string(count - 1));
    return ShardSpec{static_cast<int>(index), static_cast<int>(count)};
}

} // namespace

Result<ShardSpec> parse_shard(const std::string& text)
{
    const auto slash = text.find('/');
    if (slash == std::string::npos) return Status(ErrorCode::InvalidArgument, "--shard needs I/N, e.g. 0/4");
    const auto i = whole_number(text.substr(0, slash)), n = whole_number(text.substr(slash + 1));
    if (!i || !n) return Status(ErrorCode::InvalidArgument, "--shard needs whole numbers I/N, e.g. 0/4, not '" + text + "'");
    return checked(*i, *n, "--shard " + text);
}

Result<std::optional<ShardSpec>> shard_from_environment(int count)
{
    if (auto k8s = env("JOB_COMPLETION_INDEX")) {
        const auto i = whole_number(*k8s);
        if (!i) return Status(ErrorCode::InvalidArgument, "JOB_COMPLETION_INDEX is not a whole number: " + *k8s);
        if (count <= 0)
            return Status(ErrorCode::InvalidArgument, "JOB_COMPLETION_INDEX is set: give the job's completions as --shards N");
        auto s = checked(*i, count, "JOB_COMPLETION_INDEX");
        if (!s) return s.status();
        return std::optional<ShardSpec>(*s);
    }
    if (auto id = env("SLURM_ARRAY_TASK_ID")) {
        const auto i = whole_number(*id);
        const auto n = whole_number(env("SLURM_ARRAY_TASK_COUNT").value_or(count > 0 ? std::to_string(count) : ""));
        const auto lo = whole_number(env("SLURM_ARRAY_TASK_MIN").value_or("0"));
        if (!i || !n || !lo)
            return Status(ErrorCode::InvalidArgument,
                          "SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_ID/COUNT/MIN are not all whole numbers");
        auto s = checked(*i - *lo, *n, "SLURM_ARRAY_TASK_ID");
        if (!s) return s.status();
        return std::optional<ShardSpec>(*s);
    }
    return std::optional<ShardSpec>();
}

int shard_of(const std::string& relative_path, int count)
{
    if (count <= 1) return 0;
    const std::string h = Sha256::hex({reinterpret_cast<const std::uint8_t*>(relative_path.data()), relative_path.size()});
    const std::uint64_t v = std::stoull(h.substr(0, 16), nullptr, 16);
    return static_cast<int>(v % static_cast<std::uint64_t>(count));
}

std::vector<ImageRootPath> expand_image_roots(const std::vector<std::string>& inputs, std::vector<FolderProblem>* problems)
{
    namespace fs = std::filesystem;
    std::vector<ImageRootPath> out;
    for (const auto& input : inputs) {
        std::error_code ec;
        const bool dir = fs::is_directory(input, ec);
        auto found = find_image_paths({input});
        if (problems) problems->insert(problems->end(), found.problems.begin(), found.problems.end());
        for (auto& f : found.files) {
            std::string rel = dir ? fs::path(f).lexically_relative(input).generic_string() : fs::path(f).filename().string();
            out.push_back({std::move(f), std::move(rel)});
        }
    }
    return out;
}

Result<std::set<std::pair<std::string, std::string>>> read_finished_results(const std::string& path)
{
    namespace fs = std::filesystem;
    std::set<std::pair<std::string, std::string>> done;
    std::error_code ec;
    if (!fs::exists(path, ec)) return done;
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status(ErrorCode::IoError, "cannot read " + path);
    std::string line;
    std::uintmax_t complete = 0; // bytes up to the end of the last complete line
    while (std::getline(in, line)) {
        if (in.eof()) break; // no newline after it: cut short
        complete += line.size() + 1;
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_object() && j.contains("file") && j["file"].is_string() && j.contains("sha256") && j["sha256"].is_string())
            done.emplace(j["file"].get<std::string>(), j["sha256"].get<std::string>());
    }
    in.close();
    if (fs::file_size(path, ec) != complete && !ec) {
        fs::resize_file(path, complete, ec);
        if (ec) return Status(ErrorCode::IoError, "cannot cut the unfinished last line of " + path + ": " + ec.message());
    }
    return done;
}

} // namespace clipflow
