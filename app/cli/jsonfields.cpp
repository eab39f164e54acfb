#include "jsonfields.h"

#include <clipflow/workerprocess.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace clipflow::cli {

double rounded(double value, double step)
{
    if (!std::isfinite(value)) return 0.0;
    // Divide by the exact power of ten so the shortest printed form stays short.
    const double inverse = std::round(1.0 / step);
    return std::round(value * inverse) / inverse;
}

nlohmann::json rounded_array(const std::vector<float>& values, double step)
{
    nlohmann::json a = nlohmann::json::array();
    for (float v : values) a.push_back(rounded(v, step));
    return a;
}

nlohmann::json name_format_json(const EvidenceInfo& info)
{
    const std::string note = name_format_note(info);
    return note.empty() ? nlohmann::json(nullptr) : nlohmann::json(note);
}

nlohmann::json evidence_fields(const EvidenceInfo& info)
{
    return {
        {"file", info.path},
        {"sha256", info.sha256},
        {"bytes", info.file_size},
        {"width", info.width},
        {"height", info.height},
        {"format", info.format},
        {"lossy", info.lossy}, // JPEG, lossy WebP (VP8), HEIF, AVIF
        {"bit_depth", info.bit_depth},
        {"colour_model", info.colour_model},
        {"has_alpha", info.has_alpha},
        {"exif_orientation", info.exif_orientation},
        {"pixel_grid", pixel_grid_note(info)},
        {"name_format", name_format_json(info)},
        {"animated", info.frame_count_hint > 1}, // only the first frame is analysed
    };
}

nlohmann::json error_line(const std::string& file, const Status& status)
{
    return {{"file", file}, {"error", status.message()}, {"error_code", error_code_name(status.code())}};
}

std::string dump_line(const nlohmann::json& j)
{
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool print_line(const nlohmann::json& line, const std::string& file, bool json,
                const std::function<void(const nlohmann::json&)>& print_text)
{
    const bool failed = line.contains("error");
    if (json)
        std::cout << dump_line(line) << "\n";
    else if (failed)
        std::cerr << file << ": " << line["error"].get<std::string>() << "\n";
    else
        print_text(line);
    std::cout.flush();
    return !failed;
}

std::vector<std::string> image_inputs(const std::vector<std::string>& inputs, int& problems)
{
    auto found = find_image_paths(inputs);
    say_folder_problems(found.problems);
    problems += static_cast<int>(found.problems.size());
    return std::move(found.files);
}

bool say_folder_problems(const std::vector<FolderProblem>& problems)
{
    for (const auto& p : problems) std::cerr << p.path << ": " << p.message << "\n";
    return !problems.empty();
}

std::string answer_file_request(const std::string& request, const std::function<nlohmann::json(const std::string&)>& handle)
{
    const auto file = decode_worker_path(request);
    return dump_line(file ? handle(*file) : error_line(request, Status(ErrorCode::InvalidArgument, "malformed request")));
}

} // namespace clipflow::cli
