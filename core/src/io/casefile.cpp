#include "clipflow/casefile.h"

#include "clipflow/atomicfile.h"
#include "clipflow/sha256.h"
#include "clipflow/version.h"
#include "detect/scoremapjson.h"
#include "support/jobutil.h"
#include "support/jsoninteger.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <utility>

namespace clipflow {

using nlohmann::json;

CaseFile::CaseFile() : created_at(detail::now_iso()), tool_version(version()) {}

CaseEvidence& CaseFile::add_evidence(const EvidenceInfo& info)
{
    for (auto& e : evidence)
        if (e.file == info.path && e.sha256 == info.sha256) return e;
    CaseEvidence e;
    std::error_code ec;
    const auto abs = std::filesystem::absolute(info.path, ec);
    e.file = ec ? info.path : abs.lexically_normal().string();
    e.sha256 = info.sha256;
    e.size = info.file_size;
    e.format = info.format;
    e.width = info.width;
    e.height = info.height;
    e.added_at = detail::now_iso();
    evidence.push_back(std::move(e));
    log("add evidence", evidence.back().file + " sha256 " + info.sha256);
    return evidence.back();
}

void CaseFile::log(const std::string& action, const std::string& detail)
{
    audit.push_back({detail::now_iso(), action, detail});
}

std::string CaseFile::to_json() const
{
    json ev = json::array();
    for (const auto& e : evidence) {
        json results;
        try {
            results = json::parse(e.results_json);
        } catch (const json::exception&) {
            results = json{{"unparsed", e.results_json}};
        }
        ev.push_back({{"file", e.file},
                      {"sha256", e.sha256},
                      {"size", e.size},
                      {"format", e.format},
                      {"width", e.width},
                      {"height", e.height},
                      {"added_at", e.added_at},
                      {"notes", e.notes},
                      {"results", results}});
    }
    json log = json::array();
    for (const auto& a : audit) log.push_back({{"time", a.time}, {"action", a.action}, {"detail", a.detail}});
    return json{{"format", "clipflow-case"},
                {"format_version", kFormatVersion},
                {"tool_version", tool_version},
                {"created_at", created_at},
                {"case", {{"title", title}, {"analyst", analyst}, {"notes", notes}}},
                {"evidence", ev},
                {"audit", log}}
        .dump(2);
}

Result<CaseFile> CaseFile::parse(const std::string& text)
{
    try {
        const json j = json::parse(text);
        if (!j.is_object() || j.value("format", "") != "clipflow-case")
            return Status(ErrorCode::UnsupportedFormat, "not a ClipFlow case file");
        const int v = detail::json_integer_at<int>(j, "format_version");
        if (v < 1 || v > kFormatVersion)
            return Status(ErrorCode::UnsupportedFormat,
                          "case format version " + std::to_string(v) + " is newer than this ClipFlow");
        CaseFile c;
        c.tool_version = j.value("tool_version", "");
        c.created_at = j.value("created_at", "");
        const json& k = j.at("case");
        c.title = k.value("title", "");
        c.analyst = k.value("analyst", "");
        c.notes = k.value("notes", "");
        for (const json& e : j.at("evidence")) {
            CaseEvidence x;
            x.file = e.at("file").get<std::string>();
            x.sha256 = e.at("sha256").get<std::string>();
            if (x.sha256.size() != 64 || x.sha256.find_first_not_of("0123456789abcdef") != std::string::npos)
                return Status(ErrorCode::CorruptData, "case evidence " + x.file + " has no valid SHA-256");
            x.size = detail::json_integer_or<std::uint64_t>(e, "size", 0);
            x.format = e.value("format", "");
            x.width = detail::json_integer_or<int>(e, "width", 0, 0, 1 << 30);
            x.height = detail::json_integer_or<int>(e, "height", 0, 0, 1 << 30);
            x.added_at = e.value("added_at", "");
            x.notes = e.value("notes", "");
            x.results_json = e.contains("results") ? e["results"].dump() : "{}";
            c.evidence.push_back(std::move(x));
        }
        for (const json& a : j.at("audit"))
            c.audit.push_back({a.at("time").get<std::string>(), a.at("action").get<std::string>(), a.value("detail", "")});
        return c;
    } catch (const json::exception& e) {
        return Status(ErrorCode::CorruptData, std::string("case file is damaged: ") + e.what());
    }
}

Status CaseFile::save(const std::string& path) const
{
    const std::string text = to_json();
    return write_file_atomic(path, std::span(reinterpret_cast<const unsigned char*>(text.data()), text.size()));
}

Result<CaseFile> CaseFile::load(const std::string& path)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return Status(ErrorCode::NotFound, "no case file at " + path);
    if (std::filesystem::file_size(path, ec) > kMaxBytes)
        return Status(ErrorCode::FileTooLarge, "case file is larger than any ClipFlow writes");
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status(ErrorCode::IoError, "cannot read " + path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parse(text);
}

namespace {

// Sets one key of an entry's results, keeping the others (results that cannot be read start afresh).
void set_result(CaseEvidence& e, const char* key, json value)
{
    json results;
    try {
        results = json::parse(e.results_json);
    } catch (const json::exception&) {
    }
    if (!results.is_object()) results = json::object();
    results[key] = std::move(value);
    e.results_json = results.dump();
}

} // namespace

void keep_heat_map(CaseEvidence& e, const ScoreMap& map)
{
    set_result(e, "heat_map", detail::score_map_json(map));
}

std::optional<ScoreMap> kept_heat_map(const CaseEvidence& e, const std::string& model_id)
{
    if (model_id.empty()) return std::nullopt;
    try {
        const json results = json::parse(e.results_json);
        if (!results.is_object() || !results.contains("heat_map")) return std::nullopt;
        auto map = detail::score_map_from_json(results.at("heat_map"));
        if (!map || map->model_id != model_id) return std::nullopt;
        // A map of another picture (the entry's size is the decoded image's) would be drawn over the wrong pixels.
        if ((e.width && map->image_width != e.width) || (e.height && map->image_height != e.height)) return std::nullopt;
        return std::move(*map);
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

void keep_jpeg_ghosts(CaseEvidence& e, const KeptJpegGhosts& ghosts)
{
    set_result(e, "jpeg_ghosts", {{"grid", {ghosts.grid_x, ghosts.grid_y}}});
}

std::optional<KeptJpegGhosts> kept_jpeg_ghosts(const CaseEvidence& e)
{
    try {
        const json results = json::parse(e.results_json);
        if (!results.is_object() || !results.contains("jpeg_ghosts")) return std::nullopt;
        const json& grid = results.at("jpeg_ghosts").at("grid");
        if (!grid.is_array() || grid.size() != 2) return std::nullopt;
        return KeptJpegGhosts{detail::json_integer<int>(grid[0], 0, 7), detail::json_integer<int>(grid[1], 0, 7)};
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

std::vector<IntegrityCheck> verify_evidence(const CaseFile& c, const AbortCallback& abort)
{
    std::vector<IntegrityCheck> out;
    for (const auto& e : c.evidence) {
        if (abort && abort()) break;
        IntegrityCheck v{e.file, e.sha256, {}, false, {}};
        auto sha = Sha256::file_hex(e.file);
        if (!sha)
            v.error = sha.status().message();
        else {
            v.actual = *sha;
            v.ok = v.actual == v.expected;
            if (!v.ok) v.error = "the file has changed since it was added to the case";
        }
        out.push_back(std::move(v));
    }
    return out;
}

} // namespace clipflow
