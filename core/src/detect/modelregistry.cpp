#include "clipflow/modelregistry.h"

#include "support/jobutil.h"

#include "clipflow/atomicfile.h"
#include "clipflow/clipencoder.h"
#include "clipflow/sha256.h"
#include "support/jsoninteger.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace clipflow {
namespace {

nlohmann::json to_json(const ModelEntry& e)
{
    return {{"id", e.id},
            {"kind", e.kind},
            {"name", e.name},
            {"file", e.file},
            {"sha256", e.sha256},
            {"format", e.format},
            {"dtype", e.dtype},
            {"width", e.width},
            {"layers", e.layers},
            {"output_dim", e.output_dim},
            {"image_size", e.image_size},
            {"patch_size", e.patch_size},
            {"installed_at", e.installed_at}};
}

ModelEntry from_json(const nlohmann::json& j)
{
    ModelEntry e;
    e.id = j.value("id", "");
    e.kind = j.value("kind", "");
    e.name = j.value("name", "");
    e.file = j.value("file", "");
    e.sha256 = j.value("sha256", "");
    e.format = j.value("format", "");
    e.dtype = j.value("dtype", "");
    e.width = detail::json_integer_or<int>(j, "width", 0);
    e.layers = detail::json_integer_or<int>(j, "layers", 0);
    e.output_dim = detail::json_integer_or<int>(j, "output_dim", 0);
    e.image_size = detail::json_integer_or<int>(j, "image_size", 0);
    e.patch_size = detail::json_integer_or<int>(j, "patch_size", 0);
    e.installed_at = j.value("installed_at", "");
    return e;
}

Status place(const fs::path& from, const fs::path& to)
{
    std::error_code ec;
    if (fs::exists(to, ec)) return {};
    const fs::path tmp = to.string() + ".partial";
    fs::remove(tmp, ec);
    fs::create_hard_link(from, tmp, ec);
    if (ec) {
        ec.clear();
        fs::copy_file(from, tmp, fs::copy_options::overwrite_existing, ec);
    }
    if (!ec) fs::rename(tmp, to, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return {ErrorCode::IoError, "cannot copy " + from.string() + " into " + to.parent_path().string() + ": " + ec.message()};
    }
    return {};
}

} // namespace

std::string ModelRegistry::default_dir()
{
    if (const char* env = std::getenv("CLIPFLOW_MODELS_DIR"); env && *env) return env;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/clipflow/models";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/clipflow/models";
    return "clipflow-models";
}

ModelRegistry::ModelRegistry(std::string dir) : dir_(std::move(dir)) {}

Result<std::vector<ModelEntry>> ModelRegistry::list() const
{
    std::vector<ModelEntry> entries;
    const fs::path index = fs::path(dir_) / "models.json";
    std::ifstream in(index);
    if (!in) return entries; // nothing installed yet
    try {
        const auto j = nlohmann::json::parse(in);
        for (const auto& e : j.at("models")) entries.push_back(from_json(e));
    } catch (const std::exception& e) {
        return Status(ErrorCode::CorruptData, "the model index " + index.string() + " is damaged: " + e.what());
    }
    return entries;
}

Status ModelRegistry::save(const std::vector<ModelEntry>& entries) const
{
    nlohmann::json j;
    j["format_version"] = 1;
    j["models"] = nlohmann::json::array();
    for (const auto& e : entries) j["models"].push_back(to_json(e));
    const std::string text = j.dump(2) + "\n";
    return write_file_atomic((fs::path(dir_) / "models.json").string(),
                             {reinterpret_cast<const unsigned char*>(text.data()), text.size()});
}

Result<ModelEntry> ModelRegistry::install_clip(const std::string& path, const std::string& name) const
{
    ClipLoadParams lp;
    lp.device = "cpu";
    auto enc = ClipEncoder::load(path, lp); // validates every tensor before anything is copied
    if (!enc) return Status(enc.status().code(), "not installed: " + enc.status().message());
    auto sha = Sha256::file_hex(path);
    if (!sha) return sha.status();
    auto entries = list();
    if (!entries) return entries.status();
    for (const auto& e : *entries)
        if (e.sha256 == *sha) return e;

    const auto& c = enc->config();
    ModelEntry e;
    e.id = "clip-" + sha->substr(0, 12);
    e.kind = "clip";
    e.name = name.empty() ? c.name() : name;
    e.sha256 = *sha;
    e.format = c.checkpoint_format;
    e.dtype = c.checkpoint_dtype;
    e.width = c.width;
    e.layers = c.layers;
    e.output_dim = c.output_dim;
    e.image_size = c.image_size;
    e.patch_size = c.patch_size;
    e.installed_at = detail::now_iso();
    // Each model gets its own folder, so a config.json can sit beside it.
    const fs::path folder = fs::path(dir_) / e.id;
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) return Status(ErrorCode::IoError, "cannot create " + folder.string() + ": " + ec.message());
    const fs::path target = folder / fs::path(path).filename();
    if (Status s = place(path, target); !s.ok()) return s;
    const fs::path config = fs::path(path).parent_path() / "config.json";
    if (fs::exists(config, ec))
        if (Status s = place(config, folder / "config.json"); !s.ok()) return s;
    e.file = fs::absolute(target).string();
    entries->push_back(e);
    if (Status s = save(*entries); !s.ok()) return s;
    return e;
}

Result<std::string> ModelRegistry::resolve(const std::string& model) const
{
    std::error_code ec;
    if (fs::is_regular_file(model, ec)) return model;
    auto entries = list();
    if (!entries) return entries.status();
    for (const auto& e : *entries)
        if (e.id == model || e.name == model || (model.size() >= 8 && e.sha256.rfind(model, 0) == 0)) return e.file;
    return Status(ErrorCode::NotFound, "no model file or installed model called '" + model + "' (see clipflow models list)");
}

} // namespace clipflow
